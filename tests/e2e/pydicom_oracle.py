#!/usr/bin/env python3
"""pydicom's view of DICOM headers, as JSON lines, for checking cutover's own reader against.

Usage: pydicom_oracle.py FILE_OR_FOLDER... > oracle.jsonl

One line per file (folders are walked recursively, in sorted order), with the absolute path and:
  "read": "normal" when pydicom.dcmread(path, stop_before_pixels=True) succeeds,
          "force"  when only force=True succeeds ("error" then holds the normal read's complaint),
          "failed" when both fail ("error" and "force_error" hold the complaints);
  the header fields of cutover's DicomHeader, from whichever read succeeded.
Field values that pydicom cannot convert are null, with the complaint under "field_errors".
"""

import json
import os
import sys
import warnings

import pydicom
from pydicom.multival import MultiValue

FIELDS = {
    "sopClassUID": "SOPClassUID",
    "sopInstanceUID": "SOPInstanceUID",
    "studyInstanceUID": "StudyInstanceUID",
    "seriesInstanceUID": "SeriesInstanceUID",
    "modality": "Modality",
    "patientID": "PatientID",
    "patientName": "PatientName",
    "accessionNumber": "AccessionNumber",
    "studyDate": "StudyDate",
}


def text(value):
    """A value as cutover reports it: multiple values joined by backslashes, None kept as None."""
    if value is None:
        return None
    if isinstance(value, (MultiValue, list, tuple)):
        return "\\".join(str(v) for v in value)
    return str(value)


def frames(value):
    if value is None or value == "" or isinstance(value, (MultiValue, list, tuple)):
        return None
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def header(ds):
    row = {}
    problems = {}
    meta = getattr(ds, "file_meta", None)

    def get(source, keyword):
        try:
            return source.get(keyword) if source is not None else None
        except Exception as error:  # pydicom raises many kinds while converting values
            problems[keyword] = f"{type(error).__name__}: {error}"
            return None

    row["transferSyntaxUID"] = text(get(meta, "TransferSyntaxUID"))
    for field, keyword in FIELDS.items():
        row[field] = text(get(ds, keyword))
    # As cutover does: the meta group's UIDs stand in when the data set lacks them or leaves them empty.
    stand_ins = (("sopClassUID", "MediaStorageSOPClassUID"), ("sopInstanceUID", "MediaStorageSOPInstanceUID"))
    for field, keyword in stand_ins:
        if not row[field]:
            stand_in = text(get(meta, keyword))
            if stand_in is not None:
                row[field] = stand_in
    row["numberOfFrames"] = frames(get(ds, "NumberOfFrames"))
    row["hasPreamble"] = getattr(ds, "preamble", None) is not None
    if problems:
        row["field_errors"] = problems
    return row


def describe(path):
    row = {"path": os.path.abspath(path)}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            row.update(header(pydicom.dcmread(path, stop_before_pixels=True)))
            row["read"] = "normal"
            return row
        except Exception as error:
            row["error"] = f"{type(error).__name__}: {error}"
        try:
            row.update(header(pydicom.dcmread(path, stop_before_pixels=True, force=True)))
            row["read"] = "force"
        except Exception as error:
            row["read"] = "failed"
            row["force_error"] = f"{type(error).__name__}: {error}"
    return row


def files(arguments):
    for argument in arguments:
        if os.path.isdir(argument):
            for folder, subfolders, names in os.walk(argument):
                subfolders.sort()
                for name in sorted(names):
                    yield os.path.join(folder, name)
        else:
            yield argument


def main(arguments):
    if not arguments:
        print(__doc__, file=sys.stderr)
        return 2
    for path in files(arguments):
        print(json.dumps(describe(path), ensure_ascii=False), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
