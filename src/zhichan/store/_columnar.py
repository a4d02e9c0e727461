"""Column-wise parsing of a staged raw table (``stg_raw``: row_no + one VARCHAR per field).

Row-unique fields (application and publication numbers, free text) are parsed by SQL macros;
low-cardinality fields are parsed once per distinct value by the ingest layer, which hands the
results in as map tables ``stg_map_<field>(raw, value, code, detail)``. The result is
``stg_parsed`` (typed values) and ``stg_problem`` (row_no, field, raw, code, detail).
"""

from __future__ import annotations

import datetime as dt

from zhichan.store._database import Database, csv_source
from zhichan.store._staging import drop_temp

_FULLWIDTH_FROM = "０１２３４５６７８９．ｘＸ　ＣＮＺＬｃｎｚｌＡＢＵＹＳＤａｂｕｙｓｄ"
_FULLWIDTH_TO = "0123456789.XX CNZLCNZLABUYSDABUYSD"

_MACROS = f"""
CREATE OR REPLACE TEMP MACRO zc_tr(s, a, b) AS CASE WHEN strlen(s) = length(s) THEN s ELSE translate(s, a, b) END;
CREATE OR REPLACE TEMP MACRO zc_appno_clean(s) AS
    regexp_replace(regexp_replace(upper(zc_tr(trim(s), '{_FULLWIDTH_FROM}', '{_FULLWIDTH_TO}')),
                   '\\s+', '', 'g'), '^(ZL|CN)', '');
CREATE OR REPLACE TEMP MACRO zc_pubno(s) AS
    coalesce(nullif(regexp_extract(zc_tr(upper(replace(trim(s), ' ', '')), '{_FULLWIDTH_FROM}', '{_FULLWIDTH_TO}'),
                                   '^(CN[0-9]{{7,9}}[A-Z][0-9]?)$', 1), ''),
             nullif(trim(s), ''));
CREATE OR REPLACE TEMP MACRO zc_text(s) AS nullif(trim(s), '');
CREATE OR REPLACE TEMP MACRO zc_split(s) AS
    CASE WHEN regexp_replace(s, '^[;；,，、|\\s]+|[;；,，、|\\s]+$', '', 'g') <> ''
         THEN string_split_regex(regexp_replace(s, '^[;；,，、|\\s]+|[;；,，、|\\s]+$', '', 'g'),
                                 '\\s*[;；,，、|\\n]+\\s*') END;
CREATE OR REPLACE TEMP MACRO zc_digits6(s) AS
    CASE WHEN regexp_full_match(zc_tr(trim(s), '０１２３４５６７８９', '0123456789'), '[0-9]{{6}}')
         THEN zc_tr(trim(s), '０１２３４５６７８９', '0123456789') END;
"""

# parser → (SQL value expression, SQL problem expression, SQL type) for column-wise parsers
SQL_PARSERS: dict[str, tuple[str, str | None, str]] = {
    "publication_number": ("zc_pubno({c})", None, "VARCHAR"),
    "text": ("zc_text({c})", None, "VARCHAR"),
    "address": ("zc_text({c})", None, "VARCHAR"),
    "country": ("zc_text({c})", None, "VARCHAR"),
    "person_list": ("zc_split({c})", None, "VARCHAR[]"),
    "list": ("zc_split({c})", None, "VARCHAR[]"),
    "postcode": ("zc_digits6({c})", None, "VARCHAR"),
    "region_code": ("zc_digits6({c})", None, "VARCHAR"),
}

# parser → SQL type of the value in a distinct-value map (lists travel as chr(31)-joined text)
MAP_TYPES: dict[str, str] = {
    "date": "DATE", "int": "BIGINT", "amount": "DOUBLE", "bool": "BOOLEAN", "year": "INTEGER",
    "uscc": "VARCHAR", "party_list": "VARCHAR[]", "ipc": "VARCHAR", "ipc_list": "VARCHAR[]",
    "nice_list": "INTEGER[]", "patent_type": "VARCHAR", "trademark_number": "VARCHAR",
    "legal_status": "VARCHAR", "trademark_status": "VARCHAR",
}


def sql_type(parser: str) -> str:
    """The SQL type a parser's values have in stg_parsed."""
    if parser == "application_number":
        return "VARCHAR"
    return SQL_PARSERS[parser][2] if parser in SQL_PARSERS else MAP_TYPES[parser]


_WEIGHTS = (2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5)


def _check_sum(n: int, col: str) -> str:
    """Weighted digit sum of the n-digit number in ``col`` (integer arithmetic: no string slicing)."""
    return " + ".join(f"(({col} // {10 ** (n - 1 - i)}) % 10) * {w}" for i, w in enumerate(_WEIGHTS[:n]))


def application_numbers_over(col: str, base: str, out: str) -> str:
    """``base`` (a table or a parenthesised query) with two more columns: ``{out}_value``, the
    normalised CN application number in ``col``, and ``{out}_code``, its problem code.

    The same rule as ``zhichan.ids`` (DOMAIN.md §3), written set-wise; a parity test keeps the two
    in step. One regular expression per row gives the digits and the stated check character;
    the steps are stacked projections, so no table or join is needed."""
    max_year = dt.date.today().year + 1
    m = f"_{out}_m"
    return rf"""(
    SELECT * EXCLUDE ({m}, {m}_len, {m}_n, {m}_ok, {m}_s, {m}_k),
           CASE WHEN {m}_ok AND {m}.g IN ('', {m}_k) THEN {m}.d || '.' || {m}_k END AS {out}_value,
           CASE WHEN {col} IS NULL OR trim({col}) = '' THEN NULL
                WHEN {m}_ok AND {m}.g IN ('', {m}_k) THEN NULL
                WHEN {m}_ok THEN 'bad-check-digit'
                ELSE 'bad-application-number' END AS {out}_code
    FROM (SELECT *, CASE WHEN {m}_s = 10 THEN 'X' ELSE {m}_s::VARCHAR END AS {m}_k
          FROM (SELECT *,
                       CASE {m}_len WHEN 12 THEN {m}_n // 100000000 BETWEEN 1985 AND {max_year}
                                             AND ({m}_n // 10000000) % 10 IN (1, 2, 3, 8, 9)
                                    WHEN 8 THEN ({m}_n // 1000000 >= 85 OR {m}_n // 1000000 <= 3)
                                             AND ({m}_n // 100000) % 10 IN (1, 2, 3, 8, 9)
                                    ELSE false END AS {m}_ok,
                       CASE {m}_len WHEN 12 THEN ({_check_sum(12, f"{m}_n")}) % 11
                                    WHEN 8 THEN ({_check_sum(8, f"{m}_n")}) % 11 END AS {m}_s
                FROM (SELECT *, length({m}.d) AS {m}_len, TRY_CAST({m}.d AS BIGINT) AS {m}_n
                      FROM (SELECT *, regexp_extract(zc_appno_clean({col}),
                                                     '^([0-9]{{12}}|[0-9]{{8}})(?:\.?([0-9X]))?$', ['d', 'g']) AS {m}
                            FROM {base}) AS _a) AS _b) AS _c) AS _d)"""


def install_parse_macros(db: Database) -> None:
    db.execute_script(_MACROS)


def create_raw(db: Database, columns: list[str], csv_path) -> int:
    """Load the raw staged cells: ``row_no`` then one VARCHAR column per name in ``columns``."""
    cols = ["row_no", *columns]
    drop_temp(db, "stg_raw")
    db.execute("CREATE OR REPLACE TEMP TABLE stg_raw (row_no BIGINT, "
               + ", ".join(f"{c} VARCHAR" for c in columns) + ")")
    db.execute(f"INSERT INTO stg_raw SELECT * FROM {csv_source(cols)}", [str(csv_path)])
    return db.scalar("SELECT count(*) FROM stg_raw")


def distinct_raw(db: Database, column: str, split: bool = False) -> list[str]:
    """Distinct non-empty raw values of a column (or of its split elements)."""
    if split:
        sql = f"SELECT DISTINCT unnest(zc_split(raw)) FROM (SELECT DISTINCT {column} AS raw FROM stg_raw)"
    else:
        sql = f"SELECT DISTINCT {column} FROM stg_raw WHERE {column} IS NOT NULL AND trim({column}) <> ''"
    return [r[0] for r in db.query(sql) if r[0] is not None]


def load_map(db: Database, field: str, parser: str, rows: list[tuple]) -> None:
    """A distinct-value map: rows of (raw, value, problem code, problem detail JSON); list values
    come as chr(31)-joined text ('' is the empty list) and are stored as lists."""
    typ = MAP_TYPES[parser]
    name = f"stg_map_{field}"
    if typ.endswith("[]") and parser != "ipc_list":
        db.execute(f"CREATE OR REPLACE TEMP TABLE {name}_in (raw VARCHAR, value VARCHAR, code VARCHAR, detail VARCHAR)")
        db.insert_rows(f"{name}_in", ["raw", "value", "code", "detail"], rows)
        cast = "::INTEGER[]" if typ == "INTEGER[]" else ""
        db.execute(f"CREATE OR REPLACE TEMP TABLE {name} AS SELECT raw, string_split(nullif(value, ''), chr(31)){cast} "
                   f"AS value, code, detail FROM {name}_in")
        db.execute(f"DROP TABLE {name}_in")
        return
    # ipc_list maps single codes (its lists are assembled per distinct raw list in build_parsed)
    stored = "VARCHAR" if typ.endswith("[]") else typ
    db.execute(f"CREATE OR REPLACE TEMP TABLE {name} (raw VARCHAR, value {stored}, code VARCHAR, detail VARCHAR)")
    db.insert_rows(name, ["raw", "value", "code", "detail"], rows)


def _list_map(db: Database, field: str, col: str) -> None:
    """``stg_lmap_<field>``: each distinct raw list of codes → its parsed codes (in order, those
    that parse) and the first problem code; far fewer rows than the file has."""
    db.execute(
        f"CREATE OR REPLACE TEMP TABLE stg_lmap_{field} AS "
        f"SELECT e.raw, list(m.value ORDER BY e.i) FILTER (WHERE m.value IS NOT NULL) AS value, min(m.code) AS code "
        f"FROM (SELECT raw, unnest(zc_split(raw)) AS x, generate_subscripts(zc_split(raw), 1) AS i "
        f"      FROM (SELECT DISTINCT {col} AS raw FROM stg_raw WHERE {col} IS NOT NULL)) e "
        f"LEFT JOIN stg_map_{field} m ON m.raw = e.x GROUP BY e.raw")


def _mapped(field: str, col: str, parser: str) -> tuple[str, str, str]:
    """(value, problem, join) expressions for a map-parsed field."""
    a = f"m_{field}"
    if parser == "ipc_list":
        return f"nullif({a}.value, [])", f"{a}.code", f"LEFT JOIN stg_lmap_{field} {a} ON {a}.raw = r.{col}"
    return f"{a}.value", f"{a}.code", f"LEFT JOIN stg_map_{field} {a} ON {a}.raw = r.{col}"


def build_parsed(db: Database, fields: list[tuple[str, str, str, bool]],
                 absent: list[tuple[str, str]] = (), extra: list[str] = ()) -> None:
    """``stg_parsed`` (typed values and ``_problems``, the row's problem codes) and ``stg_problem``
    (row_no, field, raw, code, detail).

    ``fields``: (field, raw column, parser, required) for the mapped fields; ``absent``:
    (field, parser) of the profile's other fields, present as typed NULLs (in a view over the
    stored table, so they take no room); ``extra``: raw columns passed through.
    """
    selects, joins, problem_cols, details, problems = ["r.row_no AS row_no"], [], [], [], []
    base = "stg_raw"
    for field, col, parser, required in fields:
        problem = None
        if parser == "application_number":
            base = application_numbers_over(col, base, f"a_{field}")
            value, problem = f"r.a_{field}_value", f"r.a_{field}_code"
        elif parser in SQL_PARSERS:
            value_t, problem_t, _ = SQL_PARSERS[parser]
            value = value_t.format(c=f"r.{col}")
            problem = problem_t.format(c=f"r.{col}") if problem_t else None
        else:
            if parser == "ipc_list":
                _list_map(db, field, col)
            else:
                details.append(f"SELECT '{field}' AS field, raw, detail FROM stg_map_{field} WHERE detail IS NOT NULL")
            value, problem, join = _mapped(field, col, parser)
            joins.append(join)
        if required:
            missing = f"CASE WHEN ({value}) IS NULL THEN 'missing-required-value' END"
            problem = f"coalesce({problem}, {missing})" if problem else missing
        selects.append(f"{value} AS {field}")
        if problem:
            problems.append(f"CASE WHEN ({problem}) IS NOT NULL THEN '{field}' || chr(30) || ({problem}) END")
            problem_cols.append((field, col))
    # the problems of a row in one column (field chr(30) code, chr(31) between): one NULL per row
    # costs far less room than a mostly-NULL column per field
    if problems:
        selects.append(f"nullif(concat_ws(chr(31), {', '.join(problems)}), '') AS _problems")
    selects += [f"r.{c} AS {c}" for c in extra]
    db.execute(f"CREATE OR REPLACE TEMP TABLE stg_parsed_t AS SELECT {', '.join(selects)} "
               f"FROM {base} r {' '.join(joins)}")
    nulls = "".join(f", NULL::{sql_type(p)} AS {f}" for f, p in absent)
    drop_temp(db, "stg_parsed")
    db.execute(f"CREATE OR REPLACE TEMP VIEW stg_parsed AS SELECT *{nulls} FROM stg_parsed_t")
    _problems(db, problem_cols, details)


def _problems(db: Database, problem_cols: list[tuple[str, str]], details: list[str]) -> None:
    """``stg_problem``: one row per (row, field) with a problem code, with the raw cell and the
    map's detail; only the rows with problems are read back."""
    empty = "SELECT NULL::BIGINT row_no, NULL::VARCHAR field, NULL::VARCHAR raw, NULL::VARCHAR code, NULL::VARCHAR detail WHERE false"
    if not problem_cols:
        db.execute(f"CREATE OR REPLACE TEMP TABLE stg_problem AS {empty}")
        return
    raw = "CASE u.field " + " ".join(f"WHEN '{f}' THEN r.{c}" for f, c in problem_cols) + " END"
    detail = (f"LEFT JOIN ({' UNION ALL '.join(details)}) d ON d.field = u.field AND d.raw = u.raw"
              if details else "")
    db.execute(
        f"CREATE OR REPLACE TEMP TABLE stg_problem AS "
        f"WITH p AS (SELECT row_no, string_split(unnest(string_split(_problems, chr(31))), chr(30)) AS fc "
        f"           FROM stg_parsed_t WHERE _problems IS NOT NULL), "
        f"u AS (SELECT p.row_no, p.fc[1] AS field, p.fc[2] AS code, {raw.replace('u.field', 'p.fc[1]')} AS raw "
        f"      FROM p JOIN stg_raw r USING (row_no)) "
        f"SELECT u.row_no, u.field, u.raw, u.code, {'d.detail' if details else 'NULL'} AS detail FROM u {detail}")


def release_raw(db: Database) -> None:
    """Drop the raw cells and the parse helpers once ``stg_parsed`` and ``stg_problem`` exist:
    a large file's raw text would otherwise hold the memory the writes need."""
    drop_temp(db, "stg_raw")
    db.execute("DROP TABLE IF EXISTS stg_src")
    for (name,) in db.query("SELECT table_name FROM duckdb_tables() WHERE temporary AND "
                            "regexp_matches(table_name, '^stg_(map|lmap)_')"):
        db.execute(f"DROP TABLE {name}")


def set_rejected(db: Database, rows: set[int]) -> None:
    """The rows judged to be in error so far (``stg_rejected``): later steps leave them out."""
    db.execute("CREATE OR REPLACE TEMP TABLE stg_rejected (row_no BIGINT PRIMARY KEY)")
    db.insert_rows("stg_rejected", ["row_no"], ((r,) for r in sorted(rows)))


def add_duplicate_problems(db: Database, key: str) -> list[tuple]:
    """A row repeating an earlier row's key is a duplicate; rejected rows don't count. Returns the
    new problems as (row_no, field, raw, code, detail)."""
    db.execute(
        f"CREATE OR REPLACE TEMP TABLE stg_dup AS SELECT row_no, '{key}' AS field, {key}::VARCHAR AS raw, "
        f"'duplicate-in-file' AS code, json_object('first_row', first_row, 'key', {key}) AS detail FROM ("
        f"  SELECT row_no, {key}, min(row_no) OVER (PARTITION BY {key}) AS first_row FROM stg_parsed "
        f"  WHERE {key} IS NOT NULL AND row_no NOT IN (SELECT row_no FROM stg_rejected)"
        f") WHERE row_no > first_row"
    )
    db.execute("INSERT INTO stg_problem SELECT * FROM stg_dup")
    return db.query("SELECT * FROM stg_dup ORDER BY row_no")


def problem_rows(db: Database) -> list[tuple]:
    """(row_no, field, raw, code, detail) of every problem, in row order."""
    return db.query("SELECT row_no, field, raw, code, detail FROM stg_problem ORDER BY row_no, field")
