"""Record builders for legal events, transactions, GIs, copyrights, plant varieties and lists."""

from __future__ import annotations

import hashlib
import re
from typing import Any

from zhichan.ids import normalise_application_number, normalise_trademark_number
from zhichan.ingest._issues import register
from zhichan.ingest._legal_status import event_kind
from zhichan.ingest._records import Problem, Sink, patent_kind

register("unknown-transaction-type", "error", "登记类型无法识别",
         "登记类型 “{value}” 无法识别 (unknown registration type)", "应为 质押、许可 或 转让/转移")
register("unknown-list", "warning", "名单类别无法识别",
         "名单 “{value}” 不在已知名单中，按 {list_id} 记录 (unknown list)", "常见名单：驰名商标、知识产权优势企业、中国专利奖")


def event_id(*parts: Any) -> str:
    """A stable id for an event: the same event in a later export gets the same id."""
    return hashlib.sha1("|".join("" if p is None else str(p) for p in parts).encode()).hexdigest()[:20]


def _stub_patent(sink: Sink, row_no: int, app: str) -> str:
    """Make sure the right exists (a later bibliographic import fills it in)."""
    kind, pct = patent_kind(app)
    right_id = f"CN-{app}"
    sink.right({"row_no": row_no, "right_id": right_id, "kind": kind, "office": "CN", "application_no": app,
                "pct": pct, "madrid": False})
    return right_id


def build_patent_event(v: dict[str, Any], row_no: int, sink: Sink) -> list[Problem]:
    right_id = _stub_patent(sink, row_no, v["application_no"])
    code = (v.get("event_code") or "").strip().upper() or None
    kind = event_kind(code, v.get("event_text")) or "other"
    date = v["event_date"]
    sink.event({"row_no": row_no, "event_id": event_id(right_id, code, kind, date, v.get("event_text")),
                "right_id": right_id, "code": code, "kind": kind, "announced_on": date, "effective_on": None,
                "amount_cny": None, "counterparty": None,
                "detail": "；".join(x for x in (v.get("event_text"), v.get("detail")) if x) or None})
    return []


_TRANSACTIONS = (("质押", "pledge"), ("出质", "pledge"), ("许可", "licence"), ("转让", "transfer"),
                 ("转移", "transfer"), ("变更", "transfer"))


def build_transaction(v: dict[str, Any], row_no: int, sink: Sink) -> list[Problem]:
    t = v["transaction_type"]
    kind = next((k for phrase, k in _TRANSACTIONS if phrase in t), None)
    if kind is None:
        return [("unknown-transaction-type", "transaction_type", {})]
    right_id = _stub_patent(sink, row_no, v["application_no"])
    date, end = v["registration_date"], v.get("end_date")
    to = v.get("to_party") or ()
    detail = "；".join(x for x in (v.get("registration_no"), v.get("licence_type")) if x) or None
    sink.event({"row_no": row_no, "event_id": event_id(right_id, kind, date, v.get("registration_no")),
                "right_id": right_id, "code": {"pledge": "PE01", "licence": "EE01", "transfer": "TR01"}[kind],
                "kind": kind, "announced_on": date, "effective_on": date, "amount_cny": v.get("amount_cny"),
                "counterparty": "；".join(to) or None, "detail": detail})
    if end and kind in ("pledge", "licence"):
        end_kind = f"{kind}_end"
        sink.event({"row_no": row_no, "event_id": event_id(right_id, end_kind, end, v.get("registration_no")),
                    "right_id": right_id, "code": {"pledge": "PC01", "licence": "EC01"}[kind], "kind": end_kind,
                    "announced_on": None, "effective_on": end, "amount_cny": None, "counterparty": None,
                    "detail": detail})
    role = {"pledge": "pledgee", "licence": "licensee", "transfer": "new_owner"}[kind]
    for i, name in enumerate(to, 1):
        sink.mention(right_id, row_no, role, i, name, v.get("to_address") if i == 1 else None, None, None, date)
    return []


def _simple_right(sink: Sink, row_no: int, right_id: str, kind: str, number: str, *, title=None, filed=None,
                  granted=None, status=None) -> None:
    sink.right({"row_no": row_no, "right_id": right_id, "kind": kind, "office": "CN", "application_no": number,
                "application_date": filed, "grant_date": granted, "title": title, "pct": False, "madrid": False,
                "status": status})


def _holders(sink: Sink, right_id: str, row_no: int, names, address, filed) -> None:
    for i, name in enumerate(names or (), 1):
        for role in ("applicant", "owner"):
            sink.mention(right_id, row_no, role, i, name, address if i == 1 else None, None, None, filed)


def gi_kind(text: str | None) -> str:
    t = text or ""
    if "商标" in t or "集体" in t or "证明" in t:
        return "gi_trademark"
    if "农产品" in t or "农业" in t:
        return "gi_agricultural"
    if "产品" in t:
        return "gi_product"
    return "gi_agricultural"


def build_gi(v: dict[str, Any], row_no: int, sink: Sink) -> list[Problem]:
    kind = gi_kind(v.get("gi_type"))
    number = v.get("certificate_no") or event_id(v["name"], v.get("province"), v.get("city"))
    right_id = f"CN-GI-{number}"
    _simple_right(sink, row_no, right_id, kind, number, title=v["name"], filed=v.get("date"),
                  granted=v.get("date"), status="valid")
    where = "".join(x for x in (v.get("province"), v.get("city")) if x) or v.get("region_text")
    holders = v.get("holder") or ()
    if holders:
        _holders(sink, right_id, row_no, holders, where, v.get("date"))
    elif where:  # no holder named: the region itself carries the GI
        sink.mention(right_id, row_no, "owner", 1, f"{where}（地理标志所在地）", where, None, None, v.get("date"))
    return []


def registration_builder(prefix: str, kind: str):
    def build(v: dict[str, Any], row_no: int, sink: Sink) -> list[Problem]:
        reg = re.sub(r"\s+", "", v["registration_no"])
        right_id = f"CN-{prefix}-{reg}"
        filed = v.get("completion_date") or v.get("first_publication_date") or v.get("registration_date")
        if v.get("registration_date") and filed and v["registration_date"] < filed:
            return [("registration-before-filing", "registration_date", {"grant": v["registration_date"], "filed": filed})]
        title = v.get("title")
        if v.get("version"):
            title = f"{title} {v['version']}" if title else v["version"]
        _simple_right(sink, row_no, right_id, kind, reg, title=title, filed=filed,
                      granted=v.get("registration_date"), status="valid")
        _holders(sink, right_id, row_no, v.get("owners"), v.get("owner_address"), v.get("registration_date") or filed)
        return []
    return build


def build_plant_variety(v: dict[str, Any], row_no: int, sink: Sink) -> list[Problem]:
    filed, granted = v.get("application_date"), v.get("grant_date")
    if filed and granted and granted < filed:
        return [("grant-before-filing", "grant_date", {"grant": granted, "filed": filed})]
    app = re.sub(r"\s+", "", v["application_no"])
    right_id = f"CN-PV-{app}"
    title = v.get("variety_name")
    if v.get("genus"):
        title = f"{title}（{v['genus']}）" if title else v["genus"]
    _simple_right(sink, row_no, right_id, "plant_variety", app, title=title, filed=v.get("application_date"),
                  granted=v.get("grant_date"), status="valid" if v.get("grant_date") else "pending")
    _holders(sink, right_id, row_no, v.get("applicants"), v.get("applicant_address"), v.get("application_date"))
    for i, name in enumerate(v.get("breeders") or (), 1):
        sink.mention(right_id, row_no, "inventor", i, name, None, None, None, v.get("application_date"))
    return []


_LISTS = (("驰名商标", "well_known_marks"), ("中国专利奖", "china_patent_award"), ("专利奖", "patent_award"),
          ("示范企业", "ip_demonstration_enterprises"), ("优势企业", "ip_advantage_enterprises"),
          ("贯标", "ip_standard_certified"), ("知识产权管理体系", "ip_standard_certified"),
          ("地理标志", "gi_list"), ("老字号", "time_honoured_brands"))


def list_id(text: str | None) -> tuple[str, bool]:
    t = text or ""
    if "中国专利" in t and "奖" in t:  # 中国专利金奖 / 银奖 / 优秀奖, 第二十四届中国专利奖
        return "china_patent_award", True
    for phrase, lid in _LISTS:
        if phrase in t:
            return lid, True
    return "other_list", not t


def build_listing(v: dict[str, Any], row_no: int, sink: Sink) -> list[Problem]:
    lid, known = list_id(v.get("list_name") or v.get("_title"))
    problems: list[Problem] = [] if known else [("unknown-list", "list_name", {"list_id": lid})]
    subject = None
    no = v.get("subject_no")
    if no:
        app = normalise_application_number(no)
        tm = None if app else normalise_trademark_number(no)
        subject = f"CN-{app}" if app else (f"CN-TM-{tm}" if tm else None)
    if subject is None:
        sink.mention(None, row_no, "listed", 1, v["name"], v.get("region"), None, None, None, v.get("uscc"))
    sink.recognition({"row_no": row_no, "list_id": lid, "subject_kind": "right" if subject else "party",
                      "subject_id": subject, "year": v.get("year"), "grade": v.get("grade")})
    return problems
