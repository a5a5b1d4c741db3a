"""`cutover inventory qido` counts what a real Orthanc (with its DICOMweb plugin) holds, and the counts equal
Orthanc's own `/statistics`, whatever the page size."""
import http.server
import sqlite3
import threading
from pathlib import Path

import pytest

pydicom = pytest.importorskip("pydicom", reason="make test installs pydicom")
from orthanc_server import PASSWORD, USER, Orthanc, free_port  # noqa: E402

TEST_FILES = Path(pydicom.data.__file__).parent / "test_files"
AUTH = ["--user", USER, "--password-env", "PACS_PASSWORD"]
ENV = {"PACS_PASSWORD": PASSWORD}


@pytest.fixture(scope="module")
def orthanc(tmp_path_factory):
    try:
        server = Orthanc(tmp_path_factory.mktemp("orthanc"))
    except RuntimeError as error:
        # `make test` installs Orthanc: without it these tests fail rather than pass unseen.
        pytest.fail(f"{error}; run `make deps` to install orthanc and orthanc-dicomweb")
    accepted = sum(server.upload(p) for p in unique_instances())
    assert accepted >= 50, f"Orthanc accepted only {accepted} of pydicom's test files"
    yield server
    server.stop()


def unique_instances():
    """pydicom's test files, one per SOPInstanceUID.

    Two of them hold the same instance under PatientIDs that differ only by a trailing space; Orthanc hashes the
    PatientID into its study identifier and so counts two studies with one StudyInstanceUID in `/statistics`,
    while QIDO-RS (and cutover, which keys on UIDs like the inventory and AHI) sees one.
    """
    seen = set()
    for path in sorted(TEST_FILES.rglob("*")):
        if not path.is_file():
            continue
        try:
            uid = pydicom.dcmread(path, stop_before_pixels=True).get("SOPInstanceUID")
        except Exception:
            uid = None
        if uid is not None and str(uid) in seen:
            continue
        seen.add(str(uid))
        yield path


def totals_line(stdout: str) -> str:
    return stdout.splitlines()[0]


def expected_line(orthanc) -> str:
    s = orthanc.statistics()
    return (f"{orthanc.dicomweb}: {s['CountStudies']:,} studies, {s['CountSeries']:,} series, "
            f"{s['CountInstances']:,} instances")


def test_totals_equal_orthancs_own_statistics(cutover, orthanc):
    proc = cutover.run("inventory", "qido", "--db", "q.sqlite", *AUTH, orthanc.dicomweb, env=ENV)
    assert totals_line(proc.stdout) == expected_line(orthanc)
    stats = orthanc.statistics()
    con = sqlite3.connect(cutover.workdir / "q.sqlite")
    row = con.execute("SELECT COUNT(*), SUM(series), SUM(instances) FROM pacs_studies WHERE source = ?",
                      (orthanc.dicomweb,)).fetchone()
    con.close()
    assert row == (int(stats["CountStudies"]), int(stats["CountSeries"]), int(stats["CountInstances"]))
    assert PASSWORD not in proc.stdout + proc.stderr


@pytest.mark.parametrize("page_size", [1, 3])
def test_a_tiny_page_size_gives_the_same_totals(cutover, orthanc, page_size):
    proc = cutover.run("inventory", "qido", "--db", "q.sqlite", "--page-size", page_size, *AUTH,
                       orthanc.dicomweb + "/", env=ENV)
    assert totals_line(proc.stdout) == expected_line(orthanc)


def test_a_rerun_replaces_the_counts_and_study_limit_counts_fewer(cutover, orthanc):
    cutover.run("inventory", "qido", "--db", "q.sqlite", *AUTH, orthanc.dicomweb, env=ENV)
    proc = cutover.run("inventory", "qido", "--db", "q.sqlite", "--study-limit", "2", *AUTH, orthanc.dicomweb,
                       env=ENV)
    assert "2 studies" in totals_line(proc.stdout)
    con = sqlite3.connect(cutover.workdir / "q.sqlite")
    assert con.execute("SELECT COUNT(*) FROM pacs_studies").fetchone() == (2,)
    con.close()


def test_compares_with_the_inventory_scanned_from_the_same_files(cutover, orthanc):
    cutover.run("inventory", "scan", "--db", "q.sqlite", TEST_FILES)
    proc = cutover.run("inventory", "qido", "--db", "q.sqlite", *AUTH, orthanc.dicomweb, env=ENV)
    lines = proc.stdout.splitlines()
    assert lines[1].startswith("inventory: ")
    summary = lines[2]
    assert "studies match" in summary
    matching = int(summary.split()[0].replace(",", ""))
    assert matching >= 20, proc.stdout
    # What the comparison says must be what the database says.
    con = sqlite3.connect(cutover.workdir / "q.sqlite")
    pacs = {r[0]: r[1:] for r in con.execute("SELECT study_uid, series, instances FROM pacs_studies")}
    inv = {r[0]: r[1:] for r in con.execute(
        "SELECT st.uid, COUNT(DISTINCT i.series), COUNT(*) FROM inventory i JOIN studies st ON st.id = i.study"
        " GROUP BY i.study")}
    con.close()
    assert matching == sum(1 for uid, c in pacs.items() if inv.get(uid) == c)
    only_pacs = len(set(pacs) - set(inv))
    only_inv = len(set(inv) - set(pacs))
    assert f"{only_pacs:,} only in the PACS, {only_inv:,} only in the inventory" in summary


def test_an_unreachable_url_is_one_sentence(cutover):
    port = free_port()
    proc = cutover.run("inventory", "qido", "--db", "q.sqlite", f"http://127.0.0.1:{port}/dicom-web", check=False)
    assert proc.returncode == 1
    assert proc.stdout == ""
    assert proc.stderr.count("\n") == 1
    assert proc.stderr.startswith(f"cutover: Couldn't connect to 127.0.0.1:{port}")


def test_wrong_credentials_are_one_sentence_without_the_password(cutover, orthanc):
    proc = cutover.run("inventory", "qido", "--db", "q.sqlite", "--user", USER, "--password-env", "PACS_PASSWORD",
                       orthanc.dicomweb, env={"PACS_PASSWORD": "wrong-secret"}, check=False)
    assert proc.returncode == 1
    assert proc.stderr.count("\n") == 1
    assert "HTTP 401" in proc.stderr
    assert "wrong-secret" not in proc.stderr


def test_a_url_that_is_not_the_dicomweb_root_is_one_sentence_with_the_status(cutover, orthanc):
    # Orthanc's own REST API refuses the QIDO-RS query parameters on /studies.
    proc = cutover.run("inventory", "qido", "--db", "q.sqlite", *AUTH, orthanc.base, env=ENV, check=False)
    assert proc.returncode == 1
    assert proc.stderr.count("\n") == 1
    assert "answered HTTP 400 for /studies" in proc.stderr


@pytest.mark.parametrize("body", [b'{"studies": []}', b"<html>login</html>", b'["1.2.3"]'])
def test_an_answer_that_is_not_dicom_json_is_one_sentence(cutover, body):
    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        proc = cutover.run("inventory", "qido", "--db", "q.sqlite", f"http://127.0.0.1:{server.server_port}/x",
                           check=False)
    finally:
        server.shutdown()
    assert proc.returncode == 1
    assert proc.stderr.count("\n") == 1
    assert "did not answer /studies with DICOM JSON" in proc.stderr
