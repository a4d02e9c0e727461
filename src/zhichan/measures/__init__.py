"""Measures: what is computed from the store (validity timeline; indicators to follow).

Public API:
- ``validity_table(db, at, semantics=…, name=…)``: a temporary table ``right_id, valid, reason,
  term_end`` for every right at a date, computed in one SQL statement
- ``is_valid(db, right_id, at, semantics=…)``: the same rule for one right (spot checks)
- ``SEMANTICS``: ``"legal"`` (events effective by the date, hindsight) and ``"known"`` (events
  announced by the date)
"""

from __future__ import annotations

from zhichan.measures._validity import SEMANTICS, is_valid, validity_table

__all__ = ["SEMANTICS", "is_valid", "validity_table"]
