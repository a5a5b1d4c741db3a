"""Every decision is an audit row, hash-chained; `cutover audit --verify` names the first row that was touched."""
import subprocess

import pytest


@pytest.fixture
def decided(demo_db, cutover):
    """A copy of the demo database with a few decisions recorded by two people."""
    db = demo_db
    cutover.run("attest", "ed-2019", "backups-restore", "--note", "restore drill 2026-11-20", "--db", db,
                env={"CUTOVER_ACTOR": "ana"})
    cutover.run("attest", "ed-2019", "exit-terms", "--note", "contract clause 14", "--actor", "ben", "--db", db)
    ids = cutover.run("findings", "ed-2019", "--kind", "warning", "--csv", "--limit", "1", "--db", db).stdout
    first = ids.splitlines()[1].split(",")[0]
    cutover.run("waive", first, "--note", "viewer copes", "--db", db, env={"CUTOVER_ACTOR": "cai"})
    return db


def sql(db, *statements):
    subprocess.run(["sqlite3", str(db), *statements], check=True, capture_output=True)


def people(cutover, db):
    """Rows of decisions made by people (the poller records gate changes as `cutover`)."""
    return [line for line in cutover.run("audit", "--db", db).stdout.splitlines() if "  cutover  " not in line]


def test_decisions_are_listed_with_actor_and_the_chain_verifies(decided, cutover):
    everything = cutover.run("audit", "--db", decided).stdout.splitlines()
    assert any("gates-changed ed-2019" in line for line in everything)
    rows = people(cutover, decided)
    assert len(rows) == 3
    assert " ana@" in rows[0] and "attest ed-2019" in rows[0]
    assert " cai@" in rows[2] and "waive" in rows[2]
    verdict = cutover.run("audit", "--verify", "--db", decided)
    assert verdict.stdout.startswith(f"audit chain intact: {len(everything)} rows")


def test_the_log_refuses_updates_and_deletes_by_itself(decided):
    with pytest.raises(subprocess.CalledProcessError):
        sql(decided, "UPDATE audit SET actor = 'mallory' WHERE seq = 2")
    with pytest.raises(subprocess.CalledProcessError):
        sql(decided, "DELETE FROM audit WHERE seq = 2")


@pytest.mark.parametrize("tamper, row, words", [
    ("UPDATE audit SET actor = 'mallory' WHERE seq = 2", 2, "content does not match its hash"),
    ("UPDATE audit SET detail = '{}' WHERE seq = 1", 1, "content does not match its hash"),
    ("DELETE FROM audit WHERE seq = 2", 2, "the row is missing"),
    ("DELETE FROM audit WHERE seq = LAST", "LAST", "the log ends early"),
])
def test_editing_or_deleting_a_row_with_the_sqlite3_shell_is_caught_and_named(decided, cutover, tamper, row, words):
    last = len(cutover.run("audit", "--db", decided).stdout.splitlines())
    tamper = tamper.replace("LAST", str(last))
    row = last if row == "LAST" else row
    # Someone with the file and the shell drops the guard triggers first.
    sql(decided, "DROP TRIGGER audit_no_update", "DROP TRIGGER audit_no_delete", tamper)
    proc = cutover.run("audit", "--verify", "--db", decided, check=False)
    assert proc.returncode == 1
    assert proc.stdout.startswith(f"audit chain broken at row {row}:")
    assert words in proc.stdout


def test_an_attestation_needs_a_note_and_an_existing_cohort(decided, cutover):
    no_note = cutover.run("attest", "ed-2019", "retention", "--note", " ", "--db", decided, check=False)
    assert no_note.returncode == 1 and "needs a note" in no_note.stderr
    unknown = cutover.run("attest", "nope", "retention", "--note", "x", "--db", decided, check=False)
    assert unknown.returncode == 1 and "there is no cohort named nope" in unknown.stderr
    assert len(people(cutover, decided)) == 3
