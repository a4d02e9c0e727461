"""Set-based builders for the high-volume record kinds (patents, trademarks): ``stg_parsed`` →
the staging relations ``stg_right``, ``stg_class``, ``stg_family`` and ``stg_mention``, in SQL
(as views over the rows not rejected)."""

from __future__ import annotations

from zhichan.store._database import Database
from zhichan.store._staging import drop_temp, load_staging

# a view: the rows are read a few times by the builders below, cheaper than copying them
_OK = ("CREATE OR REPLACE TEMP VIEW stg_ok AS SELECT * FROM stg_parsed "
       "WHERE row_no NOT IN (SELECT row_no FROM stg_rejected)")

_TYPE_DIGIT = "substr(application_no, CASE WHEN length(application_no) = 14 THEN 5 ELSE 3 END, 1)"

PATENT_CHECKS = f"""
INSERT INTO stg_problem
SELECT row_no, 'grant_date', grant_date::VARCHAR, 'grant-before-filing',
       json_object('grant', grant_date::VARCHAR, 'filed', application_date::VARCHAR)
FROM stg_parsed WHERE grant_date < application_date;
INSERT INTO stg_problem
SELECT row_no, 'patent_type', patent_type, 'patent-type-mismatch', json_object('stated', patent_type, 'derived', d)
FROM (SELECT row_no, patent_type, CASE {_TYPE_DIGIT} WHEN '1' THEN 'invention' WHEN '2' THEN 'utility_model'
      WHEN '3' THEN 'design' WHEN '8' THEN 'invention' WHEN '9' THEN 'utility_model' END AS d
      FROM stg_parsed WHERE application_no IS NOT NULL)
WHERE patent_type IS NOT NULL AND patent_type <> d;
INSERT INTO stg_problem
SELECT row_no, 'applicants', NULL, 'no-applicant', NULL FROM stg_parsed
WHERE application_no IS NOT NULL AND applicants IS NULL;
INSERT INTO stg_problem
SELECT row_no, 'application_date', NULL, 'no-filing-date', NULL FROM stg_parsed
WHERE application_no IS NOT NULL AND application_date IS NULL
  AND row_no NOT IN (SELECT row_no FROM stg_problem WHERE field = 'application_date')
"""

_PATENT_RIGHT = f"""
SELECT row_no, 'CN-' || application_no AS right_id,
       CASE {_TYPE_DIGIT} WHEN '1' THEN 'invention' WHEN '2' THEN 'utility_model' WHEN '3' THEN 'design'
            WHEN '8' THEN 'invention' WHEN '9' THEN 'utility_model' END AS kind,
       'CN' AS office, application_no, application_date, publication_no, grant_no, grant_date, title, abstract,
       coalesce(ipc_main, ipc[1]) AS ipc_main, claims_count, NULL::VARCHAR AS family_id,
       {_TYPE_DIGIT} IN ('8', '9') OR pct_application_no IS NOT NULL AS pct, false AS madrid, legal_status AS status,
       expected_expiry AS expiry_date, pct_application_date AS international_filing_date, national_phase_date
FROM stg_ok"""

# list_distinct over the main code and the list: one row per (right, code), as rights are unique
_PATENT_CLASS = """
SELECT 'CN-' || application_no AS right_id, 'ipc' AS scheme, code, code = coalesce(ipc_main, ipc[1]) AS is_main
FROM (SELECT application_no, ipc_main, ipc, unnest(list_distinct(list_prepend(ipc_main, coalesce(ipc, [])))) AS code
      FROM stg_ok) WHERE code IS NOT NULL"""

_PATENT_FAMILY = """
SELECT DISTINCT 'CN-' || application_no AS right_id, upper(replace(m, ' ', '')) AS member
FROM (SELECT application_no, unnest(list_concat(coalesce(family, []), coalesce(family_extended, []))) AS m
      FROM stg_ok) WHERE length(trim(m)) > 2"""

_PATENT_MENTION = """
SELECT 'CN-' || application_no AS right_id, row_no, 'applicant' AS role, i AS seq, name AS raw_name,
       CASE WHEN i = 1 THEN applicant_address END AS address, CASE WHEN i = 1 THEN postcode END AS postcode,
       CASE WHEN i = 1 THEN zc_hint(region_hint) END AS hint, application_date AS filed_on, NULL::VARCHAR AS uscc
FROM (SELECT *, unnest(applicants) AS name, generate_subscripts(applicants, 1) AS i FROM stg_ok)
UNION ALL
SELECT 'CN-' || application_no, row_no, 'inventor', i, name, NULL, NULL, NULL, application_date, NULL
FROM (SELECT *, unnest(inventors) AS name, generate_subscripts(inventors, 1) AS i FROM stg_ok)
UNION ALL
SELECT 'CN-' || application_no, row_no, 'owner', i, name,
       CASE WHEN i = 1 THEN coalesce(owner_address, CASE WHEN name = applicants[1] THEN applicant_address END) END,
       NULL, CASE WHEN i = 1 THEN zc_hint(region_hint) END, coalesce(grant_date, application_date), NULL
FROM (SELECT *, unnest(current_owners) AS name, generate_subscripts(current_owners, 1) AS i FROM stg_ok)
UNION ALL
SELECT 'CN-' || application_no, row_no, 'agency', 1, agency, NULL, NULL, NULL, application_date, NULL
FROM stg_ok WHERE agency IS NOT NULL
UNION ALL
SELECT 'CN-' || application_no, row_no, 'agent', i, name, NULL, NULL, NULL, application_date, NULL
FROM (SELECT *, unnest(agents) AS name, generate_subscripts(agents, 1) AS i FROM stg_ok)"""

# A bibliographic export's 失效日 with a status that ends the right becomes a dated event, so that
# validity does not run on to the end of the term when no legal-event file was imported.
_STATUS_EVENT_KIND = ("CASE legal_status WHEN 'expired' THEN 'expiry' WHEN 'invalidated' THEN 'invalidation' "
                      "WHEN 'abandoned' THEN 'abandonment' WHEN 'withdrawn' THEN 'withdrawal' "
                      "WHEN 'rejected' THEN 'rejection' ELSE 'lapse' END")
_PATENT_EVENT = f"""
SELECT row_no, 'STATUS-CN-' || application_no || '-' || strftime(lapse_date, '%Y%m%d') AS event_id,
       'CN-' || application_no AS right_id, NULL::VARCHAR AS code, {_STATUS_EVENT_KIND} AS kind,
       NULL::DATE AS announced_on, lapse_date AS effective_on, NULL::DECIMAL(18, 2) AS amount_cny,
       NULL::VARCHAR AS counterparty, '导出记录的失效日 lapse date in the export: ' || coalesce(legal_status, '') AS detail
FROM stg_ok
WHERE lapse_date IS NOT NULL AND coalesce(legal_status, 'lapsed') NOT IN ('valid', 'pending')"""

TRADEMARK_CHECKS = """
INSERT INTO stg_problem
SELECT row_no, 'registration_date', registration_date::VARCHAR, 'registration-before-filing',
       json_object('grant', registration_date::VARCHAR, 'filed', application_date::VARCHAR)
FROM stg_parsed WHERE registration_date < application_date
"""

_TRADEMARK_RIGHT = """
SELECT row_no, 'CN-TM-' || registration_no AS right_id, 'trademark' AS kind, 'CN' AS office,
       registration_no AS application_no, application_date, NULL::VARCHAR AS publication_no,
       CASE WHEN registration_date IS NOT NULL THEN registration_no END AS grant_no, registration_date AS grant_date,
       mark_name AS title, goods AS abstract, NULL::VARCHAR AS ipc_main, NULL::INTEGER AS claims_count,
       NULL::VARCHAR AS family_id, false AS pct, coalesce(madrid, false) AS madrid, status, expiry_date,
       NULL::DATE AS international_filing_date, NULL::DATE AS national_phase_date
FROM stg_ok"""

_TRADEMARK_CLASS = """
SELECT DISTINCT 'CN-TM-' || registration_no AS right_id, 'nice' AS scheme, c::VARCHAR AS code, i = 1 AS is_main
FROM (SELECT registration_no, unnest(nice_classes) AS c, generate_subscripts(nice_classes, 1) AS i FROM stg_ok)"""

_TRADEMARK_MENTION = """
SELECT 'CN-TM-' || registration_no AS right_id, row_no, role, i AS seq, name AS raw_name,
       CASE WHEN i = 1 THEN applicant_address END AS address, NULL::VARCHAR AS postcode, NULL::VARCHAR AS hint,
       CASE WHEN role = 'owner' THEN coalesce(registration_date, application_date) ELSE application_date END AS filed_on,
       NULL::VARCHAR AS uscc
FROM (SELECT *, unnest(applicants) AS name, generate_subscripts(applicants, 1) AS i FROM stg_ok),
     (VALUES ('applicant'), ('owner')) AS t(role)
UNION ALL
SELECT 'CN-TM-' || registration_no, row_no, 'agency', 1, agency, NULL, NULL, NULL, application_date, NULL
FROM stg_ok WHERE agency IS NOT NULL"""

_HINT = ("CREATE OR REPLACE TEMP MACRO zc_hint(s) AS CASE WHEN length(regexp_extract(s, '([0-9]{6}|[0-9]{2})', 1)) = 2 "
         "THEN regexp_extract(s, '([0-9]{6}|[0-9]{2})', 1) || '0000' "
         "ELSE nullif(regexp_extract(s, '([0-9]{6}|[0-9]{2})', 1), '') END")

# kind → (checks, {staging name: SELECT}); the staged rows are views over the parsed rows, so
# nothing is copied (long text included) until the canonical tables are written
SQL_BUILDS = {
    "patent": (PATENT_CHECKS, {"stg_right": _PATENT_RIGHT, "stg_class": _PATENT_CLASS, "stg_family": _PATENT_FAMILY,
                               "stg_mention": _PATENT_MENTION, "stg_event": _PATENT_EVENT}),
    "trademark": (TRADEMARK_CHECKS, {"stg_right": _TRADEMARK_RIGHT, "stg_class": _TRADEMARK_CLASS,
                                     "stg_mention": _TRADEMARK_MENTION}),
}


def run_checks(db: Database, kind: str) -> None:
    """Record-level checks that add problems (e.g. grant before filing) before rows are judged."""
    if kind in SQL_BUILDS:
        db.execute_script(SQL_BUILDS[kind][0])


def build_staged(db: Database, kind: str) -> int:
    """Stage the rows not rejected (``stg_rejected``) as views; returns how many rows."""
    db.execute(_HINT)
    db.execute(_OK)
    views = SQL_BUILDS[kind][1]
    for name in ("stg_right", "stg_class", "stg_family", "stg_mention", "stg_event", "stg_entity", "stg_stat",
                 "stg_recognition"):
        if name in views:
            drop_temp(db, name)
            db.execute(f"CREATE OR REPLACE TEMP VIEW {name} AS {views[name]}")
        else:
            load_staging(db, name, None)
    return db.scalar("SELECT count(*) FROM stg_ok")
