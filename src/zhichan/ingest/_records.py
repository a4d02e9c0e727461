"""Record builders: one parsed row (field → value) → staged canonical rows (the Python path,
for the low-volume kinds; patents and trademarks are built in SQL by ``store._build_sql``).

Each builder writes through a ``Sink`` (staging CSV writers) and returns the extra problems it
found as ``(issue_code, field, fields)``; an error-severity problem rejects the row before
anything of it is staged, so builders check first and write last.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Protocol

from zhichan.ingest._issues import register

register("grant-before-filing", "error", "授权日早于申请日",
         "授权日 {grant} 早于申请日 {filed} (grant date before filing date)", "核对两个日期")
register("patent-type-mismatch", "warning", "专利类型与申请号不符",
         "专利类型列为 “{stated}”，申请号表明为 {derived} (type column disagrees with the number)",
         "以申请号第 5 位（类型位）为准；核对专利类型列")
register("no-applicant", "warning", "缺少申请人",
         "该专利没有申请人，无法归属到地区 (no applicant: the patent cannot be attributed to a region)",
         "导出时包含“申请(专利权)人”与“申请人地址”列")
register("no-filing-date", "warning", "缺少申请日",
         "该专利没有申请日，无法计算有效期与年度统计 (no filing date)", "导出时包含“申请日”列")
register("registration-before-filing", "error", "注册日早于申请日",
         "注册日 {grant} 早于申请日 {filed} (registration before filing)", "核对两个日期")

Problem = tuple[str, str | None, dict[str, Any]]


class Sink(Protocol):
    def right(self, row: dict[str, Any]) -> None: ...
    def cls(self, right_id: str, scheme: str, code: str, is_main: bool) -> None: ...
    def mention(self, right_id: str | None, row_no: int, role: str, seq: int, name: str,
                address: str | None = None, postcode: str | None = None, hint: str | None = None,
                filed_on: dt.date | None = None, uscc: str | None = None) -> None: ...
    def entity(self, row: dict[str, Any]) -> None: ...


_TYPE_DIGIT = {"1": ("invention", False), "2": ("utility_model", False), "3": ("design", False),
               "8": ("invention", True), "9": ("utility_model", True)}
def patent_kind(application_no: str) -> tuple[str, bool]:
    """Kind and PCT flag from the type digit of a normalised application number."""
    digit = application_no[4] if len(application_no) >= 14 else application_no[2]
    return _TYPE_DIGIT[digit]


_INACTIVE = ("注销", "吊销", "撤销", "迁出", "停业", "歇业", "清算")


def entity_category(entity_type: str | None, name: str) -> str:
    t = f"{entity_type or ''}{name}"
    if "个体" in t:
        return "individual_business"
    if "合作社" in t:
        return "cooperative"
    if any(k in t for k in ("公司", "企业", "合伙", "独资", "厂", "集团", "有限")):
        return "enterprise"
    return "other"


def build_entity(v: dict[str, Any], row_no: int, sink: Sink) -> list[Problem]:
    status = v.get("status")
    sink.mention(None, row_no, "entity", 1, v["name"], v.get("address"), None, None, v.get("established"),
                 v.get("uscc"))
    sink.entity({
        "row_no": row_no, "uscc": v.get("uscc"), "entity_type": v.get("entity_type"),
        "category": entity_category(v.get("entity_type"), v["name"]), "status": status,
        "is_active": not any(k in (status or "") for k in _INACTIVE), "established": v.get("established"),
        "industry_code": v.get("industry_code"), "registered_capital": v.get("registered_capital"),
        "authority": v.get("authority"),
    })
    return []
