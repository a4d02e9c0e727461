"""Validity timeline: whether each right is valid at a date, computed from dates and legal events.

Never stored as a flag (it would go stale): any past date can be recomputed. Rules: DOMAIN.md §2;
the SQL lives in ``zhichan.store._validity_sql``.
"""

from __future__ import annotations

import datetime as _dt
import re

from zhichan.errors import UserError
from zhichan.store import SEMANTICS, Database, validity_sql

_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,62}")


def validity_table(
    db: Database, at: _dt.date, *, semantics: str = "legal", name: str = "validity"
) -> str:
    """Create (or replace) temp table ``name``: ``right_id, valid, reason, term_end`` at ``at``."""
    day = _check_date(at)
    _check_semantics(semantics)
    if not isinstance(name, str) or not _NAME.fullmatch(name):
        raise UserError(
            "结果表名无效 invalid name for the validity table",
            expected="字母或下划线开头的标识符 an identifier: letters, digits, underscore",
            found=repr(name),
            fix="例如 e.g. name='validity_2020'",
        )
    db.execute(f"CREATE OR REPLACE TEMP TABLE {name} AS {validity_sql(semantics)}", {"at": day})
    return name


def is_valid(db: Database, right_id: str, at: _dt.date, *, semantics: str = "legal") -> bool:
    """Whether one right is valid at ``at`` (same rules as ``validity_table``)."""
    day = _check_date(at)
    _check_semantics(semantics)
    rows = db.query(validity_sql(semantics, one_right=True), {"at": day, "right_id": right_id})
    if not rows:
        raise UserError(
            "未找到该权利 no such right",
            where=f"ip_right.right_id = {right_id!r}",
            found="0 行 no row",
            fix="检查 right_id 是否已导入 (was the right imported?)",
        )
    return bool(rows[0][1])


def _check_semantics(semantics: object) -> None:
    if semantics not in SEMANTICS:
        raise UserError(
            "未知的有效性口径 unknown validity semantics",
            expected=" 或 or ".join(repr(s) for s in SEMANTICS)
            + "（legal：按生效日，事后视角 effective by the date;"
            " known：按公告日 announced by the date）",
            found=repr(semantics),
            fix="semantics='legal' 或 or semantics='known'",
        )


def _check_date(at: object) -> _dt.date:
    # A datetime is a date too; only its day matters here.
    if isinstance(at, _dt.datetime):
        return at.date()
    if isinstance(at, _dt.date):
        return at
    raise UserError(
        "日期参数无效 the date must be a datetime.date",
        expected="datetime.date，例如 e.g. date(2020, 12, 31)",
        found=f"{type(at).__name__}: {at!r}",
        fix="用 datetime.date 传入日期 (pass a datetime.date; parse text with date.fromisoformat)",
    )
