"""The real-data example: the 31 mainland provinces, 2010–2023, from the yearbook statistics packaged
in zhichan.reference (patents by type, plant varieties, R&D, population) — a unit × indicator
matrix for the province_yearbook framework, and the IP and innovation-input subsystems for the
coupling-coordination analysis."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

import numpy as np
import pandas as pd

from zhichan.errors import UserError
from zhichan.reference import regions, statistics_rows

MAINLAND = ("11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37", "41", "42",
            "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65")
IP_SUBSYSTEM = ["invention_applications_per_10k", "patent_grants_per_10k", "valid_invention_per_10k",
                "invention_share_of_grants", "plant_variety_applications_per_million"]
INPUT_SUBSYSTEM = ["rd_intensity", "rd_per_capita"]


def framework_path(name: str):
    """A packaged framework file (province_yearbook, regional_ip)."""
    f = resources.files("zhichan.evaluate").joinpath("frameworks", f"{name}.yaml")
    if not f.is_file():
        raise UserError(f"未知的评价框架 unknown framework: {name}", expected="province_yearbook、regional_ip 或 YAML 文件路径",
                        found=name, fix="--framework province_yearbook")
    return f


@lru_cache(maxsize=1)
def _long() -> pd.DataFrame:
    rows = [(r.province_code, r.year, r.metric, r.value) for r in statistics_rows()]
    return pd.DataFrame(rows, columns=["code", "year", "metric", "value"])


def province_matrix(year: int) -> pd.DataFrame:
    """The 31 provinces × the framework's indicators for ``year`` (index: province code; column
    ``name`` holds the Chinese name). Missing inputs give NaN (impute in the index)."""
    long = _long()
    sub = long[(long["year"] == year) & long["code"].str[:2].isin(MAINLAND) & long["code"].str.endswith("0000")]
    if sub.empty:
        have = sorted(long["year"].unique())
        raise UserError(f"没有{year}年的年鉴数据 no yearbook data for {year}", expected=f"{have[0]}–{have[-1]}",
                        found=str(year), fix=f"--year {have[-1]}")
    w = sub.pivot_table(index="code", columns="metric", values="value", aggfunc="first")
    w = w.reindex([f"{p}0000" for p in MAINLAND])
    pop = w.get("population")  # 万人
    col = lambda m: w[m] if m in w else pd.Series(np.nan, index=w.index)  # noqa: E731
    out = pd.DataFrame(index=w.index)
    out["invention_applications_per_10k"] = col("invention_applications") / pop
    out["patent_grants_per_10k"] = col("patent_grants") / pop
    out["plant_variety_applications_per_million"] = col("plant_variety_applications") / (pop / 100)
    out["invention_share_of_grants"] = 100 * col("invention_grants") / col("patent_grants")
    out["invention_grants_per_100m_rd"] = col("invention_grants") / (col("rd_expenditure") / 10_000)
    out["valid_invention_per_10k"] = col("valid_invention_patents") / pop
    out["valid_invention_share"] = 100 * col("valid_invention_patents") / col("valid_patents")
    out["rd_intensity"] = col("rd_intensity")
    out["rd_per_capita"] = col("rd_expenditure") / pop  # 万元/万人 = 元/人
    out.insert(0, "name", [regions.get(c).name for c in out.index])
    out.index.name = "code"
    return out.replace([np.inf, -np.inf], np.nan)


def province_panel(years) -> pd.DataFrame:
    """``province_matrix`` for several years, stacked with a ``year`` column."""
    return pd.concat([province_matrix(y).assign(year=y) for y in years])
