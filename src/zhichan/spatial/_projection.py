"""Albers equal-area conic projection (spherical) for maps, weights and scale bars.

China-wide maps use the customary parameters (central meridian 105°E, standard parallels 25°N
and 47°N); a regional map centres the cone on its own extent. Equal area keeps the visual
weight of a region proportional to its size, which a choropleth needs.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import shapely

__all__ = ["SOUTH_CHINA_SEA", "Albers", "albers_for", "split_south_china_sea"]

EARTH_RADIUS_M = 6_371_008.8
# lon/lat box of the South China Sea islands shown in the customary inset (南海诸岛)
SOUTH_CHINA_SEA = (105.5, 3.0, 123.0, 17.6)


@dataclass(frozen=True)
class Albers:
    """Spherical Albers: ``lon0`` central meridian, ``lat1``/``lat2`` standard parallels (degrees)."""

    lon0: float = 105.0
    lat1: float = 25.0
    lat2: float = 47.0
    lat0: float = 0.0

    def _consts(self) -> tuple[float, float, float]:
        p1, p2, p0 = np.radians([self.lat1, self.lat2, self.lat0])
        n = (np.sin(p1) + np.sin(p2)) / 2 if abs(self.lat1 - self.lat2) > 1e-9 else np.sin(p1)
        c = np.cos(p1) ** 2 + 2 * n * np.sin(p1)
        rho0 = EARTH_RADIUS_M * np.sqrt(c - 2 * n * np.sin(p0)) / n
        return n, c, rho0

    def forward(self, lon: np.ndarray, lat: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Metres east and north of (lon0, lat0)."""
        n, c, rho0 = self._consts()
        rho = EARTH_RADIUS_M * np.sqrt(c - 2 * n * np.sin(np.radians(lat))) / n
        theta = n * np.radians(np.asarray(lon) - self.lon0)
        return rho * np.sin(theta), rho0 - rho * np.cos(theta)

    def scale_along_parallel(self, lat: float) -> float:
        """Map distance / true distance along a parallel at ``lat`` (1 at the standard parallels)."""
        n, c, _ = self._consts()
        rho = EARTH_RADIUS_M * np.sqrt(c - 2 * n * np.sin(np.radians(lat))) / n
        return float(n * rho / (EARTH_RADIUS_M * np.cos(np.radians(lat))))

    def geometry(self, geom: shapely.Geometry) -> shapely.Geometry:
        """The geometry in projected metres."""
        def fn(xy: np.ndarray) -> np.ndarray:
            x, y = self.forward(xy[:, 0], xy[:, 1])
            return np.column_stack([x, y])

        return shapely.transform(geom, fn)

    def points(self, lonlat: np.ndarray) -> np.ndarray:
        """An ``(n, 2)`` array of lon/lat → projected metres."""
        arr = np.asarray(lonlat, dtype=float).reshape(-1, 2)
        x, y = self.forward(arr[:, 0], arr[:, 1])
        return np.column_stack([x, y])


def albers_for(bounds: tuple[float, float, float, float], national: bool = False) -> Albers:
    """A projection for a lon/lat extent ``(minx, miny, maxx, maxy)``."""
    if national:
        return Albers()
    minx, miny, maxx, maxy = bounds
    span = max(maxy - miny, 0.5)
    mid = (miny + maxy) / 2
    return Albers(lon0=round((minx + maxx) / 2, 2), lat1=mid - span / 3, lat2=mid + span / 3, lat0=0.0)


def split_south_china_sea(geom: shapely.Geometry) -> tuple[shapely.Geometry | None, shapely.Geometry | None]:
    """``(main, islands)``: polygon parts inside the South China Sea box go to ``islands``."""
    minx, miny, maxx, maxy = SOUTH_CHINA_SEA
    parts = list(getattr(geom, "geoms", [geom]))
    main, sea = [], []
    for p in parts:
        c = p.representative_point()
        (sea if (minx <= c.x <= maxx and miny <= c.y <= maxy) else main).append(p)
    return _multi(main), _multi(sea)


def _multi(parts: list) -> shapely.Geometry | None:
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else shapely.MultiPolygon(parts)
