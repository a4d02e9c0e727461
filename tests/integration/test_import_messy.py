"""The whole import of every file of the messy-input corpus (tests/data/messy), end to end.

``tests/unit/ingest/test_readers_corpus.py`` pins what the *readers* make of each pathology; this
module pins what ``import_file`` makes of it: the status, the detected profile, the row accounting
(read / stored / rejected / skipped / warned), the errors and warnings with their row and column,
the info issues, and — for the meaningful cases — what landed in the canonical tables.

The key promise checked for every file: nothing is lost. Every input row is stored, rejected or
skipped (``report.accounted``), no exception escapes, and what the report says matches the
database. Tests marked ``xfail(strict=True)`` describe the *correct* behaviour where the importer
is believed wrong today; the reason of each says what happens instead.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import NamedTuple

import pytest

from zhichan.ids import normalise_application_number
from zhichan.ingest import import_file
from zhichan.store import open_database

MESSY = Path(__file__).resolve().parents[1] / "data" / "messy"
NOT_DATA = {"README.md", "make_messy.py"}
FILES = sorted(p.name for p in MESSY.iterdir() if p.is_file() and p.name not in NOT_DATA)
AS_OF = dt.date(2024, 5, 1)
D = dt.date

CANONICAL = (
    "ip_right",
    "right_class",
    "party",
    "right_party",
    "party_address",
    "legal_event",
    "market_entity",
    "stat",
    "recognition",
    "record_source",
)


# -- helpers --------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def imported(import_once):
    """name → (db, report): the file imported once into its own fresh database."""
    return lambda name: import_once(MESSY / name, AS_OF)


def fresh_db(tmp_path):
    return open_database(tmp_path / "t.duckdb")


def problems(report) -> list[tuple]:
    """(severity, code, sheet, row, column) of every error and warning, sorted by place."""
    return sorted(
        ((i.severity, i.code, i.sheet, i.row, i.column) for i in report.issues if i.severity != "info"),
        key=lambda t: (t[2] or "", t[3] or 0, t[1], t[4] or ""),
    )


def infos(report) -> list[tuple]:
    """(code, sheet, row) of every info issue, sorted by place."""
    return sorted(
        ((i.code, i.sheet, i.row) for i in report.issues if i.severity == "info"),
        key=lambda t: (t[1] or "", t[2] or 0, t[0]),
    )


def counts(report) -> tuple:
    return (report.rows_read, report.rows_stored, report.rows_rejected, report.rows_skipped, report.rows_warned)


def canonical_counts(db) -> dict[str, int]:
    return {t: db.query(f"SELECT count(*) FROM {t}")[0][0] for t in CANONICAL}


def rights(db) -> list[dict]:
    return db.query_dicts("SELECT * FROM ip_right ORDER BY right_id")


def source_rows(db, table: str = "ip_right") -> list[int]:
    return [r[0] for r in db.query("SELECT row_no FROM record_source WHERE table_name = ? ORDER BY row_no", [table])]


def applicants(db, right_id: str) -> list[str]:
    return [
        r[0]
        for r in db.query(
            "SELECT p.name FROM right_party rp JOIN party p USING (party_id) "
            "WHERE rp.right_id = ? AND rp.role = 'applicant' ORDER BY rp.seq",
            [right_id],
        )
    ]


# -- the expected outcome of every file -----------------------------------------------------------
class Outcome(NamedTuple):
    status: str
    profile: str | None
    counts: tuple  # (read, stored, rejected, skipped, warned); None = pinned by another test
    problems: list  # (severity, code, sheet, row, column) of errors and warnings
    infos: list | None  # (code, sheet, row) of info issues; None = not pinned


CNIPA = "cnipa_patent"
NOTHING: list = []

EXPECTED: dict[str, Outcome] = {
    "bad_line.jsonl": Outcome(
        "committed",
        CNIPA,
        (5, 3, 1, 1, 3),
        [
            ("warning", "no-applicant", None, 1, "applicants"),
            ("warning", "bad-number", None, 2, "权利要求数"),
            ("warning", "no-applicant", None, 2, "applicants"),
            ("warning", "no-filing-date", None, 2, "申请日"),
            ("error", "jsonl-bad-line", None, 3, None),
            ("warning", "no-applicant", None, 5, "applicants"),
            ("warning", "no-filing-date", None, 5, "申请日"),
        ],
        None,
    ),
    "blank_rows.csv": Outcome(
        "committed",
        CNIPA,
        (5, 2, 0, 3, 2),
        [("warning", "no-applicant", None, 2, "applicants"), ("warning", "no-applicant", None, 6, "applicants")],
        [("profile-detected", None, 1), ("blank-row", None, 3), ("blank-row", None, 4), ("blank-row", None, 5)],
    ),
    "bomb.xlsx": Outcome(
        "failed", None, (0, 0, 0, 0, 0), [("error", "file-too-large-uncompressed", None, None, None)], NOTHING
    ),
    "crlf_trailing_ws.csv": Outcome(
        "committed",
        CNIPA,
        (1, 1, 0, 0, 1),
        [("warning", "no-applicant", None, 2, "applicants")],
        [("profile-detected", None, 1)],
    ),
    "csv_injection.csv": Outcome(
        "committed",
        CNIPA,
        (3, 3, 0, 0, 3),
        [
            ("warning", "csv-injection", None, 2, "名称"),
            ("warning", "no-applicant", None, 2, "applicants"),
            ("warning", "no-filing-date", None, 2, "application_date"),
            ("warning", "csv-injection", None, 3, "名称"),
            ("warning", "no-applicant", None, 3, "applicants"),
            ("warning", "no-filing-date", None, 3, "application_date"),
            ("warning", "csv-injection", None, 4, "名称"),
            ("warning", "csv-injection", None, 4, "备注"),
            ("warning", "no-applicant", None, 4, "applicants"),
            ("warning", "no-filing-date", None, 4, "application_date"),
        ],
        [("columns-ignored", None, 1), ("profile-detected", None, 1)],
    ),
    "dates.xlsx": Outcome(
        "committed",
        CNIPA,
        (2, 2, 0, 0, 2),
        [("warning", "no-applicant", "Sheet", 2, "applicants"), ("warning", "no-applicant", "Sheet", 3, "applicants")],
        [("columns-ignored", "Sheet", 1), ("profile-detected", "Sheet", 1)],
    ),
    "dates_five_formats.csv": Outcome(
        "committed",
        CNIPA,
        (5, 5, 0, 0, 5),
        [
            ("warning", "no-applicant", None, 2, "applicants"),
            ("warning", "no-applicant", None, 3, "applicants"),
            ("warning", "no-applicant", None, 4, "applicants"),
            ("warning", "no-applicant", None, 5, "applicants"),
            ("warning", "no-applicant", None, 6, "applicants"),
        ],
        [("profile-detected", None, 1)],
    ),
    "duplicate_headers.csv": Outcome(
        "committed",
        CNIPA,
        (1, 1, 0, 0, 1),
        [
            ("warning", "duplicate-header", None, 1, "申请人"),
            ("warning", "no-filing-date", None, 2, "application_date"),
        ],
        [("columns-ignored", None, 1), ("profile-detected", None, 1)],
    ),
    "embedded_newlines.csv": Outcome(
        "committed",
        CNIPA,
        (2, 2, 0, 0, 2),
        [
            ("warning", "no-applicant", None, 2, "applicants"),
            ("warning", "no-filing-date", None, 2, "application_date"),
            ("warning", "no-applicant", None, 3, "applicants"),
            ("warning", "no-filing-date", None, 3, "application_date"),
        ],
        [("profile-detected", None, 1)],
    ),
    "empty.csv": Outcome("failed", None, (0, 0, 0, 0, 0), [("error", "file-empty", None, None, None)], NOTHING),
    "excel_errors.xlsx": Outcome(
        "committed",
        CNIPA,
        (7, 7, 0, 0, 7),
        [
            ("warning", "excel-error-cell", "Sheet1", 2, "权利要求数"),
            ("warning", "no-applicant", "Sheet1", 2, "applicants"),
            ("warning", "no-filing-date", "Sheet1", 2, "application_date"),
            ("warning", "excel-error-cell", "Sheet1", 3, "权利要求数"),
            ("warning", "no-applicant", "Sheet1", 3, "applicants"),
            ("warning", "no-filing-date", "Sheet1", 3, "application_date"),
            ("warning", "excel-error-cell", "Sheet1", 4, "权利要求数"),
            ("warning", "no-applicant", "Sheet1", 4, "applicants"),
            ("warning", "no-filing-date", "Sheet1", 4, "application_date"),
            ("warning", "excel-error-cell", "Sheet1", 5, "权利要求数"),
            ("warning", "no-applicant", "Sheet1", 5, "applicants"),
            ("warning", "no-filing-date", "Sheet1", 5, "application_date"),
            ("warning", "excel-error-cell", "Sheet1", 6, "权利要求数"),
            ("warning", "no-applicant", "Sheet1", 6, "applicants"),
            ("warning", "no-filing-date", "Sheet1", 6, "application_date"),
            ("warning", "excel-error-cell", "Sheet1", 7, "权利要求数"),
            ("warning", "no-applicant", "Sheet1", 7, "applicants"),
            ("warning", "no-filing-date", "Sheet1", 7, "application_date"),
            ("warning", "excel-error-cell", "Sheet1", 8, "权利要求数"),
            ("warning", "no-applicant", "Sheet1", 8, "applicants"),
            ("warning", "no-filing-date", "Sheet1", 8, "application_date"),
        ],
        [("columns-ignored", "Sheet1", 1), ("profile-detected", "Sheet1", 1)],
    ),
    "extra_columns.csv": Outcome(
        "committed", CNIPA, (1, 1, 0, 0, 0), NOTHING, [("columns-ignored", None, 1), ("profile-detected", None, 1)]
    ),
    "formulas.xlsx": Outcome(
        "committed",
        CNIPA,
        (2, 2, 0, 0, 2),
        [
            ("warning", "no-applicant", "Sheet1", 2, "applicants"),
            ("warning", "no-filing-date", "Sheet1", 2, "application_date"),
            ("warning", "formula-no-value", "Sheet1", 3, "摘要"),
            ("warning", "no-applicant", "Sheet1", 3, "applicants"),
            ("warning", "no-filing-date", "Sheet1", 3, "application_date"),
        ],
        [
            ("columns-ignored", "Sheet1", 1),
            ("profile-detected", "Sheet1", 1),
            ("formula-cell", "Sheet1", 2),
            ("formula-cell", "Sheet1", 2),
        ],
    ),
    "fullwidth_digits.csv": Outcome(
        "committed",
        CNIPA,
        (1, 1, 0, 0, 1),
        [("warning", "no-applicant", None, 2, "applicants")],
        [("profile-detected", None, 1)],
    ),
    "gb18030_rare.csv": Outcome(
        "committed",
        CNIPA,
        (2, 2, 0, 0, 2),
        [
            ("warning", "no-filing-date", None, 2, "application_date"),
            ("warning", "no-filing-date", None, 3, "application_date"),
        ],
        [("encoding-guessed", None, None), ("profile-detected", None, 1)],
    ),
    "gbk.csv": Outcome(
        "committed", CNIPA, (3, 3, 0, 0, 0), NOTHING, [("encoding-guessed", None, None), ("profile-detected", None, 1)]
    ),
    "header_newline.xlsx": Outcome("committed", CNIPA, (1, 1, 0, 0, 0), NOTHING, [("profile-detected", "Sheet", 1)]),
    "header_only.csv": Outcome(
        "failed", CNIPA, (0, 0, 0, 0, 0), [("error", "file-empty", None, None, None)], [("profile-detected", None, 1)]
    ),
    "html_as_xls.xls": Outcome(
        "failed", None, (0, 0, 0, 0, 0), [("error", "file-unreadable", None, None, None)], NOTHING
    ),
    "huge_field.csv": Outcome(
        "committed",
        CNIPA,
        (2, 2, 0, 0, 2),
        [
            ("warning", "field-too-long", None, 2, "摘要"),
            ("warning", "no-applicant", None, 2, "applicants"),
            ("warning", "no-filing-date", None, 2, "application_date"),
            ("warning", "no-applicant", None, 3, "applicants"),
            ("warning", "no-filing-date", None, 3, "application_date"),
        ],
        [("profile-detected", None, 1)],
    ),
    "invalid_utf8.csv": Outcome(
        "committed",
        CNIPA,
        (3, 3, 0, 0, 3),
        [
            ("warning", "no-applicant", None, 2, "applicants"),
            ("warning", "no-filing-date", None, 2, "application_date"),
            ("warning", "encoding-replaced", None, 3, "名称"),
            ("warning", "no-applicant", None, 3, "applicants"),
            ("warning", "no-filing-date", None, 3, "application_date"),
            ("warning", "no-applicant", None, 4, "applicants"),
            ("warning", "no-filing-date", None, 4, "application_date"),
        ],
        [("profile-detected", None, 1)],
    ),
    "legacy.xls": Outcome("failed", None, (0, 0, 0, 0, 0), [("error", "file-unreadable", None, None, None)], NOTHING),
    "merged_cells_vertical.xlsx": Outcome(
        "committed",
        CNIPA,
        (4, 4, 0, 0, 4),
        [
            ("warning", "no-filing-date", "Sheet", 2, "application_date"),
            ("warning", "no-filing-date", "Sheet", 3, "application_date"),
            ("warning", "no-filing-date", "Sheet", 4, "application_date"),
            ("warning", "no-filing-date", "Sheet", 5, "application_date"),
        ],
        [("profile-detected", "Sheet", 1)],
    ),
    "merged_title_rows.xlsx": Outcome("committed", CNIPA, (3, 3, 0, 0, 0), NOTHING, [("profile-detected", "专利", 3)]),
    "missing_required_column.csv": Outcome(
        "failed", CNIPA, (2, 0, 2, 0, 0), [("error", "missing-required-column", None, 1, None)], NOTHING
    ),
    "mixed_record_kinds.csv": Outcome(
        "failed", "trademarks", (4, 0, 4, 0, 0), [("error", "missing-required-column", None, 1, None)], NOTHING
    ),
    "multi_sheet.xlsx": Outcome(
        "committed",
        CNIPA,
        (3, 3, 0, 0, 2),
        [("warning", "no-applicant", "专利", 2, "applicants"), ("warning", "no-applicant", "专利", 3, "applicants")],
        [("profile-detected", "专利", 1), ("profile-detected", "商标", 2), ("sheet-skipped", "统计", None)],
    ),
    "numbers_as_text.xlsx": Outcome(
        "committed",
        CNIPA,
        (2, 2, 0, 0, 2),
        [
            ("warning", "no-applicant", "Sheet", 2, "applicants"),
            ("warning", "no-filing-date", "Sheet", 2, "application_date"),
            ("warning", "no-applicant", "Sheet", 3, "applicants"),
            ("warning", "no-filing-date", "Sheet", 3, "application_date"),
        ],
        [("columns-ignored", "Sheet", 1), ("profile-detected", "Sheet", 1)],
    ),
    "ragged_rows.csv": Outcome(
        "committed",
        CNIPA,
        (3, 3, 0, 0, 2),
        [("warning", "ragged-row", None, 2, None), ("warning", "ragged-row", None, 3, None)],
        [("profile-detected", None, 1)],
    ),
    "semicolon.csv": Outcome(
        "committed",
        CNIPA,
        (2, 2, 0, 0, 2),
        [
            ("warning", "no-applicant", None, 2, "applicants"),
            ("warning", "no-filing-date", None, 2, "application_date"),
            ("warning", "no-applicant", None, 3, "applicants"),
            ("warning", "no-filing-date", None, 3, "application_date"),
        ],
        [("profile-detected", None, 1)],
    ),
    "tab_delimited.tsv": Outcome("committed", CNIPA, (3, 3, 0, 0, 0), NOTHING, [("profile-detected", None, 1)]),
    "title_rows.csv": Outcome(
        "committed",
        CNIPA,
        (2, 2, 0, 0, 2),
        [("warning", "no-applicant", None, 5, "applicants"), ("warning", "no-applicant", None, 6, "applicants")],
        [("profile-detected", None, 4)],
    ),
    "totals_row.csv": Outcome(
        "failed",
        "statistics_wide",
        (4, 0, 3, 1, 0),
        [
            ("warning", "wide-columns-unknown", None, 1, None),
            ("error", "period-not-found", None, 2, "period"),
            ("error", "unresolvable-region", None, 3, "地区"),
            ("error", "period-not-found", None, 4, "period"),
        ],
        [("profile-detected", None, 1), ("totals-row", None, 5)],
    ),
    "truncated.xlsx": Outcome(
        "failed", None, (0, 0, 0, 0, 0), [("error", "file-unreadable", None, None, None)], NOTHING
    ),
    "utf16_le_bom.csv": Outcome("committed", CNIPA, (3, 3, 0, 0, 0), NOTHING, [("profile-detected", None, 1)]),
    "utf8_bom.csv": Outcome("committed", CNIPA, (3, 3, 0, 0, 0), NOTHING, [("profile-detected", None, 1)]),
}


def file_params(names=FILES, xfails=None):
    xfails = xfails or {}
    return [pytest.param(n, marks=xfails[n]) if n in xfails else n for n in names]


# -- every file -----------------------------------------------------------------------------------
def test_corpus_listing_is_complete():
    assert len(FILES) >= 25, FILES
    assert set(FILES) == set(EXPECTED), "a corpus file was added or removed: update EXPECTED"


@pytest.mark.parametrize("name", file_params())
def test_import_outcome(imported, name):
    """Status, profile, row accounting, errors and warnings by place, info issues."""
    _, report = imported(name)
    want = EXPECTED[name]
    assert (report.status, report.profile) == (want.status, want.profile)
    got = counts(report)
    assert tuple(g if w is not None else None for g, w in zip(got, want.counts)) == want.counts
    assert problems(report) == want.problems
    if want.infos is not None:
        assert infos(report) == want.infos


@pytest.mark.parametrize("name", file_params())
def test_every_row_accounted_for(imported, name):
    """The key promise: every input row is stored, rejected or skipped — nothing is lost."""
    _, report = imported(name)
    assert report.accounted is True
    assert report.rows_read == report.rows_stored + report.rows_rejected + report.rows_skipped
    assert 0 <= report.rows_warned <= report.rows_stored
    # every rejected row has an error in the report saying why
    if report.rows_rejected:
        assert any(i.severity == "error" for i in report.issues)


@pytest.mark.parametrize("name", file_params())
def test_batch_and_issues_recorded_as_reported(imported, name):
    """What the report says is what import_batch / import_issue hold, and rows point at their batch."""
    db, report = imported(name)
    # a file of which nothing could be stored is recorded as 'failed', so that a retry reports again
    assert report.status == ("committed" if report.rows_stored else "failed") and report.batch_id is not None
    batch = db.query_dicts("SELECT * FROM import_batch")
    assert len(batch) == 1
    b = batch[0]
    assert (b["batch_id"], b["status"], b["profile"], b["file_hash"]) == (
        report.batch_id,
        report.status,
        report.profile,
        report.file_hash,
    )
    assert (b["rows_read"], b["rows_stored"], b["rows_rejected"], b["rows_warned"]) == (
        report.rows_read,
        report.rows_stored,
        report.rows_rejected,
        report.rows_warned,
    )
    stored = db.query("SELECT code, severity, row_no, column_name FROM import_issue ORDER BY issue_no")
    assert stored == [(i.code, i.severity, i.row, i.column) for i in report.issues]
    assert db.query("SELECT count(*) FROM ip_right WHERE batch_id <> ?", [report.batch_id])[0][0] == 0


# -- files where nothing can be stored ------------------------------------------------------------
@pytest.mark.parametrize(
    "name, code, hint",
    [
        ("empty.csv", "file-empty", None),
        ("header_only.csv", "file-empty", None),
        ("missing_required_column.csv", "missing-required-column", "application_no"),
        ("truncated.xlsx", "file-unreadable", "截断"),
        ("bomb.xlsx", "file-too-large-uncompressed", "压缩比"),
        ("legacy.xls", "file-unreadable", ".xlsx"),
        ("html_as_xls.xls", "file-unreadable", "HTML"),
    ],
)
def test_nothing_stored(imported, name, code, hint):
    """No canonical row at all; one error says why; no exception escaped (the import returned)."""
    db, report = imported(name)
    assert canonical_counts(db) == dict.fromkeys(CANONICAL, 0)
    assert report.rows_stored == 0
    errors = [i for i in report.issues if i.severity == "error"]
    assert [i.code for i in errors] == [code]
    if hint:
        assert hint in errors[0].message


def test_missing_required_column_rejects_the_whole_table(imported):
    db, report = imported("missing_required_column.csv")
    (issue,) = [i for i in report.issues if i.code == "missing-required-column"]
    assert (issue.row, issue.column) == (1, None)
    assert "application_no" in issue.message and "2 行均未导入" in issue.message
    assert "申请号" in issue.hint  # the synonyms the user could use
    assert not any(i.code == "profile-detected" for i in report.issues)
    assert db.query("SELECT rows_read, rows_stored, rows_rejected FROM import_batch") == [(2, 0, 2)]


def test_missing_required_column_reject_file_mode(tmp_path):
    """With on_error='reject-file' the file is refused as a whole and no batch is recorded."""
    db = fresh_db(tmp_path)
    try:
        report = import_file(db, MESSY / "missing_required_column.csv", on_error="reject-file", as_of=AS_OF)
        assert (report.status, report.batch_id) == ("rejected", None)
        assert counts(report) == (2, 0, 2, 0, 0) and report.accounted
        assert [i.code for i in report.issues if i.severity == "error"] == ["missing-required-column", "file-rejected"]
        assert db.query("SELECT count(*) FROM import_batch")[0][0] == 0
        assert canonical_counts(db) == dict.fromkeys(CANONICAL, 0)
    finally:
        db.close()


# -- what landed: encodings -----------------------------------------------------------------------
PATENT_RIGHTS = [
    (
        "CN-201220687633.0",
        "utility_model",
        D(2012, 12, 13),
        "一种汽车变速箱换挡装置",
        "CN203046123U",
        "F16H 59/02",
        "lapsed",
        ["重庆渝新汽车零部件有限公司"],
    ),
    (
        "CN-202110345678.3",
        "invention",
        D(2021, 3, 15),
        "一种基于深度学习的道路裂缝检测方法",
        "CN113062345A",
        "G06T 7/00",
        "valid",
        ["重庆大学"],
    ),
    (
        "CN-202320567890.9",
        "utility_model",
        D(2023, 3, 20),
        "一种火锅底料炒制设备",
        "CN219876543U",
        "A23L 27/00",
        "valid",
        ["重庆山城食品有限公司"],
    ),
]


@pytest.mark.parametrize(
    "name", ["gbk.csv", "utf8_bom.csv", "utf16_le_bom.csv", "tab_delimited.tsv", "merged_title_rows.xlsx"]
)
def test_full_patent_export_lands_identically_whatever_the_encoding_or_layout(imported, name):
    """The same three patents, Chinese text intact (GBK title stored correctly in ip_right.title)."""
    db, _ = imported(name)
    got = [
        (
            r["right_id"],
            r["kind"],
            r["application_date"],
            r["title"],
            r["publication_no"],
            r["ipc_main"],
            r["status"],
            applicants(db, r["right_id"]),
        )
        for r in rights(db)
    ]
    assert got == PATENT_RIGHTS
    assert sorted(r[0] for r in db.query("SELECT code FROM right_class WHERE scheme = 'ipc'")) == [
        "A23L 27/00",
        "F16H 59/02",
        "G06T 7/00",
    ]


def test_gb18030_four_byte_characters_intact(imported):
    db, _ = imported("gb18030_rare.csv")
    assert [r["title"] for r in rights(db)] == ["一种䶮字形码编码方法", "基于𬭚同位素的检测装置"]


def test_invalid_utf8_byte_stored_as_replacement_character_and_reported(imported):
    db, report = imported("invalid_utf8.csv")
    assert [r["title"] for r in rights(db)] == [
        "一种汽车变速箱换挡装置",
        "\ufffd\ufffd\ufffd路裂缝检测方法",
        "火锅底料",
    ]
    (issue,) = [i for i in report.issues if i.code == "encoding-replaced"]
    assert issue.value == "\ufffd\ufffd\ufffd路裂缝检测方法"


# -- what landed: layout --------------------------------------------------------------------------
@pytest.mark.parametrize(
    "name, rows",
    [
        ("blank_rows.csv", [2, 6]),  # rows 3–5 blank, trailing blank lines ignored
        ("title_rows.csv", [5, 6]),  # header on row 4
        ("embedded_newlines.csv", [2, 3]),  # a quoted multi-line cell is one record
        ("merged_title_rows.xlsx", [4, 5, 6]),
        ("ragged_rows.csv", [2, 3, 4]),
        ("excel_errors.xlsx", [2, 3, 4, 5, 6, 7, 8]),
    ],
)
def test_source_rows_of_stored_rights(imported, name, rows):
    """record_source maps each stored right to the row number the user sees."""
    db, _ = imported(name)
    assert source_rows(db) == rows


def test_semicolon_file_keeps_commas_inside_cells(imported):
    db, _ = imported("semicolon.csv")
    assert [(r["right_id"], r["title"]) for r in rights(db)] == [
        ("CN-201220687633.0", "一种汽车变速箱换挡装置"),
        ("CN-202110345678.3", "道路裂缝检测方法"),
    ]


def test_crlf_and_padded_headers_and_cells(imported):
    """Headers ' 申请号 ', '申请日\\u3000' are recognised; trailing spaces do not reach the store."""
    db, _ = imported("crlf_trailing_ws.csv")
    (r,) = rights(db)
    assert (r["application_no"], r["application_date"], r["title"]) == (
        "201220687633.0",
        D(2012, 12, 13),
        "一种汽车变速箱换挡装置",
    )


def test_ragged_row_extra_cells_reported_not_lost(imported):
    db, report = imported("ragged_rows.csv")
    ragged = {i.row: i.value for i in report.issues if i.code == "ragged-row"}
    assert ragged == {2: None, 3: "沙坪坝区,G06T7/00"}
    got = [(r["right_id"], r["status"], applicants(db, r["right_id"])) for r in rights(db)]
    assert got == [
        ("CN-201220687633.0", None, ["重庆渝新汽车零部件有限公司"]),
        ("CN-202110345678.3", "valid", ["重庆大学"]),
        ("CN-202320567890.9", "valid", ["重庆山城食品有限公司"]),
    ]


def test_totals_row_skipped_and_ambiguous_region_rejected(imported):
    """合计 (row 5) is skipped as info; bare 江北区 (Ningbo or Chongqing) is an error on row 3."""
    _, report = imported("totals_row.csv")
    (totals,) = [i for i in report.issues if i.code == "totals-row"]
    assert (totals.row, totals.value) == (5, "合计")
    (region,) = [i for i in report.issues if i.code == "unresolvable-region"]
    assert (region.row, region.value) == (3, "江北区") and "歧义" in region.message


def test_totals_row_rows_stored_match_what_landed(imported):
    db, report = imported("totals_row.csv")
    landed = db.query("SELECT count(DISTINCT row_no) FROM record_source WHERE table_name = 'stat'")[0][0]
    assert report.rows_stored == landed == db.query("SELECT count(*) FROM stat")[0][0] and landed == 0
    assert counts(report)[:4] == (4, 0, 3, 1)


# -- what landed: values --------------------------------------------------------------------------
def test_five_date_formats_parse_to_one_iso_date(imported):
    db, _ = imported("dates_five_formats.csv")
    got = db.query("SELECT application_no, application_date FROM ip_right ORDER BY application_no")
    assert got == [
        ("202110345678.3", D(2021, 3, 15)),
        ("202110345679.8", D(2021, 3, 15)),
        ("202110345680.0", D(2021, 3, 15)),
        ("202110345681.5", D(2021, 3, 15)),
        ("202110345682.X", D(2021, 3, 15)),
    ]


def test_fullwidth_date_parsed(imported):
    db, _ = imported("fullwidth_digits.csv")
    (r,) = rights(db)
    assert (r["application_date"], r["title"]) == (D(2012, 12, 13), "一种汽车变速箱换挡装置")


def test_fullwidth_application_number_normalised(imported):
    db, _ = imported("fullwidth_digits.csv")
    (r,) = rights(db)
    assert r["application_no"] == "201220687633.0"
    assert r["right_id"].endswith("-201220687633.0")


def test_csv_injection_stored_verbatim_as_text_and_reported(imported):
    db, report = imported("csv_injection.csv")
    titles = [r[0] for r in db.query("SELECT title FROM ip_right ORDER BY application_no")]
    assert titles == ['=HYPERLINK("http://evil.example","点击")', "+cmd|' /C calc'!A0", "-2+3+cmd|' /C calc'!A0"]
    assert db.query("SELECT typeof(title) FROM ip_right LIMIT 1") == [("VARCHAR",)]
    flagged = sorted((i.row, i.column, i.value) for i in report.issues if i.code == "csv-injection")
    assert flagged == [
        (2, "名称", '=HYPERLINK("http://evil.example","点击")'),
        (3, "名称", "+cmd|' /C calc'!A0"),
        (4, "名称", "-2+3+cmd|' /C calc'!A0"),
        (4, "备注", "@SUM(A1:A9)"),
    ]
    stored = db.query(
        "SELECT row_no, column_name, value FROM import_issue WHERE code = 'csv-injection' ORDER BY row_no, column_name"
    )
    assert sorted(stored) == flagged


def test_huge_field_reported_with_its_length(imported):
    db, report = imported("huge_field.csv")
    (issue,) = [i for i in report.issues if i.code == "field-too-long"]
    assert "40000" in issue.message and "32767" in issue.message
    assert [r["title"] for r in rights(db)] == ["道路裂缝检测方法", "火锅底料炒制设备"]


def test_excel_error_cells_are_warnings_and_rows_still_stored(imported):
    db, report = imported("excel_errors.xlsx")
    values = [i.value for i in report.issues if i.code == "excel-error-cell"]
    assert values == ["#N/A", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#NULL!"]
    assert len(rights(db)) == 7


def test_xlsx_real_dates_land_as_dates(imported):
    """申请号 + 申请日 make it a patent table (公告日 is then an ignored column); real date cells, one
    with a time of day, become the filing dates."""
    db, _ = imported("dates.xlsx")
    got = db.query("SELECT right_id, application_date FROM ip_right ORDER BY right_id")
    assert got == [("CN-202110345678.3", D(2021, 3, 15)), ("CN-202320567890.9", D(2023, 3, 20))]


def test_header_with_line_breaks_is_mapped(imported):
    db, _ = imported("header_newline.xlsx")
    (r,) = rights(db)
    assert (r["right_id"], r["application_date"], r["publication_no"]) == (
        "CN-202110345678.3",
        D(2021, 3, 15),
        "CN113062345A",
    )
    assert applicants(db, r["right_id"]) == ["重庆大学"]


def test_numbers_as_text_application_numbers_normalised(imported):
    """Numbers stored as text keep their digits; a number without its check character gets it."""
    db, _ = imported("numbers_as_text.xlsx")
    assert [r["application_no"] for r in rights(db)] == ["201220687633.0", "202110345678.3"]


def test_duplicate_header_first_column_used_second_reported(imported):
    db, report = imported("duplicate_headers.csv")
    (r,) = rights(db)
    assert applicants(db, r["right_id"]) == ["重庆渝新汽车零部件有限公司"]
    (ignored,) = [i for i in report.issues if i.code == "columns-ignored"]
    assert "申请人" in ignored.message  # the second 申请人 (重庆大学) is reported, not silently dropped


def test_extra_columns_reported_as_ignored(imported):
    db, report = imported("extra_columns.csv")
    (ignored,) = [i for i in report.issues if i.code == "columns-ignored"]
    assert "联系电话、备注" in ignored.message
    (r,) = rights(db)
    assert r["right_id"] == "CN-201220687633.0"
    roles = db.query("SELECT rp.role, p.name FROM right_party rp JOIN party p USING (party_id) ORDER BY rp.role")
    assert ("agency", "重庆市前沿专利事务所") in roles and ("applicant", "重庆渝新汽车零部件有限公司") in roles


def test_multi_sheet_two_tables_two_profiles(imported):
    db, report = imported("multi_sheet.xlsx")
    assert [(t["sheet"], t["header_row"], t["profile"], t["rows"]) for t in report.tables] == [
        ("专利", 1, CNIPA, 2),
        ("商标", 2, "trademarks", 1),
    ]
    assert [(r["right_id"], r["kind"], r["title"]) for r in rights(db)] == [
        ("CN-201220687633.0", "utility_model", "一种汽车变速箱换挡装置"),
        ("CN-202110345678.3", "invention", "一种基于深度学习的道路裂缝检测方法"),
        ("CN-TM-45678912", "trademark", "山城火锅"),
    ]
    assert db.query("SELECT right_id, scheme, code FROM right_class") == [("CN-TM-45678912", "nice", "43")]


# -- record kinds ---------------------------------------------------------------------------------
def test_mixed_record_kinds_split_or_rejected(imported):
    db, report = imported("mixed_record_kinds.csv")
    assert report.accounted
    kinds = {r["kind"] for r in rights(db)}
    assert kinds <= {"invention", "utility_model", "design", "trademark"}
    by_no = {r["application_no"]: r["kind"] for r in rights(db)}
    for no, kind in by_no.items():
        assert (kind == "trademark") == (no in ("45678912", "51234567"))
    # rows not stored are rejected with an error saying why (here one error for the whole table:
    # no layout fits patents and trademarks at once)
    assert report.rows_stored + report.rows_rejected == 4
    assert report.rows_rejected == 0 or any(i.severity == "error" for i in report.issues)


def test_patent_numbers_never_stored_as_plant_varieties(imported):
    wrong = {}
    for name in FILES:
        db, _ = imported(name)
        bad = [
            r["application_no"]
            for r in rights(db)
            if r["kind"] == "plant_variety" and normalise_application_number(r["application_no"])
        ]
        if bad:
            wrong[name] = bad
    assert wrong == {}


# -- JSON Lines -----------------------------------------------------------------------------------
def test_bad_jsonl_line_import_does_not_raise_and_stores_good_lines(tmp_path):
    db = fresh_db(tmp_path)
    try:
        report = import_file(db, MESSY / "bad_line.jsonl", as_of=AS_OF)
        assert report.status == "committed"
        assert [(i.code, i.row) for i in report.issues if i.code in ("jsonl-bad-line", "blank-row")] == [
            ("jsonl-bad-line", 3),
            ("blank-row", 4),
        ]
        assert [r["application_no"] for r in rights(db)] == ["201220687633.0", "202110345678.3", "202320567890.9"]
        assert source_rows(db) == [1, 2, 5]
    finally:
        db.close()


def test_bad_jsonl_line_counted_as_rejected(imported):
    _, report = imported("bad_line.jsonl")
    assert counts(report)[:4] == (5, 3, 1, 1) and report.accounted  # the broken line 3 is rejected


# -- re-importing ---------------------------------------------------------------------------------
def test_reimport_unchanged_report_is_accounted(tmp_path):
    db = fresh_db(tmp_path)
    try:
        first = import_file(db, MESSY / "blank_rows.csv", as_of=AS_OF)
        again = import_file(db, MESSY / "blank_rows.csv", as_of=AS_OF)
        assert first.accounted and again.status == "unchanged"
        assert again.accounted
    finally:
        db.close()


def test_reimport_of_unreadable_file_reports_the_error_again(tmp_path):
    db = fresh_db(tmp_path)
    try:
        import_file(db, MESSY / "truncated.xlsx", as_of=AS_OF)
        again = import_file(db, MESSY / "truncated.xlsx", as_of=AS_OF)
        assert "file-unreadable" in [i.code for i in again.issues]
        assert again.status != "unchanged"
    finally:
        db.close()
