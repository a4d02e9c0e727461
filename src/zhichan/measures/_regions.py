"""Which regions a computation reports on: codes and custom groups, their levels, parents and
peers, limited to the divisions that existed during the requested years."""

from __future__ import annotations

import pandas as pd

from zhichan.errors import UserError

LEVELS = ("country", "province", "prefecture", "county", "group")
NATION = "000000"


class RegionScope:
    """Regions known to the database (``levels``: region, name, level, parent, valid_from,
    valid_to) and their roll-up (``rollup``: code, ancestor), for the years asked."""

    def __init__(self, levels: pd.DataFrame, years: list[int], rollup: pd.DataFrame | None = None) -> None:
        info = levels.drop_duplicates("region").set_index("region")
        if NATION not in info.index:
            info.loc[NATION] = {"name": "全国", "level": "country", "parent": None, "valid_from": None, "valid_to": None}
        info.loc[info["level"] == "province", "parent"] = NATION
        self.info = info
        self.years = years
        self.rollup = rollup

    def _existed(self, codes: pd.Index) -> pd.Index:
        # Current codes always (records are resolved to current codes: 两江新区 500157 holds what
        # was filed in 江北区 and 渝北区 before 2025), abolished ones when they existed in the years.
        i = self.info.loc[codes]
        ok = i["valid_to"].isna() | (i["valid_to"] >= self.years[0])
        return codes[ok.to_numpy()]

    def check(self, code: str) -> str:
        code = str(code).strip()
        if code not in self.info.index:
            raise UserError(
                f"未知的地区 unknown region: {code}",
                expected="6位行政区划代码或自定义分组 a 6-digit GB/T 2260 code or a custom group id",
                found=code,
                fix="用 zhichan regions resolve 查代码 (look the code up with `zhichan regions resolve`)",
            )
        return code

    def targets(self, regions: list[str], level: str | list[str] | None) -> list[str]:
        """The regions themselves, or (with ``level``: one level or several) their subdivisions."""
        codes = [self.check(r) for r in regions]
        if level is None:
            return list(dict.fromkeys(codes))
        levels = [level] if isinstance(level, str) else list(level)
        for lv in levels:
            if lv not in LEVELS:
                raise UserError("未知的层级 unknown level", expected="、".join(LEVELS), found=lv, fix="--level county")
        at_level = self.info.index[self.info["level"].isin(levels).to_numpy()]
        out: list[str] = []
        for code in codes:
            if code == NATION:
                picked = at_level
            else:
                below = self.rollup.loc[self.rollup["ancestor"] == code, "code"] if self.rollup is not None else []
                picked = at_level[at_level.isin(set(below))]
            out.extend(self._existed(picked).sort_values())
        return list(dict.fromkeys(out))

    def universe(self, targets: list[str]) -> list[str]:
        """Targets, their parents and peers, and the nation: what comparisons need."""
        t = self.info.loc[targets]
        parents = set(t["parent"].dropna())
        peer_mask = self.info["parent"].isin(parents) & self.info["level"].isin(set(t["level"]))
        peers = self._existed(self.info.index[peer_mask.to_numpy()])
        return list(dict.fromkeys([*targets, *sorted(parents), *peers, NATION]))
