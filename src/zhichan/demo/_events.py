"""A granted patent's life after grant, consistent with DOMAIN.md §2: annual-fee lapses (CF01,
effective from the due date, announced after the 6-month grace period and a delay), restorations
(RR01), expiry (CX01), invalidation (IW01), transfers (TR01), licences (EE01/EC01), pledges
(PE01/PC01, with amounts). Only events announced by the export date are emitted."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

__all__ = ["EXPORT_DATE", "Event", "Life", "live", "term_end"]

EXPORT_DATE = dt.date(2024, 3, 31)  # the day the demo exports were "downloaded"
D = dt.timedelta
LAPSE_PER_YEAR = {"invention": 0.04, "utility_model": 0.13, "design": 0.16}


@dataclass
class Event:
    code: str
    text: str
    announced: dt.date
    effective: dt.date
    detail: str = ""
    amount_wan: float | None = None  # 万元
    end: dt.date | None = None
    kind: str = ""  # transfer, licence, pledge for transaction rows


@dataclass
class Life:
    status: str  # export status string, CNIPA style
    events: list[Event] = field(default_factory=list)
    lapse_date: dt.date | None = None
    transfer: Event | None = None


def _anniversary(d: dt.date, years: int) -> dt.date:
    try:
        return d.replace(year=d.year + years)
    except ValueError:  # 29 February
        return d.replace(year=d.year + years, day=28)


def term_end(ptype: str, filed: dt.date) -> dt.date:
    years = 20 if ptype == "invention" else 15 if ptype == "design" and filed >= dt.date(2021, 6, 1) else 10
    return _anniversary(filed, years) - D(days=1)


def live(rng: random.Random, ptype: str, filed: dt.date, granted: dt.date) -> Life:
    """Events after grant and the resulting export status string."""
    life = Life("有权-审定授权")
    life.events.append(Event("GR01", "授权", granted, granted, "专利权授予"))
    end = term_end(ptype, filed)
    if rng.random() < 0.004:  # full invalidation, void from the start
        when = granted + D(days=rng.randint(300, 1500))
        if when <= EXPORT_DATE:
            life.events.append(Event("IW01", "专利权的全部无效", when, filed, f"无效宣告决定号：{rng.randint(40000, 69999)}"))
            life.status = "无权-全部无效"
            return life
    # annual fees: a lapse takes effect from the due date of the unpaid year
    k = granted.year - filed.year + 1
    lapsed = None
    while True:
        due = _anniversary(filed, k)
        if due > end or due + D(days=183) > EXPORT_DATE:
            break
        if rng.random() < LAPSE_PER_YEAR[ptype]:
            lapsed = due
            break
        k += 1
    if lapsed is not None:
        announced = lapsed + D(days=183 + rng.randint(30, 150))
        if announced <= EXPORT_DATE:
            life.events.append(Event("CF01", "未缴年费专利权终止", announced, lapsed,
                                     f"终止日期：{lapsed:%Y%m%d}"))
            back = announced + D(days=rng.randint(40, 160))
            if rng.random() < 0.08 and back <= EXPORT_DATE:
                life.events.append(Event("RR01", "专利权的恢复", back, back, "专利权恢复"))
            else:
                life.status, life.lapse_date = "无权-未缴年费", lapsed
                return life
    if end < EXPORT_DATE:
        announced = end + D(days=rng.randint(20, 75))
        if announced <= EXPORT_DATE:
            life.events.append(Event("CX01", "专利权有效期届满", announced, end + D(days=1),
                                     f"期限届满日期：{end:%Y%m%d}"))
            life.status, life.lapse_date = "无权-期限届满", end + D(days=1)
    return life


def transactions(rng: random.Random, granted: dt.date, stop: dt.date) -> list[Event]:
    """Transfers, licences and pledges registered while the patent was in force (before ``stop``)."""
    out: list[Event] = []
    span = (min(stop, EXPORT_DATE) - granted).days
    if span < 60:
        return out
    if rng.random() < 0.05:
        when = granted + D(days=rng.randint(30, span))
        out.append(Event("TR01", "专利权的转移", when + D(days=rng.randint(3, 10)), when, kind="transfer"))
    if rng.random() < 0.012:
        when = granted + D(days=rng.randint(30, span))
        end = when + D(days=rng.choice((365, 730, 1095)))
        out.append(Event("EE01", "专利实施许可合同备案的生效", when + D(days=7), when, kind="licence",
                         amount_wan=round(rng.uniform(2, 80), 1), end=end))
    if rng.random() < 0.02:
        when = granted + D(days=rng.randint(30, span))
        big = rng.random() < 0.15  # some pledges above the 1000万元 high-value threshold
        amount = rng.choice((1000, 1200, 1500, 2000, 3000, 5000)) if big else rng.choice((50, 100, 200, 300, 500, 800))
        end = when + D(days=rng.choice((365, 730)))
        out.append(Event("PE01", "专利权质押合同登记的生效", when + D(days=7), when, kind="pledge",
                         amount_wan=float(amount), end=end if end <= EXPORT_DATE and rng.random() < 0.7 else None))
    return out
