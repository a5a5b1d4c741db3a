"""Another process on the same database: a long reader does not stop ingest; a writer that keeps the lock
past the busy timeout (10 s) gets one clear sentence, nothing lost, and a rerun once it is gone completes.
`status` reads while a writer holds the lock (WAL)."""
import json
import sqlite3
import subprocess

import pytest

from conftest import dump

LINES = 40_000
SOURCES = ["data/jobs", "data/api", "data/events"]


@pytest.fixture
def data(cutover, tmp_path):
    """Generated data, a database that holds the first part of it (job folders only), and the clean database:
    the same two ingests with nobody else on the file."""
    cutover.run("demo", "--dir", "data", "--scale", LINES, "--generate-only")
    for db in ("clean.sqlite", "partial.sqlite"):
        cutover.run("ingest", "--db", db, "data/jobs")
    cutover.run("ingest", "--db", "clean.sqlite", *SOURCES)
    return dump(tmp_path / "clean.sqlite"), tmp_path / "partial.sqlite"


def write_lock(db) -> sqlite3.Connection:
    con = sqlite3.connect(db, isolation_level=None, timeout=0)
    con.execute("BEGIN IMMEDIATE")
    return con


def assert_one_busy_sentence(proc, db):
    out, err = proc.communicate()
    assert proc.returncode == 1, out + err
    lines = err.splitlines()
    assert len(lines) == 1, f"expected one sentence, got:\n{err}"
    assert str(db) in lines[0] and "busy" in lines[0] and "another process" in lines[0], lines[0]
    assert "SQLITE" not in lines[0] and "Fatal error" not in lines[0]


def test_a_long_reader_does_not_stop_ingest_and_keeps_its_snapshot(cutover, data):
    clean, db = data
    reader = sqlite3.connect(db, isolation_level=None)
    reader.execute("BEGIN")
    before = reader.execute("SELECT count(*) FROM input_keys").fetchone()[0]
    cutover.run("ingest", "--db", db, *SOURCES)
    assert reader.execute("SELECT count(*) FROM input_keys").fetchone()[0] == before
    reader.execute("COMMIT")
    reader.close()
    assert dump(db) == clean


def test_a_writer_holding_the_lock_too_long_stops_ingest_and_hold_with_one_sentence_and_loses_nothing(
        cutover, data, demo_dir, demo_db):
    clean, db = data
    config = demo_dir / "cutover.toml"
    before, demo_before = dump(db), dump(demo_db)
    locks = [write_lock(db), write_lock(demo_db)]
    try:
        # Both wait out the busy timeout side by side.
        ingest = subprocess.Popen([cutover.bin, "ingest", "--db", str(db), *SOURCES], cwd=cutover.workdir,
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        hold = subprocess.Popen([cutover.bin, "hold", "cardiology", "--reason", "freeze", "--db", str(demo_db),
                                 "--config", str(config), "--actor", "ana"],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        # Readers are not blocked by the writer.
        status = json.loads(cutover.run("status", "--json", "--db", demo_db).stdout)
        assert {c["name"] for c in status["cohorts"]} >= {"cardiology", "ed-2019"}
        assert cutover.run("status", "--db", db).returncode == 0
        assert_one_busy_sentence(ingest, db)
        assert_one_busy_sentence(hold, demo_db)
    finally:
        for con in locks:
            con.rollback()
            con.close()
    assert dump(db) == before
    assert dump(demo_db) == demo_before
    audit = cutover.run("audit", "--db", demo_db, "--config", config).stdout
    assert "freeze" not in audit
    gates = json.loads(cutover.run("gates", "cardiology", "--json", "--db", demo_db, "--config", config,
                                   check=False).stdout)
    assert gates["held"] is False

    cutover.run("ingest", "--db", db, *SOURCES)
    assert dump(db) == clean
    cutover.run("hold", "cardiology", "--reason", "freeze", "--db", demo_db, "--config", config, "--actor", "ana")
    gates = json.loads(cutover.run("gates", "cardiology", "--json", "--db", demo_db, "--config", config,
                                   check=False).stdout)
    assert gates["held"] is True
    assert cutover.run("audit", "--verify", "--db", demo_db).returncode == 0
