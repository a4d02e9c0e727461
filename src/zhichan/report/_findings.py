"""Key findings: sentences from templates (findings.yaml) filled with computed facts — rises and
falls, the position against the parent region, rank changes among peers, the spread across
subdivisions, and plan targets at risk. No free text: every number comes from a measure."""

from __future__ import annotations

import math

import pandas as pd

LEVEL_ZH = {"province": "省份", "prefecture": "地市", "county": "区县", "group": "分组"}


def num(v: float, unit: str = "") -> str:
    """A figure as reports print it: thousands separators, two decimals for rates and small values."""
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return "—"
    if abs(v - round(v)) < 1e-9:
        return f"{round(v):,}"
    return f"{v:,.2f}"


def _row(frame: pd.DataFrame, indicator: str, region: str, year: int):
    hit = frame[(frame["indicator"] == indicator) & (frame["region"] == region) & (frame["period"] == year)]
    return None if hit.empty else hit.iloc[0]


def change_sentence(t: dict, frame: pd.DataFrame, indicator: str, region: str, name: str, year: int) -> str | None:
    """Level and year-on-year change of one indicator."""
    cur = _row(frame, indicator, region, year)
    if cur is None or pd.isna(cur["value"]):
        return None
    prev = _row(frame, indicator, region, year - 1)
    facts = {"year": year, "region": name, "title": cur["title_zh"], "value": num(cur["value"]), "unit": cur["unit"]}
    if prev is None or pd.isna(prev["value"]) or prev["value"] == 0:
        return t["level"].format(**facts)
    pct = 100.0 * (cur["value"] - prev["value"]) / prev["value"]
    if abs(pct) < 0.05:
        return t["flat"].format(**facts)
    return t["rise" if pct > 0 else "fall"].format(**facts, pct=f"{abs(pct):.1f}")


def parent_sentence(t: dict, frame: pd.DataFrame, indicator: str, region: str, name: str, year: int,
                    parent_name: str) -> str | None:
    cur = _row(frame, indicator, region, year)
    # only rates compare with the parent (a count of a part is always below the whole's)
    if cur is None or pd.isna(cur["value"]) or pd.isna(cur["parent_value"]) or not parent_name \
            or pd.isna(cur["denominator"]):
        return None
    key = "above_parent" if cur["value"] >= cur["parent_value"] else "below_parent"
    return t[key].format(region=name, title=cur["title_zh"], parent=parent_name,
                         parent_value=num(cur["parent_value"]), unit=cur["unit"])


def rank_sentence(t: dict, frame: pd.DataFrame, indicator: str, region: str, name: str, year: int,
                  parent_name: str) -> str | None:
    cur, prev = _row(frame, indicator, region, year), _row(frame, indicator, region, year - 1)
    # a rank means something only among peers the workspace holds data for
    if cur is None or pd.isna(cur["rank"]) or not parent_name or cur["peers_with_data"] < 3:
        return None
    facts = {"parent": parent_name, "level": LEVEL_ZH.get(cur["level"], "地区"), "region": name,
             "title": cur["title_zh"], "rank": int(cur["rank"])}
    if prev is None or pd.isna(prev["rank"]):
        return None
    shift = int(prev["rank"]) - int(cur["rank"])
    if shift == 0:
        return t["rank_same"].format(**facts)
    return t["rank_up" if shift > 0 else "rank_down"].format(**facts, shift=abs(shift))


def spread_sentence(t: dict, subs: pd.DataFrame, indicator: str, year: int) -> str | None:
    rows = subs[(subs["indicator"] == indicator) & (subs["period"] == year)].dropna(subset=["value"])
    if len(rows) < 3:
        return None
    top, bottom = rows.loc[rows["value"].idxmax()], rows.loc[rows["value"].idxmin()]
    return t["spread"].format(level=LEVEL_ZH.get(top["level"], "地区"), title=top["title_zh"],
                              top_name=top["region_name"], top_value=num(top["value"]),
                              bottom_name=bottom["region_name"], bottom_value=num(bottom["value"]), unit=top["unit"])


def plan_sentences(t: dict, plan_title: str, targets: pd.DataFrame, year: int) -> list[str]:
    """Alerts for targets at risk or off track (or missed, when the deadline is past ``year``);
    targets without data; or that all is well."""
    out: list[str] = []
    if targets.empty or "status" not in targets:
        return out
    late = targets["status"].isin(["at_risk", "off_track"])
    for key, rows in (("plan_missed", targets[late & (targets["deadline_year"] <= year)]),
                      ("plan_alert", targets[late & (targets["deadline_year"] > year)])):
        if len(rows):
            out.append(t[key].format(plan=plan_title, count=len(rows),
                                     targets="、".join(rows["indicator_title"].fillna(rows["indicator"]))))
    bad = targets[late]
    none = targets[targets["status"] == "no_data"]
    if len(none):
        out.append(t["plan_nodata"].format(plan=plan_title, count=len(none),
                                           targets="、".join(none["indicator_title"].fillna(none["indicator"]))))
    if not len(bad) and not len(none) and len(targets):
        out.append(t["plan_fine"].format(plan=plan_title))
    return out
