"""IP-intensive industries (DOMAIN.md §5): an industry is patent-intensive when its invention-patent
density (inventions per 10,000 employees) and its scale pass thresholds relative to the reference
level (the total over the industries given, or a reference density such as the national one).
Patents reach industries through an IPC → industry concordance held as data (``concordance``;
replaceable by the user); employment comes from statistics the user supplies."""

from __future__ import annotations

import pandas as pd

from zhichan.errors import UserError


def ip_intensive_industries(patents: pd.Series, employment: pd.Series, *, density_ratio: float = 1.0,
                            scale_ratio: float = 1.0, reference_density: float | None = None) -> pd.DataFrame:
    """Industries with density ≥ ``density_ratio`` × reference density and patents ≥ ``scale_ratio`` ×
    the mean per industry. Returns per industry: patents, employment, density (per 10,000
    employees), density_index (density / reference), scale_index (patents / mean), intensive."""
    p = pd.Series(patents, dtype=float)
    e = pd.Series(employment, dtype=float).reindex(p.index)
    missing = e.index[e.isna() | (e <= 0)]
    if len(missing):
        raise UserError("缺少行业就业人数 employment missing for industries", found="、".join(map(str, missing[:10])),
                        expected="每个行业的就业人数（正数）", fix="补全就业统计，或从专利表中去掉这些行业")
    density = 10_000 * p / e
    reference = reference_density if reference_density is not None else 10_000 * p.sum() / e.sum()
    if not reference or reference <= 0:
        raise UserError("参照密度应为正数 the reference density must be positive", found=str(reference))
    out = pd.DataFrame({"patents": p, "employment": e, "density": density, "density_index": density / reference,
                        "scale_index": p / p.mean()})
    out["intensive"] = (out["density_index"] >= density_ratio) & (out["scale_index"] >= scale_ratio)
    out.attrs["convention"] = (f"density = inventions per 10,000 employees; reference {reference:.4g}; intensive when "
                               f"density ≥ {density_ratio}× reference and patents ≥ {scale_ratio}× mean per industry")
    return out.sort_values("density", ascending=False)
