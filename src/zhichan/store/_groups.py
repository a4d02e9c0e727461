"""Custom region groups (functional zones, economic circles): named sets of codes that indicators
roll up to like any region."""

from __future__ import annotations

import re

from zhichan.errors import UserError

_GROUP_ID = re.compile(r"[a-z0-9_]+")


def set_region_group(db, group_id: str, name: str, codes: list[str]) -> int:
    """Create or replace group ``group_id`` with ``codes`` (6-digit codes known to the ``region``
    table); returns the number of members."""
    if not _GROUP_ID.fullmatch(group_id or ""):
        raise UserError("分组代码无效 invalid group id", expected="小写字母、数字、下划线 e.g. liangjiang_zone",
                        found=repr(group_id), fix="例如 chengyu_circle")
    if not name or not name.strip():
        raise UserError("分组名称不能为空 the group needs a name", where=group_id, fix='--name "成渝地区双城经济圈"')
    clean = list(dict.fromkeys(c.strip() for c in codes if c.strip()))
    if not clean:
        raise UserError("分组没有成员 the group has no member codes", where=group_id, fix="给出至少一个区划代码")
    known = {r[0] for r in db.query("SELECT DISTINCT code FROM region WHERE code IN (SELECT unnest(?))", [clean])}
    unknown = [c for c in clean if c not in known]
    if unknown:
        raise UserError("未知的区划代码 unknown region codes", where=f"group {group_id}", expected="6位 GB/T 2260 代码",
                        found="、".join(unknown), fix="用 zhichan regions resolve 查代码")
    with db.transaction():
        db.execute("DELETE FROM region_group WHERE group_id = ?", [group_id])
        db.insert_rows("region_group", ["group_id", "group_name", "code"], [(group_id, name.strip(), c) for c in clean])
    return len(clean)


def region_groups(db) -> list[dict]:
    """Every group with its name and members."""
    return db.query_dicts("""SELECT group_id, any_value(group_name) AS name, list(code ORDER BY code) AS codes
                             FROM region_group GROUP BY group_id ORDER BY group_id""")
