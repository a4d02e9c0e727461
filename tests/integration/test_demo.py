"""``run_demo`` and ``zhichan demo`` end to end at small scale: every file detected as its profile,
every row accounted for, the planted dirty rows reported with their codes."""

from __future__ import annotations

from pathlib import Path

import pytest

from zhichan.demo import run_demo


@pytest.fixture(scope="module")
def cq_run(tmp_path_factory):
    return run_demo("500000", "small", 7, tmp_path_factory.mktemp("demo") / "ws")


def test_every_file_detected_and_accounted(cq_run):
    for rep in cq_run.reports:
        name = Path(rep.file).name
        assert rep.profile == cq_run.manifest.files[name]["profile"], name
        assert rep.status == "committed", name
        assert rep.accounted, name
        assert rep.rows_stored > 0, name


def test_dirty_rows_reported(cq_run):
    rep = next(r for r in cq_run.reports if r.file.endswith("synthetic_cnipa_patents.csv"))
    got = {(i.code, i.row, i.column) for i in rep.issues if i.severity != "info"}
    want = {(d["code"], d["row"], d["column"]) for d in cq_run.manifest.dirty_rows}
    assert got == want  # the planted rows and nothing else
    assert rep.rows_rejected == 2 and rep.rows_warned == 1  # bad check digit + duplicate; the bad date only warns
    others = [i for r in cq_run.reports if r is not rep for i in r.issues if i.severity != "info"]
    assert others == []


def test_outputs_written(cq_run):
    assert cq_run.report_path.is_file()
    assert (cq_run.workspace / "sources" / "DEMO_README.md").is_file()


def test_existing_workspace_refused(cq_run):
    from zhichan.errors import UserError

    with pytest.raises(UserError):
        run_demo("500000", "small", 7, cq_run.workspace)


@pytest.mark.parametrize("region", ["510000", "370000"])
def test_prefecture_level_provinces(tmp_path, region):
    run = run_demo(region, "small", 3, tmp_path / region)
    assert all(r.status == "committed" and r.accounted for r in run.reports)
    assert all(r.profile == run.manifest.files[Path(r.file).name]["profile"] for r in run.reports)


def test_cli_demo(tmp_path):
    from typer.testing import CliRunner

    from zhichan.cli import app

    res = CliRunner().invoke(app, ["demo", "--region", "500000", "--seed", "2", "--out", str(tmp_path / "ws")])
    assert res.exit_code == 0, res.output
    assert "演示数据导入结果" in res.output and "合成数据" in res.output


def test_pct_entries_family_and_awards_land(cq_run):
    """PCT national-phase filings (type digit 8) are PCT inventions; China Patent Award winners are
    recognised rights; every CSV says it is synthetic on its first line."""
    from zhichan.store import open_database

    db = open_database(cq_run.workspace / "zhichan.duckdb", reference=False)
    try:
        pct = db.query("SELECT kind, bool_and(pct), count(*) FROM ip_right WHERE substr(application_no, 5, 1) = '8' "
                       "AND kind <> 'trademark' GROUP BY kind")
        assert len(pct) == 1 and pct[0][:2] == ("invention", True) and pct[0][2] > 0
        # the CN filing date of a national-phase entry is its international filing date (exported by
        # the CNIPA layout; incoPat/PatSnap layouts carry no PCT columns)
        dates = db.query("SELECT international_filing_date = application_date, national_phase_date > "
                         "international_filing_date FROM ip_right WHERE international_filing_date IS NOT NULL")
        assert dates and all(a and b for a, b in dates)
        # foreign family members land with their office and whether they are grants
        fam = db.query("SELECT office, bool_or(granted), count(*) FROM right_family GROUP BY office ORDER BY office")
        assert {o for o, _, _ in fam} <= {"CN", "US", "EP", "JP"} and any(g for o, g, _ in fam if o != "CN")
        assert db.scalar("SELECT count(*) FROM right_family WHERE office <> 'CN' "
                         "AND granted <> (kind_code LIKE 'B%')") == 0
        awards = db.query("SELECT r.kind FROM recognition g JOIN ip_right r ON r.right_id = g.subject_id "
                          "WHERE g.list_id = 'china_patent_award'")
        assert awards and all(k == "invention" for (k,) in awards)
    finally:
        db.close()
    for f in (cq_run.workspace / "sources").glob("*.csv"):
        enc = "gbk" if "patsnap" in f.name else "utf-8-sig"
        assert "合成数据" in f.read_text(encoding=enc).splitlines()[0], f.name


def test_import_report_says_synthetic(cq_run):
    from openpyxl import load_workbook

    wb = load_workbook(cq_run.report_path, read_only=True)
    for ws in wb.worksheets:
        first = next(ws.iter_rows(max_row=1, values_only=True))
        assert "合成数据" in first[0], ws.title


def test_address_histories_do_not_overlap(cq_run):
    """Folding name-only parties into registered ones chains their addresses into one history."""
    from zhichan.store import open_database

    db = open_database(cq_run.workspace / "zhichan.duckdb")
    try:
        overlaps = db.scalar("""SELECT count(*) FROM party_address a JOIN party_address b USING (party_id)
                                WHERE a.valid_from < b.valid_from
                                  AND (a.valid_to IS NULL OR a.valid_to > b.valid_from)""")
        assert overlaps == 0
        assert db.scalar("SELECT count(*) FROM party_address") > 1000
    finally:
        db.close()
