"""Evaluation: normalisation, weights, aggregation, coupling coordination, obstacles,
specialisation and concentration, and the composite index engine with its uncertainty analysis.

Every result records the convention it was computed under (``convention_`` on estimators,
``.convention`` on scalar measures, ``attrs["convention"]`` on tables).

Public API:
- normalisation: ``normalise(data, method, directions, **options)``, ``min_max``, ``z_score``,
  ``rank_score``, ``distance_to_target``, ``vector_norm``
- weights: ``equal_weights``, ``manual_weights``, ``entropy_weights`` / ``EntropyWeights``,
  ``critic_weights`` / ``CriticWeights``, ``pca_weights`` / ``PCAWeights``, ``ahp_weights`` /
  ``AHP`` with the RI tables ``RI_SAATY`` and ``RI_CN``
- aggregation: ``weighted_arithmetic``, ``weighted_geometric``, ``topsis`` / ``Topsis``
- ``coupling_coordination`` / ``CouplingCoordination`` (standard and 王淑佳等 2021 models),
  ``GRADE_BANDS``, ``grade``; ``obstacle_degree`` / ``ObstacleDegree``
- ``location_quotient``, ``revealed_technological_advantage``, ``herfindahl``, ``gini``, ``theil``,
  ``ellison_glaeser``, ``Measure``
- composite indices: ``load_framework``, ``check_framework``, ``Framework``, ``FrameworkProblem``,
  ``CompositeIndex``, ``UncertaintyAnalysis``, ``performance_groups``, ``treat_outliers``,
  ``impute``, ``denominate``, ``transform`` (fixed log transforms); min-max with fixed, capped
  goalposts (UNDP style) via ``normalise_options``
- regional layout: ``LayoutAnalysis(region, level=…, year=…, window=3, fields="tech_field"|"sei",
  rules=None).fit(db)`` (filings by unit × field, shares, RTA, growth, and ``catalogue_``, the
  guidance catalogue by rules held as data), ``load_catalogue_rules``, ``CatalogueRules``
  (the XLSX: ``zhichan.report.write_catalogue_workbook``)
- ``ip_intensive_industries(patents, employment, density_ratio=1, scale_ratio=1)``: IP-intensive
  industries by invention-patent density and scale against the reference level
- the real-data example: ``province_matrix(year)`` (31 provinces × the yearbook framework's
  indicators), ``province_example(year)``, ``province_example_markdown(year)``, ``framework_path(name)``
  for the packaged frameworks (province_yearbook, regional_ip)
"""

from __future__ import annotations

from zhichan.evaluate._aggregate import Topsis, topsis, weighted_arithmetic, weighted_geometric
from zhichan.evaluate._ahp import AHP, RI_CN, RI_SAATY, ahp_weights
from zhichan.evaluate._composite import CompositeIndex, performance_groups
from zhichan.evaluate._concentration import (
    Measure,
    ellison_glaeser,
    gini,
    herfindahl,
    location_quotient,
    revealed_technological_advantage,
    theil,
)
from zhichan.evaluate._coupling import (
    GRADE_BANDS,
    CouplingCoordination,
    ObstacleDegree,
    coupling_coordination,
    grade,
    obstacle_degree,
)
from zhichan.evaluate._framework import Framework, FrameworkProblem, check_framework, load_framework
from zhichan.evaluate._intensive import ip_intensive_industries
from zhichan.evaluate._layout import CatalogueRules, LayoutAnalysis, load_catalogue_rules
from zhichan.evaluate._normalise import (
    distance_to_target,
    min_max,
    normalise,
    rank_score,
    vector_norm,
    z_score,
)
from zhichan.evaluate._province_example import (
    ProvinceExample,
    province_example,
    province_example_markdown,
)
from zhichan.evaluate._treatment import denominate, impute, transform, treat_outliers
from zhichan.evaluate._uncertainty import UncertaintyAnalysis
from zhichan.evaluate._weights import (
    CriticWeights,
    EntropyWeights,
    PCAWeights,
    critic_weights,
    entropy_weights,
    equal_weights,
    manual_weights,
    pca_weights,
)
from zhichan.evaluate._yearbook import framework_path, province_matrix

__all__ = [
    "AHP",
    "ProvinceExample",
    "CatalogueRules",
    "LayoutAnalysis",
    "ip_intensive_industries",
    "load_catalogue_rules",
    "framework_path",
    "province_example",
    "province_example_markdown",
    "province_matrix",
    "GRADE_BANDS",
    "RI_CN",
    "RI_SAATY",
    "CompositeIndex",
    "CouplingCoordination",
    "CriticWeights",
    "EntropyWeights",
    "Framework",
    "FrameworkProblem",
    "Measure",
    "ObstacleDegree",
    "PCAWeights",
    "Topsis",
    "UncertaintyAnalysis",
    "ahp_weights",
    "check_framework",
    "coupling_coordination",
    "critic_weights",
    "denominate",
    "distance_to_target",
    "ellison_glaeser",
    "entropy_weights",
    "equal_weights",
    "gini",
    "grade",
    "herfindahl",
    "impute",
    "load_framework",
    "location_quotient",
    "manual_weights",
    "min_max",
    "normalise",
    "obstacle_degree",
    "pca_weights",
    "performance_groups",
    "rank_score",
    "revealed_technological_advantage",
    "theil",
    "topsis",
    "transform",
    "treat_outliers",
    "vector_norm",
    "weighted_arithmetic",
    "weighted_geometric",
    "z_score",
]
