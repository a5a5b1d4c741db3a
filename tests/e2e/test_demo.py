"""`cutover demo` writes a realistic migration whose ingested counts agree with the files."""
import json

from conftest import dump


def count_lines(paths):
    return sum(sum(1 for line in p.open() if line.strip()) for p in paths)


def test_status_line_counts_equal_the_files(demo_dir, cutover):
    status = cutover.status(demo_dir / "cutover.sqlite")
    jobs = demo_dir / "jobs"
    assert status["resultLines"]["success"] == count_lines(jobs.glob("**/SUCCESS/success.ndjson"))
    assert status["resultLines"]["warning"] == count_lines(jobs.glob("**/WARNING/warning.ndjson"))
    assert status["resultLines"]["failure"] == count_lines(jobs.glob("**/FAILURE/failure.ndjson"))
    assert status["resultLines"]["success"] > 10_000


def test_current_results_count_each_input_key_once(demo_dir, cutover):
    status = cutover.status(demo_dir / "cutover.sqlite")
    keys = set()
    for path in (demo_dir / "jobs").glob("**/*.ndjson"):
        keys.update(json.loads(line)["inputFile"] for line in path.open() if line.strip())
    assert sum(status["results"].values()) == len(keys)


def test_demo_has_the_promised_variety(demo_dir, cutover):
    status = cutover.status(demo_dir / "cutover.sqlite")
    assert status["jobs"].get("FAILED") == 1
    assert status["jobs"].get("IN_PROGRESS") == 1
    assert len(status["warningCodes"]) >= 4
    assert status["nonPrimaryImageSets"] > 0
    assert status["results"]["failure"] > 0
    assert status["quarantined"] == 0
    assert status["lastPoll"] is not None
    status = json.loads(cutover.run("status", "--json", "--db", demo_dir / "cutover.sqlite",
                                    "--config", demo_dir / "cutover.toml").stdout)
    for cohort in status["cohorts"]:
        assert set(cohort["gates"]) == {"hierarchy", "parity", "review", "obligations"}
        assert cohort["held"] is False and cohort["state"] in ("importing", "validating", "ready")
    research = next(c for c in status["cohorts"] if c["name"] == "research-2024")
    assert research["gates"] == {"hierarchy": "pass", "parity": "pass", "review": "pass", "obligations": "hold"}
    assert [c["name"] for c in status["cohorts"]] == [
        "cardiology", "ed-2019", "mammography", "oncology-pet", "research-2024"]


def test_warning_codes_match_current_warning_lines(demo_dir, cutover):
    status = cutover.status(demo_dir / "cutover.sqlite")
    # The newest job wins: collect warnings per key from the job submitted last.
    submitted = {}
    for page in sorted((demo_dir / "api").glob("list-dicom-import-jobs-*.json")):
        for job in json.loads(page.read_text())["jobSummaries"]:
            submitted[job["jobId"]] = job["submittedAt"]
    current = {}
    for path in (demo_dir / "jobs").glob("**/*.ndjson"):
        job = path.parent.parent.name.split("-DicomImport-")[1]
        for line in path.open():
            if not line.strip():
                continue
            rec = json.loads(line)
            codes = [w["warning_reason_code"] for w in rec.get("importResponse", {}).get("warnings", [])]
            key = rec["inputFile"]
            if key not in current or submitted[job] >= current[key][0]:
                current[key] = (submitted[job], codes)
    expected = {}
    for _, codes in current.values():
        for code in codes:
            expected[str(code)] = expected.get(str(code), 0) + 1
    assert status["warningCodes"] == expected


def test_ingesting_the_same_folder_twice_changes_nothing(demo_dir, cutover, tmp_path):
    db = tmp_path / "twice.sqlite"
    cutover.run("ingest", "--db", db, demo_dir / "jobs", demo_dir / "api", demo_dir / "events")
    first = dump(db)
    again = cutover.run("ingest", "--db", db, demo_dir / "jobs", demo_dir / "api", demo_dir / "events")
    assert dump(db) == first
    assert "ingested 0 results" in again.stdout


def test_text_status_names_the_migration_and_counts(demo_dir, cutover):
    out = cutover.run("status", "--db", demo_dir / "cutover.sqlite", "--config", demo_dir / "cutover.toml").stdout
    assert "St Elsewhere" in out
    assert "COMPLETED" in out and "non-primary" in out


def test_a_replayed_demo_polled_while_files_grow_ends_with_the_static_counts(demo_dir, cutover):
    # --speed replays the migration over real time (files grow, jobs finish) and polls as it goes.
    proc = cutover.run("demo", "--dir", "replay", "--speed", "4000", "--no-tui", timeout=300)
    assert proc.stdout.count("jobs:") >= 2, "the replay should have polled more than once"
    replayed = cutover.status(cutover.workdir / "replay" / "cutover.sqlite")
    static = cutover.status(demo_dir / "cutover.sqlite")
    for field in ("jobs", "results", "resultLines", "warningCodes", "nonPrimaryImageSets", "events", "imageSets"):
        assert replayed[field] == static[field], field
    assert replayed["quarantined"] == 0
