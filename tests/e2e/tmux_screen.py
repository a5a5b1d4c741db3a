"""A real terminal for end-to-end tests: a private tmux server, a shell in a pane, keys in, text out."""
import os
import re
import shlex
import subprocess
import time
import uuid
from pathlib import Path


class TmuxScreen:
    def __init__(self, workdir: Path, columns: int = 120, rows: int = 40, env: dict | None = None):
        self.socket = f"cutover-e2e-{uuid.uuid4().hex[:10]}"
        self.workdir = workdir
        base = {k: v for k, v in os.environ.items() if not k.startswith("CUTOVER_") and k != "NO_COLOR"}
        # Swift's backtracer would otherwise wait at a prompt after a crash and swallow the next command.
        base.update({"TERM": "xterm-256color", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "PS1": "$ ",
                     "SWIFT_BACKTRACE": "interactive=no",
                     "HOME": str(workdir)})
        base.update(env or {})
        self.env = base
        self._tmux("new-session", "-d", "-x", str(columns), "-y", str(rows), "-s", "t",
                   "env -i " + " ".join(f"{k}={shlex.quote(v)}" for k, v in base.items())
                   + " bash --norc --noprofile")
        self._tmux("set-option", "-g", "status", "off")
        self.wait_for(lambda text: "$" in text, "a shell prompt")

    def _tmux(self, *args: str) -> str:
        out = subprocess.run(["tmux", "-L", self.socket, *args], cwd=self.workdir, capture_output=True, text=True)
        if out.returncode != 0:
            raise AssertionError(f"tmux {' '.join(args)} failed: {out.stderr}")
        return out.stdout

    def type(self, text: str) -> None:
        self._tmux("send-keys", "-t", "t", "-l", text)

    def press(self, *keys: str) -> None:
        for key in keys:
            self._tmux("send-keys", "-t", "t", key)

    def run(self, command: str) -> None:
        self.type(command)
        self.press("Enter")

    def text(self) -> str:
        return self._tmux("capture-pane", "-p", "-t", "t")

    def escaped(self) -> str:
        """The pane with its colour and attribute escape sequences."""
        return self._tmux("capture-pane", "-p", "-e", "-t", "t")

    def lines(self) -> list[str]:
        return self.text().split("\n")

    def display(self, fmt: str) -> str:
        return self._tmux("display-message", "-p", "-t", "t", fmt).strip()

    def resize(self, columns: int, rows: int) -> None:
        self._tmux("resize-window", "-t", "t", "-x", str(columns), "-y", str(rows))

    def wait_for(self, predicate, what: str, timeout: float = 15.0) -> str:
        if isinstance(predicate, str):
            needle = predicate
            predicate = lambda text: needle in text  # noqa: E731
        deadline = time.monotonic() + timeout
        text = ""
        while time.monotonic() < deadline:
            text = self.text()
            if predicate(text):
                return text
            time.sleep(0.1)
        raise AssertionError(f"timed out waiting for {what}; the screen shows:\n{text}")

    def pid_of(self, name: str) -> int:
        """The process `name` running in the pane (the dashboard), found through the pane's shell."""
        shell = int(self.display("#{pane_pid}"))
        out = subprocess.run(["pgrep", "-P", str(shell), "-f", name], capture_output=True, text=True)
        pids = [int(p) for p in out.stdout.split()]
        if not pids:
            raise AssertionError(f"no {name} process under the pane's shell")
        return pids[0]

    def last_status(self) -> int:
        """The exit status of the last command, asked of the pane's shell."""
        marker = uuid.uuid4().hex[:6]
        self.run(f"echo status-{marker}=$?")
        text = self.wait_for(lambda t: re.search(f"status-{marker}=\\d+", t) is not None, "the exit status")
        return int(re.search(f"status-{marker}=(\\d+)", text).group(1))

    def terminal_modes(self) -> str:
        marker = uuid.uuid4().hex[:6]
        # The marker is computed by the shell, so the typed command line itself never matches.
        self.run(f"stty -a | tr '\\n' ' '; echo; echo end-{marker}-$((6*7))")
        self.wait_for(f"end-{marker}-42", "stty output")
        return self.text()

    def close(self) -> None:
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], capture_output=True)
