"""`kill -9` at random points: of a large ingest and a configured poll (then a rerun gives the clean run's
database), and of the lifecycle actions (each is all or nothing: done with exactly one audit row, or not
done with none).

CUTOVER_CRASH_KILLS raises the number of kills for a long run; CUTOVER_CRASH_SEED picks another sequence.
"""
import json
import os
import random
import signal
import sqlite3
import subprocess
import threading
import time
from pathlib import Path

from conftest import dump

KILLS = int(os.environ.get("CUTOVER_CRASH_KILLS", "50"))
ACTION_KILLS = int(os.environ.get("CUTOVER_CRASH_ACTION_KILLS", "36"))
SEED = int(os.environ.get("CUTOVER_CRASH_SEED", "20261129"))
INGEST_LINES = int(os.environ.get("CUTOVER_CRASH_LINES", "60000"))
POLL_LINES = 20000
CHAIN = 4


def remove_db(path: Path):
    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)


def poll_dump(db):
    """`dump` plus what a configured poll adds: cohorts from the config and the audit of gate changes."""
    tables = dump(db)
    con = sqlite3.connect(db)
    try:
        tables["cohorts"] = con.execute("SELECT name, prefix, defined_by FROM cohorts ORDER BY name").fetchall()
        tables["audit"] = con.execute("SELECT actor, action, cohort, detail FROM audit ORDER BY seq").fetchall()
    finally:
        con.close()
    return tables


class Campaign:
    """Kills one command at random points of its run and checks every rerun against a clean run."""

    def __init__(self, cutover, name, argv, compare, target, rng):
        self.cutover, self.name, self.argv, self.compare = cutover, name, argv, compare
        self.target, self.rng = target, rng
        self.db = cutover.workdir / f"{name}-crashed.sqlite"
        self.landed = self.finished_first = self.cycles = self.chains = 0
        self.seconds = 0.0

    def clean(self):
        started = time.monotonic()
        self.cutover.run(*self.argv(f"{self.name}-clean.sqlite"))
        self.duration = time.monotonic() - started
        self.expected = self.compare(self.cutover.workdir / f"{self.name}-clean.sqlite")

    def start_and_kill(self) -> bool:
        """Runs the command and sends SIGKILL at a time drawn uniformly over the clean run's duration."""
        delay = self.rng.uniform(0, self.duration)
        proc = subprocess.Popen([self.cutover.bin, *map(str, self.argv(self.db))], cwd=self.cutover.workdir,
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        try:
            proc.wait(timeout=delay)
        except subprocess.TimeoutExpired:
            proc.send_signal(signal.SIGKILL)
            proc.wait()
            self.landed += 1
            return True
        err = proc.stderr.read()
        assert proc.returncode == 0, f"{self.name} failed after earlier kills:\n{err}"
        self.finished_first += 1
        return False

    def rerun_and_compare(self, what):
        rerun = self.cutover.run(*self.argv(self.db), check=False)
        assert rerun.returncode == 0, f"{self.name} rerun after {what} failed:\n{rerun.stderr}"
        assert self.compare(self.db) == self.expected, f"{self.name}: database after {what} differs from a clean run"

    def run(self):
        started = time.monotonic()
        # 4 single kills, then one chain of several kills on the same database, until enough kills landed.
        while self.landed < self.target and self.cycles + self.chains < self.target * 3:
            remove_db(self.db)
            if (self.cycles + self.chains) % 5 < 4:
                self.cycles += 1
                self.start_and_kill()
                self.rerun_and_compare(f"one kill (cycle {self.cycles})")
            else:
                self.chains += 1
                for _ in range(CHAIN):
                    if not self.start_and_kill():
                        break
                self.rerun_and_compare(f"kills in a row (chain {self.chains})")
        self.seconds = time.monotonic() - started


def in_parallel(*bodies):
    """Runs each body on its own thread (the 2 cores each get one campaign) and re-raises the first failure."""
    errors = []

    def guarded(body):
        try:
            body()
        except BaseException as error:  # noqa: BLE001 - re-raised on the test's thread
            errors.append(error)

    threads = [threading.Thread(target=guarded, args=(b,)) for b in bodies]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    if errors:
        raise errors[0]


def test_sigkill_at_random_points_of_ingest_and_poll_then_a_rerun_equals_a_clean_run(cutover, tmp_path):
    cutover.run("demo", "--dir", "big", "--scale", INGEST_LINES, "--generate-only")
    cutover.run("demo", "--dir", "small", "--scale", POLL_LINES, "--generate-only")
    sources = ["big/jobs", "big/api", "big/events"]
    rng = random.Random(SEED)
    ingest_target = (KILLS * 3 + 4) // 5
    ingest = Campaign(cutover, "ingest", lambda db: ["ingest", "--db", db, *sources], dump, ingest_target,
                      random.Random(rng.random()))
    poll = Campaign(cutover, "poll", lambda db: ["poll", "--once", "--config", "small/cutover.toml", "--db", db],
                    poll_dump, KILLS - ingest_target, random.Random(rng.random()))

    # Clean runs side by side, as the crashed ones will run: their durations bound the kill times.
    in_parallel(ingest.clean, poll.clean)
    assert len(ingest.expected["input_keys"]) >= INGEST_LINES * 0.9
    in_parallel(ingest.run, poll.run)

    for c in (ingest, poll):
        print(f"\n{c.name}: clean run {c.duration:.2f} s; {c.landed} kills landed mid-run "
              f"({c.cycles} kill+rerun cycles, {c.chains} chains of up to {CHAIN} kills), "
              f"{c.finished_first} runs finished before their kill; {c.seconds:.1f} s")
    landed = ingest.landed + poll.landed
    print(f"crash harness: {landed} kills landed in total (seed {SEED})")
    assert ingest.landed >= ingest.target and poll.landed >= poll.target, \
        "too many runs finished before their kill; raise CUTOVER_CRASH_LINES"
    assert landed >= KILLS


# --- Lifecycle actions -------------------------------------------------------------------------------------

# SQLite's WAL write lock is byte 120 of the -shm file: a process holding it is inside a write transaction.
WAL_WRITE_LOCK = "120"


def holds_write_lock(pid: int, shm_inode: int) -> bool:
    with open("/proc/locks") as locks:
        for line in locks:
            f = line.split()
            if len(f) >= 8 and f[1] == "POSIX" and f[3] == "WRITE" and f[4] == str(pid) \
                    and f[5].endswith(f":{shm_inode}") and f[6] == WAL_WRITE_LOCK:
                return True
    return False


class ActionRunner:
    """Runs one action and kills it at a random time: of its whole run, or (more often) of the part after a
    write lock held by this test was released, while the action waited for it in SQLite's busy handler; so
    most kills land in the action's writing."""

    def __init__(self, cutover, db, config, rng):
        self.cutover, self.db, self.config, self.rng = cutover, db, config, rng
        self.landed = self.inside_transaction = self.finished = 0
        self.duration = self.after_release = 0.2

    def start(self, args, actor):
        return subprocess.Popen([self.cutover.bin, *args, "--db", str(self.db), "--config", str(self.config),
                                 "--actor", actor], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)

    def run(self, args, actor, mode):
        if mode == "random":
            proc = self.start(args, actor)
            delay = self.rng.uniform(0, self.duration)
        else:
            lock = sqlite3.connect(self.db, isolation_level=None, timeout=0)
            lock.execute("BEGIN IMMEDIATE")
            proc = self.start(args, actor)
            time.sleep(self.duration * 1.5)  # started, and waiting for the lock
            lock.execute("COMMIT")
            lock.close()
            delay = self.rng.uniform(0, self.after_release) if mode == "locked" else None
        started = time.monotonic()
        try:
            proc.wait(timeout=delay)
        except subprocess.TimeoutExpired:
            inside = holds_write_lock(proc.pid, os.stat(str(self.db) + "-shm").st_ino)
            proc.send_signal(signal.SIGKILL)
            proc.wait()
            self.landed += 1
            self.inside_transaction += inside
            return None
        if mode == "calibrate":
            self.after_release = max(self.after_release, time.monotonic() - started)
        self.finished += 1
        return proc.returncode, proc.stderr.read()


def decision_state(db, cohort):
    con = sqlite3.connect(db)
    try:
        row = con.execute("SELECT s.revision, s.state, s.held FROM cohort_state s JOIN cohorts c ON c.id = s.cohort "
                          "WHERE c.name = ?", (cohort,)).fetchone()
        audit = con.execute("SELECT action, cohort, detail FROM audit WHERE actor != 'cutover' ORDER BY seq").fetchall()
        return (row or (0, None, 0)), audit
    finally:
        con.close()


def next_action(db, run):
    """A valid action for the current state: hold/release/attest on cardiology, and the approval path of
    ed-2019 (override by ana, confirmation by ben, rollback) once."""
    (_, ed_state, _), audit = decision_state(db, "ed-2019")
    (_, _, held), _ = decision_state(db, "cardiology")
    done = [a for a, c, _ in audit if c == "ed-2019"]
    if run % 3 == 1 and "rollback" not in done:
        if "approve-override" not in done:
            return "ed-2019", "approve-override", ["approve", "ed-2019", "--override", "--reason", f"run {run}"], "ana"
        if "confirm-approval" not in done:
            return "ed-2019", "confirm-approval", ["approve", "ed-2019"], "ben"
        return "ed-2019", "rollback", ["rollback", "ed-2019", "--reason", f"run {run}"], "ben"
    if run % 3 == 2:
        return "cardiology", "attest", ["attest", "cardiology", "backups-restore", "--note", f"run {run}"], "ana"
    if held:
        return "cardiology", "release", ["release", "cardiology", "--reason", f"run {run}"], "ana"
    return "cardiology", "hold", ["hold", "cardiology", "--reason", f"run {run}"], "ana"


def test_a_killed_action_is_either_done_with_one_audit_row_or_not_done_at_all(demo_dir, demo_db, cutover):
    config = demo_dir / "cutover.toml"
    rng = random.Random(SEED + 1)
    runner = ActionRunner(cutover, demo_db, config, rng)
    # An open connection keeps the WAL index alive between runs, as a dashboard would.
    keeper = sqlite3.connect(demo_db)
    keeper.execute("SELECT count(*) FROM audit").fetchall()
    started = time.monotonic()
    unkilled = cutover.run("hold", "oncology-pet", "--reason", "timing", "--db", demo_db, "--config", config)
    runner.duration = time.monotonic() - started
    assert "held" in unkilled.stdout
    assert runner.run(["release", "oncology-pet", "--reason", "timing"], "ana", "calibrate")[0] == 0
    outcomes = {"done": 0, "not done": 0}
    run = 0
    while runner.landed < ACTION_KILLS and run < ACTION_KILLS * 6:
        run += 1
        cohort, audit_action, args, actor = next_action(demo_db, run)
        (revision, _, _), audit = decision_state(demo_db, cohort)
        kill = rng.choice(["random", "locked", "locked"])
        result = runner.run(args, actor, kill)
        if result is not None:
            assert result[0] == 0, f"{' '.join(args)} failed unkilled:\n{result[1]}"
        (revision_after, _, _), audit_after = decision_state(demo_db, cohort)
        new_rows = audit_after[len(audit):]
        assert audit_after[:len(audit)] == audit, "an audit row was changed or removed"
        if revision_after == revision:
            assert new_rows == [], f"run {run} ({' '.join(args)}): not done, yet audited: {new_rows}"
            outcomes["not done"] += 1
        else:
            assert revision_after == revision + 1, f"run {run}: revision jumped from {revision} to {revision_after}"
            assert len(new_rows) == 1, f"run {run} ({' '.join(args)}): done with {len(new_rows)} audit rows"
            action, audited_cohort, detail = new_rows[0]
            assert (action, audited_cohort) == (audit_action, cohort)
            assert json.loads(detail)["revision"] == str(revision_after)
            outcomes["done"] += 1
        verify = cutover.run("audit", "--verify", "--db", demo_db, check=False)
        assert verify.returncode == 0 and verify.stdout.startswith("audit chain intact"), verify.stdout + verify.stderr
    keeper.close()
    print(f"\nactions: {run} runs, {runner.landed} killed mid-run ({runner.inside_transaction} while holding the "
          f"write lock of their transaction), {runner.finished} finished first; outcomes {outcomes}")
    assert runner.landed >= ACTION_KILLS
    # Kills landed on both sides of the commit: the checks above could see a half-done action.
    assert outcomes["done"] > 0 and outcomes["not done"] > 0
