"""Peer for `make bench`: DuckDB's read_json loading the same NDJSON result files into a database file."""
import sys

import duckdb


def main(root: str, db_path: str) -> None:
    con = duckdb.connect(db_path)
    for outcome, folder in (("success", "SUCCESS"), ("warning", "WARNING"), ("failure", "FAILURE")):
        con.execute(f"""
            CREATE TABLE {outcome} AS
            SELECT * FROM read_json('{root}/**/{folder}/{outcome}.ndjson',
                                    format = 'newline_delimited', union_by_name = true, filename = true)
        """)
    con.execute(f"""
        CREATE TABLE manifests AS
        SELECT * FROM read_json('{root}/**/job-output-manifest.json', format = 'auto', union_by_name = true)
    """)
    con.close()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
