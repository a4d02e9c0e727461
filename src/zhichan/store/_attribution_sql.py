"""SQL placing rights in regions over time (DOMAIN.md §1, "Attribution").

A right's holder is its first-named owner (or, by rule, its first applicant) — a series of dated
spans, since transfers change owners — and the holder's region is the region of its address at
the time, another series of spans (``party_address``). Intersecting the two gives, for every
right, the periods in which it belongs to a region: ``right_id, party_id, region_code, domestic,
span_from, span_to`` (half-open; ``-infinity``/``infinity`` for open ends).
"""

from __future__ import annotations

from zhichan.errors import InternalError

ATTRIBUTION_RULES = ("first_owner_address", "applicant_address", "cnipa_2021_split")

# Hong Kong, Macao and Taiwan carry GB/T 2260 codes but are not "domestic" in CNIPA's tables.
_NOT_MAINLAND = "left({col}, 2) IN ('71', '81', '82')"

# Patents granted before this day are placed by the patentee, later ones by the applicant
# (CNIPA monthly tables, DOMAIN.md §1).
CNIPA_SPLIT_DAY = "DATE '2021-01-01'"


def _role_spans(role: str, only_without: str | None = None, only: str = "") -> str:
    # The first-named party of a role, with its own dated spans (owners change by transfer;
    # applicants are as filed, so always).
    keep = "" if only_without is None else f"AND right_id NOT IN (SELECT right_id FROM {only_without})"
    keep += only
    open_from = "valid_from" if role == "owner" else "DATE '-infinity'"
    # The owner on day D is the one recorded latest on or before D: spans end at the next owner's
    # start even where an export left the earlier one open.
    open_to = ("least(coalesce(valid_to, DATE 'infinity'), coalesce(lead(valid_from) OVER "
               "(PARTITION BY right_id ORDER BY valid_from), DATE 'infinity'))" if role == "owner"
               else "DATE 'infinity'")
    return f"""SELECT right_id, party_id,
           CASE WHEN {open_from} <= DATE '1900-01-01' THEN DATE '-infinity' ELSE {open_from} END AS h_from,
           {open_to} AS h_to
    FROM right_party WHERE role = '{role}' AND seq = 1 {keep}"""


def holder_spans_sql(rule: str, only: str | None = None) -> str:
    """One SELECT: the region of each right's holder over time under an attribution rule; with
    ``only`` (a SELECT of right_ids), for those rights alone."""
    if rule not in ATTRIBUTION_RULES:
        raise InternalError(f"unknown attribution rule {rule!r}; callers validate it")
    keep = "" if only is None else f" AND right_id IN ({only})"
    if rule == "first_owner_address":
        holders = f"""owners AS (SELECT DISTINCT right_id FROM right_party WHERE role = 'owner' AND seq = 1{keep}),
holders AS (
    {_role_spans("owner", only=keep)}
    UNION ALL
    -- a right with no recorded owner (not granted yet, or an export without one): its applicant
    {_role_spans("applicant", only_without="owners", only=keep)}
)"""
    elif rule == "applicant_address":
        holders = f"""holders AS (
    {_role_spans("applicant", only=keep)}
)"""
    else:
        holders = f"""early AS (SELECT right_id FROM ip_right WHERE grant_date < {CNIPA_SPLIT_DAY}),
owners AS (SELECT DISTINCT right_id FROM right_party WHERE role = 'owner' AND seq = 1
           AND right_id IN (SELECT right_id FROM early){keep}),
holders AS (
    SELECT * FROM ({_role_spans("owner", only=keep)}) WHERE right_id IN (SELECT right_id FROM early)
    UNION ALL
    SELECT * FROM ({_role_spans("applicant", only_without="owners", only=keep)})
)"""
    return f"""
WITH {holders},
addr AS (
    -- The address on day D is the one recorded latest on or before D (sources disagree on
    -- end dates: a register's address may stay open while a later export records a move); the
    -- first known address stands for the time before it too.
    SELECT party_id, region_code,
           CASE WHEN row_number() OVER w = 1 THEN DATE '-infinity' ELSE valid_from END AS a_from,
           coalesce(lead(valid_from) OVER w, DATE 'infinity') AS a_to
    FROM party_address
    WINDOW w AS (PARTITION BY party_id ORDER BY valid_from)
    UNION ALL
    SELECT party_id, region_code, DATE '-infinity', DATE 'infinity' FROM party
    WHERE party_id NOT IN (SELECT party_id FROM party_address)
)
SELECT h.right_id, h.party_id, a.region_code,
       -- NULL: not known (no address the resolver could place, no flag from the export)
       CASE WHEN coalesce({_NOT_MAINLAND.format(col="a.region_code")}, false) THEN false
            ELSE coalesce(p.is_domestic, CASE WHEN a.region_code IS NOT NULL THEN true END) END AS domestic,
       greatest(h.h_from, a.a_from) AS span_from, least(h.h_to, a.a_to) AS span_to
FROM holders h
JOIN addr a USING (party_id)
LEFT JOIN party p USING (party_id)
WHERE greatest(h.h_from, a.a_from) < least(h.h_to, a.a_to)
"""


def region_rollup_sql() -> str:
    """One SELECT ``code, ancestor``: every 6-digit code with itself, its ancestors (latest vintage)
    and the custom groups (``region_group``) that hold it or an ancestor."""
    return """
WITH RECURSIVE latest AS (
    SELECT code, parent_code FROM region WHERE length(code) = 6 AND code <> '000000'
    QUALIFY row_number() OVER (PARTITION BY code ORDER BY vintage DESC) = 1
),
up(code, ancestor) AS (
    SELECT code, code FROM latest
    UNION ALL
    SELECT u.code, l.parent_code FROM up u JOIN latest l ON l.code = u.ancestor
    WHERE l.parent_code IS NOT NULL AND l.parent_code <> u.ancestor
)
SELECT DISTINCT code, ancestor FROM up
UNION
SELECT DISTINCT u.code, g.group_id FROM up u JOIN region_group g ON g.code = u.ancestor
"""


def region_levels_sql() -> str:
    """One SELECT ``region, name, level, parent, valid_from, valid_to`` (years): codes (latest
    vintage) and custom groups."""
    return """
SELECT code AS region, name, level, parent_code AS parent, valid_from, valid_to FROM region
WHERE length(code) = 6
QUALIFY row_number() OVER (PARTITION BY code ORDER BY vintage DESC) = 1
UNION ALL
SELECT DISTINCT group_id, group_name, 'group', NULL, NULL::INTEGER, NULL::INTEGER FROM region_group
"""
