"""Ingest: from exports, registers and yearbooks to the canonical store.

Public API:
- region resolver: ``resolve_address``, ``resolve_many`` → ``ResolvedRegion`` / ``ResolvedBatch``
- name normaliser: ``normalise_name``, ``name_key``, ``party_kind``, ``split_applicants``,
  ``NormalisedName``
- import issues: ``Issue``, ``IssueType``, ``ISSUE_TYPES``
- profiles: ``Profile``, ``load_profiles``, ``default_registry``
- importing: ``import_file``, ``import_files`` → ``ImportReport``; ``write_import_report`` (XLSX)
"""

from zhichan.ingest._importer import import_file, import_files
from zhichan.ingest._issues import ISSUE_TYPES, Issue, IssueType
from zhichan.ingest._names import (
    NormalisedName,
    name_key,
    normalise_name,
    party_kind,
    split_applicants,
)
from zhichan.ingest._profile_model import Profile
from zhichan.ingest._profile_registry import default_registry, load_profiles
from zhichan.ingest._report import ImportReport
from zhichan.ingest._report import write_xlsx as write_import_report
from zhichan.ingest._resolver import ResolvedBatch, ResolvedRegion, resolve_address, resolve_many

__all__ = [
    "ISSUE_TYPES",
    "ImportReport",
    "import_file",
    "import_files",
    "write_import_report",
    "Issue",
    "IssueType",
    "NormalisedName",
    "Profile",
    "ResolvedBatch",
    "ResolvedRegion",
    "default_registry",
    "load_profiles",
    "name_key",
    "normalise_name",
    "party_kind",
    "resolve_address",
    "resolve_many",
    "split_applicants",
]
