"""Incremental, idempotent ingest of job folders; bad input is quarantined by file and line."""
import gzip
import json
import os
import re
import shutil
import signal
import sqlite3
import subprocess
import tempfile
from pathlib import Path

import pytest

from conftest import FIXTURES, binary, copy_fixture, dump, wait_until

DS = "4f7a2c9e1b3d4e6f8a0b2c4d6e8f0a1b"
JOB = "9c1e4b7a2d5f8e0b3a6c9d2e5f8a1b4c"


def job_folder(root: Path) -> Path:
    folder = root / "output" / "batch-0042" / f"{DS}-DicomImport-{JOB}"
    copy_fixture("job-output-manifest.json", folder / "job-output-manifest.json")
    copy_fixture("success.ndjson", folder / "SUCCESS" / "success.ndjson")
    copy_fixture("warning.ndjson", folder / "WARNING" / "warning.ndjson")
    copy_fixture("failure.ndjson", folder / "FAILURE" / "failure.ndjson")
    return folder


def success_line(key: str, image_set="a1b2c3d4e5f60718293a4b5c6d7e8f90", primary=True) -> str:
    return json.dumps({"inputFile": key, "importResponse": {"imageSetId": image_set, "isPrimary": primary}},
                      separators=(",", ":"))


def test_reference_job_folder_ingests_with_exact_counts(cutover, tmp_path):
    job_folder(tmp_path)
    out = cutover.run("ingest", "--db", "c.sqlite", "output").stdout
    status = cutover.status(tmp_path / "c.sqlite")
    assert status["resultLines"] == {"success": 3, "warning": 2, "failure": 2}
    assert status["warningCodes"] == {"45330": 1, "45312": 1, "45570": 1}
    assert status["nonPrimaryImageSets"] == 1
    assert "ingested 7 results" in out


def test_appended_lines_and_only_those_are_added_on_the_next_poll(cutover, tmp_path):
    folder = job_folder(tmp_path)
    cutover.run("ingest", "--db", "c.sqlite", "output")
    with (folder / "SUCCESS" / "success.ndjson").open("a") as f:
        for i in range(5):
            f.write(success_line(f"input/batch-0042/STUDY9/SER1/IM{i:04}.dcm") + "\n")
    out = cutover.run("ingest", "--db", "c.sqlite", "output").stdout
    assert "ingested 5 results (5 success" in out
    assert cutover.status(tmp_path / "c.sqlite")["resultLines"]["success"] == 8


def test_a_partial_last_line_waits_for_the_next_poll(cutover, tmp_path):
    folder = job_folder(tmp_path)
    path = folder / "SUCCESS" / "success.ndjson"
    whole = success_line("input/late.dcm")
    with path.open("a") as f:
        f.write(whole[:25])
    cutover.run("ingest", "--db", "c.sqlite", "output")
    status = cutover.status(tmp_path / "c.sqlite")
    assert status["resultLines"]["success"] == 3
    assert status["quarantined"] == 0
    with path.open("a") as f:
        f.write(whole[25:] + "\n")
    cutover.run("ingest", "--db", "c.sqlite", "output")
    assert cutover.status(tmp_path / "c.sqlite")["resultLines"]["success"] == 4


def test_a_complete_last_object_without_a_newline_is_read(cutover, tmp_path):
    folder = job_folder(tmp_path)
    path = folder / "SUCCESS" / "success.ndjson"
    with path.open("a") as f:
        f.write(success_line("input/no-newline.dcm"))
    cutover.run("ingest", "--db", "c.sqlite", "output")
    assert cutover.status(tmp_path / "c.sqlite")["resultLines"]["success"] == 4


def test_a_malformed_line_is_quarantined_by_file_and_line_and_the_rest_ingested(cutover, tmp_path):
    folder = job_folder(tmp_path)
    path = folder / "SUCCESS" / "success.ndjson"
    lines = path.read_text().splitlines()
    lines.insert(1, '{"inputFile": "input/broken.dcm", "importResponse": {"imageSetId": ')
    lines.insert(3, '{"importResponse": {"imageSetId": "x"}}')
    path.write_text("\n".join(lines) + "\n")
    proc = cutover.run("ingest", "--db", "c.sqlite", "output")
    rel = "output/batch-0042/" + folder.name + "/SUCCESS/success.ndjson"
    assert f"{rel}:2: not valid JSON" in proc.stderr
    assert f"{rel}:4: " in proc.stderr and "inputFile" in proc.stderr
    status = cutover.status(tmp_path / "c.sqlite")
    assert status["quarantined"] == 2
    assert status["resultLines"]["success"] == 3
    # Quarantine is idempotent: polling again adds nothing.
    cutover.run("ingest", "--db", "c.sqlite", "output")
    assert cutover.status(tmp_path / "c.sqlite")["quarantined"] == 2


def test_a_missing_path_is_one_sentence_and_the_rest_is_ingested(cutover, tmp_path):
    job_folder(tmp_path)
    proc = cutover.run("ingest", "--db", "c.sqlite", "output", "no-such-folder", check=False)
    assert proc.returncode == 1
    assert "cutover: cannot read no-such-folder: no such file or directory" in proc.stderr
    assert "Traceback" not in proc.stderr and "Fatal error" not in proc.stderr
    assert cutover.status(tmp_path / "c.sqlite")["resultLines"]["success"] == 3


@pytest.mark.skipif(shutil.which("setpriv") is None, reason="needs setpriv (util-linux) to drop root")
def test_an_unreadable_file_is_one_sentence_and_the_rest_is_ingested(cutover):
    # Root reads everything: the command runs as `nobody`, in a folder nobody can reach.
    tmp_path = Path(tempfile.mkdtemp(prefix="cutover-unreadable-", dir="/tmp"))
    folder = job_folder(tmp_path)
    os.chmod(tmp_path, 0o777)
    for p in tmp_path.rglob("*"):
        os.chmod(p, 0o777 if p.is_dir() else 0o666)
    os.chmod(folder / "WARNING" / "warning.ndjson", 0o000)
    cmd = [cutover.bin, "ingest", "--db", "c.sqlite", "output"]
    if os.geteuid() == 0:
        cmd = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", *cmd]
    proc = subprocess.run(cmd, cwd=tmp_path, capture_output=True, text=True)
    assert proc.returncode == 1
    assert "WARNING/warning.ndjson: permission denied; the other files were ingested" in proc.stderr
    assert len([l for l in proc.stderr.splitlines() if l.strip()]) == 1
    status = cutover.status(tmp_path / "c.sqlite")
    assert status["resultLines"] == {"success": 3, "warning": 0, "failure": 2}
    shutil.rmtree(tmp_path)


def test_firehose_concatenated_and_gzip_events_are_ingested_and_duplicates_stored_once(cutover, tmp_path):
    events = tmp_path / "events"
    copy_fixture("events-firehose-concatenated.txt", events / "2024" / "11" / "12" / "11" / "ahi-1-2024-11-12-11-46-02-a")
    array = json.loads((FIXTURES / "events.json").read_text())
    hour = events / "2024" / "11" / "12" / "12"
    hour.mkdir(parents=True)
    with gzip.open(hour / "ahi-1-2024-11-12-12-00-00-b.gz", "wt") as f:
        f.write("".join(json.dumps(e, separators=(",", ":")) for e in array))
    # The same concatenated events again, as NDJSON: every id is already known.
    firehose = (FIXTURES / "events-firehose-concatenated.txt").read_text()
    decoder = json.JSONDecoder()
    again, pos = [], 0
    while pos < len(firehose.strip()):
        obj, pos = decoder.raw_decode(firehose, pos)
        again.append(json.dumps(obj))
    (events / "stream.ndjson").write_text("\n".join(again) + "\n")
    out = cutover.run("ingest", "--db", "c.sqlite", "events").stdout
    status = cutover.status(tmp_path / "c.sqlite")
    # The reference's Firehose file holds 3 of the 19 events of events.json: the gzip copy adds 16 new
    # events and repeats 3, and the NDJSON copy repeats 3 more.
    assert status["events"] == 19
    assert "19 events (6 duplicates skipped)" in out
    assert status["jobs"].get("COMPLETED", 0) >= 1


def test_saved_api_responses_create_jobs_with_status(cutover, tmp_path):
    copy_fixture("list-dicom-import-jobs.json", tmp_path / "api" / "list.json")
    copy_fixture("get-dicom-import-job.json", tmp_path / "api" / "job.json")
    cutover.run("ingest", "--db", "c.sqlite", "api")
    assert cutover.status(tmp_path / "c.sqlite")["jobs"] == {
        "SUBMITTED": 1, "IN_PROGRESS": 1, "COMPLETED": 1, "FAILED": 1}


def test_poll_once_reads_the_configured_folder(cutover, tmp_path):
    job_folder(tmp_path)
    (tmp_path / "cutover.toml").write_text('[sources.local]\npaths = ["output"]\ninterval_seconds = 5\n')
    out = cutover.run("poll", "--once").stdout
    assert "ingested 7 results" in out
    assert (tmp_path / "cutover.sqlite").exists()
    assert cutover.status(tmp_path / "cutover.sqlite")["lastPoll"] is not None


def test_a_bad_config_is_one_sentence_with_file_and_line(cutover, tmp_path):
    (tmp_path / "cutover.toml").write_text('[sources.local]\npaths = "output"\n')
    proc = cutover.run("poll", "--once", check=False)
    assert proc.returncode == 1
    assert proc.stderr.strip() == "cutover: cutover.toml:2: sources.local.paths must be an array of strings"


def test_ctrl_c_mid_ingest_stops_at_a_batch_and_the_next_run_reads_the_rest(demo_dir, tmp_path):
    jobs = demo_dir / "jobs"
    clean = tmp_path / "clean.sqlite"
    subprocess.run([binary(), "ingest", "--db", str(clean), str(jobs)], check=True, capture_output=True)
    db = tmp_path / "cutover.sqlite"

    def stored():
        if not db.exists():
            return 0
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
        try:
            return con.execute("SELECT count(*) FROM input_keys").fetchone()[0]
        except sqlite3.OperationalError:  # the schema is still being created
            return 0
        finally:
            con.close()

    proc = subprocess.Popen([binary(), "ingest", "--db", str(db), str(jobs)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    wait_until(lambda: stored() > 0 or proc.poll() is not None, "the first batch", timeout=60)
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=15)
    assert proc.returncode == 128 + signal.SIGINT, (out, err)
    assert err == ""
    assert out.startswith("ingested ")
    assert re.search(r"^stopped: [\d,]+ of the changed files are left for the next run$", out, re.M), out
    assert not (tmp_path / "cutover.sqlite-wal").exists(), "the database was closed, its log folded in"
    part = stored()
    assert 0 < part < len(dump(clean)["input_keys"]), "stopped between batches"

    subprocess.run([binary(), "ingest", "--db", str(db), str(jobs)], check=True, capture_output=True)
    assert dump(db) == dump(clean), "a double or lost ingest"
