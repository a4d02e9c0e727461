"""The profile registry: YAML files read into ``Profile`` models, checked by small rules that
report file and line, and matched against a file's headers."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from zhichan._registry import lookup, read_documents, registry_files
from zhichan.ids import to_halfwidth
from zhichan.ingest._profile_model import Profile, header_key

# The fields each record kind cannot do without (the builders rely on them).
KIND_REQUIREMENTS: dict[str, tuple[str, ...]] = {
    "patent": ("application_no",),
    "patent_event": ("application_no", "event_date"),
    "patent_transaction": ("application_no", "transaction_type"),
    "trademark": ("registration_no",),
    "gi": ("name",),
    "copyright": ("registration_no",),
    "software_copyright": ("registration_no",),
    "plant_variety": ("application_no",),
    "market_entity": ("name",),
    "stat_long": ("region", "period", "metric", "value"),
    "stat_wide": ("region",),
    "official_list": ("name",),
}


@dataclass(frozen=True)
class ProfileProblem:
    """A rule broken by a profile definition, with where it is."""

    file: str
    line: int
    profile: str | None
    rule: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: [{self.rule}] {self.profile or ''} {self.message}"


@dataclass(frozen=True)
class ProfileMatch:
    """How well a profile fits a header row: score in 0..1 and header index → field."""

    profile: Profile
    score: float
    columns: dict[int, str]
    missing_required: tuple[str, ...]


class ProfileRegistry:
    """Profiles by id, plus the problems found while loading them."""

    def __init__(self, profiles: dict[str, Profile], problems: list[ProfileProblem]) -> None:
        self.profiles = profiles
        self.problems = problems

    def get(self, profile_id: str) -> Profile:
        return lookup(self.profiles, profile_id, "未知的导入模板 unknown import profile",
                      "用 zhichan import --list-profiles 查看可用模板 (list the profiles)")

    def match(self, headers: list[str], profile: Profile) -> ProfileMatch:
        lookup = _synonym_index(profile)
        columns: dict[int, str] = {}
        for i, h in enumerate(headers):
            field = lookup.get(header_key(h or ""))
            if field and field not in columns.values():  # the first duplicate column wins
                columns[i] = field
        found = set(columns.values())
        missing = tuple(f for f in profile.required_fields if f not in found)
        filled = [h for h in headers if (h or "").strip()]
        coverage = len(columns) / max(len(filled), 1)
        required = 1 - len(missing) / max(len(profile.required_fields), 1)
        keys = {header_key(h or "") for h in headers}
        marker = any(header_key(m) in keys for m in profile.markers)
        score = 0.55 * required + 0.35 * coverage + (0.10 if marker else 0.0)
        return ProfileMatch(profile, round(score, 4), columns, missing)

    def fits(self, match: ProfileMatch, rows: list[list[str | None]], share: float = 0.8) -> bool:
        """Whether the sampled rows' values meet the profile's ``expect`` patterns."""
        for idx, field in match.columns.items():
            pattern = match.profile.fields[field].expect
            if not pattern:
                continue
            values = [_fold(r[idx]) for r in rows if idx < len(r) and r[idx] and str(r[idx]).strip()]
            if values:
                rx = _compiled(pattern)
                if sum(1 for v in values if rx.fullmatch(v)) < share * len(values):
                    return False
        return True

    def detect(self, headers: list[str]) -> list[ProfileMatch]:
        """Every profile ranked by fit, best first."""
        ranked = [self.match(headers, p) for p in self.profiles.values()]
        return sorted(ranked, key=lambda m: (-m.score, m.profile.id))

    def header_score(self, cells: list[str | None]) -> float:
        """How header-like a row is: the best fraction of its cells any profile recognises."""
        texts = [c for c in cells if c and str(c).strip()]
        if len(texts) < 2:
            return 0.0
        keys = [header_key(str(c)) for c in texts]
        best = 0
        for p in self.profiles.values():
            lookup = _synonym_index(p)
            best = max(best, sum(1 for k in keys if k in lookup))
        return best / len(texts) + best / 100  # ties go to the row recognising more columns


@lru_cache(maxsize=256)
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


def _fold(value) -> str:
    return to_halfwidth(str(value)).strip()


@lru_cache(maxsize=None)
def _synonym_index_cached(profile_id: str, key: tuple) -> dict[str, str]:
    fields = dict(key)
    return {header_key(s): f for f, syns in fields.items() for s in syns}


def _synonym_index(profile: Profile) -> dict[str, str]:
    key = tuple((f, tuple(spec.synonyms)) for f, spec in profile.fields.items())
    return _synonym_index_cached(profile.id, key)


def load_profiles(folder: Path | None = None) -> ProfileRegistry:
    """Read every ``*.yaml`` profile in a folder (default: the packaged ones) and check it."""
    files = registry_files("zhichan.ingest", "profiles", folder)
    profiles: dict[str, Profile] = {}
    problems: list[ProfileProblem] = []
    for name, lines, prof in read_documents(files, Profile, ProfileProblem, problems):
        if prof.extends:
            base = profiles.get(prof.extends)
            if base is None:
                problems.append(ProfileProblem(name, lines.get(("extends",), 1), prof.id, "extends-known",
                                               f"base profile {prof.extends!r} not found (bases load first: name them _*.yaml)"))
                continue
            prof = _inherit(prof, base)
        for rule in DEFAULT_RULES:
            problems.extend(rule(prof, name, lines, profiles))
        profiles.setdefault(prof.id, prof)
    return ProfileRegistry({k: p for k, p in profiles.items() if not p.abstract}, problems)


def _inherit(child: Profile, base: Profile) -> Profile:
    fields = {k: v.model_copy() for k, v in base.fields.items()}
    for k, spec in child.fields.items():
        if k in fields:
            merged = list(dict.fromkeys([*spec.synonyms, *fields[k].synonyms]))
            fields[k] = spec.model_copy(update={"synonyms": merged})
        else:
            fields[k] = spec
    return child.model_copy(update={
        "fields": fields,
        "constants": {**base.constants, **child.constants},
        "record_kind": child.record_kind,
    })


# -- rules: each returns the problems it finds ---------------------------------------------------

def rule_unique_id(prof, name, lines, seen):
    if prof.id in seen:
        yield ProfileProblem(name, lines.get(("id",), 1), prof.id, "unique-id", "profile id used twice")


def rule_synonyms_unambiguous(prof, name, lines, seen):
    owner: dict[str, str] = {}
    for field, spec in prof.fields.items():
        for i, s in enumerate(spec.synonyms):
            k = header_key(s)
            if k in owner and owner[k] != field:
                yield ProfileProblem(name, lines.get(("fields", field, "synonyms", str(i)), 1), prof.id,
                                     "synonyms-unambiguous", f"header {s!r} maps to both {owner[k]} and {field}")
            owner.setdefault(k, field)


def rule_kind_requirements(prof, name, lines, seen):
    if prof.abstract:
        return
    for need in KIND_REQUIREMENTS[prof.record_kind]:
        if need not in prof.fields and need not in prof.constants:
            yield ProfileProblem(name, lines.get(("record_kind",), 1), prof.id, "kind-requirements",
                                 f"a {prof.record_kind} profile needs the field {need}")


def rule_markers_are_synonyms(prof, name, lines, seen):
    known = {header_key(s) for spec in prof.fields.values() for s in spec.synonyms}
    for i, m in enumerate(prof.markers):
        if header_key(m) not in known:
            yield ProfileProblem(name, lines.get(("markers", str(i)), 1), prof.id, "markers-are-synonyms",
                                 f"marker {m!r} is not a synonym of any field")


def rule_expect_compiles(prof, name, lines, seen):
    for field, spec in prof.fields.items():
        if spec.expect:
            try:
                re.compile(spec.expect)
            except re.error as exc:
                yield ProfileProblem(name, lines.get(("fields", field, "expect"), 1), prof.id, "expect-compiles",
                                     f"{field}.expect is not a valid regular expression: {exc}")


DEFAULT_RULES = (rule_expect_compiles, rule_unique_id, rule_synonyms_unambiguous, rule_kind_requirements, rule_markers_are_synonyms)


@lru_cache(maxsize=1)
def default_registry() -> ProfileRegistry:
    """The packaged profiles (loaded once)."""
    return load_profiles()
