"""`cutover inventory import` streams CSV and NDJSON exports; bad rows are named by line, nothing else breaks."""
import csv
import json
from collections import defaultdict

HEADER = "sop_instance_uid,input_key,series_instance_uid,study_instance_uid,modality,number_of_frames,cohort,extra\n"


def rows(n, study="1.2.3", cohort="ed"):
    return "".join(f"1.2.3.4.{i},input/{cohort}/s/{i}.dcm,1.2.3.4,{study},CT,1,{cohort},x\n" for i in range(n))


def test_a_csv_in_any_column_order_imports_and_names_its_unknown_column_once(cutover, tmp_path):
    (tmp_path / "inv.csv").write_text(HEADER + rows(5))
    proc = cutover.run("inventory", "import", "--db", "c.sqlite", "inv.csv")
    assert "imported 5 inventory records" in proc.stdout
    assert proc.stderr.count("ignored unknown columns: extra") == 1
    status = cutover.status(tmp_path / "c.sqlite")
    assert status["cohorts"][0]["name"] == "ed"
    assert status["cohorts"][0]["expected"] == {"studies": 1, "series": 1, "instances": 5}


def test_bad_rows_are_reported_by_line_and_the_rest_imported(cutover, tmp_path):
    body = rows(3) + "1.2.3.4.9,input/ed/s/9.dcm,1.2.3.4,,CT,1,ed,x\n" + "1.2.3.4.10,input/ed/s/10.dcm\n" \
        + "1.2.3.4.11,input/ed/s/11.dcm,1.2.3.4,1.2.3,CT,many,ed,x\n" + rows(2).replace("/s/", "/t/")
    (tmp_path / "inv.csv").write_text(HEADER + body)
    proc = cutover.run("inventory", "import", "--db", "c.sqlite", "inv.csv")
    assert "imported 5 inventory records" in proc.stdout and "3 bad rows skipped" in proc.stdout
    for line in (5, 6, 7):
        assert f"inv.csv:{line}: " in proc.stderr
    assert "many" not in proc.stderr  # field values (possibly patient data) are never echoed


def test_a_missing_required_column_is_one_sentence(cutover, tmp_path):
    (tmp_path / "inv.csv").write_text("input_key,study_instance_uid,series_instance_uid\na,b,c\n")
    proc = cutover.run("inventory", "import", "--db", "c.sqlite", "inv.csv", check=False)
    assert proc.returncode == 1
    assert proc.stderr.startswith("cutover: inv.csv")
    assert "sop_instance_uid" in proc.stderr and len(proc.stderr.strip().splitlines()) == 1


def test_importing_twice_counts_nothing_twice_and_ndjson_works_too(cutover, tmp_path):
    (tmp_path / "inv.csv").write_text(HEADER + rows(4))
    records = [{"input_key": f"input/ed/n/{i}.dcm", "study_instance_uid": "9.9", "series_instance_uid": "9.9.1",
                "sop_instance_uid": f"9.9.1.{i}", "number_of_frames": "3", "cohort": "ed"} for i in range(3)]
    (tmp_path / "more.ndjson").write_text("\n".join(json.dumps(r) for r in records) + "\n")
    for _ in range(2):
        cutover.run("inventory", "import", "--db", "c.sqlite", "inv.csv")
        cutover.run("inventory", "import", "--db", "c.sqlite", "more.ndjson")
    status = cutover.status(tmp_path / "c.sqlite")
    assert status["cohorts"][0]["expected"] == {"studies": 2, "series": 2, "instances": 7}


def test_the_demo_cohorts_agree_with_its_inventory_and_job_outputs(demo_dir, cutover):
    status = cutover.status(demo_dir / "cutover.sqlite")
    expected = defaultdict(lambda: [set(), set(), 0])
    cohort_of = {}
    with open(demo_dir / "inventory" / "source-inventory.csv", newline="") as f:
        for row in csv.DictReader(f):
            e = expected[row["cohort"]]
            e[0].add(row["study_instance_uid"])
            e[1].add(row["series_instance_uid"])
            e[2] += 1
            cohort_of[row["input_key"]] = row["cohort"]
    # Current outcome per key: the newest job's line (jobs ordered by submittedAt from the API files).
    submitted = {}
    for page in (demo_dir / "api").glob("list-dicom-import-jobs-*.json"):
        for job in json.loads(page.read_text())["jobSummaries"]:
            submitted[job["jobId"]] = job["submittedAt"]
    current = {}
    for path in (demo_dir / "jobs").glob("**/*.ndjson"):
        job = path.parent.parent.name.split("-DicomImport-")[1]
        outcome = path.name.split(".")[0]
        for line in path.open():
            if line.strip():
                key = json.loads(line)["inputFile"]
                if key not in current or submitted[job] >= current[key][0]:
                    current[key] = (submitted[job], outcome)
    imported = defaultdict(int)
    for key, (_, outcome) in current.items():
        if outcome in ("success", "warning") and key in cohort_of:
            imported[cohort_of[key]] += 1
    by_name = {c["name"]: c for c in status["cohorts"]}
    assert set(by_name) == set(expected) and len(by_name) >= 4
    for name, (studies, series, instances) in expected.items():
        assert by_name[name]["expected"] == {"studies": len(studies), "series": len(series), "instances": instances}
        assert by_name[name]["imported"]["instances"] == imported[name]
        assert by_name[name]["jobs"], name
