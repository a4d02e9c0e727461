"""``choropleth``: one indicator (or any code → value table) over a region's subdivisions."""

from __future__ import annotations

import textwrap
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from matplotlib.colors import to_hex
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from zhichan.errors import UserError
from zhichan.spatial._basemap import NATION, Basemap, level_label, load_basemap, normalise_code
from zhichan.spatial._canvas import NO_DATA_COLOUR, MapCanvas
from zhichan.spatial._classify import SCHEMES, Classes, class_colours, classify
from zhichan.spatial._fonts import map_style
from zhichan.spatial._values import MapValues, as_map_values

__all__ = ["MapSpec", "choropleth", "infer_extent", "legend_heading", "map_title"]


@dataclass
class MapSpec:
    """What a map shows, kept on the figure (``fig.zhichan_spec``) so that ``save_map`` can also
    write the interactive HTML variant of the same map."""

    kind: str
    basemap: Basemap
    values: dict[str, float]
    colours: dict[str, str]
    title: str
    legend_title: str
    legend: list[tuple[str, str]]  # (label, hex colour)
    note: str | None = None
    source: str | None = None
    unit: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


def infer_extent(codes: list[str], level: str | None, region: str | None) -> tuple[str, str]:
    """``(level, region)`` from the codes when not given: their common province or prefecture."""
    codes = [normalise_code(c) for c in codes]
    if level is None:
        if codes and all(c.endswith("0000") for c in codes):
            level = "province"
        elif codes and all(c.endswith("00") for c in codes):
            level = "prefecture"
        else:
            level = "county"
    if region is None:
        region = NATION
        if level != "province" and codes and len({c[:2] for c in codes}) == 1:
            region = codes[0][:2] + "0000"
            if level == "county" and len({c[:4] for c in codes}) == 1 and codes[0][:2] not in ("11", "12", "31", "50"):
                region = codes[0][:4] + "00"
    return level, normalise_code(region)


def map_title(basemap: Basemap, mv: MapValues) -> str:
    """Default title, e.g. 重庆市各区县每万人口发明专利拥有量（2023年）."""
    what = mv.title or mv.indicator or "数值"
    period = f"（{mv.period}年）" if mv.period else ""
    return f"{basemap.region_name()}各{level_label(basemap.level)}{what}{period}"


@map_style
def choropleth(values: Any, *, level: str | None = None, region: str | None = None, scheme: str = "quantiles",
               k: int = 5, breaks: list[float] | None = None, cmap: str = "YlOrRd", title: str | None = None,
               note: str | None = None, source: str | None = None, labels: str | None = "auto",
               boundaries: str | Path | None = None, code_column: str = "code", indicator: str | None = None,
               period: int | None = None, unit: str | None = None, figsize: tuple[float, float] = (8.0, 7.0),
               dpi: int = 150, north_arrow: bool = True, scale_bar: bool = True) -> Figure:
    """A classed choropleth of ``values`` over the subdivisions of ``region`` at ``level``.

    ``values``: the frame of ``compute_indicators`` (pick ``indicator``/``period`` if it holds
    several), a Series or dict code → value, or a frame with ``code`` and ``value`` columns.
    ``scheme``: quantiles | natural_breaks | equal_interval | manual (with ``breaks``).
    ``note``: printed under the map, e.g. that the data are synthetic. Returns a matplotlib
    ``Figure``; write it with ``save_map`` (.png, .svg or .html).
    """
    mv = as_map_values(values, indicator=indicator, period=period, unit=unit)
    level, region = infer_extent(list(mv.values.index), level, region)
    base = load_basemap(level, region, boundaries=boundaries, code_column=code_column)
    if mv.names and boundaries is None:
        base.names.update({c: n for c, n in mv.names.items() if c in base.names})
    has = set(mv.values.index[mv.values.notna()])
    base = base.without_overlaps(has)
    if not base.codes:
        raise UserError("地图范围内没有区域 no regions to draw", where=f"{region} {level}",
                        fix="检查 --region 与 --level check region and level")
    y = mv.values.reindex(base.codes).to_numpy(dtype=float)
    if not np.isfinite(y).any():
        raise UserError("地图范围内没有数值 no values for the regions of this map", where=f"{region} {level}",
                        found=f"{len(mv.values)} 个代码，均不在范围内或无值 codes outside the map or empty",
                        fix="检查地区代码、层级与年份 check codes, level and period")
    cls = classify(y, scheme, k, breaks)
    palette = class_colours(cmap, cls.k)
    colours = {c: to_hex(palette[b]) for c, b in zip(base.codes, cls.yb) if b >= 0}
    ttl = title if title is not None else map_title(base, mv)
    canvas = MapCanvas(base, title=ttl, note=note, source=source, figsize=figsize, dpi=dpi)
    canvas.draw_regions(colours)
    canvas.label_regions(labels)
    canvas.decorate(north_arrow, scale_bar)
    legend = _legend_rows(cls, palette, y)
    legend_title = _legend_title(mv, cls, scheme)
    handles = [Patch(facecolor=c, edgecolor="#5a5a5a", linewidth=0.5, label=lab,
                     hatch="////" if c == NO_DATA_COLOUR else None) for lab, c in legend]
    canvas.legend(handles, legend_title)
    fig = canvas.fig
    fig.zhichan_spec = MapSpec("choropleth", base, dict(zip(base.codes, y.tolist())), colours, ttl,  # type: ignore[attr-defined]
                               legend_title, legend, note, source, mv.unit, {"classes": cls})
    return fig


def _legend_rows(cls: Classes, palette: list, y: np.ndarray) -> list[tuple[str, str]]:
    rows = [(f"{lab}（{n}）", to_hex(col)) for lab, col, n in zip(cls.labels, palette, cls.counts)]
    missing = int((~np.isfinite(y)).sum())
    if missing:
        rows.append((f"无数据（{missing}）", NO_DATA_COLOUR))
    return rows


def _legend_title(mv: MapValues, cls: Classes, scheme: str) -> str:
    return legend_heading(mv.title or mv.indicator or "数值", mv.unit, f"分级：{SCHEMES[scheme]} {cls.k} 级")


def legend_heading(what: str, unit: str = "", extra: str = "") -> str:
    """The legend title: 图例, the wrapped quantity name, its unit and the classification."""
    lines = ["图例"] + textwrap.wrap(what, 12) + ([f"（{unit}）"] if unit else []) + ([extra] if extra else [])
    return "\n".join(lines)
