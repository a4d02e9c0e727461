"""The docstring examples of zhichan.plans run as written."""

from __future__ import annotations

import doctest

import zhichan.plans._progress as progress


def test_plan_progress_example_runs():
    result = doctest.testmod(progress, optionflags=doctest.NORMALIZE_WHITESPACE)
    assert result.attempted > 0 and result.failed == 0
