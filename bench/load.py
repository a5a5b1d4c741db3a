"""`make load`: one writer, many read-only dashboards and a loop of `status`, all on one database, for minutes.

The writer is `cutover demo --no-tui --speed S`: it replays the demo migration into its folder (jobs submit, run
and finish; result files grow; events arrive) and polls that folder every two seconds, as `cutover poll` does,
for the whole run (the speed is chosen so the replay outlasts it). Beside it, LOAD_DASHBOARDS read-only
dashboards run in tmux windows, each switching page about once a second and logging every frame's cost
(CUTOVER_FRAME_LOG), and `status` / `status --json` run back to back as fast as they go.

At the end it checks: no pane and no `status` stderr ever mentions a locked or busy database, every `status`
exited 0, the writer kept writing, frame times (page load + render + flush) stay within the page-switch budget,
and each process's resident memory is flat (last third of the run against the second third). Prints a table,
writes it as Markdown to --report and the figures as JSON to --json. Exit status 1 when a check fails.

    LOAD_SECONDS=180 python3 bench/load.py [--bin .build/release/cutover] [--dashboards 10]
"""
import argparse
import json
import os
import re
import shlex
import shutil
import signal
import statistics
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# Simulated seconds from the demo's first job to its last settled one (seed 42), measured from its files.
DEMO_SPAN_SECONDS = 6200
LOCK_WORDS = re.compile(r"locked|busy", re.IGNORECASE)
PAGE_KEYS = "1234567"


def parse_args():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--seconds", type=float, default=float(os.environ.get("LOAD_SECONDS", 180)))
    p.add_argument("--dashboards", type=int, default=int(os.environ.get("LOAD_DASHBOARDS", 10)))
    p.add_argument("--bin", default=os.environ.get("CUTOVER_BIN", str(ROOT / ".build" / "release" / "cutover")))
    p.add_argument("--budget-ms", type=float, default=float(os.environ.get("LOAD_FRAME_BUDGET_MS", 16)))
    p.add_argument("--growth", type=float, default=float(os.environ.get("LOAD_RSS_GROWTH", 0.10)),
                   help="largest allowed rise of the last third's mean RSS over the second third's")
    p.add_argument("--workdir", help="keep everything here (default: a temporary folder, removed)")
    p.add_argument("--report", default=str(ROOT / ".build" / "load" / "report.md"))
    p.add_argument("--json", default=str(ROOT / ".build" / "load" / "figures.json"))
    return p.parse_args()


class Tmux:
    def __init__(self, workdir: Path):
        self.socket = f"cutover-load-{uuid.uuid4().hex[:8]}"
        self.workdir = workdir

    def __call__(self, *args) -> str:
        out = subprocess.run(["tmux", "-L", self.socket, *args], capture_output=True, text=True, cwd=self.workdir)
        if out.returncode != 0:
            raise RuntimeError(f"tmux {' '.join(args)}: {out.stderr.strip()}")
        return out.stdout

    def kill(self):
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], capture_output=True)


def rss_kb(pid: int) -> int | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except (FileNotFoundError, ProcessLookupError):
        return None
    return None


def digests_stored(db) -> bool:
    """True once a writer stored cohort digests (`meta` key `digests.stored_at`)."""
    try:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
        try:
            return con.execute("SELECT 1 FROM meta WHERE key = 'digests.stored_at'").fetchone() is not None
        finally:
            con.close()
    except sqlite3.Error:
        return False


def percentile(values, q):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))] if ordered else 0.0


class StatusLoop(threading.Thread):
    """`status` and `status --json`, one after the other, until stopped; keeps every failure."""

    def __init__(self, command: list[str], workdir: Path):
        super().__init__(daemon=True)
        self.command, self.workdir = command, workdir
        self.stop = threading.Event()
        self.runs = 0
        self.failures: list[str] = []
        self.lock_errors: list[str] = []
        self.rss_kb: list[tuple[float, int]] = []
        self.progress: list[tuple[float, str]] = []

    def run(self):
        while not self.stop.is_set():
            for extra in ([], ["--json"]):
                proc = subprocess.Popen(self.command + extra, cwd=self.workdir, stdout=subprocess.PIPE,
                                        stderr=subprocess.PIPE)
                out, err = proc.communicate()
                self.runs += 1
                stderr = err.decode(errors="replace")
                if proc.returncode != 0:
                    self.failures.append(f"exit {proc.returncode}: {stderr.strip()[:200]}")
                if LOCK_WORDS.search(stderr):
                    self.lock_errors.append(stderr.strip()[:200])
                if extra:
                    try:
                        status = json.loads(out)
                        self.progress.append((time.time(), json.dumps(
                            [status.get("jobs"), status.get("results"), status.get("lastPoll")], sort_keys=True)))
                    except ValueError:
                        self.failures.append("status --json printed no JSON")


def maxrss_of(command, workdir) -> int:
    """Peak RSS (kB) of one run of `command`, from wait4."""
    proc = subprocess.Popen(command, cwd=workdir, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, _, usage = os.wait4(proc.pid, 0)
    return usage.ru_maxrss


def main() -> int:
    args = parse_args()
    binary = str(Path(args.bin).resolve())
    if not Path(binary).exists():
        sys.exit(f"load: no binary at {binary}; run `swift build -c release` (or pass --bin)")
    work = Path(args.workdir or tempfile.mkdtemp(prefix="cutover-load-"))
    work.mkdir(parents=True, exist_ok=True)
    demo, db = work / "demo", work / "demo" / "cutover.sqlite"
    config = demo / "cutover.toml"
    speed = DEMO_SPAN_SECONDS / (args.seconds * 1.25 + 30)
    env = {k: v for k, v in os.environ.items() if not k.startswith("CUTOVER_")}
    env.update({"TERM": "xterm-256color", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "SWIFT_BACKTRACE": "interactive=no"})
    tmux = Tmux(work)
    figures: dict = {"seconds": args.seconds, "dashboards": args.dashboards, "binary": binary,
                     "speed": round(speed, 2), "budget_ms": args.budget_ms}
    writer_log = (work / "writer.log").open("w")
    writer = subprocess.Popen([binary, "demo", "--dir", str(demo), "--no-tui", "--speed", f"{speed:.3f}"],
                              cwd=work, env=env, stdout=writer_log, stderr=subprocess.STDOUT)
    status_cmd = [binary, "status", "--db", str(db), "--config", str(config)]
    try:
        # The load starts once the writer has finished its first poll (the database answers a reader and holds
        # the cohort digests that poll stored), as on a migration night: a dashboard opened before any poll
        # computes the digests itself, a first-frame cost (< 150 ms) rather than a page switch.
        deadline = time.time() + 120
        while (subprocess.run(status_cmd, cwd=work, env=env, capture_output=True).returncode != 0
               or not digests_stored(db)):
            if writer.poll() is not None or time.time() > deadline:
                raise RuntimeError(f"the writer did not create a database; see {work / 'writer.log'}")
            time.sleep(0.2)

        tmux("new-session", "-d", "-x", "120", "-y", "40", "-s", "load", "-n", "idle", "sleep 100000")
        tmux("set-option", "-g", "remain-on-exit", "on")
        tmux("set-option", "-g", "status", "off")
        # Detached windows otherwise open at tmux's default 80x24.
        tmux("set-option", "-g", "default-size", "120x40")
        dashboards = []
        for n in range(args.dashboards):
            frames = work / f"frames-{n}.tsv"
            command = ("exec env " + " ".join(f"{k}={shlex.quote(v)}" for k, v in env.items())
                       + f" CUTOVER_FRAME_LOG={shlex.quote(str(frames))} CUTOVER_ACTOR=viewer{n}"
                       + f" {shlex.quote(binary)} --read-only --db {shlex.quote(str(db))}"
                       + f" --config {shlex.quote(str(config))}")
            target = tmux("new-window", "-d", "-P", "-F", "#{window_id}", "-t", "load", "-n", f"d{n}",
                          command).strip()
            pid = int(tmux("display-message", "-p", "-t", target, "#{pane_pid}").strip())
            dashboards.append({"n": n, "target": target, "pid": pid, "frames": frames})

        status = StatusLoop(status_cmd, work)
        status.start()
        start = time.time()
        rss: dict[str, list[tuple[float, int]]] = {"writer": []}
        rss.update({f"dashboard-{d['n']}": [] for d in dashboards})
        pids = {"writer": writer.pid, **{f"dashboard-{d['n']}": d["pid"] for d in dashboards}}
        load_average: list[tuple[float, float]] = []
        pane_lock_errors: list[str] = []
        status_rss: list[tuple[float, int]] = []
        tick = 0
        next_sample = start
        while time.time() - start < args.seconds:
            # Each dashboard moves to another page about once a second, the windows staggered.
            for d in dashboards:
                key = PAGE_KEYS[(tick + d["n"]) % len(PAGE_KEYS)]
                tmux("send-keys", "-t", d["target"], key)
                time.sleep(1.0 / max(1, len(dashboards)))
            tick += 1
            now = time.time()
            if now >= next_sample:
                next_sample = now + 3
                for name, pid in pids.items():
                    if (kb := rss_kb(pid)) is not None:
                        rss[name].append((now - start, kb))
                load_average.append((now - start, float(Path("/proc/loadavg").read_text().split()[0])))
                for d in dashboards:
                    text = tmux("capture-pane", "-p", "-t", d["target"])
                    if LOCK_WORDS.search(text):
                        pane_lock_errors.append(f"dashboard {d['n']} at {now - start:.0f} s: "
                                                + next(l for l in text.splitlines() if LOCK_WORDS.search(l)).strip())
                if tick % 10 == 0:
                    status_rss.append((now - start, maxrss_of(status_cmd, work)))
        elapsed = time.time() - start
        status.stop.set()
        status.join(timeout=60)
        writer_alive = writer.poll() is None

        # Final captures, then every dashboard is asked to quit as a user would.
        alive = {}
        for d in dashboards:
            text = tmux("capture-pane", "-p", "-t", d["target"])
            (work / f"pane-{d['n']}.txt").write_text(text)
            if LOCK_WORDS.search(text):
                pane_lock_errors.append(f"dashboard {d['n']} at the end")
            dead = tmux("display-message", "-p", "-t", d["target"], "#{pane_dead}").strip() == "1"
            alive[d["n"]] = rss_kb(d["pid"]) is not None and not dead
            tmux("send-keys", "-t", d["target"], "q")
    finally:
        time.sleep(1)
        tmux.kill()
        if writer.poll() is None:
            writer.send_signal(signal.SIGINT)
            try:
                writer.wait(timeout=20)
            except subprocess.TimeoutExpired:
                writer.kill()
        writer_log.close()

    # Writer continuity: how long status --json ever saw the same jobs/results/last poll.
    changes = [t for (t, s), (_, prev) in zip(status.progress[1:], status.progress) if s != prev]
    edges = [start] + changes + [start + elapsed]
    longest_quiet = max(b - a for a, b in zip(edges, edges[1:]))
    thirds = [sum(1 for t in changes if start + i * elapsed / 3 <= t < start + (i + 1) * elapsed / 3)
              for i in range(3)]

    frame_rows = []
    all_frames, over = [], []
    for d in dashboards:
        lines = [l.split("\t") for l in d["frames"].read_text().splitlines()] if d["frames"].exists() else []
        frames = [(float(l[0]), float(l[1]), l[2], float(l[3]), float(l[4]), float(l[5])) for l in lines if len(l) == 6]
        first, rest = (frames[0], frames[1:]) if frames else (None, [])
        totals = [f[1] for f in rest]
        all_frames += totals
        over += [(d["n"], f) for f in rest if f[1] > args.budget_ms]
        frame_rows.append({"dashboard": d["n"], "frames": len(frames), "first_ms": first[1] if first else None,
                           "p50_ms": percentile(totals, 0.5), "p99_ms": percentile(totals, 0.99),
                           "max_ms": max(totals, default=0.0), "over_budget": sum(t > args.budget_ms for t in totals),
                           "alive_at_end": alive.get(d["n"], False)})

    def flatness(samples):
        values = [kb for _, kb in samples]
        n = len(values)
        if n < 6:
            return {"samples": n, "first_mb": None, "last_mb": None, "ratio": None, "flat": n > 0}
        second, last = values[n // 3: 2 * n // 3], values[2 * n // 3:]
        ratio = statistics.mean(last) / statistics.mean(second)
        return {"samples": n, "first_mb": values[0] / 1024, "last_mb": values[-1] / 1024,
                "peak_mb": max(values) / 1024, "second_third_mb": statistics.mean(second) / 1024,
                "last_third_mb": statistics.mean(last) / 1024, "ratio": ratio, "flat": ratio <= 1 + args.growth}

    memory = {name: flatness(samples) for name, samples in rss.items()}
    memory["status (peak per run)"] = flatness(status_rss)

    figures.update({
        "elapsed": elapsed, "status_runs": status.runs, "status_failures": status.failures[:20],
        "status_failure_count": len(status.failures), "lock_errors": pane_lock_errors + status.lock_errors,
        "writer_alive_at_end": writer_alive, "writes_seen": len(changes), "writes_per_third": thirds,
        "longest_quiet_s": longest_quiet, "frames": frame_rows, "frames_total": len(all_frames),
        "frame_p99_ms": percentile(all_frames, 0.99), "frame_max_ms": max(all_frames, default=0.0),
        "over_budget": len(over),
        "over_budget_frames": [{"dashboard": n, "at_s": f[0] - start, "ms": f[1], "page": f[2], "load_ms": f[3],
                                "render_ms": f[4], "flush_ms": f[5]} for n, f in over[:50]],
        "load_average": {"mean": statistics.mean(v for _, v in load_average) if load_average else None,
                         "max": max((v for _, v in load_average), default=None)},
        "memory": memory,
    })
    checks = {
        "no locked/busy error on any screen or status stderr": not figures["lock_errors"],
        "every status exited 0": status.runs > 0 and not status.failures,
        "the writer wrote in every third and outlived the run": writer_alive and all(thirds),
        f"no frame over {args.budget_ms:g} ms": not over and bool(all_frames),
        f"memory flat (last third within {args.growth:.0%} of the second)": all(m["flat"] for m in memory.values()),
        "every dashboard still running at the end": all(alive.values()) and len(alive) == len(dashboards),
    }
    figures["checks"] = checks
    report = markdown(figures)
    print(report)
    for path, text in ((args.report, report), (args.json, json.dumps(figures, indent=2))):
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        Path(path).write_text(text)
    if not args.workdir:
        shutil.rmtree(work, ignore_errors=True)
    return 0 if all(checks.values()) else 1


def markdown(f: dict) -> str:
    out = [f"Load: 1 writer (demo replay at {f['speed']}x, polling every 2 s), {f['dashboards']} read-only "
           f"dashboards switching page every ~1 s, `status` + `status --json` in a loop; {f['elapsed']:.0f} s "
           f"(load average mean {f['load_average']['mean'] or 0:.1f}, max {f['load_average']['max'] or 0:.1f}).",
           "",
           f"- status runs: {f['status_runs']}, failures: {f['status_failure_count']}; lock/busy errors: "
           f"{len(f['lock_errors'])}",
           f"- writes seen by status: {f['writes_seen']} (per third: {f['writes_per_third']}), longest quiet "
           f"{f['longest_quiet_s']:.1f} s, writer alive at end: {f['writer_alive_at_end']}",
           f"- frames measured: {f['frames_total']}; p99 {f['frame_p99_ms']:.2f} ms, max {f['frame_max_ms']:.2f} ms; "
           f"over {f['budget_ms']:g} ms: {f['over_budget']}",
           "",
           "| dashboard | frames | first ms | p50 ms | p99 ms | max ms | over budget |",
           "|---|---|---|---|---|---|---|"]
    for r in f["frames"]:
        first = f"{r['first_ms']:.1f}" if r["first_ms"] is not None else "-"
        out.append(f"| {r['dashboard']} | {r['frames']} | {first} | {r['p50_ms']:.2f} | {r['p99_ms']:.2f} | "
                   f"{r['max_ms']:.2f} | {r['over_budget']} |")
    out += ["", "| process | RSS samples | first MB | last MB | 2nd-third mean MB | last-third mean MB | ratio | flat |",
            "|---|---|---|---|---|---|---|---|"]
    for name, m in f["memory"].items():
        if m["ratio"] is None:
            out.append(f"| {name} | {m['samples']} | - | - | - | - | - | {m['flat']} |")
            continue
        out.append(f"| {name} | {m['samples']} | {m['first_mb']:.1f} | {m['last_mb']:.1f} | "
                   f"{m['second_third_mb']:.1f} | {m['last_third_mb']:.1f} | {m['ratio']:.3f} | {m['flat']} |")
    if f["over_budget_frames"]:
        out += ["", "Frames over budget (at s, dashboard, page, total = load + render + flush ms):"]
        out += [f"- {o['at_s']:.1f} s  d{o['dashboard']}  {o['page']}  {o['ms']:.1f} = {o['load_ms']:.1f} + "
                f"{o['render_ms']:.1f} + {o['flush_ms']:.1f}" for o in f["over_budget_frames"]]
    out += ["", "| check | result |", "|---|---|"]
    out += [f"| {name} | {'pass' if ok else 'FAIL'} |" for name, ok in f["checks"].items()]
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    sys.exit(main())
