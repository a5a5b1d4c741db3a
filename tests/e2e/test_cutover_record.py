"""On the demo: one cohort reaches ready and is approved by two people; another holds on review because of
non-primary image sets; the approved cohort's evidence pack is complete and masks patient identifiers."""
import csv
import json

import pytest

ITEMS = ["irap-scope", "backups-restore", "exit-terms", "mhr-sharing", "retention", "sample-radiology-viewer",
         "sample-reporting-workstation", "sample-fracture-ai"]


@pytest.fixture
def db(demo_db):
    return demo_db


def test_the_clean_cohort_is_approved_by_two_people_and_its_pack_masks_patients(demo_dir, cutover, tmp_path, db):
    args = ["--db", db, "--config", demo_dir / "cutover.toml"]
    for item in ITEMS:
        cutover.run("attest", "research-2024", item, "--note", f"checked {item}", *args, env={"CUTOVER_ACTOR": "ana"})
    ready = cutover.run("gates", "research-2024", "--json", *args)
    assert ready.returncode == 0 and json.loads(ready.stdout)["state"] == "ready"
    cutover.run("approve", "research-2024", "--reason", "all gates pass", *args, env={"CUTOVER_ACTOR": "ana"})
    cutover.run("approve", "research-2024", *args, env={"CUTOVER_ACTOR": "ben"})
    assert json.loads(cutover.run("gates", "research-2024", "--json", *args).stdout)["state"] == "approved"

    held = json.loads(cutover.run("gates", "cardiology", "--json", *args, check=False).stdout)
    review = next(g for g in held["gates"] if g["name"] == "review")
    assert review["status"] == "hold" and any("non-primary" in r for r in review["reasons"])

    out = tmp_path / "pack"
    cutover.run("report", "research-2024", "--out", out, *args)
    report = json.loads((out / "report.json").read_text())
    assert report["state"] == "approved" and report["patientIdentifiersMasked"] is True
    assert [g["status"] for g in report["gates"]] == ["pass"] * 4
    assert [(a["actor"], a["action"]) for a in report["approvals"]] == [("ana", "approve"), ("ben", "confirm-approval")]
    assert sorted(a["item"] for a in report["attestations"]) == sorted(ITEMS)
    assert report["auditChain"].startswith("audit chain intact")
    assert report["expected"] == report["importedInPrimary"]
    md = (out / "report.md").read_text()
    for heading in ("## Counts", "## Gates", "## Findings", "## Attestations", "## Approvals", "## Audit chain"):
        assert heading in md
    audit = [json.loads(line) for line in (out / "audit.ndjson").read_text().splitlines()]
    assert len([a for a in audit if a["actor"] != "cutover"]) == len(ITEMS) + 2
    assert any(a["action"] == "gates-changed" for a in audit)
    assert (out / "findings.csv").read_text().startswith("id,kind,subject")

    # No patient identifier of any cohort appears unmasked anywhere in the pack.
    phi = set()
    with open(demo_dir / "inventory" / "source-inventory.csv", newline="") as f:
        for row in csv.DictReader(f):
            phi.update(v for v in (row["patient_id"], row["patient_name"], row["accession_number"]) if len(v) > 4)
    pack = "".join(p.read_text() for p in out.iterdir())
    assert not [v for v in phi if v in pack]


def test_a_pack_with_include_phi_shows_identifiers_of_incomplete_studies(demo_dir, cutover, tmp_path, db):
    args = ["--db", db, "--config", demo_dir / "cutover.toml"]
    masked, shown = tmp_path / "masked", tmp_path / "shown"
    cutover.run("report", "oncology-pet", "--out", masked, *args)
    cutover.run("report", "oncology-pet", "--out", shown, "--include-phi", *args)
    studies = json.loads((shown / "report.json").read_text())["incompleteStudies"]
    assert studies and all(s["patientID"] and "*" not in s["patientID"] for s in studies)
    masked_studies = json.loads((masked / "report.json").read_text())["incompleteStudies"]
    assert all("*" in s["patientID"] for s in masked_studies)
    assert studies[0]["patientID"] not in (masked / "report.md").read_text()


def test_an_unwritable_pack_folder_is_one_sentence(demo_dir, cutover, db, tmp_path):
    (tmp_path / "file").write_text("not a folder")
    proc = cutover.run("report", "research-2024", "--out", tmp_path / "file" / "pack", "--db", db, check=False)
    assert proc.returncode == 1
    assert proc.stderr.strip() == f"cutover: {tmp_path / 'file' / 'pack'}: not a directory"
