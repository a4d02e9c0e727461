"""Bivariate choropleth: two quantities in 3×3 tertile classes (e.g. IP level × R&D level), for
matching analyses; Joshua Stevens' teal-pink scheme, which reads for colour-blind readers."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle

from zhichan.errors import UserError
from zhichan.spatial._basemap import load_basemap
from zhichan.spatial._canvas import NO_DATA_COLOUR, MapCanvas
from zhichan.spatial._choropleth import MapSpec, infer_extent
from zhichan.spatial._classify import classify
from zhichan.spatial._fonts import map_style
from zhichan.spatial._values import as_map_values

__all__ = ["BIVARIATE_COLOURS", "bivariate_choropleth"]

# rows: y class 0..2 (low → high), columns: x class 0..2
BIVARIATE_COLOURS = (("#e8e8e8", "#ace4e4", "#5ac8c8"),
                     ("#dfb0d6", "#a5add3", "#5698b9"),
                     ("#be64ac", "#8c62aa", "#3b4994"))
_LEVELS = ("低", "中", "高")


@map_style
def bivariate_choropleth(x: Any, y: Any, *, x_label: str | None = None, y_label: str | None = None,
                         level: str | None = None, region: str | None = None, title: str = "",
                         note: str | None = None, source: str | None = None, labels: str | None = "auto",
                         boundaries: str | Path | None = None, figsize: tuple[float, float] = (8.0, 7.0),
                         dpi: int = 150, x_kw: dict | None = None, y_kw: dict | None = None) -> Figure:
    """Regions coloured by the tertile of ``x`` (teal axis) and of ``y`` (pink axis)."""
    mx, my = as_map_values(x, **(x_kw or {})), as_map_values(y, **(y_kw or {}))
    xl, yl = x_label or mx.title or "X", y_label or my.title or "Y"
    codes = sorted(set(mx.values.index) | set(my.values.index))
    lvl, reg = infer_extent(codes, level, region)
    has = set(mx.values.dropna().index) & set(my.values.dropna().index)
    base = load_basemap(lvl, reg, boundaries=boundaries).without_overlaps(has)
    xv = mx.values.reindex(base.codes).to_numpy(float)
    yv = my.values.reindex(base.codes).to_numpy(float)
    if (np.isfinite(xv) & np.isfinite(yv)).sum() < 3:
        raise UserError("两个变量共同有值的区域太少 too few regions with both values", found=str(len(has)),
                        fix="检查两组数据的地区代码 check the codes of both tables")
    cx, cy = classify(xv, "quantiles", 3).yb, classify(yv, "quantiles", 3).yb
    colours, classes = {}, {}
    for c, i, j in zip(base.codes, cx, cy):
        if i >= 0 and j >= 0:
            colours[c] = BIVARIATE_COLOURS[j][i]
            classes[c] = f"{xl}{_LEVELS[i]}·{yl}{_LEVELS[j]}"
    canvas = MapCanvas(base, title=title, note=note, source=source, figsize=figsize, dpi=dpi)
    canvas.draw_regions(colours)
    canvas.label_regions(labels)
    canvas.decorate()
    _key(canvas, xl, yl, cx, cy)
    legend = [(f"{xl}{_LEVELS[i]}·{yl}{_LEVELS[j]}", BIVARIATE_COLOURS[j][i]) for j in range(3) for i in range(3)]
    if len(colours) < len(base.codes):
        legend.append((f"无数据（{len(base.codes) - len(colours)}）", NO_DATA_COLOUR))
    fig = canvas.fig
    fig.zhichan_spec = MapSpec("bivariate", base, dict(zip(base.codes, xv.tolist())), colours, title,  # type: ignore[attr-defined]
                               f"图例 {xl} × {yl}（三分位）", legend, note, source, mx.unit,
                               {"class_labels": classes, "value_label": xl})
    return fig


def _key(canvas: MapCanvas, xl: str, yl: str, cx: np.ndarray, cy: np.ndarray) -> None:
    """The 3×3 legend square with counts, in the legend column."""
    ax = canvas.fig.add_axes((0.79, 0.14, 0.15, 0.15 * canvas.fig.get_figwidth() / canvas.fig.get_figheight()))
    for j in range(3):
        for i in range(3):
            n = int(((cx == i) & (cy == j)).sum())
            ax.add_patch(Rectangle((i, j), 1, 1, facecolor=BIVARIATE_COLOURS[j][i], edgecolor="white", linewidth=1))
            ax.text(i + 0.5, j + 0.5, str(n), ha="center", va="center", fontsize=7, color="#222222")
    ax.set_xlim(0, 3)
    ax.set_ylim(0, 3)
    ax.set_aspect("equal")
    ax.set_xticks([])
    ax.set_yticks([])
    for s in ax.spines.values():
        s.set_visible(False)
    ax.set_xlabel(f"{xl} →", fontsize=8)
    ax.set_ylabel(f"{yl} →", fontsize=8)
    ax.set_title("图例（三分位，区域数）", fontsize=8.5, loc="left")
