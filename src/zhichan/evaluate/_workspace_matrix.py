"""Units × indicators from a workspace: the registry's indicators computed for the subdivisions of
a region (the input of a composite index or a layout analysis)."""

from __future__ import annotations

import pandas as pd

from zhichan.errors import UserError
from zhichan.measures import compute_indicators


def workspace_matrix(db, indicators: list[str], region: str, level: str, year: int, *,
                     owner_rule: str | None = None) -> tuple[pd.DataFrame, pd.Series]:
    """(matrix with one row per subdivision and one column per indicator, names by code)."""
    df = compute_indicators(db, indicators, periods=[year], regions=[region], level=level, owner_rule=owner_rule)
    if df.empty:
        raise UserError("没有可评价的地区 no units to evaluate", where=f"{region} {level} {year}",
                        fix="检查 --region 与 --level（例如 --region 500000 --level county）")
    wide = df.pivot_table(index="region", columns="indicator", values="value", aggfunc="first", dropna=False)
    missing = [i for i in indicators if i not in wide.columns]
    for i in missing:
        wide[i] = float("nan")
    empty = [i for i in indicators if wide[i].isna().all()]
    if empty:
        raise UserError("以下指标没有数据 indicators without any value", where=f"{region} {level} {year}",
                        found="、".join(empty), fix="导入相应数据、用 zhichan indicators report 填报，或从框架中删去")
    names = df.drop_duplicates("region").set_index("region")["region_name"]
    return wide[indicators], names
