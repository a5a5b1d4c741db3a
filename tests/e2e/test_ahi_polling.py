"""Live polling of import jobs from HealthImaging, against the local fake that checks every signature."""
import json
import sqlite3
import time
import tomllib

import pytest

from ahi_server import AHIFake
from conftest import Cutover

DATASTORE = "bbc4f3cccbae4095a34170fddc19b13d"


def jobs(n):
    statuses = ["COMPLETED", "IN_PROGRESS", "FAILED", "SUBMITTED"]
    return [{"jobId": f"{i:032x}", "jobName": f"batch-{i}", "jobStatus": statuses[i % 4], "datastoreId": DATASTORE,
             "dataAccessRoleArn": "arn:aws:iam::123456789012:role/import", "submittedAt": 1767225600.0 + 60 * i,
             **({"endedAt": 1767225600.0 + 60 * i + 300} if i % 4 in (0, 2) else {}),
             "inputS3Uri": f"s3://hospital-pacs/input/ed-2019/batch-{i:04}/",
             "outputS3Uri": "s3://hospital-pacs/output/"} for i in range(n)]


def write_config(folder, extra=""):
    config = folder / "cutover.toml"
    config.write_text(f"""
[migration]
name = "live"

[[datastores]]
id = "{DATASTORE}"
region = "us-east-1"

[sources.ahi]
enabled = true
interval_seconds = 1
{extra}""")
    return config


@pytest.fixture
def fake(tmp_path):
    server = AHIFake(tmp_path, {DATASTORE: {"jobs": jobs(120)}}, throttle_every=7)
    yield server
    server.stop()


def test_poll_reads_every_job_page_by_page_through_throttling(fake, tmp_path):
    cli = Cutover(tmp_path)
    config = write_config(tmp_path)
    out = cli.run("poll", "--once", "--config", config, env=fake.environment).stdout
    assert "HealthImaging: 120 jobs listed" in out
    assert "retries after throttling" in out
    con = sqlite3.connect(tmp_path / "cutover.sqlite")
    rows = con.execute("SELECT job_id, status, submitted_at, ended_at FROM jobs ORDER BY job_id").fetchall()
    with_input = con.execute("SELECT count(*) FROM jobs WHERE input_s3_uri IS NOT NULL").fetchone()[0]
    con.close()
    assert rows == [(j["jobId"], j["jobStatus"], j["submittedAt"], j.get("endedAt")) for j in jobs(120)]
    served = fake.control("/_fake/requests")
    assert served.count("ListDICOMImportJobs") == 3  # pages of 50
    assert any(op.endswith("(throttled)") for op in served)
    # Lists carry no input location: new jobs are asked for in detail, at most 50 a poll (GetDICOMImportJob TPS).
    assert served.count("GetDICOMImportJob") == 50 and with_input == 50


def test_later_polls_complete_the_details(fake, tmp_path):
    cli = Cutover(tmp_path)
    config = write_config(tmp_path)
    for _ in range(3):
        cli.run("poll", "--once", "--config", config, env=fake.environment)
        time.sleep(1.1)  # the configured interval between API polls
    con = sqlite3.connect(tmp_path / "cutover.sqlite")
    inputs = dict(con.execute("SELECT job_id, input_s3_uri FROM jobs").fetchall())
    con.close()
    assert inputs == {j["jobId"]: j["inputS3Uri"] for j in jobs(120)}


def test_a_second_poll_asks_only_for_jobs_still_running(fake, tmp_path):
    cli = Cutover(tmp_path)
    config = write_config(tmp_path)
    for _ in range(3):  # three polls: the detail cap spreads the first details over polls
        cli.run("poll", "--once", "--config", config, env=fake.environment)
        time.sleep(1.1)
    before = len(fake.control("/_fake/requests"))
    cli.run("poll", "--once", "--config", config, env=fake.environment)
    latest = [op for op in fake.control("/_fake/requests")[before:] if not op.endswith("(throttled)")]
    running = sum(1 for j in jobs(120) if j["jobStatus"] in ("IN_PROGRESS", "SUBMITTED"))
    assert latest.count("GetDICOMImportJob") == min(running, 50)
    assert latest.count("ListDICOMImportJobs") == 3


def test_wrong_credentials_say_so_once_without_the_secret(fake, tmp_path):
    cli = Cutover(tmp_path)
    config = write_config(tmp_path)
    env = dict(fake.environment, AWS_SECRET_ACCESS_KEY="definitely-wrong-secret")
    result = cli.run("poll", "--once", "--config", config, env=env, check=False)
    assert result.returncode == 1
    assert "InvalidSignatureException" in result.stderr
    assert "definitely-wrong-secret" not in result.stderr + result.stdout
    assert fake.environment["AWS_ACCESS_KEY_ID"] not in result.stderr + result.stdout
    assert len(result.stderr.strip().splitlines()) == 1
    # Nor in the database: a successful poll with the right secret stores none of it either.
    cli.run("poll", "--once", "--config", config, env=fake.environment)
    stored = b"".join(p.read_bytes() for p in tmp_path.glob("cutover.sqlite*"))
    for secret in (fake.environment["AWS_SECRET_ACCESS_KEY"], fake.environment["AWS_ACCESS_KEY_ID"],
                   "definitely-wrong-secret"):
        assert secret.encode() not in stored


def test_missing_credentials_are_one_sentence(tmp_path):
    cli = Cutover(tmp_path)
    config = write_config(tmp_path)
    result = cli.run("poll", "--once", "--config", config, check=False,
                     env={"HOME": str(tmp_path), "AWS_ENDPOINT_URL_MEDICAL_IMAGING": "http://127.0.0.1:9"})
    assert result.returncode == 1
    assert result.stderr.startswith("cutover: no AWS credentials")
    assert len(result.stderr.strip().splitlines()) == 1


def test_image_set_metadata_turns_predicted_syntaxes_into_known_ones(tmp_path):
    cli = Cutover(tmp_path)
    cli.run("demo", "--dir", "d", "--generate-only")
    folder = tmp_path / "d"
    config = folder / "cutover.toml"
    config.write_text(config.read_text() + "\n[sources.ahi]\nenabled = true\ninterval_seconds = 1\n")
    db = folder / "cutover.sqlite"
    datastore = tomllib.loads(config.read_text())["datastores"][0]
    # First poll: the folders bring the image sets; the API knows none of them yet.
    first = AHIFake(tmp_path, {datastore["id"]: {"jobs": []}}, region=datastore["region"])
    try:
        cli.run("poll", "--once", "--config", config, env=first.environment)
    finally:
        first.stop()
    con = sqlite3.connect(db)
    image_set, cohort = con.execute(
        """SELECT s.image_set_id, c.name FROM image_sets s JOIN input_keys k ON k.image_set = s.id
           JOIN inventory i ON i.key = k.key JOIN cohorts c ON c.id = i.cohort ORDER BY s.id LIMIT 1""").fetchone()
    instances = con.execute(
        """SELECT i.sop_uid FROM image_sets s JOIN input_keys k ON k.image_set = s.id
           JOIN inventory i ON i.key = k.key WHERE s.image_set_id = ?""", (image_set,)).fetchall()
    con.close()
    before = json.loads(cli.run("gates", cohort, "--json", "--config", config, check=False).stdout)
    # The metadata lists every instance but the last: the hierarchy gate must notice the one it lacks.
    metadata = {"SchemaVersion": "1.1", "Study": {"DICOM": {}, "Series": {"1.2.3": {"DICOM": {}, "Instances": {
        sop: {"StoredTransferSyntaxUID": "1.2.840.10008.1.2.4.202"} for (sop,) in instances[:-1]}}}}}
    second = AHIFake(tmp_path, {datastore["id"]: {"jobs": [], "imageSets": {image_set: {
        "properties": {"imageSetId": image_set}, "metadata": metadata}}}}, region=datastore["region"])
    try:
        time.sleep(1.1)
        out = cli.run("poll", "--once", "--config", config, env=second.environment).stdout
        served = second.control("/_fake/requests")
    finally:
        second.stop()
    assert "image set metadata read" in out
    assert "GetImageSetMetadata" in served
    after = json.loads(cli.run("gates", cohort, "--json", "--config", config, check=False).stdout)

    def predicted(report):
        return next(g for g in report["gates"] if g["name"] == "parity")["counts"]["predictedInstances"]

    assert predicted(before) - predicted(after) == len(instances) - 1 > 0
    hierarchy = next(g for g in after["gates"] if g["name"] == "hierarchy")
    assert hierarchy["counts"]["checkedAgainstMetadata"] == len(instances)
    assert hierarchy["counts"]["absentFromMetadata"] == 1


def test_the_dashboard_shows_missing_credentials_and_keeps_the_last_data(demo_dir, demo_db, tmp_path):
    from conftest import binary
    from tmux_screen import TmuxScreen

    config = tmp_path / "cutover.toml"
    text = (demo_dir / "cutover.toml").read_text()
    text = text.replace('paths = ["jobs", "api", "events"]', f'paths = ["{demo_dir}/jobs"]')
    text = text.replace('files = ["inventory/source-inventory.csv"]', f'files = ["{demo_dir}/inventory/source-inventory.csv"]')
    config.write_text(text + "\n[sources.ahi]\nenabled = true\ninterval_seconds = 1\n")
    screen = TmuxScreen(tmp_path)
    try:
        screen.run(f"{binary()} --db {demo_db} --config {config}")
        text = screen.wait_for("polling stopped: no AWS credentials", "the credentials sentence", timeout=30)
        assert "poll failed" in text.split("\n")[0]
        assert "research-2024" in text, "the last data stays on screen"
        screen.type("q")
    finally:
        screen.close()
