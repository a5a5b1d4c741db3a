"""SQL takes values as bound parameters only (product §9, architecture §3).

Every Swift string literal in Sources/ that reads as SQL and interpolates something (`\\(...)`) is found, in
one-line, multi-line (`\"\"\"`) and raw (`#"..."#`) literals alike; each interpolated expression must be on
the allow-list below: compile-time table and column names, fixed clause fragments, and placeholder lists.
Anything else — a value from a file, the user or the database — has to become a `?` or `:name` argument.
"""
import re
from pathlib import Path

import pytest

SOURCES = Path(__file__).resolve().parents[2] / "Sources"

# (file relative to Sources/, interpolated expression) -> why it is not data.
ALLOWED = {
    ("CutoverStore/Ingest/IngestSession+Batch.swift",
     'Array(repeating: row, count: PendingKeys.capacity).joined(separator: ",")'):
        "rows of ? placeholders for the multi-row insert; every value is bound",
    ("CutoverStore/Database/CutoverDatabase.swift", "maxPageCount"):
        "an Int (the test-only page cap); PRAGMA takes no bound parameters",
    ("CutoverStore/Ingest/Reconciler.swift", "table"):
        'loops over the literal table names ["input_keys", "result_history"]',
    ("CutoverStore/Ingest/Reconciler.swift", "databaseQuestionMarks(count: ids.count)"):
        "a list of ? placeholders; the job ids are bound",
    ("CutoverStore/Ingest/Reconciler.swift", "resultColumns"): "a static column list",
    ("CutoverStore/Findings/CutoverDatabase+Findings.swift", "filter"):
        "fixed `f.kind = ?`-style clauses joined with AND; values bound",
    ("CutoverStore/Findings/FindingsDeriver.swift", 'inRange("k")'): "fixed range clause on :lo, alias literal",
    ("CutoverStore/Findings/FindingsDeriver.swift", 'inRange("v")'): "fixed range clause on :lo, alias literal",
    ("CutoverStore/Findings/FindingsDeriver.swift", 'inRange("i")'): "fixed range clause on :lo, alias literal",
    ("CutoverStore/Findings/FindingsDeriver.swift", "alias"): "inRange's alias parameter, always a literal",
    ("CutoverStore/Findings/FindingsDeriver.swift", "missingKind.rawValue"):
        "a FindingKind case name (missing / server-error)",
    ("CutoverStore/Findings/FindingsDeriver.swift", "extra"): "a fixed clause on :lo passed by derive()",
    ("CutoverStore/Pages/CutoverDatabase+NonPrimaryPage.swift", "Self.notPrimaryResult"): "a static SQL fragment",
    ("CutoverStore/Pages/CutoverDatabase+NonPrimaryPage.swift", "column"):
        "one of four literal inventory column names from a fixed table",
    ("CutoverStore/Pages/CutoverDatabase+EventsPage.swift", "filter"): "a fixed LIKE :pattern clause or empty",
    ("CutoverStore/Pages/CutoverDatabase+WarningsPage.swift", "scope.clause"):
        "`AND f.cohort = :cohort` or empty (cohortScope)",
    ("CutoverStore/Pages/CutoverDatabase+WarningsPage.swift", "filter"): "a fixed LIKE :pattern clause or empty",
    ("CutoverStore/Pages/CutoverDatabase+WarningsPage.swift", "rows"): "the fixed subquery text built above it",
    ("CutoverStore/Pages/CutoverDatabase+WarningsPage.swift", "column"): "one of four literal sort column names",
    ("CutoverStore/Pages/CutoverDatabase+WarningsPage.swift", "order"): '"ASC" or "DESC"',
    ("CutoverStore/Pages/CutoverDatabase+WarningsPage.swift", "clauses"): "scope.clause plus a fixed :code clause",
    ("CutoverStore/Pages/CutoverDatabase+WarningsPage.swift", 'marks.joined(separator: ", ")'):
        "a list of :sN placeholders; the states are bound",
}

# Upper-case SQL words as this code base writes them; messages and labels are lower-case prose.
SQL_WORDS = re.compile(
    r"\b(SELECT|INSERT\s+(OR\s+\w+\s+)?INTO|UPDATE\s+\S+\s+SET|DELETE\s+FROM|CREATE\s+(TABLE|INDEX|VIEW|TRIGGER)|"
    r"DROP\s+(TABLE|INDEX)|PRAGMA|WHERE|ORDER\s+BY|GROUP\s+BY|VALUES|JOIN|LIMIT|ATTACH|FROM|AND|OR|IN\s*\()(?=\W|$)")
# A literal passed straight to an SQL entry point counts as SQL whatever it says.
SQL_CALL = re.compile(
    r"(\bsql:\s*|RawStatement\(\s*\w+\s*,\s*|\bexecute\(\s*|\bexecuteCached\(\s*sql:\s*|\bcachedStatement\(\s*sql:\s*"
    r"|\bmakeStatement\(\s*sql:\s*|\bprepare\w*\([^\"]*)$")


def string_literals(text: str):
    """(offset, body, [interpolated expressions]) of every string literal in Swift source `text`.

    A small lexer: skips comments, understands `\"\"\"` blocks, `#"raw"#` strings (interpolation `\\#(`), escapes,
    and interpolations that hold parentheses or string literals of their own (`inRange("k")`).
    """
    out = []
    i, n = 0, len(text)
    interesting = re.compile(r'[/"#]')
    opening = re.compile(r'(#*)("""|")')
    while i < n:
        jump = interesting.search(text, i)
        if not jump:
            break
        i = jump.start()
        if text.startswith("//", i):
            i = text.find("\n", i)
            i = n if i < 0 else i
            continue
        if text.startswith("/*", i):
            end = text.find("*/", i + 2)
            i = n if end < 0 else end + 2
            continue
        m = opening.match(text, i)
        if not m:
            i += 1
            continue
        hashes, quote = m.group(1), m.group(2)
        start, i = i, m.end()
        closing = quote + hashes
        escape = "\\" + hashes
        body, exprs = [], []
        while i < n:
            if text.startswith(closing, i):
                i += len(closing)
                break
            if text.startswith(escape + "(", i):
                i += len(escape) + 1
                expr, i = _interpolation(text, i)
                exprs.append(expr.strip())
                body.append("\\(" + expr + ")")
                continue
            if text.startswith(escape, i) and hashes == "":
                body.append(text[i:i + 2])
                i += 2
                continue
            if quote == '"' and text[i] == "\n":
                break
            body.append(text[i])
            i += 1
        out.append((start, "".join(body), exprs))
    return out


def _interpolation(text: str, i: int):
    """The expression inside `\\(` … `)` starting at i, and the offset after its closing parenthesis."""
    depth, start = 1, i
    while i < len(text):
        c = text[i]
        if c == '"':
            # A nested literal: skip it whole (it may hold parentheses).
            j = i + 1
            while j < len(text) and text[j] != '"':
                j += 2 if text[j] == "\\" else 1
            i = j + 1
            continue
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                return text[start:i], i + 1
        i += 1
    raise ValueError("unterminated interpolation")


def interpolated_sql(text: str):
    """(line, expression, literal) for each interpolation in a literal that is SQL."""
    found = []
    for offset, body, exprs in string_literals(text):
        if not exprs:
            continue
        before = text[max(0, offset - 80):offset]
        if SQL_WORDS.search(body) or SQL_CALL.search(before):
            line = text.count("\n", 0, offset) + 1
            found.extend((line, expr, body) for expr in exprs)
    return found


def scan_sources():
    for path in sorted(SOURCES.rglob("*.swift")):
        rel = str(path.relative_to(SOURCES))
        for line, expr, body in interpolated_sql(path.read_text()):
            yield rel, line, expr, body


def test_every_interpolation_into_sql_is_a_compile_time_identifier_or_placeholder_list():
    bad = [f"Sources/{rel}:{line}: \\({expr}) in {body.strip()[:100]!r}"
           for rel, line, expr, body in scan_sources() if (rel, expr) not in ALLOWED]
    assert not bad, ("SQL built from values; bind them as ? or :name arguments instead "
                     "(or, for a compile-time identifier, add it to ALLOWED with the reason):\n" + "\n".join(bad))


def test_the_allow_list_has_no_stale_entries():
    seen = {(rel, expr) for rel, _, expr, _ in scan_sources()}
    assert not set(ALLOWED) - seen, f"no longer interpolated, remove from ALLOWED: {sorted(set(ALLOWED) - seen)}"


# The checker itself: what it must catch and what it must leave alone.
CATCHES = {
    "one-line": 'try db.execute(sql: "DELETE FROM jobs WHERE name = \'\\(name)\'")',
    "multi-line": 'try Row.fetchAll(db, sql: """\n    SELECT * FROM inventory\n    WHERE patient_id = \'\\(pid)\'\n    """)',
    "raw string": 'try db.execute(sql: #"UPDATE jobs SET name = "\\#(name)""#)',
    "nested call": 'try db.execute(sql: "SELECT * FROM t WHERE k = \\(quote(key, "\'"))")',
    "statement without keywords": 'try RawStatement(db, "\\(userSQL)")',
    "after a comment with a quote": '// don\'t "\nlet sql = "SELECT \\(col) FROM t"',
}


@pytest.mark.parametrize("name", CATCHES)
def test_the_checker_catches(name):
    found = interpolated_sql(CATCHES[name])
    assert found, f"{name}: not caught"
    assert all(("x.swift", expr) not in ALLOWED for _, expr, _ in found)


LEAVES = {
    "bound parameters": 'try db.execute(sql: "DELETE FROM jobs WHERE name = ?", arguments: [name])',
    "a message": 'throw CLIError("\\(path): no sources configured; add paths")',
    "interpolation in a comment": '// SELECT \\(x) FROM t\nlet a = 1',
}


@pytest.mark.parametrize("name", LEAVES)
def test_the_checker_leaves_alone(name):
    assert interpolated_sql(LEAVES[name]) == []
