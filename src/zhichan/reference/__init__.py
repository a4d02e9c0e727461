"""Packaged, read-only reference data: divisions, boundaries, classifications, concordances.

Public API:
- ``regions``: the division catalogue (``get``, ``children``, ``path``, ``current_code`` …)
- ``Region``, ``RegionChange``: its records
"""

from zhichan.reference._regions import Region, RegionCatalogue, RegionChange, regions

__all__ = ["Region", "RegionCatalogue", "RegionChange", "regions"]
