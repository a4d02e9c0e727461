"""Packaged, read-only reference data: divisions, boundaries, classifications, concordances.

Public API:
- ``code_prefix(code)``: the leading digits of the codes inside a region
- ``regions``: the division catalogue (``get``, ``children``, ``path``, ``current_code`` …);
  ``Region``, ``RegionChange`` are its records
- boundaries: ``boundary_codes``, ``geometry``, ``feature_collection``, ``centroid``, ``centroids``
- classifications: ``nice_class``, ``nice_classes``, ``tech_field``, ``tech_fields``,
  ``sei_industries``, ``sei_of``, ``normalise_ipc``, and the loaders ``classification_rows``,
  ``concordance_rows`` used to fill the store
- statistics: ``province_statistic``, ``statistics_rows`` (published provincial figures)
"""

from zhichan.reference._boundaries import (
    boundary_codes,
    centroid,
    centroids,
    feature_collection,
    geometry,
)
from zhichan.reference._classifications import (
    NiceClass,
    SeiIndustry,
    TechField,
    classification_rows,
    concordance_rows,
    nice_class,
    nice_classes,
    sei_industries,
    sei_of,
    tech_field,
    tech_fields,
)
from zhichan.reference._ipc import IpcCode, normalise_ipc
from zhichan.reference._regions import Region, RegionCatalogue, RegionChange, code_prefix, regions
from zhichan.reference._statistics import StatisticRow, province_statistic, statistics_rows

__all__ = [
    "IpcCode",
    "NiceClass",
    "Region",
    "RegionCatalogue",
    "RegionChange",
    "SeiIndustry",
    "StatisticRow",
    "TechField",
    "boundary_codes",
    "centroid",
    "centroids",
    "classification_rows",
    "code_prefix",
    "concordance_rows",
    "feature_collection",
    "geometry",
    "nice_class",
    "nice_classes",
    "normalise_ipc",
    "province_statistic",
    "regions",
    "sei_industries",
    "sei_of",
    "statistics_rows",
    "tech_field",
    "tech_fields",
]
