"""Column-wise parsing of a staged raw table (``stg_raw``: row_no + one VARCHAR per field).

Row-unique fields (application and publication numbers, free text) are parsed by SQL macros;
low-cardinality fields are parsed once per distinct value by the ingest layer, which hands the
results in as map tables ``stg_map_<field>(raw, value, code, detail)``. The result is
``stg_parsed`` (typed values) and ``stg_problem`` (row_no, field, raw, code, detail).
"""

from __future__ import annotations

import datetime as dt

from zhichan.store._database import Database, csv_source

_FULLWIDTH_FROM = "０１２３４５６７８９．ｘＸ　ＣＮＺＬｃｎｚｌＡＢＵＹＳＤａｂｕｙｓｄ"
_FULLWIDTH_TO = "0123456789.XX CNZLCNZLABUYSDABUYSD"

_MACROS = f"""
CREATE OR REPLACE TEMP MACRO zc_appno_clean(s) AS
    regexp_replace(regexp_replace(upper(translate(trim(s), '{_FULLWIDTH_FROM}', '{_FULLWIDTH_TO}')),
                   '\\s+', '', 'g'), '^(ZL|CN)', '');
CREATE OR REPLACE TEMP MACRO zc_pubno(s) AS
    coalesce(nullif(regexp_extract(translate(upper(replace(trim(s), ' ', '')), '{_FULLWIDTH_FROM}', '{_FULLWIDTH_TO}'),
                                   '^(CN[0-9]{{7,9}}[A-Z][0-9]?)$', 1), ''),
             nullif(trim(s), ''));
CREATE OR REPLACE TEMP MACRO zc_text(s) AS nullif(trim(s), '');
CREATE OR REPLACE TEMP MACRO zc_split(s) AS
    CASE WHEN regexp_replace(s, '^[;；,，、|\\s]+|[;；,，、|\\s]+$', '', 'g') <> ''
         THEN string_split_regex(regexp_replace(s, '^[;；,，、|\\s]+|[;；,，、|\\s]+$', '', 'g'),
                                 '\\s*[;；,，、|\\n]+\\s*') END;
CREATE OR REPLACE TEMP MACRO zc_digits6(s) AS
    CASE WHEN regexp_full_match(translate(trim(s), '０１２３４５６７８９', '0123456789'), '[0-9]{{6}}')
         THEN translate(trim(s), '０１２３４５６７８９', '0123456789') END;
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


def _check_sum(n: int) -> str:
    return " + ".join(f"(ascii(substr(d, {i + 1}, 1)) - 48) * {w}" for i, w in enumerate(_WEIGHTS[:n]))


def application_numbers_sql(col: str, table: str) -> str:
    """Normalised CN application numbers and their problems, one row per staged row.

    The same rule as ``zhichan.ids`` (DOMAIN.md §3), written set-wise; a parity test keeps the two
    in step. Each step is computed once per row (nested macros would repeat the work)."""
    max_year = dt.date.today().year + 1
    return rf"""
    CREATE OR REPLACE TEMP TABLE {table} AS
    WITH a AS (SELECT row_no, zc_appno_clean({col}) AS c, {col} AS raw FROM stg_raw),
    b AS (SELECT row_no, raw, regexp_extract(c, '^([0-9]{{12}}|[0-9]{{8}})\.?([0-9X]?)$', 1) AS d,
                 regexp_extract(c, '^([0-9]{{12}}|[0-9]{{8}})\.?([0-9X]?)$', 2) AS g FROM a),
    c AS (SELECT *, CASE length(d) WHEN 12 THEN ({_check_sum(12)}) % 11 WHEN 8 THEN ({_check_sum(8)}) % 11 END AS s,
                 CASE length(d)
                     WHEN 12 THEN left(d, 4)::INTEGER BETWEEN 1985 AND {max_year} AND substr(d, 5, 1) IN ('1','2','3','8','9')
                     WHEN 8 THEN (left(d, 2)::INTEGER >= 85 OR left(d, 2)::INTEGER <= 3) AND substr(d, 3, 1) IN ('1','2','3','8','9')
                     ELSE false END AS shape_ok
          FROM b),
    e AS (SELECT *, CASE WHEN s = 10 THEN 'X' ELSE s::VARCHAR END AS k FROM c)
    SELECT row_no,
           CASE WHEN shape_ok AND g IN ('', k) THEN d || '.' || k END AS value,
           CASE WHEN raw IS NULL OR trim(raw) = '' THEN NULL
                WHEN shape_ok AND g IN ('', k) THEN NULL
                WHEN shape_ok THEN 'bad-check-digit'
                ELSE 'bad-application-number' END AS code
    FROM e"""


def install_parse_macros(db: Database) -> None:
    db.execute_script(_MACROS)


def create_raw(db: Database, columns: list[str], csv_path) -> int:
    """Load the raw staged cells: ``row_no`` then one VARCHAR column per name in ``columns``."""
    cols = ["row_no", *columns]
    db.execute("CREATE OR REPLACE TEMP TABLE stg_raw (row_no BIGINT, "
               + ", ".join(f"{c} VARCHAR" for c in columns) + ")")
    db.execute(f"INSERT INTO stg_raw SELECT * FROM {csv_source(cols)}", [str(csv_path)])
    return db.scalar("SELECT count(*) FROM stg_raw")


def distinct_raw(db: Database, column: str, split: bool = False) -> list[str]:
    """Distinct non-empty raw values of a column (or of its split elements)."""
    if split:
        sql = f"SELECT DISTINCT unnest(zc_split({column})) FROM stg_raw"
    else:
        sql = f"SELECT DISTINCT {column} FROM stg_raw WHERE {column} IS NOT NULL AND trim({column}) <> ''"
    return [r[0] for r in db.query(sql) if r[0] is not None]


def load_map(db: Database, field: str, parser: str, rows: list[tuple]) -> None:
    """A distinct-value map: rows of (raw, value, problem code, problem detail JSON)."""
    typ = MAP_TYPES[parser]
    stored = "VARCHAR" if typ.endswith("[]") else typ
    db.execute(f"CREATE OR REPLACE TEMP TABLE stg_map_{field} (raw VARCHAR, value {stored}, code VARCHAR, detail VARCHAR)")
    db.insert_rows(f"stg_map_{field}", ["raw", "value", "code", "detail"], rows)


def _mapped(field: str, col: str, parser: str) -> tuple[str, str, str, str | None]:
    """(value, problem, detail, join) expressions for a map-parsed field."""
    a = f"m_{field}"
    if parser == "ipc_list":
        join = (f"LEFT JOIN (SELECT e.row_no, list(m.value ORDER BY e.i) FILTER (WHERE m.value IS NOT NULL) AS value, "
                f"min(m.code) AS code, NULL AS detail FROM (SELECT row_no, unnest(zc_split({col})) AS x, "
                f"generate_subscripts(zc_split({col}), 1) AS i FROM stg_raw) e LEFT JOIN stg_map_{field} m "
                f"ON m.raw = e.x GROUP BY e.row_no) {a} ON {a}.row_no = r.row_no")
        return f"nullif({a}.value, [])", f"{a}.code", f"{a}.detail", join
    typ = MAP_TYPES[parser]
    join = f"LEFT JOIN stg_map_{field} {a} ON {a}.raw = r.{col}"
    # map values are chr(31)-joined lists without empty elements; '' is the empty list
    if typ == "VARCHAR[]":
        value = f"string_split(nullif({a}.value, ''), chr(31))"
    elif typ == "INTEGER[]":
        value = f"string_split(nullif({a}.value, ''), chr(31))::INTEGER[]"
    else:
        value = f"{a}.value"
    return value, f"{a}.code", f"{a}.detail", join


def build_parsed(db: Database, fields: list[tuple[str, str, str, bool]],
                 absent: list[tuple[str, str]] = (), extra: list[str] = ()) -> None:
    """``stg_parsed`` (typed values, one problem column per field) and ``stg_problem`` rows.

    ``fields``: (field, raw column, parser, required) for the mapped fields; ``absent``:
    (field, parser) of the profile's other fields, present as typed NULLs; ``extra``: raw
    columns passed through.
    """
    selects, joins, problem_cols = ["r.row_no AS row_no"], [], []
    selects += [f"NULL::{sql_type(p)} AS {f}" for f, p in absent]
    for field, col, parser, required in fields:
        if parser == "application_number":
            a = f"a_{field}"
            db.execute(application_numbers_sql(f"{col}", f"stg_app_{field}"))
            joins.append(f"LEFT JOIN stg_app_{field} {a} ON {a}.row_no = r.row_no")
            value, problem, detail = f"{a}.value", f"{a}.code", "NULL"
        elif parser in SQL_PARSERS:
            value_t, problem_t, _ = SQL_PARSERS[parser]
            value, problem, detail = value_t.format(c=f"r.{col}"), (problem_t or "NULL").format(c=f"r.{col}"), "NULL"
        else:
            value, problem, detail, join = _mapped(field, col, parser)
            joins.append(join)
        if required:
            problem = (f"coalesce({problem}, CASE WHEN ({value}) IS NULL THEN 'missing-required-value' END)")
        selects += [f"{value} AS {field}", f"{problem} AS p__{field}", f"{detail} AS d__{field}"]
        problem_cols.append((field, col))
    selects += [f"r.{c} AS {c}" for c in extra]
    db.execute(f"CREATE OR REPLACE TEMP TABLE stg_parsed AS SELECT {', '.join(selects)} FROM stg_raw r {' '.join(joins)}")
    union = " UNION ALL ".join(
        f"SELECT p.row_no, '{f}' AS field, r.{c} AS raw, p.p__{f} AS code, p.d__{f} AS detail "
        f"FROM stg_parsed p JOIN stg_raw r USING (row_no) WHERE p.p__{f} IS NOT NULL"
        for f, c in problem_cols)
    db.execute(f"CREATE OR REPLACE TEMP TABLE stg_problem AS {union or 'SELECT NULL::BIGINT row_no, NULL field, NULL raw, NULL code, NULL detail WHERE false'}")


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
