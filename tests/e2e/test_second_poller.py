"""One writer per database: a second `cutover poll` is told who holds the poller lease; a poller killed with
SIGKILL leaves a lease that a poller on the same host takes over at once, and nothing is ingested twice."""
import os
import shutil
import signal
import sqlite3
import subprocess
import time

from conftest import Cutover, binary, dump, wait_until


def config_for(folder, source):
    config = folder / "cutover.toml"
    config.write_text(f'[migration]\nname = "lease"\n\n[sources.local]\npaths = ["{source}"]\ninterval_seconds = 1\n')
    return config


def start_poll(folder, config):
    env = {k: v for k, v in os.environ.items() if not k.startswith("CUTOVER_")}
    return subprocess.Popen([binary(), "poll", "--config", str(config)], cwd=folder, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def holder(db):
    con = sqlite3.connect(db)
    try:
        row = con.execute("SELECT holder FROM leases WHERE name = 'poller'").fetchone()
        return row[0] if row else None
    finally:
        con.close()


def test_a_second_poller_names_the_holder_and_takes_over_after_a_kill(demo_dir, tmp_path):
    source = tmp_path / "jobs"
    shutil.copytree(demo_dir / "jobs", source)
    config = config_for(tmp_path, source)
    db = tmp_path / "cutover.sqlite"
    clean_dir = tmp_path / "clean"
    clean_dir.mkdir()
    Cutover(clean_dir).run("poll", "--once", "--config", config_for(clean_dir, source))
    clean = dump(clean_dir / "cutover.sqlite")
    del clean["ingest_files"]

    first = start_poll(tmp_path, config)
    waiting = None
    try:
        wait_until(lambda: db.exists() and holder(db) == f"{first.pid}@{os.uname().nodename}", "the first poller's lease")
        once = Cutover(tmp_path).run("poll", "--once", "--config", config, check=False)
        assert once.returncode == 1
        assert once.stderr.strip() == (f"cutover: another poller ({first.pid}@{os.uname().nodename}) is polling "
                                       f"{db}; nothing was polled")
        waiting = start_poll(tmp_path, config)
        time.sleep(2)
        assert holder(db).startswith(f"{first.pid}@"), "the waiting poller took the lease from a live one"
        first.send_signal(signal.SIGKILL)
        first.wait()
        wait_until(lambda: holder(db) == f"{waiting.pid}@{os.uname().nodename}", "the take-over")
        time.sleep(2)  # a round or two of the new poller
    finally:
        for proc in (first, waiting):
            if proc and proc.poll() is None:
                proc.send_signal(signal.SIGTERM)
                proc.wait(timeout=10)
    assert waiting.returncode == 128 + signal.SIGTERM
    assert not (tmp_path / "cutover.sqlite-wal").exists(), "SIGTERM closes the database (its log folded in)"
    out = waiting.stdout.read()
    assert f"another poller ({first.pid}@" in out and "waiting for it to stop" in out
    assert f"the poller lease of {first.pid}@" in out and "is taken over" in out
    after = dump(db)
    del after["ingest_files"]
    assert after == clean, "a double or lost ingest"
    assert holder(db) is None, "SIGTERM gives the lease back"


def test_sigterm_mid_ingest_ends_the_round_at_a_batch_and_the_next_poll_reads_the_rest(demo_dir, tmp_path):
    source = tmp_path / "jobs"
    shutil.copytree(demo_dir / "jobs", source)
    clean_dir = tmp_path / "clean"
    clean_dir.mkdir()
    Cutover(clean_dir).run("poll", "--once", "--config", config_for(clean_dir, source))
    clean = dump(clean_dir / "cutover.sqlite")

    config = config_for(tmp_path, source)
    db = tmp_path / "cutover.sqlite"
    poller = start_poll(tmp_path, config)
    wait_until(lambda: db.exists() and holder(db) is not None, "the poller's lease")
    poller.send_signal(signal.SIGTERM)
    out, err = poller.communicate(timeout=10)
    assert poller.returncode == 128 + signal.SIGTERM, err
    assert err == ""
    assert not (tmp_path / "cutover.sqlite-wal").exists(), "the database was closed, its log folded in"
    assert holder(db) is None, "the lease was given back"
    con = sqlite3.connect(db)
    try:
        stopped = con.execute("SELECT message FROM polls WHERE source = 'local'").fetchall()
    finally:
        con.close()
    assert len(stopped) == 1 and stopped[0][0].endswith("changed files left for the next pass"), stopped

    Cutover(tmp_path).run("poll", "--once", "--config", config)
    after = dump(db)
    for table in (after, clean):
        del table["ingest_files"]
    assert after == clean, "a double or lost ingest"
