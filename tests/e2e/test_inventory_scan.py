"""`cutover inventory scan` reads real DICOM files written by others (pydicom's bundled test files)
and records exactly what pydicom reads from them."""
import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

pydicom = pytest.importorskip("pydicom", reason="make test installs pydicom")
TEST_FILES = Path(pydicom.data.__file__).parent / "test_files"
ORACLE = Path(__file__).parent / "pydicom_oracle.py"


@pytest.fixture(scope="module")
def oracle():
    out = subprocess.run([sys.executable, str(ORACLE), str(TEST_FILES)], capture_output=True, text=True, check=True)
    return {Path(r["path"]).relative_to(TEST_FILES).as_posix(): r
            for r in map(json.loads, out.stdout.splitlines())}


@pytest.fixture(scope="module")
def scanned(tmp_path_factory):
    from conftest import Cutover
    work = tmp_path_factory.mktemp("scan")
    cutover = Cutover(work)
    proc = cutover.run("inventory", "scan", "--db", "inv.sqlite", "--key-prefix", "input/px/", str(TEST_FILES))
    con = sqlite3.connect(work / "inv.sqlite")
    rows = {r[0]: r for r in con.execute(
        "SELECT i.key, st.uid, se.uid, i.sop_uid, i.transfer_syntax_uid, i.modality, i.number_of_frames"
        " FROM inventory i JOIN studies st ON st.id = i.study JOIN series se ON se.id = i.series")}
    con.close()
    return proc, rows


def test_every_file_pydicom_reads_has_the_same_uids_syntax_modality_and_frames(oracle, scanned):
    _, rows = scanned
    compared = 0
    for rel, r in oracle.items():
        if r["read"] != "normal" or not (r.get("studyInstanceUID") and r.get("seriesInstanceUID")
                                         and r.get("sopInstanceUID")):
            continue
        row = rows.get("input/px/" + rel)
        assert row is not None, f"{rel} was not recorded"
        assert row[1:4] == (r["studyInstanceUID"], r["seriesInstanceUID"], r["sopInstanceUID"]), rel
        assert row[4] == r.get("transferSyntaxUID"), rel
        assert (row[5] or None) == (r.get("modality") or None), rel
        assert row[6] == r.get("numberOfFrames"), rel
        compared += 1
    assert compared >= 140


def test_files_pydicom_rejects_are_reported_unreadable_and_the_scan_goes_on(oracle, scanned):
    proc, rows = scanned
    # pydicom rejects these unless forced (and forced, it "reads" even a text file as an empty data set).
    rejected = [rel for rel, r in oracle.items() if r["read"] != "normal"]
    assert len(rejected) >= 10
    unreadable = 0
    for rel in rejected:
        row = rows.get("input/px/" + rel)
        if row is None:
            assert f"test_files/{rel}: " in proc.stderr or "more unreadable files" in proc.stderr, rel
            unreadable += 1
        else:
            # Read anyway (a data set without file meta): then it must agree with pydicom's forced read.
            forced = oracle[rel]
            assert row[1:4] == (forced["studyInstanceUID"], forced["seriesInstanceUID"], forced["sopInstanceUID"])
    assert unreadable >= 8
    assert "not a DICOM file; not recorded" in proc.stderr
    assert proc.returncode == 0


def test_a_rescan_reads_only_changed_files(cutover, tmp_path):
    folder = tmp_path / "dicom"
    folder.mkdir()
    for name in ("CT_small.dcm", "MR_small.dcm"):
        (folder / name).write_bytes((TEST_FILES / name).read_bytes())
    first = cutover.run("inventory", "scan", "--db", "i.sqlite", "--cohort", "small", folder).stdout
    assert "2 instances recorded" in first
    again = cutover.run("inventory", "scan", "--db", "i.sqlite", folder).stdout
    assert "(2 unchanged): 0 instances recorded" in again
    listed = cutover.run("cohort", "list", "--db", "i.sqlite").stdout
    assert "small" in listed and "0/2" in listed
