"""Why an identifier was rejected, as a value: parsers return it, public wrappers raise it."""

from __future__ import annotations

import datetime as _dt
from typing import NamedTuple

from zhichan.errors import InvalidIdentifierError

__all__ = ["Problem", "raise_problem", "MAX_YEAR"]

# Filing years up to next year are plausible (clock skew, data entered in late December);
# computed once because importers call the parsers on millions of rows.
MAX_YEAR = _dt.date.today().year + 1


class Problem(NamedTuple):
    """A rejection: kebab-case ``code`` and a Chinese-first ``message``."""

    code: str
    message: str
    expected: str | None = None
    fix: str | None = None


def raise_problem(problem: Problem, value: object, where: str | None = None) -> None:
    """Raise ``problem`` as an :class:`InvalidIdentifierError` carrying ``reason_code``."""
    exc = InvalidIdentifierError(
        problem.message,
        where=where,
        expected=problem.expected,
        found=repr(value),
        fix=problem.fix,
    )
    exc.reason_code = problem.code  # type: ignore[attr-defined]
    raise exc
