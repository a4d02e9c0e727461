"""Maps and spatial statistics.

Public API:
- ``choropleth(values, level=…, region=…, scheme=…, k=…, cmap=…, note=…)`` → matplotlib Figure;
  ``save_map(fig, "map.png" | ".svg" | ".pdf" | ".html")`` (HTML: interactive ECharts, offline)
- ``bivariate_choropleth(x, y, …)`` (3×3 classes), ``point_map``, ``flow_map``, ``category_map``;
  ``rights_flows(db, years=(y0, y1), level=…, region=…)``: transfers and licences between regions
- ``spatial_weights(basemap, method="queen"|"rook"|"knn", k=4, islands="nearest"|"keep"|"drop")``
- statistics (estimator contract, results end in ``_``): ``Moran`` (global Moran's I),
  ``LocalMoran`` (LISA clusters HH/LL/HL/LH), ``HotSpots`` (Getis-Ord Gi*); shortcuts ``moran``,
  ``lisa``, ``hotspots``; maps ``lisa_map``, ``hotspot_map``
- ``load_basemap(level, region, boundaries=…)``: the polygons (packaged or a user file);
  ``as_map_values``, ``indicator_values(db, indicator, region=, level=, period=)``
- ``classify``, ``SCHEMES``, ``CMAPS``: class breaks and colour schemes
- ``cjk_font()``, ``missing_glyphs(text)``: the CJK font maps use
- ``write_demo_maps(db_or_frame, out_dir, region=…, note=…)``: the demo's maps
"""

from zhichan.spatial._autocorrelation import Moran, SpatialStatistic, moran
from zhichan.spatial._basemap import Basemap, default_level, load_basemap
from zhichan.spatial._bivariate import BIVARIATE_COLOURS, bivariate_choropleth
from zhichan.spatial._choropleth import MapSpec, choropleth
from zhichan.spatial._classify import CMAPS, SCHEMES, Classes, classify
from zhichan.spatial._demo_maps import DEMO_MAPS, write_demo_maps
from zhichan.spatial._flows import rights_flows
from zhichan.spatial._fonts import CjkFont, cjk_font, missing_glyphs
from zhichan.spatial._layers import flow_map, point_map
from zhichan.spatial._local import (
           CLUSTER_LABELS,
           HOTSPOT_LABELS,
           HotSpots,
           LocalMoran,
           hotspots,
           lisa,
)
from zhichan.spatial._save import MAP_FORMATS, save_map
from zhichan.spatial._stat_maps import category_map, hotspot_map, lisa_map
from zhichan.spatial._values import MapValues, as_map_values, indicator_values
from zhichan.spatial._weights import SpatialWeights, spatial_weights

__all__ = [
    "rights_flows","BIVARIATE_COLOURS", "CLUSTER_LABELS", "CMAPS", "DEMO_MAPS", "HOTSPOT_LABELS", "MAP_FORMATS", "SCHEMES", "Basemap", "CjkFont", "Classes",
           "HotSpots", "LocalMoran", "MapSpec", "MapValues", "Moran", "SpatialStatistic", "SpatialWeights",
           "as_map_values", "bivariate_choropleth", "category_map", "choropleth", "cjk_font", "classify", "default_level", "flow_map", "hotspot_map",
           "hotspots", "indicator_values", "lisa", "lisa_map", "load_basemap", "missing_glyphs", "moran", "point_map",
           "save_map", "spatial_weights", "write_demo_maps"]
