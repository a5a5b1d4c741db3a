"""Gates and lifecycle actions from the command line: guards, two-person approval, conflicts, audit."""
import json
import subprocess

import pytest


@pytest.fixture
def db(demo_db):
    return demo_db


def run(cutover, demo_dir, db, *args, check=True, actor="ana"):
    return cutover.run(*args, "--db", db, "--config", demo_dir / "cutover.toml", check=check,
                       env={"CUTOVER_ACTOR": actor})


def test_gates_json_has_the_documented_shape_and_exit_3_when_not_all_pass(demo_dir, cutover, db):
    proc = run(cutover, demo_dir, db, "gates", "cardiology", "--json", check=False)
    assert proc.returncode == 3
    gates = json.loads(proc.stdout)
    assert gates["cohort"] == "cardiology" and gates["state"] == "validating" and gates["held"] is False
    assert [g["name"] for g in gates["gates"]] == ["hierarchy", "parity", "review", "obligations"]
    review = next(g for g in gates["gates"] if g["name"] == "review")
    assert review["status"] == "hold" and review["counts"]["non-primary"] > 0
    assert any("non-primary" in r for r in review["reasons"])


def test_hold_needs_a_reason_and_a_held_cohort_cannot_be_approved(demo_dir, cutover, db):
    no_reason = run(cutover, demo_dir, db, "hold", "ed-2019", check=False)
    assert no_reason.returncode == 1 and "a reason is required" in no_reason.stderr
    run(cutover, demo_dir, db, "hold", "ed-2019", "--reason", "vendor freeze")
    refused = run(cutover, demo_dir, db, "approve", "ed-2019", "--reason", "go", check=False)
    assert refused.returncode == 1 and "the cohort is held" in refused.stderr
    gates = json.loads(run(cutover, demo_dir, db, "gates", "ed-2019", "--json", check=False).stdout)
    assert gates["held"] is True and gates["holdReason"] == "vendor freeze"


def test_approving_a_cohort_whose_gates_do_not_pass_is_refused_with_the_reason(demo_dir, cutover, db):
    refused = run(cutover, demo_dir, db, "approve", "cardiology", "--reason", "go", check=False)
    assert refused.returncode == 1
    assert "not ready" in refused.stderr and "review (hold:" in refused.stderr


def test_an_override_needs_two_different_people_and_is_audited_as_one(demo_dir, cutover, db):
    first = run(cutover, demo_dir, db, "approve", "ed-2019", "--override", "--reason", "accepted by the CMIO")
    assert "a different person must confirm" in first.stdout
    same = run(cutover, demo_dir, db, "approve", "ed-2019", check=False)
    assert same.returncode == 1 and "a different person must confirm" in same.stderr
    run(cutover, demo_dir, db, "approve", "ed-2019", actor="ben")
    gates = json.loads(run(cutover, demo_dir, db, "gates", "ed-2019", "--json", check=False).stdout)
    assert gates["state"] == "approved"
    rows = [json.loads(line) for line in run(cutover, demo_dir, db, "audit", "--json").stdout.splitlines()]
    rows = [r for r in rows if r["actor"] != "cutover"]
    assert [(r["action"], r["actor"]) for r in rows] == [("approve-override", "ana"), ("confirm-approval", "ben")]
    assert all(json.loads(r["detail"]).get("override") == "true" for r in rows)
    run(cutover, demo_dir, db, "rollback", "ed-2019", "--reason", "viewer outage", actor="ben")
    assert run(cutover, demo_dir, db, "audit", "--verify").stdout.startswith("audit chain intact: 8 rows")


def test_two_processes_approving_at_once_one_succeeds_and_one_gets_the_conflict(demo_dir, cutover, db):
    revision = json.loads(run(cutover, demo_dir, db, "gates", "oncology-pet", "--json", check=False).stdout)["revision"]
    base = [cutover.bin, "approve", "oncology-pet", "--override", "--expect-revision", str(revision),
            "--db", str(db), "--config", str(demo_dir / "cutover.toml")]
    procs = [subprocess.Popen([*base, "--reason", f"attempt {n}", "--actor", who], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True) for n, who in enumerate(("ana", "ben"))]
    results = [(p.wait(), p.stdout.read(), p.stderr.read()) for p in procs]
    codes = sorted(code for code, _, _ in results)
    assert codes == [0, 1]
    loser = next(err for code, _, err in results if code == 1)
    assert "was changed by someone else" in loser and "nothing was changed" in loser
    people = [l for l in run(cutover, demo_dir, db, "audit").stdout.splitlines() if "  cutover  " not in l]
    assert len(people) == 1
