"""Point and flow layers: circles at region centroids sized by a value, and lines or arcs between
regions weighted by counts (transfers, licences between regions)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import FancyArrowPatch

from zhichan.errors import UserError
from zhichan.reference._boundaries import centroid
from zhichan.spatial._basemap import load_basemap, normalise_code
from zhichan.spatial._canvas import MapCanvas
from zhichan.spatial._choropleth import infer_extent, legend_heading
from zhichan.spatial._classify import format_number
from zhichan.spatial._fonts import map_style
from zhichan.spatial._values import as_map_values

__all__ = ["flow_map", "point_map", "region_point"]

BASE_FILL = "#eeeeee"


def region_point(code: str, coords: dict[str, tuple[float, float]] | None = None) -> tuple[float, float] | None:
    """``(lon, lat)`` of a region: from ``coords`` if given there, else the packaged inside point."""
    code = normalise_code(code)
    if coords and code in coords:
        return tuple(map(float, coords[code]))  # type: ignore[return-value]
    try:
        return centroid(code)
    except UserError:
        return None


def _canvas(codes: list[str], level, region, title, note, source, boundaries, figsize, dpi) -> MapCanvas:
    lvl, reg = infer_extent(codes, level, region)
    base = load_basemap(lvl, reg, boundaries=boundaries).without_overlaps()
    canvas = MapCanvas(base, title=title, note=note, source=source, figsize=figsize, dpi=dpi)
    canvas.draw_regions({c: BASE_FILL for c in base.codes}, edgecolour="#9a9a9a", hatch_missing=False)
    return canvas


def _xy(canvas: MapCanvas, lonlat: tuple[float, float]) -> tuple[float, float]:
    x, y = canvas.proj.forward(np.array([lonlat[0]]), np.array([lonlat[1]]))
    return float(x[0]), float(y[0])


@map_style
def point_map(values: Any, *, level: str | None = None, region: str | None = None,
              coords: dict[str, tuple[float, float]] | None = None, title: str = "", note: str | None = None,
              source: str | None = None, colour: str = "#d7301f", max_size: float = 900.0, labels: str | None = "auto",
              boundaries: str | Path | None = None, figsize: tuple[float, float] = (8.0, 7.0), dpi: int = 150,
              **value_kw: Any) -> Figure:
    """Circles at region centroids (or ``coords``: code → (lon, lat)), area proportional to value."""
    mv = as_map_values(values, **value_kw)
    vals = mv.values.dropna()
    vals = vals[vals > 0]
    if vals.empty:
        raise UserError("没有正数值可画 no positive values to draw", fix="检查数据 check the values")
    canvas = _canvas(list(vals.index), level, region, title, note, source, boundaries, figsize, dpi)
    canvas.label_regions(labels)
    top = float(vals.max())
    xs, ys, ss = [], [], []
    for code, v in vals.sort_values(ascending=False).items():
        p = region_point(code, coords)
        if p is None:
            continue
        x, y = _xy(canvas, p)
        xs.append(x)
        ys.append(y)
        ss.append(max_size * v / top)
    canvas.ax.scatter(xs, ys, s=ss, c=colour, alpha=0.7, edgecolors="white", linewidths=0.6, zorder=4)
    refs = [top, top / 2, top / 8]
    handles = [Line2D([], [], ls="", marker="o", markersize=np.sqrt(max_size * r / top), markerfacecolor=colour,
                      alpha=0.7, markeredgecolor="white", label=format_number(r)) for r in refs]
    canvas.legend(handles, legend_heading(mv.title or "数值", mv.unit, "圆面积与数值成正比"),
                  labelspacing=0.4 + np.sqrt(max_size) / 14, handletextpad=1.2 + np.sqrt(max_size) / 40, borderpad=1.0)
    canvas.decorate()
    return canvas.fig


@map_style
def flow_map(flows: pd.DataFrame, *, level: str | None = None, region: str | None = None,
             origin: str = "origin", destination: str = "destination", value: str = "value",
             coords: dict[str, tuple[float, float]] | None = None, title: str = "", note: str | None = None,
             source: str | None = None, colour: str = "#2b6cb0", max_width: float = 6.0, curved: bool = True,
             min_value: float = 0.0, value_label: str = "数量", unit: str = "件", labels: str | None = "auto",
             boundaries: str | Path | None = None, figsize: tuple[float, float] = (8.0, 7.0), dpi: int = 150) -> Figure:
    """Arrows from ``origin`` to ``destination`` regions, width proportional to ``value``.

    Flows between the same pair are summed; self-flows and flows below ``min_value`` are left out.
    """
    for col in (origin, destination, value):
        if col not in flows.columns:
            raise UserError("流向表缺少列 the flow table lacks a column", expected=f"{origin}, {destination}, {value}",
                            found="、".join(map(str, flows.columns)), fix="origin=/destination=/value= 指定列名")
    df = flows[[origin, destination, value]].copy()
    df[origin] = df[origin].map(normalise_code)
    df[destination] = df[destination].map(normalise_code)
    df = df[df[origin] != df[destination]].groupby([origin, destination], as_index=False)[value].sum()
    df = df[df[value] > min_value]
    if df.empty:
        raise UserError("没有可画的流向 no flows to draw", fix="检查数据或 min_value")
    codes = sorted(set(df[origin]) | set(df[destination]))
    canvas = _canvas(codes, level, region, title, note, source, boundaries, figsize, dpi)
    canvas.label_regions(labels)
    top = float(df[value].max())
    for o, d, v in df.sort_values(value).itertuples(index=False):
        po, pd_ = region_point(o, coords), region_point(d, coords)
        if po is None or pd_ is None:
            continue
        lw = max(0.4, max_width * v / top)
        arrow = FancyArrowPatch(_xy(canvas, po), _xy(canvas, pd_), arrowstyle=f"-|>,head_length={2 + lw},head_width={1 + lw / 2}",
                                connectionstyle=f"arc3,rad={0.25 if curved else 0}", linewidth=lw, color=colour,
                                alpha=0.75, zorder=4, shrinkA=2, shrinkB=2)
        canvas.ax.add_patch(arrow)
    refs = [top, top / 2, top / 4]
    handles = [Line2D([], [], color=colour, lw=max(0.4, max_width * r / top), alpha=0.75, label=format_number(r))
               for r in refs]
    canvas.legend(handles, legend_heading(value_label, unit, "线宽与数量成正比"))
    canvas.decorate()
    return canvas.fig
