"""Import files into a workspace: read, match a profile, stage, resolve, write — one batch per
file, committed whole or not at all, and re-importing the same file changes nothing."""

from __future__ import annotations

import datetime as dt
from contextlib import ExitStack
from itertools import chain, islice
from pathlib import Path
from typing import Callable, Iterable

from zhichan import store
from zhichan.errors import UserError
from zhichan.ingest._builders import BUILDERS, RIGHT_KINDS, SQL_KINDS
from zhichan.ingest._direct import preload, scan_file
from zhichan.ingest._issues import make_issue, register
from zhichan.ingest._profile_registry import ProfileMatch, ProfileRegistry, default_registry
from zhichan.ingest._readers import read_tables
from zhichan.ingest._report import ImportReport
from zhichan.ingest._sink import CsvSink
from zhichan.ingest._stage import stage_table
from zhichan.ingest._stage_parties import PartyStage

register("profile-not-detected", "error", "无法识别导入模板",
         "表头与任何导入模板都不匹配（最佳 {best}，得分 {score}），该表 {rows} 行均未导入 (no profile fits)",
         "用 --profile 指定模板；或检查表头是否为原系统导出的列名")
register("missing-required-column", "error", "缺少必需列",
         "缺少必需列 {fields}，该表 {rows} 行均未导入 (required column missing)",
         "补上该列（可用的列名：{synonyms}），或用 --profile 指定其他模板")
register("profile-detected", "info", "识别导入模板", "按模板 {profile}（{title}）导入，匹配度 {score}",
         "如识别有误，用 --profile 指定")
register("columns-ignored", "info", "未使用的列", "以下列未对应到任何字段，未导入：{columns}",
         "如需保留，请在导入模板中增加同义列名")
register("record-kind-unsupported", "error", "暂不支持的记录类型",
         "模板 {profile} 的记录类型 {kind} 暂不能写入数据库，该表 {rows} 行均未导入",
         "该类型的写入功能尚在开发中 (issue 3)")
register("unresolvable-address", "warning", "地址无法定位到行政区划",
         "地址 “{value}” 无法定位到行政区划：{reason} (address not resolved)",
         "补全省、市、区县名称，或提供邮编/统一社会信用代码")
register("file-rejected", "error", "整文件拒绝",
         "按 --on-error reject-file，文件有 {errors} 个错误，全部 {rows} 行未导入 (whole file rejected)",
         "修正错误后重新导入，或改用 --on-error reject-row 只拒绝出错的行")

register("already-imported", "info", "此前已导入",
         "该文件内容此前已导入（批次 {batch}），本次未做任何更改 (already imported; nothing changed)",
         "无需处理；内容有更新时请导入新的导出文件")

ON_ERROR = ("reject-row", "reject-file")


class _Rejected(Exception):
    """Raised inside the batch transaction to roll a rejected file back."""


def import_file(db: store.Database, path: str | Path, *, profile: str | None = None,
                on_error: str = "reject-row", as_of: dt.date | None = None,
                registry: ProfileRegistry | None = None,
                progress: Callable[[int], None] | None = None) -> ImportReport:
    """Import one file as one batch; see ``ImportReport`` for what comes back."""
    if on_error not in ON_ERROR:
        raise UserError(f"未知的 --on-error 取值 unknown on-error mode: {on_error}", expected=" / ".join(ON_ERROR))
    path = Path(path)
    registry = registry or default_registry()
    forced = registry.get(profile) if profile else None
    shape = scan_file(path) if path.is_file() else None
    digest = shape.digest if shape else "0" * 64
    report = ImportReport(file=str(path), file_hash=digest, profile=profile)
    prior = store.find_committed_batch(db, digest, profile)
    if prior is not None:
        report.status, report.batch_id, report.profile = "unchanged", prior["batch_id"], prior["profile"]
        # the counts are those of the batch that imported this content
        report.rows_read, report.rows_stored = prior["rows_read"], prior["rows_stored"]
        report.rows_rejected, report.rows_warned = prior["rows_rejected"], prior["rows_warned"]
        report.rows_skipped = report.rows_read - report.rows_stored - report.rows_rejected
        report.issues.append(make_issue("already-imported", file=str(path), batch=prior["batch_id"]))
        return report
    as_of = as_of or dt.date.today()
    started = dt.datetime.now()
    batch_id = f"{started:%Y%m%d%H%M%S%f}-{digest[:12]}"
    report.batch_id = batch_id
    try:
        tables = read_tables(path, header_score=registry.header_score)
        for table in tables:
            preload(db, table, shape)
        # One transaction holds the file's canonical writes. It begins at the first write: staging
        # touches temp tables only, and before the transaction the memory a dropped staging table
        # held (a large file's raw text) is freed at once, not at commit.
        with ExitStack() as stack:
            begun: list[bool] = []

            def begin() -> None:
                if not begun:
                    stack.enter_context(db.transaction())
                    begun.append(True)

            for table in tables:
                _import_table(db, table, forced, registry, report, batch_id, as_of.isoformat(), progress, begin)
            begin()
            errors = sum(1 for i in report.issues if i.severity == "error")
            if on_error == "reject-file" and errors:
                raise _Rejected(errors)
            # a file of which nothing could be stored is kept for the record but is not "imported":
            # importing it again must report its problems again
            report.status = "committed" if report.rows_stored else "failed"
            store.record_batch(db, {
                "batch_id": batch_id, "file_name": str(path), "file_hash": digest, "profile": report.profile,
                "status": report.status, "started_at": started, "rows_read": report.rows_read,
                "rows_stored": report.rows_stored, "rows_rejected": report.rows_rejected,
                "rows_warned": report.rows_warned, "as_of": as_of, "record_kind": report.record_kind,
            }, (_issue_row(batch_id, n, i) for n, i in enumerate(report.issues, 1)))
    except _Rejected as exc:
        report.status, report.batch_id = "rejected", None
        report.rows_rejected += report.rows_stored
        report.rows_stored = report.rows_warned = 0
        report.issues.append(make_issue("file-rejected", file=str(path), errors=exc.args[0], rows=report.rows_read))
    finally:
        store.drop_staging(db)
    return report


def _issue_row(batch_id: str, n: int, i) -> dict:
    return {"batch_id": batch_id, "issue_no": n, "code": i.code, "severity": i.severity, "file_name": i.file,
            "sheet": i.sheet, "row_no": i.row, "column_name": i.column, "value": i.value, "message": i.message,
            "hint": i.hint}


_PEEK = 50


def _choose(table, forced, registry: ProfileRegistry) -> ProfileMatch | None:
    """The profile for a table: forced, else the best-scoring one whose value patterns the first
    rows meet (headers alone do not tell a patent 申请号 from a plant-variety one)."""
    if forced is not None:
        return registry.match(table.headers, forced)
    ranked = registry.detect(table.headers)
    head = list(islice(table.rows, _PEEK))
    table.rows = chain(head, table.rows)
    sample = [r.cells for r in head]
    fitting = [m for m in ranked if registry.fits(m, sample)]
    if not fitting:
        return None
    complete = next((m for m in fitting if not m.missing_required), None)
    widest = max(fitting, key=lambda m: (len(m.columns), m.score))
    # a layout that names clearly more of the columns but lacks a required one is the file's real
    # kind: report its missing column rather than loading the file as something it is not
    if complete is None or (widest.missing_required and len(widest.columns) > len(complete.columns) + 1):
        return widest
    return complete


def _import_table(db, table, forced, registry, report: ImportReport, batch_id: str, as_of: str, progress,
                  begin: Callable[[], None]) -> None:
    report.issues.extend(table.issues)  # file-level reader issues known before iterating
    seen_issues = len(table.issues)
    if not table.headers:
        return
    match = _choose(table, forced, registry)
    where = {"file": table.file, "sheet": table.sheet, "row": table.header_row or None}
    if match is None or (match.score < 0.5 and not match.missing_required):
        rows = _drain(table)
        report.rows_read += rows
        report.rows_rejected += rows
        best = match.profile.id if match else "—"
        report.issues.append(make_issue("profile-not-detected", **where, best=best,
                                        score=match.score if match else 0, rows=rows))
        return _tail(table, report, seen_issues)
    prof = match.profile
    report.profile = report.profile or prof.id
    report.profile_confidence = match.score
    report.record_kind = report.record_kind or prof.record_kind
    if match.missing_required:
        rows = _drain(table)
        report.rows_read += rows
        report.rows_rejected += rows
        syn = "；".join(f"{f}: {'/'.join(prof.fields[f].synonyms[:3])}" for f in match.missing_required)
        report.issues.append(make_issue("missing-required-column", **where, fields="、".join(match.missing_required),
                                        rows=rows, synonyms=syn))
        return _tail(table, report, seen_issues)
    if prof.record_kind not in BUILDERS and prof.record_kind not in SQL_KINDS:
        rows = _drain(table)
        report.rows_read += rows
        report.rows_rejected += rows
        report.issues.append(make_issue("record-kind-unsupported", **where, profile=prof.id, kind=prof.record_kind,
                                        rows=rows))
        return _tail(table, report, seen_issues)
    report.issues.append(make_issue("profile-detected", **where, profile=prof.id, title=prof.title_zh,
                                    score=match.score))
    ignored = [h for i, h in enumerate(table.headers) if i not in match.columns and h]
    if prof.record_kind == "stat_wide":
        ignored = []  # a wide table's other columns are metrics or years; stage_table reports those it cannot use
    if ignored:
        report.issues.append(make_issue("columns-ignored", **where, columns="、".join(ignored[:40])))
    with CsvSink() as sink:
        counts = stage_table(db, table, match, sink, progress=progress, seen_issues=seen_issues)
        report.rows_read += counts.read
        report.rows_stored += counts.stored
        report.rows_rejected += counts.rejected
        report.issues.extend(counts.issues)
        parties = PartyStage(db)      # names and addresses resolve while the rights are written
        begin()
        _write_rights(db, prof.record_kind, batch_id)
        address_header = next((table.headers[i] for i, f in sorted(match.columns.items())
                                if prof.fields[f].parser == "address"), "address")
        warned_rows = counts.warned_rows | parties.finish(db, report, table, address_header)
        # rows the reader warned about (injection, ragged, Excel errors …) count as warned too
        warned_rows |= {i.row for i in table.issues[seen_issues:] if i.severity == "warning" and i.row}
        warned_rows -= counts.rejected_rows
        report.rows_warned += len(warned_rows)
        _write_parties(db, prof.record_kind, batch_id, as_of)
    report.tables.append({"sheet": table.sheet, "header_row": table.header_row, "profile": prof.id,
                          "rows": counts.read})
    _tail(table, report, seen_issues)


# Rows a reader drops instead of yielding: skipped (nothing to import) or rejected (unreadable).
_SKIPPED_ROWS = ("blank-row", "totals-row")
_REJECTED_ROWS = ("jsonl-bad-line",)


def _tail(table, report: ImportReport, seen: int) -> None:
    """Reader issues raised while iterating, and the rows the reader dropped."""
    report.issues.extend(table.issues[seen:])
    skipped = sum(1 for i in table.issues if i.code in _SKIPPED_ROWS)
    rejected = sum(1 for i in table.issues if i.code in _REJECTED_ROWS)
    report.rows_read += skipped + rejected
    report.rows_skipped += skipped
    report.rows_rejected += rejected


def _drain(table) -> int:
    return sum(1 for _ in table.rows)


def _write_rights(db, kind: str, batch_id: str) -> None:
    """Rights and what hangs on them alone (events, classes, family): no party needed."""
    if kind in ("market_entity", "stat_long", "stat_wide", "official_list"):
        return
    store.write_rights(db, batch_id, unique=kind in SQL_KINDS)
    store.write_events(db, batch_id)
    if kind in RIGHT_KINDS:
        store.write_classes(db, unique=kind == "patent")
        store.write_family(db, batch_id)


def _write_parties(db, kind: str, batch_id: str, as_of: str) -> None:
    store.write_parties(db, batch_id, as_of)
    if kind == "market_entity":
        store.write_entities(db, batch_id)
    elif kind in ("stat_long", "stat_wide"):
        store.write_stats(db, batch_id)
    elif kind == "official_list":
        store.write_recognitions(db, batch_id)
    elif kind in RIGHT_KINDS:
        store.write_roles(db, batch_id, as_of, unique=kind in SQL_KINDS)
        store.write_owners(db, batch_id, as_of, unique=kind in SQL_KINDS)
    elif kind == "patent_transaction":
        store.write_roles(db, batch_id, as_of, roles=("pledgee", "licensee"), replace=False)
        store.write_owners(db, batch_id, as_of)
    if kind in ("market_entity", "official_list") or kind in RIGHT_KINDS:
        store.merge_into_uscc_parties(db)


def import_files(db, paths: Iterable[str | Path], **kwargs) -> list[ImportReport]:
    """Import several files, one batch each."""
    return [import_file(db, p, **kwargs) for p in paths]
