"""Product §9: patient identifiers never leave the database unmasked by default, credentials never leave the
environment, and read-only sessions leave the database file as it was.

Identifiers are planted in the inventory CSV and in DICOM files, a whole session of commands runs, and every
output — stdout, stderr, every file written — is searched for each identifier in its raw and common
normalised forms. Credentials are planted in the environment for polls against the HealthImaging fake (right,
wrong and unreachable), and the outputs, the database file and its WAL are searched for them.
"""
import csv
import hashlib
import io
import sqlite3
import time
from pathlib import Path

import pytest

from ahi_server import AHIFake
from conftest import Cutover, binary
from tmux_screen import TmuxScreen

pydicom = pytest.importorskip("pydicom", reason="make test installs pydicom")

PAGES = ["summary", "cohorts", "jobs", "non-primary", "warnings", "gates", "events", "audit"]

# Two patients planted in the inventory CSV (B alternates with A inside studies, so attribute conflicts
# are shown on the non-primary drill-down), one in DICOM files scanned by `inventory scan`.
PATIENTS = {
    "A": {"PatientID": "ZQPID40417", "PatientName": "VANTERPOOL^ISOLDE", "AccessionNumber": "ZQACC77031",
          "PatientBirthDate": "19380417"},
    "B": {"PatientID": "ZQPID52209", "PatientName": "ORMEROD^THADDEUS", "AccessionNumber": "ZQACC88142",
          "PatientBirthDate": "19510923"},
    "C": {"PatientID": "ZQPID63361", "PatientName": "KILBRANNAN^PERPETUA", "AccessionNumber": "ZQACC99253",
          "PatientBirthDate": "19620105"},
}
SCAN_COHORT = "ed-2019"
SCAN_PREFIX = "input/ed-2019/zq-scan/"


def forms(field: str, value: str) -> set[str]:
    """The value as written and as a program might re-format it (lower-cased before searching)."""
    out = {value}
    if field == "PatientName":
        family, given = value.split("^")
        out |= {f"{family} {given}", f"{family}, {given}", f"{given} {family}", f"{given}^{family}", family, given}
    if field == "PatientBirthDate":
        y, m, d = value[:4], value[4:6], value[6:]
        out |= {f"{y}-{m}-{d}", f"{d}/{m}/{y}", f"{m}/{d}/{y}", f"{y}/{m}/{d}", f"{d}.{m}.{y}", f"{y}{m}{d}"}
    return {f.lower() for f in out}


IDENTIFIERS = {(who, field, form) for who, patient in PATIENTS.items() for field, value in patient.items()
               for form in forms(field, value)}


def leaks(text: str, needles) -> list:
    low = text.lower()
    return sorted(n for n in needles if n[-1] in low)


class Session:
    """Runs commands and keeps every stdout and stderr, named, for the search at the end."""

    def __init__(self, workdir: Path, env: dict | None = None):
        self.cli = Cutover(workdir)
        self.env = env or {}
        self.outputs: dict[str, str] = {}

    def run(self, *args, check=True, env=None):
        proc = self.cli.run(*args, check=check, env={**self.env, **(env or {})})
        name = " ".join(map(str, args))
        self.outputs[f"{name} [stdout]"] = proc.stdout
        self.outputs[f"{name} [stderr]"] = proc.stderr
        return proc


def plant_inventory(path: Path) -> None:
    """Patients A and B on every row of every fifth study and of the studies of non-primary (RESEND) sets."""
    rows = list(csv.DictReader(path.open(newline="")))
    studies = sorted({r["study_instance_uid"] for r in rows})
    chosen = set(studies[::5]) | {r["study_instance_uid"] for r in rows if "_RESEND" in r["input_key"]}
    for n, r in enumerate(rows):
        if r["study_instance_uid"] in chosen:
            patient = PATIENTS["A" if n % 2 == 0 or "_RESEND" not in r["input_key"] else "B"]
            r.update(patient_id=patient["PatientID"], patient_name=patient["PatientName"],
                     accession_number=patient["AccessionNumber"], patient_birth_date=patient["PatientBirthDate"])
        else:
            r["patient_birth_date"] = ""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0].keys()), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    path.write_text(out.getvalue())


def write_dicom(folder: Path, count: int = 6) -> list[Path]:
    """Small Part 10 files for patient C, written by pydicom."""
    from pydicom.dataset import FileDataset, FileMetaDataset
    from pydicom.uid import CTImageStorage, ExplicitVRLittleEndian, generate_uid
    folder.mkdir(parents=True)
    study, series = generate_uid(), generate_uid()
    paths = []
    for i in range(count):
        meta = FileMetaDataset()
        meta.MediaStorageSOPClassUID = CTImageStorage
        meta.MediaStorageSOPInstanceUID = generate_uid()
        meta.TransferSyntaxUID = ExplicitVRLittleEndian
        ds = FileDataset(None, {}, file_meta=meta, preamble=b"\0" * 128)
        ds.SOPClassUID, ds.SOPInstanceUID = CTImageStorage, meta.MediaStorageSOPInstanceUID
        ds.StudyInstanceUID, ds.SeriesInstanceUID, ds.Modality = study, series, "CT"
        for field, value in PATIENTS["C"].items():
            setattr(ds, field, value)
        ds.StudyDate = "20240102"
        path = folder / f"IM{i:04}.dcm"
        ds.save_as(path, enforce_file_format=True)
        paths.append(path)
    return paths


def files_under(root: Path, skip: set[Path]):
    for path in sorted(root.rglob("*")):
        if path.is_file() and path not in skip and not path.name.startswith("cutover.sqlite"):
            yield path


@pytest.fixture(scope="module")
def phi_session(tmp_path_factory):
    """The planted migration and everything a session of commands printed or wrote about it."""
    work = tmp_path_factory.mktemp("phi")
    session = Session(work, env={"CUTOVER_ACTOR": "alice"})
    session.run("demo", "--dir", "demo", "--generate-only")
    inventory = work / "demo" / "inventory" / "source-inventory.csv"
    plant_inventory(inventory)
    dicom = write_dicom(work / "dicom" / "zq-study")
    generated = set(files_under(work, {inventory, *dicom}))  # the demo's own files: not outputs
    config = work / "demo" / "cutover.toml"
    db = work / "demo" / "cutover.sqlite"
    common = ["--config", config, "--db", db]
    session.run("poll", "--once", *common)
    session.run("ingest", *common, work / "demo" / "jobs", work / "demo" / "api", work / "demo" / "events")
    session.run("inventory", "import", *common, inventory)
    session.run("inventory", "scan", *common, "--key-prefix", SCAN_PREFIX, "--cohort", SCAN_COHORT, work / "dicom")
    session.run("status", *common)
    session.run("status", "--json", *common)
    session.run("cohort", "list", *common)
    for cohort in ["cardiology", SCAN_COHORT]:
        session.run("cohort", "show", *common, cohort)
        session.run("cohort", "show", *common, cohort, "--studies")
        session.run("gates", *common, cohort, check=False)
        session.run("gates", *common, cohort, "--json", check=False)
        session.run("findings", *common, cohort)
        session.run("report", *common, cohort, "--out", work / f"report-{cohort}")
    session.run("hold", *common, "cardiology", "--reason", "security check")
    session.run("release", *common, "cardiology", "--reason", "security check")
    for extra in ([], ["--json"], ["--csv"], ["--kind", "non-primary"], ["--kind", "missing", "--json"]):
        session.run("findings", *common, *extra)
    session.run("audit", *common)
    session.run("audit", *common, "--json")
    session.run("audit", *common, "--verify")
    image_set = sqlite3.connect(db).execute(
        "SELECT image_set_id FROM image_sets WHERE is_primary = 0 ORDER BY image_set_id LIMIT 1").fetchone()[0]
    for page in PAGES:
        for cohort in ["cardiology", SCAN_COHORT]:
            session.run("snapshot", *common, "--page", page, "--size", "200x60", "--cohort", cohort)
    session.run("poll", "--once", *common)

    screen = TmuxScreen(work, columns=160, rows=50, env={"CUTOVER_ACTOR": "alice"})
    try:
        screen.run(f"{binary()} wallboard --db {db} --config {config} --rotate 1")
        screen.wait_for("Ctrl-C quits", "the wallboard")
        for n in range(12):
            session.outputs[f"wallboard frame {n}"] = screen.text()
            time.sleep(0.5)
        screen.press("C-c")
        # The read-only dashboard, on the non-primary drill-down that lists instances with their attributes.
        screen.run(f"{binary()} --read-only --db {db} --config {config}")
        screen.wait_for("1 Cohorts", "the dashboard")
        for key in "1234567":
            screen.type(key)
            time.sleep(0.4)
            session.outputs[f"dashboard page {key}"] = screen.text()
        screen.type("3")
        screen.type("/")
        screen.type(image_set)
        screen.press("Enter")
        screen.press("Enter")
        session.outputs["dashboard drill-down"] = screen.wait_for("patient data masked", "the instance list")
        screen.type("q")
    finally:
        screen.close()

    written = [p for p in files_under(work, {inventory, *dicom}) if p not in generated]
    return {"work": work, "session": session, "written": written, "common": common}


def test_the_session_wrote_reports_and_printed_pages(phi_session):
    names = {p.name for p in phi_session["written"]}
    assert {"report.md", "report.json", "findings.csv", "audit.ndjson"} <= names
    outputs = phi_session["session"].outputs
    assert any("Non-primary" in text or "non-primary" in text for text in outputs.values())
    assert sum(1 for name in outputs if name.startswith("snapshot") and name.endswith("[stdout]")) == 2 * len(PAGES)


def test_no_output_of_the_session_holds_a_patient_identifier(phi_session):
    found = {}
    for name, text in phi_session["session"].outputs.items():
        if hits := leaks(text, IDENTIFIERS):
            found[name] = hits
    for path in phi_session["written"]:
        if hits := leaks(path.read_bytes().decode("latin-1"), IDENTIFIERS):
            found[str(path.relative_to(phi_session["work"]))] = hits
    assert not found, f"patient identifiers in outputs: {found}"


def test_the_audit_log_and_poll_messages_in_the_database_hold_none(phi_session):
    con = sqlite3.connect(phi_session["work"] / "demo" / "cutover.sqlite")
    rows = con.execute("SELECT actor, action, coalesce(cohort, ''), detail FROM audit").fetchall()
    rows += con.execute("SELECT source, coalesce(message, ''), '', '' FROM polls").fetchall()
    rows += con.execute("SELECT * FROM quarantine").fetchall()
    con.close()
    assert rows
    assert not leaks(repr(rows), IDENTIFIERS)


def test_the_identifiers_are_in_the_database_so_the_search_could_find_them(phi_session):
    con = sqlite3.connect(phi_session["work"] / "demo" / "cutover.sqlite")
    for who in "ABC":
        pid = PATIENTS[who]["PatientID"]
        assert con.execute("SELECT count(*) FROM inventory WHERE patient_id = ?", (pid,)).fetchone()[0] > 0, who
    con.close()


def test_include_phi_unmasks_the_report_and_the_default_does_not(phi_session, tmp_path):
    """The search above can fail: `--include-phi` writes patient C (a study not imported at all) in clear."""
    session = Session(phi_session["work"])
    common = phi_session["common"]
    proc = session.run("report", *common, SCAN_COHORT, "--out", tmp_path / "with-phi", "--include-phi")
    assert "NOT masked" in proc.stdout
    unmasked = (tmp_path / "with-phi" / "report.json").read_text()
    assert PATIENTS["C"]["PatientID"] in unmasked and PATIENTS["C"]["PatientName"] in unmasked
    assert '"patientIdentifiersMasked" : false' in unmasked
    masked = (phi_session["work"] / f"report-{SCAN_COHORT}" / "report.json").read_text()
    assert '"patientIdentifiersMasked" : true' in masked
    assert PATIENTS["C"]["PatientID"] not in masked and PATIENTS["C"]["PatientName"] not in masked
    assert "Z*" in masked or "K*" in masked  # masked values keep their first character only


# Credentials ---------------------------------------------------------------------------------------------

DATASTORE = "bbc4f3cccbae4095a34170fddc19b13d"
KEY_ID = "AKIAZQPLANTED7KEY4ID"
SECRET = "zqPlantedSecret/Key+Value9wXyZ0123456789"
TOKEN = "FwoGZXIvYXdzEZQPLANTEDSESSIONTOKEN//////////wEaDzq+Token/Value=="
WRONG_SECRET = "zqWrongSecret/Key+Value9wXyZ0123456789ab"
SECRETS = [SECRET, TOKEN, WRONG_SECRET, KEY_ID]


def secret_forms(value: str) -> set[str]:
    from urllib.parse import quote
    return {value, quote(value, safe=""), quote(value)}


def jobs(n):
    return [{"jobId": f"{i:032x}", "jobName": f"batch-{i}", "jobStatus": "COMPLETED", "datastoreId": DATASTORE,
             "dataAccessRoleArn": "arn:aws:iam::123456789012:role/import", "submittedAt": 1767225600.0 + 60 * i,
             "endedAt": 1767225900.0 + 60 * i, "inputS3Uri": f"s3://hospital-pacs/input/ed/batch-{i:04}/",
             "outputS3Uri": "s3://hospital-pacs/output/"} for i in range(n)]


@pytest.fixture
def fake(tmp_path):
    folder = tmp_path / "fake"
    folder.mkdir()
    server = AHIFake(folder, {DATASTORE: {"jobs": jobs(12)}}, session_token=None,
                     credentials={"accessKeyId": KEY_ID, "secretAccessKey": SECRET})
    yield server
    server.stop()


def test_credentials_appear_in_no_output_nor_in_the_database_or_its_wal(fake, tmp_path):
    work = tmp_path / "work"
    work.mkdir()
    config = work / "cutover.toml"
    config.write_text(f'[migration]\nname = "creds"\n\n[[datastores]]\nid = "{DATASTORE}"\nregion = "us-east-1"\n\n'
                      "[sources.ahi]\nenabled = true\ninterval_seconds = 1\n")
    db = work / "cutover.sqlite"
    session = Session(work)
    common = ["--config", config, "--db", db]
    right = {**fake.environment, "AWS_SESSION_TOKEN": TOKEN}
    session.run("poll", "--once", *common, env=right)
    # Keep a reader open from here on, so the WAL is not folded back and deleted when cutover exits.
    reader = sqlite3.connect(db)
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM jobs").fetchone()
    time.sleep(1.1)
    session.run("poll", "--once", *common, env=right)
    time.sleep(1.1)
    wrong_secret = session.run("poll", "--once", *common, check=False,
                               env={**right, "AWS_SECRET_ACCESS_KEY": WRONG_SECRET})
    time.sleep(1.1)
    wrong_key = session.run("poll", "--once", *common, check=False,
                            env={**right, "AWS_ACCESS_KEY_ID": "AKIAZQOTHERKEY00000", "AWS_SESSION_TOKEN": TOKEN})
    fake.stop()
    unreachable = session.run("poll", "--once", *common, check=False, env=right)
    session.run("status", *common, env=right)
    session.run("status", "--json", *common, env=right)
    session.run("snapshot", *common, "--page", "summary", env=right)

    # The error paths ran and said why.
    assert wrong_secret.returncode != 0 and "InvalidSignatureException" in wrong_secret.stderr + wrong_secret.stdout
    assert wrong_key.returncode != 0
    assert unreachable.returncode != 0

    wal = Path(str(db) + "-wal")
    assert wal.exists() and wal.stat().st_size > 0, "the WAL was checkpointed away; nothing to search"
    stored = {"database": db.read_bytes().decode("latin-1"), "wal": wal.read_bytes().decode("latin-1")}
    reader.rollback()
    reader.close()
    written = {str(p.relative_to(work)): p.read_bytes().decode("latin-1") for p in files_under(work, set())
               if p != config}
    found = {}
    for name, text in {**session.outputs, **stored, **written}.items():
        for secret in SECRETS:
            if any(form in text for form in secret_forms(secret)):
                found.setdefault(name, []).append(secret)
    assert not found, f"credentials found: {found}"


def test_the_credential_search_finds_a_token_a_verbatim_error_would_print(fake):
    """The fake answers a bad signature as AWS does, with the canonical request, token included: the check
    above would see it if cutover printed or stored the service's message verbatim."""
    import urllib.request
    request = urllib.request.Request(
        f"{fake.url}/listDICOMImportJobs/datastore/{DATASTORE}",
        headers={"Authorization": f"AWS4-HMAC-SHA256 Credential={KEY_ID}/20260101/us-east-1/medical-imaging/"
                                  "aws4_request, SignedHeaders=host;x-amz-date;x-amz-security-token, Signature="
                                  + "0" * 64,
                 "X-Amz-Date": "20260101T000000Z", "X-Amz-Security-Token": TOKEN})
    with pytest.raises(urllib.error.HTTPError) as failure:
        urllib.request.urlopen(request)
    assert TOKEN in failure.value.read().decode()


# Read-only sessions ---------------------------------------------------------------------------------------

def digest(path: Path) -> str | None:
    """sha256 of the file; None when it is missing or empty (a read-only WAL reader may create an empty -wal)."""
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.exists() and path.stat().st_size else None


def test_a_read_only_dashboard_session_changes_no_byte_of_the_database(demo_db, demo_dir, tmp_path):
    wal = Path(str(demo_db) + "-wal")
    before = (digest(demo_db), digest(wal))
    screen = TmuxScreen(tmp_path, env={"CUTOVER_ACTOR": "mallory"})
    try:
        screen.run(f"{binary()} --read-only --db {demo_db} --config {demo_dir / 'cutover.toml'}")
        screen.wait_for("READ-ONLY", "the read-only dashboard")
        # Every action key on every page, each confirmed as far as a dialog would let it go.
        for page in "1234567":
            screen.type(page)
            time.sleep(0.2)
            for key in ["h", "u", "r", "A", "x", "a", "e", "p"]:
                screen.type(key)
                time.sleep(0.1)
                screen.type("y")
                screen.press("Enter")
                screen.press("Escape")
            screen.press("Enter")
            time.sleep(0.1)
            for key in ["h", "u", "r", "A", "x", "a", "e", "p"]:
                screen.type(key)
                screen.type("cardiology")
                screen.press("Enter")
                screen.press("Escape")
            screen.press("Escape")
        screen.type("q")
        screen.wait_for(lambda text: "READ-ONLY" not in text, "the dashboard to quit")
    finally:
        screen.close()
    assert (digest(demo_db), digest(wal)) == before
    con = sqlite3.connect(demo_db)
    actions = con.execute("SELECT count(*) FROM audit WHERE actor = 'mallory'").fetchone()[0]
    con.close()
    assert actions == 0
