"""Values to map: a region code → value table from a Series, a dict, a two-column frame or the
frame of ``compute_indicators`` (one indicator and one period picked from it)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from zhichan.errors import UserError
from zhichan.spatial._basemap import normalise_code

__all__ = ["MapValues", "as_map_values", "indicator_values"]


@dataclass
class MapValues:
    """``values``: float Series indexed by 6-digit code (NaN = no data); labels for legends."""

    values: pd.Series
    title: str = ""
    unit: str = ""
    period: int | None = None
    indicator: str | None = None
    names: dict[str, str] | None = None


def _series(codes: Any, vals: Any) -> pd.Series:
    s = pd.Series(pd.to_numeric(pd.Series(list(vals)), errors="coerce").to_numpy(dtype=float),
                  index=[normalise_code(c) for c in codes], name="value")
    return s[~s.index.duplicated(keep="first")]


def _pick(df: pd.DataFrame, column: str, wanted: Any, what: str, fix: str) -> pd.DataFrame:
    if wanted is not None:
        out = df[df[column].astype(str) == str(wanted)]
        if out.empty:
            raise UserError(f"数据中没有该{what} no rows for this {column}", expected="、".join(
                map(str, sorted(df[column].astype(str).unique()))[:10]), found=str(wanted), fix=fix)
        return out
    found = df[column].unique()
    if len(found) > 1:
        raise UserError(f"数据含多个{what}，一张地图只画一个 the table holds several {column}s; a map shows one",
                        expected=f"一个 one {column}", found="、".join(map(str, found[:10])), fix=fix)
    return df


def as_map_values(values: Any, *, indicator: str | None = None, period: int | None = None,
                  value_column: str = "value", title: str | None = None, unit: str | None = None) -> MapValues:
    """Read any supported value table into ``MapValues``."""
    if isinstance(values, MapValues):
        mv = values
    elif isinstance(values, pd.Series):
        mv = MapValues(_series(values.index, values.to_numpy()), title=str(values.name or "") if values.name
                       not in (None, "value") else "")
    elif isinstance(values, Mapping):
        mv = MapValues(_series(values.keys(), values.values()))
    elif isinstance(values, pd.DataFrame):
        mv = _from_frame(values, indicator, period, value_column)
    else:
        raise UserError("无法识别的地图数据 unsupported value table", found=type(values).__name__,
                        expected="pandas Series/DataFrame 或 dict {地区代码: 数值}",
                        fix="传入 compute_indicators() 的结果，或 {代码: 数值} 字典")
    if title is not None:
        mv.title = title
    if unit is not None:
        mv.unit = unit
    return mv


def _from_frame(df: pd.DataFrame, indicator: str | None, period: int | None, value_column: str) -> MapValues:
    code_col = next((c for c in ("region", "code", "region_code", "地区代码", "代码") if c in df.columns), None)
    if code_col is None:
        raise UserError("数据表缺少地区代码列 the table has no region code column",
                        expected="region、code 或 region_code", found="、".join(map(str, df.columns)),
                        fix="把区划代码列命名为 code name the code column 'code'")
    if value_column not in df.columns:
        numeric = [c for c in df.columns if c != code_col and pd.api.types.is_numeric_dtype(df[c])]
        if len(numeric) != 1:
            raise UserError("数据表缺少数值列 the table has no value column", expected=value_column,
                            found="、".join(map(str, df.columns)), fix="把数值列命名为 value")
        value_column = numeric[0]
    fix = "用 indicator=/period= 选一个 (CLI: INDICATOR 与 --period)"
    if "indicator" in df.columns:
        df = _pick(df, "indicator", indicator, "指标", fix)
    if "period" in df.columns:
        df = _pick(df, "period", period, "统计期", fix)
    first = df.iloc[0] if len(df) else {}
    names = None
    if "region_name" in df.columns:
        names = {normalise_code(c): str(n) for c, n in zip(df[code_col], df["region_name"]) if isinstance(n, str)}
    per = first.get("period") if len(df) else period
    return MapValues(
        _series(df[code_col], df[value_column]),
        title=str(first.get("title_zh", "") or "") if len(df) else "",
        unit=str(first.get("unit", "") or "") if len(df) else "",
        period=int(per) if per is not None and not (isinstance(per, float) and np.isnan(per)) else None,
        indicator=str(first.get("indicator")) if len(df) and "indicator" in df.columns else indicator,
        names=names,
    )


def indicator_values(db: Any, indicator: str, *, region: str, level: str, period: int,
                     owner_rule: str | None = None) -> MapValues:
    """One indicator for the subdivisions of ``region`` at ``level`` in ``period``, from the store."""
    from zhichan.measures import compute_indicators

    df = compute_indicators(db, [indicator], periods=[period], regions=[region], level=level, owner_rule=owner_rule)
    if df.empty:
        raise UserError("没有可画的指标值 no indicator values to map", where=f"{region} {level} {period}",
                        found="0 行 rows", fix="检查地区、层级与年份 check region, level and period")
    return as_map_values(df, indicator=indicator, period=period)
