"""Peer for `make bench`: a straightforward Python ingest of the same job folders with json + sqlite3.

It reads every result line with json.loads and inserts it in one transaction, with an index on the input
key like cutover's. It keeps no history/current split and no counters: less work than cutover does.
"""
import json
import os
import sqlite3
import sys


def main(root: str, db_path: str) -> None:
    con = sqlite3.connect(db_path)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=NORMAL")
    con.executescript("""
        CREATE TABLE IF NOT EXISTS jobs (job_id TEXT PRIMARY KEY, datastore_id TEXT, scanned INTEGER,
                                         imported INTEGER, customer_errors INTEGER, server_errors INTEGER);
        CREATE TABLE IF NOT EXISTS results (input_key TEXT, job_id TEXT, outcome TEXT, image_set_id TEXT,
                                            is_primary INTEGER, warning_codes TEXT, exception_type TEXT);
        CREATE INDEX IF NOT EXISTS results_by_key ON results(input_key);
    """)
    with con:
        for dirpath, _, files in os.walk(root):
            name = os.path.basename(dirpath)
            if "-DicomImport-" in name and "job-output-manifest.json" in files:
                with open(os.path.join(dirpath, "job-output-manifest.json")) as f:
                    s = json.load(f)["jobSummary"]
                con.execute("INSERT OR REPLACE INTO jobs VALUES (?,?,?,?,?,?)", (
                    s["jobId"], s["datastoreId"], s.get("numberOfScannedFiles"), s.get("numberOfImportedFiles"),
                    s.get("numberOfFilesWithCustomerError"), s.get("numberOfFilesWithServerError")))
            for file in files:
                if not file.endswith(".ndjson") or "-DicomImport-" not in dirpath:
                    continue
                job_id = os.path.basename(os.path.dirname(dirpath)).split("-DicomImport-")[1]
                outcome = file.split(".")[0]
                rows = []
                with open(os.path.join(dirpath, file)) as f:
                    for line in f:
                        if not line.strip():
                            continue
                        r = json.loads(line)
                        resp = r.get("importResponse") or {}
                        exc = r.get("exception") or {}
                        codes = ",".join(str(w.get("warning_reason_code")) for w in resp.get("warnings", []))
                        rows.append((r["inputFile"], job_id, outcome, resp.get("imageSetId"),
                                     resp.get("isPrimary"), codes or None, exc.get("exceptionType")))
                con.executemany("INSERT INTO results VALUES (?,?,?,?,?,?,?)", rows)
    con.close()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
