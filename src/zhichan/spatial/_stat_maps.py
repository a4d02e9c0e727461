"""Maps of categories: LISA cluster maps, Gi* hot-spot maps, and any code → category table."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from zhichan.spatial._basemap import Basemap, load_basemap
from zhichan.spatial._canvas import NO_DATA_COLOUR, MapCanvas
from zhichan.spatial._choropleth import MapSpec, infer_extent, legend_heading
from zhichan.spatial._fonts import map_style
from zhichan.spatial._local import CLUSTER_LABELS, HOTSPOT_LABELS, HotSpots, LocalMoran

__all__ = ["CLUSTER_COLOURS", "HOTSPOT_COLOURS", "category_map", "hotspot_map", "lisa_map"]

# GeoDa's LISA colours; ArcGIS's Gi* colours (both read in print and by colour-blind readers)
CLUSTER_COLOURS = {"HH": "#d7191c", "HL": "#fdae61", "LH": "#abd9e9", "LL": "#2c7bb6", "ns": "#f4f4f4"}
HOTSPOT_COLOURS = {"hot_99": "#d62f27", "hot_95": "#ed7551", "hot_90": "#fab984", "ns": "#f4f4f4",
                   "cold_90": "#b5c9df", "cold_95": "#7599c5", "cold_99": "#4575b5"}


@map_style
def category_map(categories: pd.Series, palette: dict[str, tuple[str, str]], *, basemap: Basemap | None = None,
                 level: str | None = None, region: str | None = None, title: str = "", legend_title: str = "图例",
                 note: str | None = None, source: str | None = None, labels: str | None = "auto",
                 values: dict[str, float] | None = None, value_label: str = "数值", unit: str = "",
                 boundaries: str | Path | None = None, figsize: tuple[float, float] = (8.0, 7.0),
                 dpi: int = 150) -> Figure:
    """A map colouring each region by its category; ``palette``: category → (label, colour)."""
    cats = categories.copy()
    cats.index = cats.index.astype(str)
    if basemap is None:
        lvl, reg = infer_extent(list(cats.index), level, region)
        basemap = load_basemap(lvl, reg, boundaries=boundaries).without_overlaps(set(cats.index))
    colours = {c: palette[k][1] for c, k in cats.items() if c in basemap.geoms and k in palette}
    canvas = MapCanvas(basemap, title=title, note=note, source=source, figsize=figsize, dpi=dpi)
    canvas.draw_regions(colours)
    canvas.label_regions(labels)
    canvas.decorate()
    counts = cats[cats.index.isin(basemap.codes)].value_counts()
    rows = [(f"{lab}（{int(counts.get(k, 0))}）", col) for k, (lab, col) in palette.items()]
    missing = len([c for c in basemap.codes if c not in colours])
    if missing:
        rows.append((f"无数据（{missing}）", NO_DATA_COLOUR))
    handles = [Patch(facecolor=col, edgecolor="#5a5a5a", linewidth=0.5, label=lab,
                     hatch="////" if col == NO_DATA_COLOUR else None) for lab, col in rows]
    canvas.legend(handles, legend_title)
    fig = canvas.fig
    class_labels = {c: palette[k][0] for c, k in cats.items() if k in palette}
    fig.zhichan_spec = MapSpec("category", basemap, dict(values or {}), colours, title, legend_title, rows,  # type: ignore[attr-defined]
                               note, source, unit, {"class_labels": class_labels, "value_label": value_label})
    return fig


def _base(result: Any, level: str | None, region: str | None) -> Basemap | None:
    base = result.prepared_.basemap
    if base is None and (level or region):
        lvl, reg = infer_extent(result.codes_, level, region)
        base = load_basemap(lvl, reg)
    return base


def lisa_map(result: LocalMoran, *, title: str | None = None, note: str | None = None, source: str | None = None,
             labels: str | None = "auto", level: str | None = None, region: str | None = None, **kw: Any) -> Figure:
    """The LISA cluster map of a fitted ``LocalMoran`` (HH/LL/HL/LH at ``alpha``)."""
    p = result.prepared_
    base = _base(result, level, region)
    what = p.title or "数值"
    per = f"（{p.period}年）" if p.period else ""
    palette = {k: (CLUSTER_LABELS[k], CLUSTER_COLOURS[k]) for k in ("HH", "LL", "HL", "LH", "ns")}
    head = legend_heading(what, p.unit, f"LISA，p ≤ {result.alpha:g}，{result.permutations} 次置换")
    return category_map(result.cluster_, palette, basemap=base, level=level, region=region,
                        title=title if title is not None else f"{_where(base)}{what}局部空间自相关（LISA）聚类图{per}",
                        legend_title=head, note=_with_weights(note, result), source=source, labels=labels,
                        values=dict(zip(result.codes_, result.y_.tolist())), value_label=what, unit=p.unit, **kw)


def hotspot_map(result: HotSpots, *, title: str | None = None, note: str | None = None, source: str | None = None,
                labels: str | None = "auto", level: str | None = None, region: str | None = None, **kw: Any) -> Figure:
    """The hot-spot map of a fitted ``HotSpots`` (Gi*, confidence 90/95/99 %)."""
    p = result.prepared_
    base = _base(result, level, region)
    what = p.title or "数值"
    per = f"（{p.period}年）" if p.period else ""
    palette = {k: (HOTSPOT_LABELS[k], HOTSPOT_COLOURS[k]) for k in HOTSPOT_COLOURS}
    head = legend_heading(what, p.unit, f"Getis-Ord Gi*，{result.permutations} 次置换")
    return category_map(result.class_, palette, basemap=base, level=level, region=region,
                        title=title if title is not None else f"{_where(base)}{what}冷热点分析（Gi*）{per}",
                        legend_title=head, note=_with_weights(note, result), source=source, labels=labels,
                        values=dict(zip(result.codes_, result.y_.tolist())), value_label=what, unit=p.unit, **kw)


def _where(base: Basemap | None) -> str:
    return base.region_name() if base is not None else ""


def _with_weights(note: str | None, result: Any) -> str:
    seed = f"，随机种子 {result.seed}" if result.seed is not None else ""
    text = f"空间权重：{result.weights_.describe()}{seed}。"
    if result.dropped_:
        text += f"无数值未参与计算：{len(result.dropped_)} 个区域。"
    return f"{note} {text}" if note else text
