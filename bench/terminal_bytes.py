"""Bytes the dashboard writes to a real terminal (a PTY): the first frame, an idle second, one keystroke.

Used by `make bench` (figures in docs/benchmarks.md) and by tests/e2e/test_wallboard.py (upper bounds).
"""
import fcntl
import os
import pty
import select
import signal
import struct
import termios
import time


def _drain(fd: int, quiet: float, limit: float = 10.0) -> int:
    """Reads until nothing arrives for `quiet` seconds; returns the bytes read."""
    total = 0
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], quiet)
        if not ready:
            return total
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            return total
        if not chunk:
            return total
        total += len(chunk)
    return total


def _read_for(fd: int, seconds: float) -> int:
    total = 0
    end = time.monotonic() + seconds
    while (left := end - time.monotonic()) > 0:
        ready, _, _ = select.select([fd], [], [], left)
        if ready:
            try:
                total += len(os.read(fd, 65536))
            except OSError:
                break
    return total


def measure(binary: str, args: list[str], columns: int = 80, rows: int = 24, settle: float = 0.6) -> dict[str, int]:
    """Starts `binary args` on a PTY of the given size and counts what it writes. `settle` is how long the
    output must be quiet before a step counts as done: longer than the frame interval (2.5 s for --slow-link)."""
    pid, fd = pty.fork()
    if pid == 0:
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
        env = {"TERM": "xterm-256color", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "PATH": os.environ.get("PATH", ""),
               "HOME": os.environ.get("HOME", "/tmp"), "CUTOVER_ACTOR": "bench"}
        os.execve(binary, [binary, *args], env)
    try:
        figures = {"first frame": _drain(fd, quiet=max(1.0, settle))}
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            raise RuntimeError(f"{binary} {' '.join(args)} exited at once (status {status})")
        figures["idle second"] = _read_for(fd, 1.0)
        os.write(fd, b"2")  # a page with a filter line
        _drain(fd, quiet=settle)
        os.write(fd, b"/")
        _drain(fd, quiet=settle)
        os.write(fd, b"x")
        figures["one typed character"] = _drain(fd, quiet=settle)
        os.write(fd, b"\x1b")
        _drain(fd, quiet=settle)
        os.write(fd, b"q")
        _drain(fd, quiet=0.5)
    finally:
        try:
            os.kill(pid, signal.SIGTERM)
            os.waitpid(pid, 0)
        except (ProcessLookupError, ChildProcessError):
            pass
        os.close(fd)
    return figures
