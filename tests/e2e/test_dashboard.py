"""The interactive dashboard in a real terminal (tmux): pages, drill-down, actions, filter, resize, quit."""
import re
import signal
import sqlite3
import subprocess

import pytest

from conftest import Cutover, binary

PAGE_MARKERS = {
    "1": "cohorts",
    "2": " jobs ",
    "3": "non-primary image sets",
    "4": "warning codes",
    "5": "cohort ",
    "6": "events, newest first",
    "7": "audit rows",
}


def open_dashboard(screen, demo_dir, db, *extra, env=""):
    screen.run(f"{env} {binary()} --db {db} --config {demo_dir / 'cutover.toml'} --no-poll {' '.join(extra)}")
    return screen.wait_for("1 Cohorts", "the dashboard")


def filter_to(screen, text):
    screen.type("/")
    screen.wait_for("filter: _", "the filter line")
    screen.type(text)
    screen.press("Enter")


def test_every_page_opens_from_its_number_key(screen, demo_dir, demo_db):
    open_dashboard(screen, demo_dir, demo_db)
    screen.wait_for("research-2024", "the cohort rows")
    for key, marker in PAGE_MARKERS.items():
        screen.type(key)
        text = screen.wait_for(marker, f"page {key}")
        assert "cutover" in text.split("\n")[0]
    screen.type("q")


def test_drill_into_a_cohort_and_hold_it_with_a_typed_reason(screen, demo_dir, demo_db):
    open_dashboard(screen, demo_dir, demo_db)
    filter_to(screen, "oncology")
    screen.wait_for("filter: oncology", "the filtered list")
    screen.press("Enter")
    screen.wait_for("cohort oncology-pet", "the cohort's gates")
    for gate in ("hierarchy", "parity", "review", "obligations"):
        assert gate in screen.text()
    screen.type("h")
    screen.wait_for("Hold oncology-pet", "the hold dialog")
    screen.type("PACS vendor ticket 8812")
    screen.press("Enter")
    screen.wait_for("cohort oncology-pet is held", "the flash line")
    screen.wait_for("HELD: PACS vendor ticket 8812", "the hold on the gates page")
    screen.type("q")

    con = sqlite3.connect(demo_db)
    held, reason = con.execute(
        "SELECT s.held, s.hold_reason FROM cohort_state s JOIN cohorts c ON c.id = s.cohort WHERE c.name = ?",
        ("oncology-pet",)).fetchone()
    actor, detail = con.execute(
        "SELECT actor, detail FROM audit WHERE action = 'hold' AND cohort = 'oncology-pet'").fetchone()
    con.close()
    assert (held, reason) == (1, "PACS vendor ticket 8812")
    assert actor == "alice" and "PACS vendor ticket 8812" in detail
    assert "intact" in Cutover(demo_db.parent).run("audit", "--verify", "--db", demo_db).stdout


def test_approving_a_cohort_whose_gates_do_not_pass_shows_why(screen, demo_dir, demo_db):
    open_dashboard(screen, demo_dir, demo_db)
    filter_to(screen, "mammography")
    screen.wait_for("filter: mammography", "the filtered list")
    screen.type("A")
    text = screen.wait_for("Approve cutover mammography:", "the refusal")
    assert "Type the cohort name" not in text
    screen.type("q")
    con = sqlite3.connect(demo_db)
    assert con.execute("SELECT count(*) FROM audit WHERE action LIKE 'approve%'").fetchone()[0] == 0
    con.close()


def test_the_warnings_page_filters_by_code_name(screen, demo_dir, demo_db):
    open_dashboard(screen, demo_dir, demo_db)
    screen.type("4")
    before = screen.wait_for("warning codes", "the warnings page")
    assert "TRANSCODING_EXCEPTION" in before and "COERCION_OF_DATA_ELEMENTS" in before
    filter_to(screen, "transcoding")
    after = screen.wait_for("1 warning codes", "the filtered warnings")
    assert "TRANSCODING_EXCEPTION" in after
    assert "COERCION_OF_DATA_ELEMENTS" not in after
    screen.press("Enter")
    screen.wait_for("45312 TRANSCODING_EXCEPTION", "the instances of the code")
    screen.type("q")


def test_resizing_to_60x20_and_back_leaves_no_garbage(screen, demo_dir, demo_db):
    open_dashboard(screen, demo_dir, demo_db)
    screen.type("2")
    screen.wait_for(PAGE_MARKERS["2"], "the jobs page")
    full = screen.lines()
    screen.resize(60, 20)
    # tmux shows the old frame cut to size first; wait for the dashboard's own 60x20 frame.
    small = screen.wait_for(
        lambda t: len(t.rstrip("\n").split("\n")) == 20 and t.startswith(" cutover") and "1 Cohorts" not in t,
        "the dashboard redrawn at 60x20")
    lines = small.rstrip("\n").split("\n")
    assert all(len(line) <= 60 for line in lines)
    assert lines[0].startswith(" cutover")
    assert "? help" in lines[-1]
    screen.resize(120, 40)
    screen.wait_for("1 Cohorts", "120x40 again")
    again = screen.lines()
    # The header's poll age moves with the clock; everything below it must be exactly as before.
    assert again[1:] == full[1:]
    screen.type("q")


def test_quit_gives_the_terminal_back(screen, demo_dir, demo_db):
    open_dashboard(screen, demo_dir, demo_db)
    assert screen.display("#{alternate_on}") == "1"
    screen.type("q")
    screen.wait_for(lambda t: "1 Cohorts" not in t, "the shell again")
    assert screen.display("#{alternate_on}") == "0"
    assert screen.display("#{cursor_flag}") == "1"
    assert screen.last_status() == 0
    modes = screen.terminal_modes()
    assert re.search(r"(?<!-)icanon", modes) and re.search(r"(?<![-a-z])echo ", modes)


@pytest.mark.parametrize("how,status", [
    ("ctrl-c", 128 + signal.SIGINT),
    ("SIGTERM", 128 + signal.SIGTERM),
    ("SIGHUP", 128 + signal.SIGHUP),
    ("SIGSEGV", 128 + signal.SIGSEGV),
])
def test_every_way_out_restores_the_terminal(screen, demo_dir, demo_db, how, status):
    open_dashboard(screen, demo_dir, demo_db)
    if how == "ctrl-c":
        screen.press("C-c")
    else:
        pid = screen.pid_of("cutover")
        subprocess.run(["kill", f"-{how[3:]}", str(pid)], check=True)
    screen.wait_for(lambda t: "1 Cohorts" not in t, "the shell again", timeout=20)
    assert screen.display("#{alternate_on}") == "0"
    assert screen.last_status() == status
    modes = screen.terminal_modes()
    assert re.search(r"(?<!-)icanon", modes) and re.search(r"(?<![-a-z])echo ", modes)


def test_no_color_and_ascii_mean_plain_ascii(screen, demo_dir, demo_db):
    open_dashboard(screen, demo_dir, demo_db, "--ascii", env="NO_COLOR=1")
    screen.wait_for("research-2024", "the cohort rows")
    for key in "1234567":
        screen.type(key)
        screen.wait_for(PAGE_MARKERS[key], f"page {key}")
        text = screen.text()
        assert text.isascii(), f"non-ASCII on page {key}"
        sgr = re.findall(r"\x1b\[([0-9;]*)m", screen.escaped())
        # 39 and 49 put back the terminal's own colours: they are resets, not colours.
        colours = [p for s in sgr for p in s.split(";") if re.fullmatch(r"3[0-8]|4[0-8]|9[0-7]|10[0-7]", p)]
        assert colours == [], f"colour codes on page {key}: {sorted(set(colours))}"
    screen.type("q")


def test_read_only_shows_actions_dimmed_and_refuses_them(screen, demo_dir, demo_db):
    open_dashboard(screen, demo_dir, demo_db, "--read-only")
    screen.wait_for("READ-ONLY", "the read-only badge")
    screen.type("h")
    screen.wait_for("read-only session", "the refusal")
    screen.type("q")
    con = sqlite3.connect(demo_db)
    assert con.execute("SELECT count(*) FROM audit WHERE action = 'hold'").fetchone()[0] == 0
    con.close()


def test_another_process_writes_show_up_without_a_key(screen, demo_dir, demo_db):
    open_dashboard(screen, demo_dir, demo_db)
    screen.wait_for("research-2024", "the cohort rows")
    Cutover(demo_db.parent).run("hold", "ed-2019", "--reason", "from another shell", "--db", demo_db,
                                "--config", demo_dir / "cutover.toml", env={"CUTOVER_ACTOR": "bob"})
    screen.wait_for(lambda t: re.search(r"ed-2019\s+\S+ held", t) is not None, "the hold from elsewhere", timeout=10)
    screen.type("q")


def test_colour_is_used_when_allowed(screen, demo_dir, demo_db):
    """The other side of the NO_COLOR check: the same pages do carry colour codes normally."""
    open_dashboard(screen, demo_dir, demo_db)
    screen.wait_for("research-2024", "the cohort rows")
    sgr = re.findall(r"\x1b\[([0-9;]*)m", screen.escaped())
    assert any(re.fullmatch(r"3[0-8]|9[0-7]", p) for s in sgr for p in s.split(";"))
    assert not screen.text().isascii()
    screen.type("q")


def test_the_dashboard_polls_in_the_background_and_holds_the_poller_lease(screen, tmp_path):
    cli = Cutover(tmp_path)
    cli.run("demo", "--dir", "live", "--generate-only")
    config = tmp_path / "live" / "cutover.toml"
    screen.run(f"{binary()} --config {config}")
    screen.wait_for("research-2024", "cohorts defined by the in-process poller", timeout=60)
    screen.type("2")
    screen.wait_for(lambda t: re.search(r"\b\d{2,} jobs\b", t) is not None, "ingested jobs", timeout=60)
    other = cli.run("poll", "--once", "--config", config, check=False)
    assert other.returncode == 1
    assert "another poller" in other.stderr + other.stdout
    screen.type("q")
    screen.wait_for(lambda t: "1 Cohorts" not in t, "the shell again")
    closed_cleanly(tmp_path / "live" / "cutover.sqlite")
    assert cli.run("poll", "--once", "--config", config).returncode == 0


def test_the_demo_opens_the_dashboard_on_the_replaying_migration(screen, tmp_path):
    screen.run(f"cd {tmp_path} && {binary()} demo --dir live --speed 20000")
    screen.wait_for("1 Cohorts", "the dashboard", timeout=60)
    screen.wait_for("research-2024", "the demo's cohorts", timeout=60)
    screen.type("6")
    screen.wait_for(lambda t: re.search(r"\b[1-9][\d,]* events, newest first", t) is not None, "events", timeout=60)
    screen.type("q")
    screen.wait_for(lambda t: "1 Cohorts" not in t, "the shell again")
    assert screen.last_status() == 0
    closed_cleanly(tmp_path / "live" / "cutover.sqlite")


def closed_cleanly(db):
    """The poller's round ended and its handle closed before the process did: SQLite folded the log into
    the file and removed it, so the file alone holds everything, and the lease was given back."""
    assert not db.with_name(db.name + "-wal").exists()
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as con:
        assert con.execute("SELECT count(*) FROM leases").fetchone()[0] == 0
        assert con.execute("SELECT count(*) FROM jobs").fetchone()[0] > 0


def test_a_bad_theme_file_is_named_with_its_line_and_the_default_is_used(screen, demo_dir, demo_db, tmp_path):
    theme = tmp_path / "bad.toml"
    theme.write_text('name = "bad"\n[roles.critical]\nfg = "blurple"\n')
    open_dashboard(screen, demo_dir, demo_db, "--theme", str(theme))
    screen.wait_for("bad.toml:3:", "the theme warning, named by file and line")
    assert "research-2024" in screen.wait_for("research-2024", "the cohort rows")
    screen.type("q")


def test_snapshot_prints_one_frame_as_text_or_ansi(demo_dir, tmp_path):
    cli = Cutover(tmp_path)
    common = ["snapshot", "--db", demo_dir / "cutover.sqlite", "--config", demo_dir / "cutover.toml"]
    plain = cli.run(*common, "--page", "warnings", "--size", "100x30").stdout
    lines = plain.split("\n")
    assert "warning codes" in plain and "TRANSCODING_EXCEPTION" in plain
    assert "\x1b" not in plain and len(lines) <= 31 and all(len(line) <= 100 for line in lines)
    coloured = cli.run(*common, "--page", "1", "--color").stdout
    assert re.search(r"\x1b\[[0-9;]*3[0-8][;m]", coloured)
    mono = cli.run(*common, "--page", "1", "--color", env={"NO_COLOR": "1"}).stdout
    assert "\x1b[" in mono and not re.search(r"\x1b\[[0-9;]*(?<![0-9])(3[0-8]|4[0-8]|9[0-7])[;m]", mono)
    ascii_only = cli.run(*common, "--page", "gates", "--ascii").stdout
    assert ascii_only.isascii() and "hierarchy" in ascii_only
    bad = cli.run(*common, "--page", "nine", check=False)
    assert bad.returncode == 2 and "no page nine" in bad.stderr
