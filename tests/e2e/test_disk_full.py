"""A disk that fills up during ingest: one clear sentence, a consistent database, and after freeing space a
rerun gives the clean run's database.

The disk is a small tmpfs when this process may mount one (root with CAP_SYS_ADMIN); otherwise SQLite's
`max_page_count` stands in for it (CUTOVER_TEST_MAX_PAGE_COUNT), which fails the same way (SQLITE_FULL).
CUTOVER_DISK_FULL=max_page_count forces the stand-in.
"""
import os
import sqlite3
import subprocess
from pathlib import Path

from conftest import dump

LINES = 150_000
# 16 MB holds the first 50,000-line batch but not the second (the clean database is about 19 MB); with
# 16 KB pages, 600 pages do the same in the fallback.
DISK_BYTES = 16 * 1024 * 1024
MAX_PAGES = 600
OUTCOMES = {"success": 0, "warning": 1, "failure": 2}


class SmallDisk:
    """A 256 MB tmpfs with a ballast file that leaves DISK_BYTES free: deleting the ballast frees space."""

    def __init__(self, where: Path):
        self.where = where
        where.mkdir()
        forced = os.environ.get("CUTOVER_DISK_FULL") == "max_page_count"
        self.mounted = not forced and os.geteuid() == 0 and subprocess.run(
            ["mount", "-t", "tmpfs", "-o", "size=256m", "tmpfs", str(where)], capture_output=True).returncode == 0
        if self.mounted:
            self.ballast = where / "ballast"
            free = os.statvfs(where).f_bavail * os.statvfs(where).f_frsize
            with open(self.ballast, "wb") as f:
                os.posix_fallocate(f.fileno(), 0, free - DISK_BYTES)

    mechanism = property(lambda self: "tmpfs" if self.mounted else "max_page_count")

    def env(self):
        return {} if self.mounted else {"CUTOVER_TEST_MAX_PAGE_COUNT": str(MAX_PAGES)}

    def free_space(self):
        if self.mounted:
            self.ballast.unlink()

    def close(self):
        if self.mounted:
            subprocess.run(["umount", str(self.where)], check=True)


def rows_by_file(db, table):
    con = sqlite3.connect(db)
    try:
        return con.execute(f"SELECT f.path, t.line, t.{'key' if table == 'input_keys' else 'id'} FROM {table} t "
                           "JOIN ingest_files f ON f.id = t.file").fetchall()
    finally:
        con.close()


def assert_consistent_prefix(db, clean_db):
    """What a stopped ingest left: whole batches only, every counter agreeing with the rows and cursors."""
    con = sqlite3.connect(db)
    try:
        assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        cursors = dict(con.execute("SELECT path, line FROM ingest_files"))
        counters = dict(con.execute("SELECT name, value FROM counters"))
        for kind, code in OUTCOMES.items():
            # Lines counted on the jobs = lines the cursors say were read.
            counted = con.execute(f"SELECT coalesce(sum({kind}_lines), 0) FROM jobs").fetchone()[0]
            read = con.execute("SELECT coalesce(sum(line), 0) FROM ingest_files WHERE kind = ?", (kind,)).fetchone()[0]
            assert counted == read, f"{kind}: {counted} lines counted, cursors say {read} read"
            current = con.execute("SELECT count(*) FROM input_keys WHERE outcome = ?", (code,)).fetchone()[0]
            assert counters.get(f"current.{kind}", 0) == current
        lines = con.execute("SELECT coalesce(sum(line), 0) FROM ingest_files WHERE kind IN "
                            "('success', 'warning', 'failure')").fetchone()[0]
        assert counters.get("next.seq", 1) == lines + 1, "a result line got a number but its cursor did not move"
    finally:
        con.close()
    # Events are only added: each one is a clean-run event. A key's current outcome may still be replaced by a
    # later file, so only the key must be one the clean run has. Nothing lies past its file's cursor.
    for table, column in (("input_keys", 2), ("events", slice(None))):
        clean = {row[column] for row in rows_by_file(clean_db, table)}
        got = rows_by_file(db, table)
        assert {row[column] for row in got} <= clean, f"{table}: rows a clean run does not have"
        assert all(line <= cursors[path] or cursors[path] == 0 for path, line, _ in got), f"{table}: rows past a cursor"
    assert len(cursors) > 0 and len(dump(db)["input_keys"]) > 0, "expected the first batch to fit on the disk"


def test_a_full_disk_stops_ingest_with_one_sentence_and_a_rerun_after_freeing_space_completes(cutover, tmp_path):
    cutover.run("demo", "--dir", "data", "--scale", LINES, "--generate-only")
    sources = ["data/jobs", "data/api", "data/events"]
    cutover.run("ingest", "--db", "clean.sqlite", *sources)
    clean = dump(tmp_path / "clean.sqlite")

    disk = SmallDisk(tmp_path / "disk")
    try:
        print(f"\ndisk full by: {disk.mechanism}")
        db = disk.where / "cutover.sqlite"
        for attempt in ("first run", "rerun while still full"):
            full = cutover.run("ingest", "--db", db, *sources, check=False, env=disk.env())
            assert full.returncode == 1, f"{attempt}: {full.stdout}{full.stderr}"
            lines = full.stderr.splitlines()
            assert len(lines) == 1, f"{attempt}: expected one sentence, got:\n{full.stderr}"
            assert str(db) in lines[0] and "disk is full" in lines[0], lines[0]
            assert "SQLITE" not in lines[0] and "Fatal error" not in lines[0]
            assert_consistent_prefix(db, tmp_path / "clean.sqlite")
        partial = dump(db)
        assert 0 < len(partial["input_keys"]) < len(clean["input_keys"])
        status = cutover.run("status", "--db", db)
        assert "results" in status.stdout

        disk.free_space()
        cutover.run("ingest", "--db", db, *sources)
        assert dump(db) == clean
    finally:
        disk.close()
