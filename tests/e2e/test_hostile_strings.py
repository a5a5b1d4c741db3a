"""Strings from files are untrusted: escape sequences in a warning message and in a DICOM PatientName reach
the screen only as visible placeholders, never as commands to the terminal."""
import json
import warnings
from pathlib import Path

import pydicom
import pytest
from pydicom.data import get_testdata_file

from conftest import Cutover, binary

MESSAGE = "ok\x1b]0;owned\x07\x1b[2J\x1b[31mRED\x9b1m"
NAME = "EVIL\x1b]0;pwned\x07\x1b[1;1H^NAME"


@pytest.fixture
def hostile(tmp_path):
    cli = Cutover(tmp_path)
    cli.run("demo", "--dir", "h", "--generate-only")
    root = tmp_path / "h"
    # A warning message with OSC (set title), CSI (clear screen, colour) and an 8-bit CSI.
    planted = None
    for path in sorted(root.glob("jobs/**/WARNING/warning.ndjson")):
        lines = path.read_text().splitlines()
        for i, line in enumerate(lines):
            record = json.loads(line)
            codes = [w.get("warning_reason_code") for w in record["importResponse"].get("warnings", [])]
            if 45570 in codes:
                for w in record["importResponse"]["warnings"]:
                    w["message"] = MESSAGE
                lines[i] = json.dumps(record)
                path.write_text("\n".join(lines) + "\n")
                planted = record["inputFile"]
                break
        if planted:
            break
    assert planted, "the demo has no warning 45570 to plant the message on"
    cli.run("poll", "--once", "--config", root / "cutover.toml")
    # A DICOM file whose PatientName carries escape sequences, scanned under the key of a non-primary instance.
    sets: dict[str, list[str]] = {}
    for path in sorted(root.glob("jobs/**/*.ndjson")):
        for line in path.read_text().splitlines():
            response = json.loads(line).get("importResponse", {})
            if response.get("isPrimary") is False:
                sets.setdefault(response["imageSetId"], []).append(json.loads(line)["inputFile"])
    # The smallest set, and its first key: the instance list shows it on its first row.
    image_set = min(sets, key=lambda s: (len(sets[s]), s)) if sets else None
    key = min(sets[image_set]) if image_set else None
    assert key, "the demo has no non-primary instance"
    dicom = tmp_path / "scan" / Path(key).relative_to("input")
    dicom.parent.mkdir(parents=True)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        ds = pydicom.dcmread(get_testdata_file("CT_small.dcm"))
        ds.PatientName = NAME
        ds.save_as(dicom)
    cli.run("inventory", "scan", tmp_path / "scan", "--key-prefix", "input/", "--cohort", "cardiology",
            "--db", root / "cutover.sqlite", "--config", root / "cutover.toml")
    return {"root": root, "image_set": image_set}


def test_escape_sequences_show_as_placeholders(screen, hostile):
    root = hostile["root"]
    title = screen.display("#{pane_title}")
    screen.run(f"{binary()} --config {root / 'cutover.toml'} --no-poll")
    screen.wait_for("1 Cohorts", "the dashboard")

    screen.type("4")
    screen.wait_for("warning codes", "the warnings page")
    screen.type("/")
    screen.wait_for(" filter: ", "the filter line")
    screen.type("INVALID_UID")
    screen.press("Enter")
    screen.wait_for("1 warning codes", "the filtered codes")
    screen.press("Enter")
    text = screen.wait_for("ok·]0;owned··[2J·[31mRED·1m", "the message with placeholders")
    assert "\x1b" not in text and "\x07" not in text
    assert "owned" not in screen.display("#{pane_title}")
    assert text.split("\n")[0].startswith(" cutover"), "the screen was cleared or moved"

    screen.type("3")
    screen.press("Escape")
    screen.type("/")
    screen.wait_for(" filter: ", "the filter line")
    screen.press("C-u")
    screen.type(hostile["image_set"])
    screen.press("Enter")
    screen.wait_for("1 non-primary image sets", "the image set")
    screen.press("Enter")
    screen.wait_for("patient data masked", "the instance list")
    screen.type("p")
    screen.wait_for("Reveal patient identifiers", "the reveal dialog")
    screen.type("y")
    text = screen.wait_for("EVIL·]0;pw", "the revealed name with placeholders")
    assert "\x1b" not in text
    assert "pwned" not in screen.display("#{pane_title}")
    assert screen.display("#{pane_title}") == title
    screen.type("q")
