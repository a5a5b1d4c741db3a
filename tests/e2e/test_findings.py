"""Findings on the demo agree with its data, and triage from the command line is recorded with its actor."""
import csv
import io
import json
import sqlite3


def test_demo_findings_agree_with_the_outcomes(demo_dir, cutover):
    status = cutover.status(demo_dir / "cutover.sqlite")
    open_by_kind = {}
    for cohort in status["cohorts"]:
        for kind, n in cohort["findings"].items():
            open_by_kind[kind] = open_by_kind.get(kind, 0) + n
    assert open_by_kind["customer-error"] == status["results"]["failure"]
    assert open_by_kind["warning"] == sum(status["warningCodes"].values())
    assert open_by_kind["non-primary"] == status["nonPrimaryImageSets"]
    # The FAILED job's keys are missing; the manifests' server errors are counted as such.
    assert open_by_kind["missing"] > 0 and open_by_kind["server-error"] > 0
    assert "unexpected" not in open_by_kind and "split-study" not in open_by_kind
    # Non-primary image sets appear in one cohort only, by construction of the demo.
    assert [c["name"] for c in status["cohorts"] if "non-primary" in c["findings"]] == ["cardiology"]


def test_findings_filter_by_cohort_kind_and_state_as_json_and_csv(demo_dir, cutover):
    db = demo_dir / "cutover.sqlite"
    rows = json.loads(cutover.run("findings", "cardiology", "--kind", "non-primary", "--json", "--db", db).stdout)
    assert rows and all(r["kind"] == "non-primary" and r["cohort"] == "cardiology" for r in rows)
    table = list(csv.DictReader(io.StringIO(
        cutover.run("findings", "--kind", "missing", "--state", "open", "--csv", "--db", db).stdout)))
    assert table and all(r["kind"] == "missing" and r["state"] == "open" for r in table)
    bad = cutover.run("findings", "--kind", "nonsense", "--db", db, check=False)
    assert bad.returncode == 2


def test_ack_and_waive_record_the_actor_and_refuse_what_is_not_allowed(demo_db, cutover):
    db = demo_db
    ids = [r["id"] for r in json.loads(cutover.run("findings", "--kind", "warning", "--json", "--limit", "2",
                                                   "--db", db).stdout)]
    cutover.run("ack", *ids, "--note", "looking", "--db", db, env={"CUTOVER_ACTOR": "ana"})
    no_note = cutover.run("waive", ids[0], "--note", "", "--db", db, check=False)
    assert no_note.returncode == 1 and "a note is required" in no_note.stderr
    cutover.run("waive", ids[0], "--note", "viewer decodes it", "--actor", "ben", "--db", db,
                env={"SSH_CONNECTION": "10.1.2.3 50000 10.0.0.1 22"})
    again = cutover.run("ack", ids[0], "--db", db, check=False)
    assert again.returncode == 1 and f"finding {ids[0]} is waived" in again.stderr
    con = sqlite3.connect(db)
    notes = con.execute("SELECT actor, to_state, note, ssh_client FROM finding_notes ORDER BY rowid").fetchall()
    con.close()
    assert notes == [("ana", "acknowledged", "looking", None), ("ana", "acknowledged", "looking", None),
                     ("ben", "waived", "viewer decodes it", "10.1.2.3")]
