"""`kill -9` at any point of a large ingest, then a rerun, gives the same database as a clean run."""
import os
import random
import signal
import subprocess
import time

from conftest import dump

LINES = int(os.environ.get("CUTOVER_CRASH_LINES", "60000"))


def test_sigkill_at_several_points_then_rerun_equals_a_clean_run(cutover, tmp_path):
    cutover.run("demo", "--dir", "data", "--scale", LINES, "--generate-only")
    sources = ["data/jobs", "data/api", "data/events"]

    start = time.monotonic()
    cutover.run("ingest", "--db", "clean.sqlite", *sources)
    clean_seconds = time.monotonic() - start
    clean = dump(tmp_path / "clean.sqlite")
    assert len(clean["input_keys"]) >= LINES * 0.9

    rng = random.Random(20261129)
    kills = 0
    for fraction in sorted(rng.uniform(0.05, 0.95) for _ in range(6)):
        proc = subprocess.Popen([cutover.bin, "ingest", "--db", "crashed.sqlite", *sources], cwd=tmp_path,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(clean_seconds * fraction / 2)
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
            kills += 1
        proc.wait()
    assert kills >= 3, "the ingest finished before it could be killed; raise CUTOVER_CRASH_LINES"

    cutover.run("ingest", "--db", "crashed.sqlite", *sources)
    assert dump(tmp_path / "crashed.sqlite") == clean
