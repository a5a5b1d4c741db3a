"""The wallboard in a real terminal: read-only by construction, no keyboard needed, survives its database."""
import hashlib
import re
import shutil
import sqlite3
import string
import subprocess
import time

import pytest

from conftest import Cutover, binary
from tmux_screen import TmuxScreen


@pytest.fixture
def screen(tmp_path):
    tmux = TmuxScreen(tmp_path)
    yield tmux
    tmux.close()


def checksum(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def audit_rows(db) -> int:
    con = sqlite3.connect(db)
    try:
        return con.execute("SELECT count(*) FROM audit").fetchone()[0]
    finally:
        con.close()


def start(screen, demo_dir, db, *extra):
    screen.run(f"{binary()} wallboard --db {db} --config {demo_dir / 'cutover.toml'} {' '.join(extra)}")
    return screen.wait_for("Ctrl-C quits", "the wallboard")


def test_every_key_leaves_the_database_untouched(screen, demo_dir, demo_db):
    before, rows = checksum(demo_db), audit_rows(demo_db)
    start(screen, demo_dir, demo_db, "--rotate", "2")
    screen.wait_for("jobs running", "the summary")
    printable = "".join(c for c in string.printable if c not in string.whitespace) + " "
    for chunk in (printable[i:i + 16] for i in range(0, len(printable), 16)):
        screen.type(chunk)
    screen.press("Up", "Down", "Left", "Right", "Enter", "Escape", "BSpace", "Tab", "BTab", "PPage", "NPage")
    time.sleep(1)
    text = screen.wait_for("Ctrl-C quits", "the wallboard, still running")
    assert "Hold" not in text and "Approve" not in text and "Keys" not in text
    screen.press("C-c")
    screen.wait_for(lambda t: "Ctrl-C quits" not in t, "the shell again")
    assert screen.last_status() == 130
    assert checksum(demo_db) == before
    assert audit_rows(demo_db) == rows


def test_it_rotates_and_runs_without_a_keyboard(screen, demo_dir, demo_db):
    # Two seconds a page: the wallboard draws once a second, so each page is on screen for a frame or two.
    screen.run(f"{binary()} wallboard --db {demo_db} --config {demo_dir / 'cutover.toml'} --rotate 2 < /dev/null")
    seen = set()
    deadline = time.monotonic() + 40
    # Markers below the stale banner (the session's demo database is stale after ten seconds).
    markers = {"summary": r"jobs running", "cohorts": r"\d/\d", "warnings": r"TRANSCODING_EXCEPTION",
               "jobs": r"\d+m \d\ds", "events": r"Import Job|Image Set"}
    while time.monotonic() < deadline and len(seen) < 5:
        text = screen.text()
        seen.update(page for page, marker in markers.items() if re.search(marker, text))
        time.sleep(0.1)
    assert seen == {"summary", "cohorts", "warnings", "jobs", "events"}
    subprocess.run(["kill", "-TERM", str(screen.pid_of("cutover"))], check=True)
    screen.wait_for(lambda t: "Ctrl-C quits" not in t, "the shell again")
    assert screen.last_status() == 143
    assert screen.display("#{alternate_on}") == "0"


def test_a_missing_then_replaced_database_is_shown_and_recovered(screen, demo_dir, demo_db, tmp_path):
    board = tmp_path / "board.sqlite"
    shutil.copyfile(demo_db, board)
    start(screen, demo_dir, board, "--rotate", "60")
    screen.wait_for("research-2024", "the cohorts on the summary")
    board.rename(tmp_path / "away.sqlite")
    for suffix in ("-wal", "-shm"):
        (tmp_path / f"board.sqlite{suffix}").unlink(missing_ok=True)
    screen.wait_for("board.sqlite is missing", "the missing-database notice", timeout=20)
    # A different file comes back under the same name (say, restored and amended): the wallboard opens it afresh.
    replacement = tmp_path / "replacement.sqlite"
    shutil.copyfile(tmp_path / "away.sqlite", replacement)
    Cutover(tmp_path).run("cohort", "define", "replaced-cohort", "--prefix", "input/none/", "--db", replacement,
                          "--config", demo_dir / "cutover.toml")
    replacement.rename(board)
    screen.wait_for("replaced-cohort", "the replaced database's data", timeout=20)
    assert "is missing" not in screen.text()
    screen.press("C-c")


def test_a_writer_holding_the_database_does_not_stop_it(screen, demo_dir, demo_db):
    start(screen, demo_dir, demo_db, "--rotate", "1")
    # A writer (a poll, say) holds the write lock for a while; the wallboard keeps turning pages meanwhile.
    con = sqlite3.connect(demo_db, timeout=10, isolation_level=None)
    con.execute("BEGIN IMMEDIATE")
    con.execute("UPDATE meta SET value = value WHERE key = 'data_generation'")
    first = screen.text()
    time.sleep(3)
    during = screen.text()
    con.execute("ROLLBACK")
    con.close()
    assert first != during, "the screen did not change while the writer held the lock"
    screen.wait_for("jobs running", "the summary", timeout=30)
    assert screen.pid_of("cutover") > 0
    screen.press("C-c")
