"""Shared fixtures: the real `cutover` binary, run on real files and real SQLite databases."""
import json
import os
import shutil
import sqlite3
import subprocess
import time
from pathlib import Path

import pytest
from tmux_screen import TmuxScreen

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "Tests" / "CutoverFormatsTests" / "Fixtures"

# Tables that hold ingested data. `polls` is left out: it records wall-clock times of each run.
DATA_TABLES = [
    "jobs", "input_keys", "result_history", "result_details", "result_warnings", "image_sets",
    "job_image_sets", "events", "ingest_files", "quarantine", "counters", "studies", "series", "inventory",
]


def binary() -> str:
    path = os.environ.get("CUTOVER_BIN") or str(ROOT / ".build" / "debug" / "cutover")
    if not Path(path).exists():
        pytest.fail(f"cutover binary not found at {path}; run `swift build` or `make test`")
    return path


class Cutover:
    def __init__(self, workdir: Path):
        self.workdir = workdir
        self.bin = binary()

    def run(self, *args, check=True, env=None, **kwargs) -> subprocess.CompletedProcess:
        full_env = {k: v for k, v in os.environ.items() if not k.startswith("CUTOVER_")}
        full_env.update(env or {})
        proc = subprocess.run([self.bin, *map(str, args)], cwd=self.workdir, env=full_env,
                              capture_output=True, text=True, **kwargs)
        if check and proc.returncode != 0:
            raise AssertionError(f"cutover {' '.join(map(str, args))} exited {proc.returncode}\n"
                                 f"stdout:\n{proc.stdout}\nstderr:\n{proc.stderr}")
        return proc

    def status(self, db) -> dict:
        return json.loads(self.run("status", "--json", "--db", db).stdout)


@pytest.fixture
def cutover(tmp_path) -> Cutover:
    return Cutover(tmp_path)


@pytest.fixture
def screen(tmp_path):
    """A tmux pane of 80x24 where the dashboard's actor is alice (the wallboard's tests use one without)."""
    tmux = TmuxScreen(tmp_path, env={"CUTOVER_ACTOR": "alice"})
    yield tmux
    tmux.close()


@pytest.fixture(scope="session")
def demo_dir(tmp_path_factory) -> Path:
    """One generated and ingested demo for the whole session (read-only for tests that use it)."""
    base = tmp_path_factory.mktemp("demo")
    Cutover(base).run("demo", "--dir", "demo", "--no-tui")
    return base / "demo"


# Findings carry wall-clock times (first seen, updated): compared without them.
DATA_QUERIES = {
    "findings": "SELECT kind, subject, code, cohort, state, present FROM findings ORDER BY kind, subject, code",
}


@pytest.fixture
def demo_db(demo_dir, tmp_path) -> Path:
    """A private copy of the demo database, for tests that record decisions on it."""
    path = tmp_path / "demo-copy.sqlite"
    src, dst = sqlite3.connect(demo_dir / "cutover.sqlite"), sqlite3.connect(path)
    src.backup(dst)
    src.close()
    dst.close()
    return path


def dump(db_path) -> dict:
    """Every row of every data table, in primary-key order: two equal dumps mean equal databases."""
    con = sqlite3.connect(db_path)
    try:
        tables = {t: con.execute(f"SELECT * FROM {t} ORDER BY 1, 2").fetchall() for t in DATA_TABLES}
        tables.update({name: con.execute(sql).fetchall() for name, sql in DATA_QUERIES.items()})
        return tables
    finally:
        con.close()


def wait_until(predicate, what, timeout=30):
    """Polls `predicate` until it holds; fails naming `what` after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for {what}")


def copy_fixture(name: str, dest: Path) -> Path:
    dest.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(FIXTURES / name, dest)
    return dest
