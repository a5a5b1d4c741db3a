"""Patient identifiers: never on the wallboard or a default page; revealed only on request, audited."""
import sqlite3
import time

import pytest

from conftest import Cutover, binary

PAGES = ["summary", "cohorts", "jobs", "non-primary", "warnings", "gates", "events", "audit"]


@pytest.fixture
def planted(demo_db):
    """A distinctive patient planted on an instance of a non-primary image set."""
    con = sqlite3.connect(demo_db)
    image_set, key = con.execute(
        """SELECT s.image_set_id, k.key FROM image_sets s JOIN input_keys k ON k.image_set = s.id
           JOIN inventory i ON i.key = k.key WHERE s.is_primary = 0 ORDER BY s.image_set_id, k.key LIMIT 1""").fetchone()
    con.execute("UPDATE inventory SET patient_id = 'ZZPID7734', patient_name = 'QUIXOTE^ALONSO', "
                "accession_number = 'ZZACC9921' WHERE key = ?", (key,))
    con.commit()
    con.close()
    return {"image_set": image_set, "values": ["ZZPID7734", "QUIXOTE^ALONSO", "ZZACC9921"]}


def test_no_page_of_a_snapshot_shows_them(demo_dir, demo_db, planted, tmp_path):
    cli = Cutover(tmp_path)
    for page in PAGES:
        frame = cli.run("snapshot", "--db", demo_db, "--config", demo_dir / "cutover.toml", "--page", page,
                        "--size", "200x60").stdout
        for value in planted["values"]:
            assert value not in frame, f"{value} on {page}"


def test_the_wallboard_never_shows_them(screen, demo_dir, demo_db, planted):
    screen.run(f"{binary()} wallboard --db {demo_db} --config {demo_dir / 'cutover.toml'} --rotate 1")
    screen.wait_for("Ctrl-C quits", "the wallboard")
    for _ in range(30):
        text = screen.text()
        for value in planted["values"]:
            assert value not in text
        time.sleep(0.25)
    screen.press("C-c")


def test_the_dashboard_masks_them_and_an_audited_reveal_shows_them_until_the_page_changes(
        screen, demo_dir, demo_db, planted):
    screen.run(f"{binary()} --db {demo_db} --config {demo_dir / 'cutover.toml'} --no-poll")
    screen.wait_for("1 Cohorts", "the dashboard")
    for key in "1234567":
        screen.type(key)
        time.sleep(0.3)
        assert not any(value in screen.text() for value in planted["values"])

    def open_planted_set():
        screen.type("3")
        screen.press("Escape")
        screen.wait_for("non-primary image sets", "the non-primary list")
        screen.type("/")
        screen.wait_for(" filter: ", "the filter line")
        screen.press("C-u")
        screen.type(planted["image_set"])
        screen.press("Enter")
        screen.wait_for("non-primary image sets", "the filtered list")
        screen.press("Enter")
        return screen.wait_for("patient data masked", "the masked instance list")

    masked = open_planted_set()
    assert "Q*" in masked and not any(value in masked for value in planted["values"])
    screen.type("p")
    screen.wait_for("Reveal patient identifiers", "the reveal dialog")
    screen.type("y")
    revealed = screen.wait_for("QUIXOTE^ALONSO", "the revealed name")
    assert "ZZPID7734" in revealed

    con = sqlite3.connect(demo_db)
    actor, detail = con.execute("SELECT actor, detail FROM audit WHERE action = 'reveal-phi'").fetchone()
    con.close()
    assert actor == "alice" and planted["image_set"] in detail
    assert not any(value in detail for value in planted["values"])

    screen.type("1")
    screen.wait_for("H P R O", "the cohorts page")
    again = open_planted_set()
    assert not any(value in again for value in planted["values"])
    screen.type("q")
