"""Interactive HTML maps with Apache ECharts, shipped in ``static/`` and inlined: no CDN, opens
offline. The page shows the same classes, colours, title and note as the static map."""

from __future__ import annotations

import html
import json
import math
from functools import cache
from importlib import resources

import numpy as np
import shapely
from shapely.geometry import mapping

from zhichan.spatial._labels import short_name
from zhichan.spatial._projection import split_south_china_sea

__all__ = ["ECHARTS_VERSION", "echarts_js", "map_html"]

ECHARTS_VERSION = "6.1.0"

_PAGE = """<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="generator" content="zhichan; Apache ECharts {version}">
<title>{title}</title>
<style>
 html, body {{ margin: 0; height: 100%; font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei",
   "PingFang SC", sans-serif; background: #fff; }}
 #map {{ width: 100%; height: calc(100% - 3.2em); }}
 #note {{ font-size: 12px; color: #444; padding: 0.3em 1em; }}
</style>
<script>
{echarts}
</script>
</head>
<body>
<div id="map"></div>
<div id="note">{note}</div>
<script>
const spec = {spec};
echarts.registerMap("zhichan", spec.geojson);
const chart = echarts.init(document.getElementById("map"), null, {{ renderer: "canvas" }});
const fmt = v => (v === null || v === undefined || Number.isNaN(v)) ? "无数据" :
  Number(v).toLocaleString("zh-CN", {{ maximumFractionDigits: 2 }});
chart.setOption({{
  title: {{ text: spec.title, left: "center", top: 8, textStyle: {{ fontSize: 18 }} }},
  tooltip: {{ trigger: "item", formatter: p => {{
    const r = spec.rows[p.name]; if (!r) return p.name;
    return r.name + "（" + p.name + "）<br>" + r.label + "：" + fmt(r.value) + (spec.unit ? " " + spec.unit : "")
      + (r.cls ? "<br>" + r.cls : "");
  }} }},
  visualMap: {{ type: "piecewise", left: 16, bottom: 24, text: null, itemGap: 6, textStyle: {{ fontSize: 12 }},
    pieces: spec.pieces, dimension: 0, seriesIndex: 0, outOfRange: {{ color: "#d9d9d9" }} }},
  graphic: [{{ type: "text", left: 16, bottom: 34 + 22 * spec.pieces.length,
    style: {{ text: spec.legend_title, fontSize: 12, fontWeight: "bold" }} }}],
  series: [{{ type: "map", map: "zhichan", nameProperty: "code", roam: true, aspectScale: spec.aspect,
    boundingCoords: spec.bounds, selectedMode: false,
    itemStyle: {{ areaColor: "#d9d9d9", borderColor: "#5a5a5a", borderWidth: 0.6 }},
    emphasis: {{ itemStyle: {{ areaColor: "#ffe08a" }}, label: {{ show: true }} }},
    label: {{ show: spec.labels, fontSize: 10, formatter: p => (spec.rows[p.name] || {{}}).short || "" }},
    data: spec.data }}]
}});
window.addEventListener("resize", () => chart.resize());
</script>
</body>
</html>
"""


@cache
def echarts_js() -> str:
    """The shipped ``echarts.min.js`` (full build)."""
    return resources.files("zhichan.spatial").joinpath("static", "echarts.min.js").read_text("utf-8")


def _round(geom: shapely.Geometry) -> dict:
    return mapping(shapely.set_precision(geom, 1e-4))


def _num(v: float) -> float | None:
    return None if v is None or (isinstance(v, float) and math.isnan(v)) else float(v)


def map_html(spec) -> str:
    """The HTML page of a map (``MapSpec``), self-contained."""
    bm = spec.basemap
    index = {colour: i for i, (_, colour) in enumerate(spec.legend)}
    feats, rows, data = [], {}, []
    bounds = []
    for c in bm.codes:
        g = bm.geoms[c]
        feats.append({"type": "Feature", "properties": {"code": c, "name": bm.names.get(c, c)}, "geometry": _round(g)})
        main, _ = split_south_china_sea(g)
        bounds.append((main or g).bounds)
        colour = spec.colours.get(c)
        cls = spec.extra.get("class_labels", {}).get(c, "")
        rows[c] = {"name": bm.names.get(c, c), "short": short_name(bm.names.get(c, c), bm.level),
                   "value": _num(spec.values.get(c)), "label": spec.extra.get("value_label", "数值"), "cls": cls}
        if colour is not None and colour in index:
            data.append({"name": c, "value": index[colour]})
    b = np.array(bounds)
    minx, miny, maxx, maxy = b[:, 0].min(), b[:, 1].min(), b[:, 2].max(), b[:, 3].max()
    pieces = [{"value": i, "label": lab, "color": col} for i, (lab, col) in enumerate(spec.legend)
              if not lab.startswith("无数据")]
    payload = {
        "title": spec.title, "unit": spec.unit, "legend_title": spec.legend_title.replace("\n", " · "),
        "geojson": {"type": "FeatureCollection", "features": feats}, "rows": rows, "data": data,
        "pieces": pieces, "labels": len(bm.codes) <= 60, "aspect": round(math.cos(math.radians((miny + maxy) / 2)), 4),
        "bounds": [[minx, maxy], [maxx, miny]],
    }
    note_parts = [p for p in (f"数据来源：{spec.source}" if spec.source else None, spec.note,
                              "行政区划边界为简化示意，不作为划界依据。") if p]
    blob = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
    return _PAGE.format(version=ECHARTS_VERSION, title=html.escape(spec.title), echarts=echarts_js(),
                        note=html.escape(" ".join(note_parts)), spec=blob)
