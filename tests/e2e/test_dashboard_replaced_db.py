"""The interactive dashboard follows its database by path: a file moved away, then another moved over it, is
shown as missing, then opened afresh; an action typed afterwards lands in the new file, never the old inode."""
import shutil
import sqlite3

from conftest import Cutover, binary


def held(db, cohort):
    con = sqlite3.connect(db)
    try:
        row = con.execute(
            "SELECT s.held FROM cohort_state s JOIN cohorts c ON c.id = s.cohort WHERE c.name = ?", (cohort,)
        ).fetchone()
        audits = con.execute("SELECT count(*) FROM audit WHERE action = 'hold' AND cohort = ?", (cohort,)).fetchone()[0]
    finally:
        con.close()
    return (row[0] if row else 0), audits


def test_a_missing_then_replaced_database_is_followed_and_actions_go_to_the_new_file(
        screen, demo_dir, demo_db, tmp_path):
    db = tmp_path / "live.sqlite"
    shutil.copyfile(demo_db, db)
    screen.run(f"{binary()} --db {db} --config {demo_dir / 'cutover.toml'} --no-poll")
    screen.wait_for("research-2024", "the cohort rows")

    away = tmp_path / "away.sqlite"
    db.rename(away)
    for suffix in ("-wal", "-shm"):
        (tmp_path / f"live.sqlite{suffix}").unlink(missing_ok=True)
    screen.type("2")
    screen.wait_for("live.sqlite is missing", "the missing-database notice", timeout=20)

    # While it is missing, an action is refused with that sentence and nothing is written anywhere.
    screen.type("1")
    screen.type("/")
    screen.type("oncology")
    screen.press("Enter")
    screen.type("h")
    screen.wait_for("is missing", "the refusal or notice")
    screen.press("Escape")

    # Another file comes back under the same name: the dashboard shows its data.
    replacement = tmp_path / "replacement.sqlite"
    shutil.copyfile(away, replacement)
    Cutover(tmp_path).run("cohort", "define", "replaced-cohort", "--prefix", "input/none/", "--db", replacement,
                          "--config", demo_dir / "cutover.toml")
    replacement.rename(db)
    screen.type("/")
    screen.press("C-u")
    screen.press("Enter")
    screen.wait_for("replaced-cohort", "the replaced database's cohorts", timeout=20)
    screen.wait_for("replaced", "the notice that the file was replaced")

    # A hold typed now goes to the file at the path, not to the moved-away original.
    screen.type("/")
    screen.type("oncology")
    screen.press("Enter")
    screen.wait_for("filter: oncology", "the filtered list")
    screen.type("h")
    screen.wait_for("Hold oncology-pet", "the hold dialog")
    screen.type("after the swap")
    screen.press("Enter")
    screen.wait_for("cohort oncology-pet is held", "the flash line")
    screen.type("q")

    assert held(db, "oncology-pet") == (1, 1)
    assert held(away, "oncology-pet") == (0, 0)
    assert "intact" in Cutover(tmp_path).run("audit", "--verify", "--db", db).stdout
