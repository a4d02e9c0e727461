"""The map page every map shares: projected polygons, title, legend column, region labels, north
arrow, scale bar, South China Sea inset (南海诸岛) and the footnote (source, synthetic-data note)."""

from __future__ import annotations

import textwrap

import numpy as np
import shapely
from matplotlib import patheffects
from matplotlib.collections import PatchCollection
from matplotlib.figure import Figure
from matplotlib.patches import PathPatch
from matplotlib.patches import Polygon as PolygonPatch
from matplotlib.path import Path as MplPath

from zhichan.spatial._basemap import Basemap
from zhichan.spatial._fonts import rc_params
from zhichan.spatial._labels import short_name
from zhichan.spatial._projection import SOUTH_CHINA_SEA, albers_for, split_south_china_sea

__all__ = ["BOUNDARY_NOTE", "NO_DATA_COLOUR", "MapCanvas"]

BOUNDARY_NOTE = "行政区划边界为简化示意，不作为划界依据。"
NO_DATA_COLOUR = "#d9d9d9"
EDGE_COLOUR = "#5a5a5a"
MAP_BOX = (0.03, 0.09, 0.69, 0.83)  # left, bottom, width, height of the map axes (figure fraction)
LEGEND_ANCHOR = (0.735, 0.10)


def geometry_path(geom: shapely.Geometry) -> MplPath:
    """A compound matplotlib path (holes kept) of a (Multi)Polygon."""
    verts, codes = [], []
    for poly in getattr(geom, "geoms", [geom]):
        if poly.is_empty or poly.geom_type != "Polygon":
            continue
        for ring in (poly.exterior, *poly.interiors):
            xy = np.asarray(ring.coords)[:, :2]
            verts.append(xy)
            c = np.full(len(xy), MplPath.LINETO, dtype=np.uint8)
            c[0], c[-1] = MplPath.MOVETO, MplPath.CLOSEPOLY
            codes.append(c)
    if not verts:
        return MplPath(np.zeros((1, 2)), [MplPath.MOVETO])
    return MplPath(np.concatenate(verts), np.concatenate(codes))


class MapCanvas:
    """A figure with a projected map of ``basemap``; callers colour regions and add a legend."""

    def __init__(self, basemap: Basemap, *, title: str = "", note: str | None = None, source: str | None = None,
                 figsize: tuple[float, float] = (8.0, 7.0), dpi: int = 150, boundary_note: bool = True) -> None:
        self.basemap = basemap
        # callers build under ``map_style`` (the CJK font); save_map renders with the same settings
        self.fig = Figure(figsize=figsize, dpi=dpi, facecolor="white")
        self.fig._zhichan_rc = rc_params()  # type: ignore[attr-defined]
        self.ax = self.fig.add_axes(MAP_BOX)
        self.ax.set_axis_off()
        self.ax.set_aspect("equal")
        self.inset = None
        self._project()
        if title:
            self.fig.text(0.5, 0.955, title, ha="center", va="center", fontsize=14, fontweight="bold", wrap=True)
        self._footer(note, source, boundary_note)

    # geometry ---------------------------------------------------------------------------------
    def _project(self) -> None:
        bm = self.basemap
        main, sea = {}, {}
        for c in bm.codes:
            m, s = split_south_china_sea(bm.geoms[c])
            if m is not None:
                main[c] = m
            if s is not None:
                sea[c] = s
        everything = shapely.union_all([shapely.envelope(g) for g in main.values()] or [shapely.Point(105, 35)])
        self.proj = albers_for(everything.bounds, national=bm.national or len(bm.codes) > 200)
        self.main = {c: self.proj.geometry(g) for c, g in main.items()}
        self.sea = {c: self.proj.geometry(g) for c, g in sea.items()}
        xs = [g.bounds for g in self.main.values()]
        minx, miny = min(b[0] for b in xs), min(b[1] for b in xs)
        maxx, maxy = max(b[2] for b in xs), max(b[3] for b in xs)
        pad = 0.04 * max(maxx - minx, maxy - miny)
        self.extent = (minx - pad, miny - pad, maxx + pad, maxy + pad)
        self.needs_inset = bool(self.sea)
        if self.needs_inset:
            self._make_room_for_inset()
        self.ax.set_xlim(self.extent[0], self.extent[2])
        self.ax.set_ylim(self.extent[1], self.extent[3])

    def _inset_box(self) -> np.ndarray:
        minx, miny, maxx, maxy = SOUTH_CHINA_SEA
        return self.proj.points(np.array([[minx, miny], [maxx, miny], [maxx, maxy + 4.5], [minx, maxy + 4.5]]))

    def _make_room_for_inset(self) -> None:
        # the inset sits in the lower right corner; lower the map's bottom edge until no land
        # of the main map lies behind it
        x0, y0, x1, y1 = self.extent
        box = self._inset_box()
        iw = 0.2 * (x1 - x0)
        ih = iw * np.ptp(box[:, 1]) / np.ptp(box[:, 0])
        strip = shapely.box(x1 - iw, -1e12, x1, 1e12)
        land = [g.intersection(strip) for g in self.main.values() if g.intersects(strip)]
        floor = min((g.bounds[1] for g in land if not g.is_empty), default=y0)
        self.extent = (x0, min(y0, floor - ih - 0.01 * (y1 - y0)), x1, y1)

    def draw_regions(self, facecolours: dict[str, object], *, edgecolour: str = EDGE_COLOUR, linewidth: float | None = None,
                     hatch_missing: bool = True) -> None:
        """Fill each region; regions without a colour are drawn grey (no data), hatched."""
        lw = linewidth if linewidth is not None else (0.5 if len(self.main) <= 100 else 0.2)
        for ax, geoms in self._targets():
            patches, colours, missing = [], [], []
            for c, g in geoms.items():
                col = facecolours.get(c)
                if col is None:
                    missing.append(PathPatch(geometry_path(g)))
                else:
                    patches.append(PathPatch(geometry_path(g)))
                    colours.append(col)
            ax.add_collection(PatchCollection(patches, facecolors=colours, edgecolors=edgecolour, linewidths=lw,
                                              zorder=1))
            if missing:
                ax.add_collection(PatchCollection(missing, facecolors=NO_DATA_COLOUR, edgecolors=edgecolour,
                                                  linewidths=lw, hatch="////" if hatch_missing else None, zorder=1))
        outline = shapely.union_all(list(self.main.values()))
        self.ax.add_patch(PathPatch(geometry_path(outline), facecolor="none", edgecolor="#222222",
                                    linewidth=1.1, zorder=2))

    def _targets(self):
        yield self.ax, self.main
        if self.needs_inset:
            yield self._inset_axes(), {**self.main, **self.sea}

    def _inset_axes(self):
        if self.inset is None:
            box = self._inset_box()
            x0, y0, x1, y1 = self.extent
            w, h = x1 - x0, y1 - y0
            fw = 0.2
            fh = fw * (w / h) * np.ptp(box[:, 1]) / np.ptp(box[:, 0])
            ins = self.ax.inset_axes([1 - fw, 0.0, fw, fh])
            ins.set_xlim(box[:, 0].min(), box[:, 0].max())
            ins.set_ylim(box[:, 1].min(), box[:, 1].max())
            ins.set_aspect("equal")
            ins.set_xticks([])
            ins.set_yticks([])
            for sp in ins.spines.values():
                sp.set_linewidth(0.8)
            ins.text(0.5, 0.03, "南海诸岛", transform=ins.transAxes, ha="center", va="bottom", fontsize=7)
            self.inset = ins
        return self.inset

    # decorations --------------------------------------------------------------------------------
    def label_regions(self, mode: str | None = "auto", points: dict[str, tuple[float, float]] | None = None) -> None:
        """Write region names (``short``/``full``); ``auto`` labels maps of at most 60 regions."""
        n = len(self.main)
        if mode is None or mode == "none" or (mode == "auto" and n > 60):
            return
        size = 7.5 if n <= 20 else (6.5 if n <= 40 else 5.5)
        pts = points or {}
        # data units per point, to keep labels from overlapping (largest regions placed first)
        x0, y0, x1, y1 = self.extent
        fw, fh = self.fig.get_size_inches()
        per_pt = max((x1 - x0) / (MAP_BOX[2] * fw * 72), (y1 - y0) / (MAP_BOX[3] * fh * 72))
        placed: list[tuple[float, float, float, float]] = []
        for c in sorted(self.main, key=lambda c: -self.main[c].area):
            g = self.main[c]
            name = self.basemap.names.get(c, c)
            text = name if mode == "full" else short_name(name, self.basemap.level)
            if c in pts:
                x, y = self.proj.forward(np.array([pts[c][0]]), np.array([pts[c][1]]))
                x, y = float(x[0]), float(y[0])
            else:
                p = g.representative_point()
                x, y = p.x, p.y
            hw, hh = 0.5 * len(text) * size * per_pt * 1.05, 0.6 * size * per_pt
            box = (x - hw, y - hh, x + hw, y + hh)
            if any(box[0] < b[2] and b[0] < box[2] and box[1] < b[3] and b[1] < box[3] for b in placed):
                continue
            placed.append(box)
            self.ax.text(x, y, text, ha="center", va="center", fontsize=size, color="#111111", zorder=5,
                         path_effects=[patheffects.withStroke(linewidth=1.8, foreground="white")])
        self.labelled = len(placed)

    def _free_corners(self) -> list[str]:
        x0, y0, x1, y1 = self.extent
        w, h = x1 - x0, y1 - y0
        land = shapely.union_all([shapely.envelope(g) if len(self.main) > 300 else g for g in self.main.values()])
        boxes = {"upper left": (x0, y1 - 0.16 * h, x0 + 0.16 * w, y1), "upper right": (x1 - 0.16 * w, y1 - 0.16 * h, x1, y1),
                 "lower left": (x0, y0, x0 + 0.3 * w, y0 + 0.1 * h), "lower right": (x1 - 0.3 * w, y0, x1, y0 + 0.1 * h)}
        if self.needs_inset:
            boxes.pop("lower right")
        cover = {k: land.intersection(shapely.box(*b)).area / shapely.box(*b).area for k, b in boxes.items()}
        return sorted(cover, key=lambda k: (round(cover[k], 2), k))

    def decorate(self, north_arrow: bool = True, scale_bar: bool = True) -> None:
        """North arrow in the emptiest upper corner, scale bar in the emptiest lower one."""
        corners = self._free_corners()
        if north_arrow:
            up = next(c for c in corners if c.startswith("upper"))
            self._north_arrow(0.05 if up.endswith("left") else 0.95, 0.97)
        if scale_bar:
            low = next((c for c in corners if c.startswith("lower")), "lower left")
            self._scale_bar(low.endswith("left"))

    def _north_arrow(self, x: float, y: float) -> None:
        ax = self.ax
        tri = PolygonPatch([[x, y], [x - 0.014, y - 0.065], [x, y - 0.05]], closed=True, transform=ax.transAxes,
                           facecolor="#222222", edgecolor="#222222", linewidth=0.6, zorder=6)
        tri2 = PolygonPatch([[x, y], [x + 0.014, y - 0.065], [x, y - 0.05]], closed=True, transform=ax.transAxes,
                            facecolor="white", edgecolor="#222222", linewidth=0.6, zorder=6)
        ax.add_patch(tri)
        ax.add_patch(tri2)
        ax.text(x, y - 0.075, "北", transform=ax.transAxes, ha="center", va="top", fontsize=9, zorder=6)

    def _scale_bar(self, left: bool) -> None:
        x0, y0, x1, y1 = self.extent
        mid_lat = float(np.mean([self.proj_inverse_lat(y0), self.proj_inverse_lat(y1)]))
        k = self.proj.scale_along_parallel(mid_lat)
        target_km = (x1 - x0) / k / 1000 * 0.2
        nice = [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000]
        km = max([v for v in nice if v <= target_km] or [1])
        length = km * 1000 * k
        bx = x0 + 0.04 * (x1 - x0) if left else x1 - 0.04 * (x1 - x0) - length
        by = y0 + 0.035 * (y1 - y0)
        hgt = 0.008 * (y1 - y0)
        for i in range(4):
            seg = length / 4
            self.ax.add_patch(PolygonPatch([[bx + i * seg, by], [bx + (i + 1) * seg, by], [bx + (i + 1) * seg, by + hgt],
                                            [bx + i * seg, by + hgt]], closed=True, facecolor="#222222" if i % 2 == 0
                                           else "white", edgecolor="#222222", linewidth=0.6, zorder=6))
        for frac, val in ((0, 0), (0.5, km / 2), (1, km)):
            self.ax.text(bx + frac * length, by + 1.6 * hgt, f"{val:g}", ha="center", va="bottom", fontsize=6.5, zorder=6)
        self.ax.text(bx + length + 0.03 * (x1 - x0), by, "千米", ha="left", va="bottom", fontsize=6.5, zorder=6)

    def proj_inverse_lat(self, y: float) -> float:
        """Approximate latitude of a projected northing (scale-bar use only)."""
        lats = np.linspace(-10, 60, 701)
        _, ys = self.proj.forward(np.full_like(lats, self.proj.lon0), lats)
        return float(np.interp(y, ys, lats))

    def _footer(self, note: str | None, source: str | None, boundary_note: bool) -> None:
        parts = []
        if source:
            parts.append(f"数据来源：{source}。" if not source.endswith("。") else f"数据来源：{source}")
        if note:
            parts.append(note)
        if boundary_note:
            parts.append(BOUNDARY_NOTE)
        if parts:
            text = "\n".join(textwrap.wrap(" ".join(parts), 70))
            self.fig.text(0.03, 0.015, text, ha="left", va="bottom", fontsize=7, color="#333333")

    def legend(self, handles: list, title: str, **kw) -> None:
        """The legend in the right-hand column."""
        opts = {"frameon": False, "fontsize": 8, "title_fontsize": 8.5, "handlelength": 1.6, "handleheight": 1.1,
                "alignment": "left"}
        leg = self.fig.legend(handles=handles, title=title, loc="lower left", bbox_to_anchor=LEGEND_ANCHOR,
                              **{**opts, **kw})
        leg._legend_box.align = "left"
