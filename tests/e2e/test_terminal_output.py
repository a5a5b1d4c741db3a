"""What the dashboard sends down the wire: only what changed (bytes counted on a real PTY)."""
import sys
from pathlib import Path

from conftest import ROOT, binary

sys.path.insert(0, str(ROOT / "bench"))
from terminal_bytes import measure  # noqa: E402


def test_an_idle_second_and_one_keystroke_send_a_few_bytes(demo_dir, demo_db):
    figures = measure(binary(), ["--db", str(demo_db), "--config", str(demo_dir / "cutover.toml"), "--no-poll"])
    # The first frame is the whole 80x24 screen; after that only changed cells go out.
    assert figures["first frame"] > 800
    # At most the poll age's digits change in a second (it ticks while the last poll is under two minutes old).
    assert figures["idle second"] <= 40, figures
    # The typed character and the moved cursor of the filter line (plus, at times, a poll-age tick).
    assert 0 < figures["one typed character"] <= 64, figures
