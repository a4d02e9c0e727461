"""Measures: what is computed from the store (validity timeline, indicators at region and period).

Public API:
- ``validity_table(db, at, semantics=…, name=…)``: a temporary table ``right_id, valid, reason,
  term_end`` for every right at a date, computed in one SQL statement
- ``is_valid(db, right_id, at, semantics=…)``: the same rule for one right (spot checks)
- ``SEMANTICS``: ``"legal"`` (events effective by the date, hindsight) and ``"known"`` (events
  announced by the date)
- ``Indicator``: one indicator definition (numerator, denominator, attribution, snapshot, example)
- ``load_indicators(folder=None)`` → ``IndicatorRegistry`` (indicators by id, aliases, and the
  ``problems`` the rules found); ``default_indicators()``: the packaged ones, loaded once
- ``compute_indicators(db, ids, periods=…, regions=…, level=…)`` → a DataFrame with one row per
  (indicator, region, period): value, numerator, denominator, rule used, comparisons
  (``INDICATOR_COLUMNS``)
- ``drill_down(db, indicator, region, period)`` → the records behind one figure
- ``latest_period(db)``, ``parse_periods("2019-2023")``: periods for the CLI and the web
- ``report_value(db, indicator, region, period, value, source, note=…)``: record a value reported
  by hand (survey scores and the like), with its source
- ``ATTRIBUTION_RULES``: first_owner_address, applicant_address, cnipa_2021_split
"""

from __future__ import annotations

from zhichan.measures._compute import COLUMNS as INDICATOR_COLUMNS
from zhichan.measures._compute import compute_indicators, latest_period, parse_periods
from zhichan.measures._drill import drill_down
from zhichan.measures._indicator_model import Indicator
from zhichan.measures._indicator_registry import (
           IndicatorRegistry,
           default_indicators,
           load_indicators,
)
from zhichan.measures._reported import report_value
from zhichan.measures._validity import SEMANTICS, is_valid, validity_table
from zhichan.store import ATTRIBUTION_RULES

__all__ = ["ATTRIBUTION_RULES", "INDICATOR_COLUMNS", "SEMANTICS", "Indicator", "IndicatorRegistry",
           "compute_indicators", "default_indicators", "drill_down", "is_valid", "latest_period", "load_indicators",
           "parse_periods", "report_value",
           "validity_table"]
