"""Record builders: one parsed row (field → value) → staged canonical rows.

Each builder writes through a ``Sink`` (staging CSV writers) and returns the extra problems it
found as ``(issue_code, field, fields)``; an error-severity problem rejects the row before
anything of it is staged, so builders check first and write last.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, Callable, Protocol

from zhichan.ingest._issues import register
from zhichan.ingest._legal_status import normalise_status

register("grant-before-filing", "error", "授权日早于申请日",
         "授权日 {grant} 早于申请日 {filed} (grant date before filing date)", "核对两个日期")
register("patent-type-mismatch", "warning", "专利类型与申请号不符",
         "专利类型列为 “{stated}”，申请号表明为 {derived} (type column disagrees with the number)",
         "以申请号第 5 位（类型位）为准；核对专利类型列")
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
_HINT = re.compile(r"(\d{6}|\d{2})")


def region_hint(text: str | None) -> str | None:
    """A province or region code from hint columns such as 国省代码 “河南(41)” or “500111”."""
    if not text:
        return None
    m = _HINT.search(text)
    if not m:
        return None
    code = m.group(1)
    return code if len(code) == 6 else code + "0000"


def patent_kind(application_no: str) -> tuple[str, bool]:
    """Kind and PCT flag from the type digit of a normalised application number."""
    digit = application_no[4] if len(application_no) >= 14 else application_no[2]
    return _TYPE_DIGIT[digit]


def build_patent(v: dict[str, Any], row_no: int, sink: Sink) -> list[Problem]:
    app = v["application_no"]
    kind, pct = patent_kind(app)
    filed, granted = v.get("application_date"), v.get("grant_date")
    if filed and granted and granted < filed:
        return [("grant-before-filing", "grant_date", {"grant": granted, "filed": filed})]
    problems: list[Problem] = []
    stated = v.get("patent_type")
    if stated and stated != kind:
        problems.append(("patent-type-mismatch", "patent_type", {"stated": stated, "derived": kind}))
    right_id = f"CN-{app}"
    ipcs = list(v.get("ipc") or ())
    main = v.get("ipc_main") or (ipcs[0] if ipcs else None)
    if main and main not in ipcs:
        ipcs.insert(0, main)
    sink.right({
        "row_no": row_no, "right_id": right_id, "kind": kind, "office": "CN", "application_no": app,
        "application_date": filed, "publication_no": v.get("publication_no"), "grant_no": v.get("grant_no"),
        "grant_date": granted, "title": v.get("title"), "abstract": v.get("abstract"), "ipc_main": main,
        "claims_count": v.get("claims_count"), "family_id": None,
        "pct": pct or bool(v.get("pct_application_no")), "madrid": False,
        "status": normalise_status(v.get("legal_status")), "expiry_date": None,
    })
    for code in ipcs:
        sink.cls(right_id, "ipc", code, code == main)
    address, postcode, hint = v.get("applicant_address"), v.get("postcode"), region_hint(v.get("region_hint"))
    applicants = v.get("applicants") or ()
    for i, name in enumerate(applicants, 1):
        sink.mention(right_id, row_no, "applicant", i, name, address if i == 1 else None,
                     postcode if i == 1 else None, hint if i == 1 else None, filed)
    for i, name in enumerate(v.get("inventors") or (), 1):
        sink.mention(right_id, row_no, "inventor", i, name, None, None, None, filed)
    owners = v.get("current_owners") or ()
    owner_since = granted or filed
    for i, name in enumerate(owners, 1):
        # an owner who is the first applicant keeps that address; CNIPA's 当前著录项联系人通讯地址
        # is the current owner's address
        own_address = v.get("owner_address") if i == 1 else None
        if own_address is None and applicants and name == applicants[0]:
            own_address = address
        sink.mention(right_id, row_no, "owner", i, name, own_address, None, hint if i == 1 else None, owner_since)
    if v.get("agency"):
        sink.mention(right_id, row_no, "agency", 1, v["agency"], None, None, None, filed)
    return problems


_TM_STATUS = (("无效", "invalidated"), ("注销", "cancelled"), ("撤销", "revoked"), ("销亡", "lapsed"),
              ("驳回", "rejected"), ("不予注册", "rejected"), ("申请中", "pending"), ("初审", "pending"),
              ("等待", "pending"), ("审查", "pending"), ("注册", "valid"), ("有效", "valid"))


def trademark_status(text: str | None) -> str | None:
    t = (text or "").strip()
    for phrase, status in _TM_STATUS:
        if phrase in t:
            return status
    return None


def build_trademark(v: dict[str, Any], row_no: int, sink: Sink) -> list[Problem]:
    reg = v["registration_no"]
    filed, registered = v.get("application_date"), v.get("registration_date")
    if filed and registered and registered < filed:
        return [("registration-before-filing", "registration_date", {"grant": registered, "filed": filed})]
    right_id = f"CN-TM-{reg}"
    classes = v.get("nice_classes") or ()
    sink.right({
        "row_no": row_no, "right_id": right_id, "kind": "trademark", "office": "CN", "application_no": reg,
        "application_date": filed, "publication_no": None, "grant_no": reg if registered else None,
        "grant_date": registered, "title": v.get("mark_name"), "abstract": v.get("goods"), "ipc_main": None,
        "claims_count": None, "family_id": None, "pct": False, "madrid": bool(v.get("madrid")),
        "status": trademark_status(v.get("status")), "expiry_date": v.get("expiry_date"),
    })
    for i, c in enumerate(classes):
        sink.cls(right_id, "nice", str(c), i == 0)
    for i, name in enumerate(v.get("applicants") or (), 1):
        sink.mention(right_id, row_no, "applicant", i, name, v.get("applicant_address") if i == 1 else None,
                     None, None, filed)
        sink.mention(right_id, row_no, "owner", i, name, v.get("applicant_address") if i == 1 else None,
                     None, None, registered or filed)
    if v.get("agency"):
        sink.mention(right_id, row_no, "agency", 1, v["agency"], None, None, None, filed)
    return []


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
