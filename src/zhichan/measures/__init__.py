"""Measures: what is computed from the store (validity timeline, indicator registry).

Public API:
- ``validity_table(db, at, semantics=…, name=…)``: a temporary table ``right_id, valid, reason,
  term_end`` for every right at a date, computed in one SQL statement
- ``is_valid(db, right_id, at, semantics=…)``: the same rule for one right (spot checks)
- ``SEMANTICS``: ``"legal"`` (events effective by the date, hindsight) and ``"known"`` (events
  announced by the date)
- ``Indicator``: one indicator definition (numerator, denominator, attribution, snapshot, example)
- ``load_indicators(folder=None)`` → ``IndicatorRegistry`` (indicators by id, aliases, and the
  ``problems`` the rules found); ``default_indicators()``: the packaged ones, loaded once
"""

from __future__ import annotations

from zhichan.measures._indicator_model import Indicator
from zhichan.measures._indicator_registry import (
           IndicatorRegistry,
           default_indicators,
           load_indicators,
)
from zhichan.measures._validity import SEMANTICS, is_valid, validity_table

__all__ = ["SEMANTICS", "Indicator", "IndicatorRegistry", "default_indicators", "is_valid", "load_indicators",
           "validity_table"]
