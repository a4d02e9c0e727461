"""Calibration: how many patents of each type each district files each year.

Real: the province's published yearly domestic applications by type (China Statistical Yearbook
on Science and Technology, packaged as reference statistics). Generated: the split over districts
(a documented heuristic: proportional to the district's number of township-level units, so large
rural counties and dense urban districts both get a plausible share) and the scale factor that
brings the total down (or up) to the requested size.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from zhichan.errors import UserError
from zhichan.reference import province_statistic, regions

__all__ = ["PATENT_TYPES", "SCALES", "YEARS", "District", "Plan", "allocate", "calibrate", "districts_of"]

# target number of patents for the whole run, and trademarks per patent
SCALES: dict[str, tuple[int, float]] = {"small": (3_000, 1.5), "medium": (1_000_000, 1.5),
                                        "large": (10_000_000, 2.0)}
YEARS = tuple(range(2010, 2024))
# type id, application number type digit, metric of applications, metric of grants
PATENT_TYPES = (("invention", "1", "invention_applications", "invention_grants"),
                ("utility_model", "2", "utility_model_applications", "utility_model_grants"),
                ("design", "3", "design_applications", "design_grants"))


@dataclass(frozen=True)
class District:
    """A county-level unit of the demo region with its prefecture and township names."""

    code: str
    name: str
    prefecture_code: str | None
    prefecture_name: str | None
    province_code: str
    province_name: str
    townships: tuple[str, ...]

    @property
    def weight(self) -> int:
        return max(1, len(self.townships))


@dataclass
class Plan:
    """Calibrated targets: ``targets[(year, type)]`` patents for the region, split by district."""

    region: str
    region_name: str
    scale: str
    factor: float
    share: float  # the region's share of its province (1.0 for a province)
    districts: list[District]
    published: dict[tuple[int, str], float] = field(default_factory=dict)
    targets: dict[tuple[int, str], int] = field(default_factory=dict)
    by_district: dict[tuple[int, str], list[tuple[District, int]]] = field(default_factory=dict)
    grant_rate: dict[str, float] = field(default_factory=dict)
    trademarks: int = 0

    @property
    def patents(self) -> int:
        return sum(self.targets.values())


def districts_of(code: str) -> list[District]:
    """The current county-level units of a province, prefecture or county, sorted by code."""
    if code not in regions:
        raise UserError(f"未知的行政区划代码 unknown region code: {code}", where="--region",
                        expected="六位 GB/T 2260 代码，如 500000（重庆市）", found=code,
                        fix="用 zhichan regions search 查找代码")
    reg = regions.get(code)
    if reg.level == "county":
        units = [reg]
    else:
        units = [r for r in regions.descendants(code) if r.level == "county"]
    prov = regions.get(code[:2] + "0000")
    out = []
    for u in sorted(units, key=lambda r: r.code):
        parent = regions.get(u.parent_code) if u.parent_code and u.parent_code != prov.code else None
        towns = tuple(name for _, name in regions.townships(u.code))
        out.append(District(u.code, u.name, parent.code if parent else None, parent.name if parent else None,
                            prov.code, prov.name, towns))
    if not out:
        raise UserError(f"该地区没有区县 region has no county-level units: {code}", where="--region",
                        expected="省、市或区县代码", found=code, fix="换一个地区代码")
    return out


def allocate(total: int, weights: list[int]) -> list[int]:
    """Split ``total`` over weights by largest remainder (deterministic, sums exactly)."""
    s = sum(weights)
    raw = [total * w / s for w in weights]
    out = [int(x) for x in raw]
    order = sorted(range(len(weights)), key=lambda i: (-(raw[i] - out[i]), i))
    for i in order[: total - sum(out)]:
        out[i] += 1
    return out


def calibrate(region: str, scale: str) -> Plan:
    """Targets per (year, type) and district for a region and scale."""
    if scale not in SCALES:
        raise UserError(f"未知的规模 unknown scale: {scale}", where="--scale", expected="small / medium / large",
                        found=scale, fix="用 --scale small")
    dists = districts_of(region)
    province = dists[0].province_code
    all_weight = sum(d.weight for d in districts_of(province))
    share = sum(d.weight for d in dists) / all_weight
    published: dict[tuple[int, str], float] = {}
    for year in YEARS:
        for ptype, _, metric, _ in PATENT_TYPES:
            published[(year, ptype)] = province_statistic(province, year, metric) or 0.0
    total = sum(published.values()) * share
    if total <= 0:
        raise UserError(f"该省没有公开的专利统计 no published patent statistics for {province}",
                        where="zhichan.reference statistics", fix="换一个省份")
    target, tm_ratio = SCALES[scale]
    factor = target / total
    plan = Plan(region, regions.get(region).name, scale, factor, share, dists, published)
    for (year, ptype), value in published.items():
        n = round(value * share * factor)
        plan.targets[(year, ptype)] = n
        plan.by_district[(year, ptype)] = list(zip(dists, allocate(n, [d.weight for d in dists])))
    for ptype, _, app_metric, grant_metric in PATENT_TYPES:
        apps = sum(province_statistic(province, y, app_metric) or 0 for y in YEARS)
        grants = sum(province_statistic(province, y, grant_metric) or 0 for y in YEARS)
        plan.grant_rate[ptype] = min(0.97, grants / apps) if apps else 0.5
    plan.trademarks = round(plan.patents * tm_ratio)
    return plan


def rng_for(seed: int, *parts: object) -> random.Random:
    """An independent, reproducible stream per purpose (so adding one file does not shift others)."""
    return random.Random(f"{seed}:" + ":".join(str(p) for p in parts))
