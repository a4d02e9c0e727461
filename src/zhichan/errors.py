"""The whole exception hierarchy of zhichan.

``UserError`` is actionable and safe to show: it says what failed, where, what was expected,
what was found and how to fix it. ``InternalError`` is a bug in zhichan.
"""

from __future__ import annotations

__all__ = [
    "ZhichanError",
    "UserError",
    "InternalError",
    "WorkspaceError",
    "SchemaError",
    "ReferenceDataError",
    "InvalidIdentifierError",
    "ConstraintViolation",
]


class ZhichanError(Exception):
    """Base of every error zhichan raises on purpose."""

    code: str = "zhichan-error"


class UserError(ZhichanError):
    """A problem the user can fix; the message follows the what/where/expected/found/fix template."""

    code = "user-error"

    def __init__(
        self,
        what: str,
        *,
        where: str | None = None,
        expected: str | None = None,
        found: str | None = None,
        fix: str | None = None,
    ) -> None:
        self.what = what
        self.where = where
        self.expected = expected
        self.found = found
        self.fix = fix
        super().__init__(self.render())

    def render(self) -> str:
        parts = [self.what]
        if self.where:
            parts.append(f"位置 where: {self.where}")
        if self.expected:
            parts.append(f"应为 expected: {self.expected}")
        if self.found:
            parts.append(f"实为 found: {self.found}")
        if self.fix:
            parts.append(f"处理 fix: {self.fix}")
        return "\n  ".join(parts)

    def to_dict(self) -> dict[str, str | None]:
        return {
            "code": self.code,
            "what": self.what,
            "where": self.where,
            "expected": self.expected,
            "found": self.found,
            "fix": self.fix,
        }


class InternalError(ZhichanError):
    """A bug in zhichan: please report it with the message and traceback."""

    code = "internal-error"


class WorkspaceError(UserError):
    """The workspace folder is missing, not a workspace, or its config is broken."""

    code = "workspace-error"


class SchemaError(UserError):
    """The database schema is newer than this zhichan, or a migration failed."""

    code = "schema-error"


class ReferenceDataError(UserError):
    """A reference lookup failed: unknown region code, classification code and the like."""

    code = "reference-data-error"


class InvalidIdentifierError(UserError, ValueError):
    """An identifier (application number, USCC, region code …) cannot be parsed."""

    code = "invalid-identifier"


class ConstraintViolation(UserError):
    """A row broke a key or check of the canonical schema."""

    code = "constraint-violation"
