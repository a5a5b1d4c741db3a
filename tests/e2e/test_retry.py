"""`cutover retry` in file mode: a retry batch, retry-queued findings, and a retry job that resolves them."""
import json
import sqlite3

import pytest


@pytest.fixture
def db(demo_db):
    return demo_db


def open_kinds(cutover, db, cohort):
    status = cutover.status(db)
    return next(c for c in status["cohorts"] if c["name"] == cohort)["findings"]


def test_a_retry_batch_then_its_results_resolve_the_findings(demo_dir, cutover, tmp_path, db):
    config = ["--db", db, "--config", demo_dir / "cutover.toml"]
    before = open_kinds(cutover, db, "cardiology")
    dry = cutover.run("retry", "cardiology", "--dry-run", *config).stdout
    wanted = before.get("customer-error", 0) + before.get("server-error", 0)
    assert f"would retry {wanted} keys" in dry
    out = cutover.run("retry", "cardiology", "--reason", "transfer syntax fixed at the edge", *config,
                      env={"CUTOVER_ACTOR": "ana"}).stdout
    batch_dir = tmp_path / "retries" / out.split("retry batch ")[1].split(":")[0]
    keys = (batch_dir / "keys.txt").read_text().split()
    commands = (batch_dir / "commands.sh").read_text()
    assert len(keys) == wanted
    assert commands.count("aws s3 cp ") == wanted and "--client-token 'cutover-" in commands
    queued = json.loads(cutover.run("findings", "cardiology", "--state", "retry-queued", "--json", *config).stdout)
    assert len(queued) == wanted
    again = cutover.run("retry", "cardiology", "--dry-run", *config).stdout
    assert "nothing to retry" in again

    # The retry job AHI runs reports the copies' keys, under the retry prefix.
    prefix = commands.split("--input-s3-uri '")[1].split("'")[0]
    retry_key_prefix = prefix.split("/", 3)[3]
    ds = commands.split("--datastore-id ")[1].split()[0]
    job = tmp_path / "retry-out" / f"{ds}-DicomImport-0123456789abcdef0123456789abcdef"
    (job / "SUCCESS").mkdir(parents=True)
    # AHI adds a retried instance to its study's primary image set.
    con = sqlite3.connect(db)
    study_set = dict(con.execute("""
        SELECT i.study, max(s.image_set_id) FROM inventory i JOIN input_keys k ON k.key = i.key
        JOIN image_sets s ON s.id = k.image_set AND s.is_primary = 1 GROUP BY i.study"""))
    # A study with no primary image set yet gets a new one, one per study.
    set_of = {key: study_set.get(study, "%032x" % (0xFEED0000 + study))
              for key, study in con.execute("SELECT key, study FROM inventory")}
    con.close()
    (job / "SUCCESS" / "success.ndjson").write_text("".join(
        json.dumps({"inputFile": retry_key_prefix + key,
                    "importResponse": {"imageSetId": set_of[key], "isPrimary": True}}) + "\n" for key in keys))
    (job / "job-output-manifest.json").write_text(json.dumps({"jobSummary": {
        "jobId": "0123456789abcdef0123456789abcdef", "datastoreId": ds, "inputS3Uri": prefix,
        "numberOfScannedFiles": len(keys), "numberOfImportedFiles": len(keys),
        "numberOfFilesWithCustomerError": 0, "numberOfFilesWithServerError": 0}}))
    cutover.run("ingest", "--db", db, tmp_path / "retry-out")
    after = open_kinds(cutover, db, "cardiology")
    assert "customer-error" not in after and "server-error" not in after and "split-study" not in after
    resolved = json.loads(cutover.run("findings", "cardiology", "--state", "resolved", "--json", *config).stdout)
    assert {r["subject"] for r in resolved} >= set(keys)
    audit = [json.loads(line) for line in cutover.run("audit", "--json", "--db", db).stdout.splitlines()]
    audit = [a for a in audit if a["actor"] != "cutover"]
    assert [a["action"] for a in audit] == ["retry"]
    assert json.loads(audit[0]["detail"])["keys"] == str(wanted)
