"""SQL of the validity timeline: is each right valid at a date D (DOMAIN.md §2)?

One set-based statement over all rights; ``zhichan.measures`` runs it. Parameters: ``$at`` (the
date D) and, when built with ``one_right=True``, ``$right_id``.

Dates: ``term_end`` is the first day a right is no longer in force by its term (an exclusive
end). For patents this is the anniversary of the filing date — the CNIPA examination guidelines
(Part V, ch. 9, 2.2.1.1) give "filed 1999-09-06 → term ends, patent terminates on 2019-09-06".
A trademark's stored ``expiry_date`` is its last valid day, so its ``term_end`` is the day after.
"""

from __future__ import annotations

from zhichan.errors import InternalError

SEMANTICS = ("legal", "known")

# CNIPA codes win over the stored kind: the code is what the office published.
_CODE_KIND = {
    "CF01": "lapse",
    "RR01": "restoration",
    "AV01": "abandonment",
    "IW01": "invalidation",
    "IP01": "partial_invalidation",
    "CX01": "expiry",
    "GR01": "grant",
}

_REASON = {
    "lapse": "lapsed",
    "abandonment": "abandoned",
    "invalidation": "invalidated",
    "expiry": "expired",
    "cancellation": "cancelled",
}

# From when an event counts at D. "known": from its publication. "legal" (hindsight): from its
# effect; a full invalidation and a restoration act retroactively: they always count.
_COUNTS_FROM = {
    "known": "published_on",
    "legal": "CASE WHEN k IN ('invalidation', 'restoration') THEN DATE '-infinity'"
             " ELSE ends_on END",
}

_LAPSE_COUNTS_FROM = {"known": "published_on", "legal": "ends_on"}

# Whether the restoration following a lapse has undone it by D.
_RESTORED_BY = {
    "known": "next_published <= $at",
    "legal": "true",
}


def validity_sql(semantics: str = "legal", *, one_right: bool = False) -> str:
    """One SELECT giving ``right_id, valid, reason, term_end`` for every right at ``$at``."""
    if semantics not in SEMANTICS:
        raise InternalError(f"unknown validity semantics {semantics!r}; callers validate it")
    reason = " ".join(f"WHEN '{k}' THEN '{r}'" for k, r in _REASON.items())
    where = "WHERE right_id = $right_id" if one_right else ""
    return f"""
WITH {_timeline_ctes(where)},
undone AS (
    SELECT event_id, right_id, published_on, ends_on FROM paired
    WHERE k = 'lapse' AND next_k = 'restoration' AND {_RESTORED_BY[semantics]}
),
counted AS (
    SELECT t.right_id, t.k, t.ends_on, {_COUNTS_FROM[semantics]} AS counts_from
    FROM timed t
    WHERE t.k <> 'restoration'
      AND t.event_id NOT IN (SELECT event_id FROM undone)
),
ended AS (
    SELECT right_id, arg_min(CASE k {reason} END, ends_on) AS end_reason,
           min(ends_on) AS ended_on
    FROM counted WHERE counts_from <= $at AND ends_on <= $at
    GROUP BY right_id
),
restored AS (
    SELECT DISTINCT right_id FROM undone
    WHERE {_LAPSE_COUNTS_FROM[semantics]} <= $at
)
SELECT s.right_id,
       coalesce(s.starts_on <= $at AND (s.term_end IS NULL OR $at < s.term_end)
                AND e.end_reason IS NULL, false) AS valid,
       CASE WHEN s.starts_on IS NULL OR s.starts_on > $at THEN 'not_granted'
            WHEN e.end_reason IS NOT NULL AND (s.term_end IS NULL OR e.ended_on < s.term_end)
                THEN e.end_reason
            WHEN s.term_end <= $at THEN 'expired'
            WHEN x.right_id IS NOT NULL THEN 'restored'
            ELSE 'in_force' END AS reason,
       s.term_end
FROM span s
LEFT JOIN ended e USING (right_id)
LEFT JOIN restored x USING (right_id)
"""


def validity_spans_sql(semantics: str = "legal") -> str:
    """One SELECT giving ``right_id, valid_from, valid_to`` (half-open, ``valid_to`` NULL = open)
    and the right's ``kind, office, pct, madrid`` (so that counts need no join back to ip_right):
    the periods in which each right is valid, so that ``validity_sql`` at any date D is true exactly
    when one span holds D. Lets a stock be counted at many dates without a row per date."""
    if semantics not in SEMANTICS:
        raise InternalError(f"unknown validity semantics {semantics!r}; callers validate it")
    # A stop is a period in which an event ends validity: from when it counts and has taken effect
    # until, for a lapse a restoration undoes, the restoration (known: its publication; legal:
    # always undone, so never a stop).
    # legal: an event counts once in effect (an invalidation's effect is -infinity); known: once
    # published, too.
    if semantics == "legal":
        stop_from = "t.ends_on"
        stop_to, skip = "NULL::DATE", "AND NOT (t.k = 'lapse' AND p.next_k IS NOT DISTINCT FROM 'restoration')"
    else:
        stop_from = "greatest(t.published_on, t.ends_on)"
        stop_to, skip = "CASE WHEN t.k = 'lapse' AND p.next_k = 'restoration' THEN p.next_published END", ""
    return f"""
WITH {_timeline_ctes("")},
stops AS (
    SELECT t.right_id, {stop_from} AS stop_from, {stop_to} AS stop_to
    FROM timed t LEFT JOIN paired p USING (event_id)
    WHERE t.k <> 'restoration' {skip}
),
live AS (
    SELECT s.right_id, s.kind, s.office, s.pct, s.madrid, s.starts_on, s.term_end FROM span s
    WHERE s.starts_on IS NOT NULL AND (s.term_end IS NULL OR s.starts_on < s.term_end)
),
stopped AS (SELECT DISTINCT right_id FROM stops),
bounds AS (
    SELECT right_id, starts_on AS p FROM live WHERE right_id IN (SELECT right_id FROM stopped)
    UNION
    SELECT l.right_id, b.p FROM live l
    JOIN (SELECT right_id, stop_from AS p FROM stops UNION ALL
          SELECT right_id, stop_to FROM stops WHERE stop_to IS NOT NULL) b USING (right_id)
    WHERE b.p > l.starts_on AND (l.term_end IS NULL OR b.p < l.term_end)
),
segs AS (
    SELECT b.right_id, l.kind, l.office, l.pct, l.madrid, b.p AS seg_from,
           coalesce(lead(b.p) OVER (PARTITION BY b.right_id ORDER BY b.p), l.term_end) AS seg_to
    FROM bounds b JOIN live l USING (right_id)
)
SELECT right_id, starts_on AS valid_from, term_end AS valid_to, kind, office, pct, madrid FROM live
WHERE right_id NOT IN (SELECT right_id FROM stopped)
UNION ALL
SELECT g.right_id, g.seg_from, g.seg_to, g.kind, g.office, g.pct, g.madrid FROM segs g
WHERE NOT EXISTS (SELECT 1 FROM stops x WHERE x.right_id = g.right_id AND x.stop_from <= g.seg_from
                  AND (x.stop_to IS NULL OR g.seg_from < x.stop_to))
"""


def _timeline_ctes(where: str) -> str:
    """The CTEs both statements share: rights, their events, ending events with the day each
    takes effect, lapse/restoration pairs, and each right's span by grant and term."""
    code_kind = " ".join(f"WHEN '{c}' THEN '{k}'" for c, k in _CODE_KIND.items())
    ending = ", ".join(f"'{k}'" for k in _REASON)
    return f"""r AS (
    SELECT right_id, kind, office, pct, madrid, application_date, grant_date, expiry_date, term_extension_days,
           CASE WHEN kind IN ('invention', 'utility_model', 'design') THEN 'patent'
                WHEN kind = 'trademark' THEN 'trademark' ELSE 'other' END AS family,
           -- PCT national phase: the term runs from the international filing date
           coalesce(international_filing_date, application_date) AS base
    FROM ip_right {where}
),
ev AS (
    SELECT e.event_id, e.right_id, e.announced_on, e.effective_on,
           coalesce(e.announced_on, e.effective_on) AS published_on,
           CASE e.code {code_kind} ELSE e.kind END AS k,
           r.base
    FROM legal_event e JOIN r USING (right_id)
),
granted AS (
    SELECT right_id, min(published_on) AS granted_on FROM ev WHERE k = 'grant' GROUP BY right_id
),
timed AS (
    SELECT event_id, right_id, k, published_on,
           CASE
               -- void from the start
               WHEN k = 'invalidation' THEN DATE '-infinity'
               -- retroactive to the fee due date: the last filing anniversary on or before the
               -- announcement, when the effective date is not given
               WHEN k = 'lapse' THEN coalesce(effective_on, CASE
                   WHEN base IS NULL OR announced_on IS NULL THEN announced_on
                   WHEN CAST(base + to_years(date_diff('year', base, announced_on)) AS DATE)
                        <= announced_on
                       THEN CAST(base + to_years(date_diff('year', base, announced_on)) AS DATE)
                   ELSE CAST(base + to_years(date_diff('year', base, announced_on) - 1) AS DATE)
               END)
               ELSE coalesce(effective_on, announced_on)
           END AS ends_on
    FROM ev
    WHERE k IN ({ending}, 'restoration')
),
paired AS (
    -- a restoration undoes the lapse right before it; same-day ties put the lapse first
    SELECT *, lead(k) OVER w AS next_k, lead(published_on) OVER w AS next_published
    FROM timed
    WHERE k IN ('lapse', 'restoration')
    WINDOW w AS (PARTITION BY right_id ORDER BY published_on, k = 'restoration', event_id)
),
span AS (
    SELECT r.right_id, r.kind, r.office, r.pct, r.madrid,
           CASE WHEN r.family = 'other'
                    THEN coalesce(r.grant_date, g.granted_on, r.application_date)
                ELSE coalesce(r.grant_date, g.granted_on) END AS starts_on,
           CASE r.family
               WHEN 'patent' THEN CAST(r.base + to_years(CASE
                   WHEN r.kind = 'invention' THEN 20
                   WHEN r.kind = 'utility_model' THEN 10
                   WHEN r.base >= DATE '2021-06-01' THEN 15
                   ELSE 10 END) AS DATE) + r.term_extension_days
               WHEN 'trademark' THEN coalesce(r.expiry_date + 1,
                                              CAST(r.grant_date + to_years(10) AS DATE))
           END AS term_end
    FROM r LEFT JOIN granted g USING (right_id)
)"""
