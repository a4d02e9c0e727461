"""Parties from a batch's name mentions: matched (USCC first, else name + region) or created,
with their address history. Works on the temp tables the ingest layer stages:

- ``stg_mention(right_id, row_no, role, seq, raw_name, address, postcode, hint, filed_on)``
- ``stg_name(raw_name, display, name_norm, kind)``
- ``stg_region(address, postcode, hint, region_code, confidence, domestic)``
"""

from __future__ import annotations

from zhichan.store._database import Database
from zhichan.store._staging import REGION_KEY

# Parties are resolved once per distinct mention key (name + address, postcode, hint, USCC), not
# once per mention: a million patents name a few hundred thousand such keys, and the inventors'
# millions of mentions share a few thousand names. ``stg_key`` holds each key with its earliest and
# latest date; ``stg_key_party`` adds the party. A key without a region takes the only region its
# name is known in (this batch or the store), so a co-applicant listed without an address joins the
# party its name already has; an ambiguous or unknown name stays region-less.
_KEYS = """
CREATE OR REPLACE TEMP TABLE stg_key AS
SELECT raw_name, address, postcode, hint, uscc, min(filed_on) AS first_filed, max(filed_on) AS last_filed,
       min(row_no) AS first_row, min(CASE role WHEN 'applicant' THEN 0 WHEN 'owner' THEN 1 ELSE 2 END) AS role_rank,
       {mkey} AS mkey
FROM stg_mention GROUP BY ALL
"""

# A mention finds its key by one 64-bit hash of the five key columns instead of a five-column
# join (several times cheaper over millions of mentions); exact as long as no two keys of the
# batch share a hash, which write_parties checks, falling back to the column join if they do.
_KEY_COLUMNS = ("raw_name", "address", "postcode", "hint", "uscc")
_MKEY = f"hash({', '.join(_KEY_COLUMNS)})"

_KEY_PARTY = """
CREATE OR REPLACE TEMP TABLE stg_key_party AS
WITH m AS (
    SELECT k.*, n.display, n.name_norm, n.kind, r.region_code, r.confidence, r.domestic
    FROM stg_key k
    JOIN stg_name n USING (raw_name)
    LEFT JOIN stg_region r ON k.address IS NOT NULL AND r.rkey = {region_key}
    WHERE n.name_norm <> ''
),
by_uscc AS (
    SELECT name_norm, min(party_id) AS pid FROM party WHERE uscc IS NOT NULL
    GROUP BY name_norm HAVING count(*) = 1
),
known AS (
    SELECT name_norm, region_code FROM party WHERE region_code IS NOT NULL
    UNION SELECT name_norm, region_code FROM m WHERE region_code IS NOT NULL
),
single AS (
    SELECT name_norm, min(region_code) AS rc FROM known GROUP BY name_norm
    HAVING count(DISTINCT region_code) = 1
)
SELECT m.*,
       -- which key's name and address a party takes: the latest filing; on one date the earliest
       -- row, applicant before owner
       struct_pack(f := m.last_filed, r := -m.first_row, k := -m.role_rank) AS latest,
       CASE WHEN m.uscc IS NOT NULL THEN 'U:' || m.uscc
            WHEN u.pid IS NOT NULL THEN u.pid
            WHEN m.region_code IS NOT NULL THEN 'N:' || m.name_norm || '@' || m.region_code
            WHEN s.rc IS NOT NULL THEN 'N:' || m.name_norm || '@' || s.rc
            ELSE 'N:' || m.name_norm || '@' END AS party_id,
       coalesce(m.region_code, s.rc) AS party_region
FROM m LEFT JOIN by_uscc u USING (name_norm) LEFT JOIN single s USING (name_norm)
"""

# an integer per party of the batch: grouping millions of role rows on it is cheaper than on party_id
_PARTY_NO = """
CREATE OR REPLACE TEMP TABLE stg_key_party AS
SELECT *, dense_rank() OVER (ORDER BY party_id) AS party_no FROM stg_key_party
"""

# One row per mention with its party (a view: each use joins the mentions it needs).
_MENTION_PARTY = """
CREATE OR REPLACE TEMP VIEW stg_mention_party AS
SELECT s.*, k.display, k.name_norm, k.kind, k.region_code, k.confidence, k.domestic, k.party_id, k.party_region,
       k.party_no
FROM stg_mention s JOIN stg_key_party k ON {on}
"""
_ON_HASH = f"k.mkey = hash({', '.join('s.' + c for c in _KEY_COLUMNS)})"
_ON_COLUMNS = "k.raw_name = s.raw_name AND " + " AND ".join(
    f"k.{c} IS NOT DISTINCT FROM s.{c}" for c in _KEY_COLUMNS[1:])

_UPSERT_PARTY = """
INSERT INTO party (party_id, name, name_norm, kind, uscc, address, region_code, region_confidence, is_domestic,
                   batch_id)
SELECT party_id, coalesce(arg_max(display, latest) FILTER (WHERE last_filed IS NOT NULL), max(display)),
       arg_max(name_norm, latest), arg_max(kind, latest), max(uscc),
       coalesce(arg_max(address, latest) FILTER (WHERE address IS NOT NULL AND last_filed IS NOT NULL), max(address)),
       arg_max(party_region, latest) FILTER (WHERE party_region IS NOT NULL),
       max(confidence) FILTER (WHERE region_code IS NOT NULL),
       bool_or(domestic) FILTER (WHERE region_code IS NOT NULL OR domestic IS NOT NULL),
       $batch
FROM stg_key_party GROUP BY party_id
ON CONFLICT (party_id) DO UPDATE SET
    name = excluded.name,
    address = coalesce(excluded.address, party.address),
    region_confidence = coalesce(excluded.region_confidence, party.region_confidence),
    is_domestic = coalesce(excluded.is_domestic, party.is_domestic)
"""

# Address history: a party's first address runs from its earliest filing in the batch; a later
# export with a different address closes the open interval at the export date (as_of).
# Addresses compare without a leading postcode and without spaces: "402360 重庆市…" = "重庆市…".
_ADDRESS_MACRO = """
CREATE OR REPLACE TEMP MACRO zc_addr(a) AS
    regexp_replace(regexp_replace(a, '^[\\[(（【]?[0-9]{6}[\\])）】]?', ''), '\\s+', '', 'g')
"""

_ADDRESS_HISTORY = """
CREATE OR REPLACE TEMP TABLE stg_party_address AS
SELECT party_id, coalesce(arg_max(address, latest) FILTER (WHERE last_filed IS NOT NULL), max(address)) AS address,
       arg_max(party_region, latest) FILTER (WHERE party_region IS NOT NULL) AS region_code,
       min(first_filed) AS first_seen
FROM stg_key_party WHERE address IS NOT NULL GROUP BY party_id;
UPDATE party_address SET valid_to = $as_of
FROM stg_party_address s
WHERE party_address.party_id = s.party_id AND party_address.valid_to IS NULL
  AND zc_addr(party_address.address) <> zc_addr(s.address) AND party_address.valid_from < $as_of;

INSERT INTO party_address (party_id, address, region_code, valid_from, batch_id)
SELECT s.party_id, s.address, s.region_code,
       CASE WHEN EXISTS (SELECT 1 FROM party_address p WHERE p.party_id = s.party_id)
            THEN $as_of ELSE coalesce(s.first_seen, $as_of) END,
       $batch
FROM stg_party_address s
WHERE NOT EXISTS (SELECT 1 FROM party_address p WHERE p.party_id = s.party_id AND p.valid_to IS NULL
                  AND zc_addr(p.address) = zc_addr(s.address))
  AND NOT EXISTS (SELECT 1 FROM party_address p WHERE p.party_id = s.party_id AND p.valid_to IS NULL
                  AND p.valid_from >= $as_of)
ON CONFLICT DO NOTHING;
"""


def stage_mention_keys(db: Database) -> int:
    """``stg_key``: the distinct mention keys of ``stg_mention`` (names and addresses to resolve
    are read from it, not from the mentions)."""
    db.execute(_KEYS.replace("{mkey}", _MKEY))
    return db.scalar("SELECT count(*) FROM stg_key")


def write_parties(db: Database, batch_id: str, as_of: str) -> int:
    """Resolve mentions to parties (by ``stg_key``, see ``stage_mention_keys``), upsert them and
    their addresses; returns the mention keys."""
    db.execute(_KEY_PARTY.replace("{region_key}", REGION_KEY.format(t="k")))
    db.execute(_PARTY_NO)
    unique_hash = db.scalar("SELECT count(DISTINCT mkey) = count(*) FROM stg_key")
    db.execute(_MENTION_PARTY.replace("{on}", _ON_HASH if unique_hash else _ON_COLUMNS))
    db.execute(_ADDRESS_MACRO)
    db.execute(_UPSERT_PARTY, {"batch": batch_id})
    db.execute_script(_ADDRESS_HISTORY, {"batch": batch_id, "as_of": as_of})
    return db.scalar("SELECT count(*) FROM stg_key_party")


def write_roles(db: Database, batch_id: str, as_of: str,
                roles: tuple[str, ...] = ("applicant", "inventor", "agent", "agency"), *, replace: bool = True,
                unique: bool = False) -> None:
    """Roles fixed at filing (applicants, inventors, patent agents, agency) are replaced for the batch's rights;
    dated roles from registrations (pledgee, licensee) are added; owners are kept as dated
    intervals (see write_owners)."""
    # one row per right (``unique``): its row number is the cheaper key to group on; one statement
    # per role, as a role filter reaches into the mention view's branches and a list of them does not
    key = "row_no, party_no" if unique else "right_id, party_no"
    grouped = (f"SELECT any_value(right_id) AS right_id, any_value(party_id) AS party_id, $role AS role, "
               f"min(seq) AS seq, coalesce(min(filed_on), DATE '1900-01-01') AS vf, $batch AS batch_id "
               f"FROM stg_mention_party WHERE role = $role GROUP BY {key}")
    for role in roles:
        params = {"role": role, "batch": batch_id}
        if replace:
            if db.scalar("SELECT count(*) FROM (SELECT 1 FROM right_party WHERE role = $role LIMIT 1)", {"role": role}):
                db.execute("DELETE FROM right_party WHERE role = $role AND right_id IN "
                           "(SELECT DISTINCT right_id FROM stg_mention_party WHERE role = $role)", {"role": role})
            # the batch's rights hold no rows of this role any more: nothing to compare against
            db.execute(f"INSERT INTO right_party (right_id, party_id, role, seq, valid_from, batch_id) {grouped}",
                       params)
            continue
        db.execute(
            f"INSERT INTO right_party (right_id, party_id, role, seq, valid_from, batch_id) SELECT * FROM ({grouped}) m "
            "WHERE NOT EXISTS (SELECT 1 FROM right_party r WHERE r.right_id = m.right_id AND r.party_id = m.party_id "
            "AND r.role = m.role AND r.valid_from = m.vf)",
            params,
        )


_OWNERS = """
CREATE OR REPLACE TEMP TABLE stg_owner_sets AS
WITH o AS (SELECT * FROM stg_mention_party WHERE role IN ('owner', 'new_owner') {only}),
latest AS (SELECT right_id, max(filed_on) FILTER (WHERE role = 'new_owner') AS changed_on FROM o GROUP BY right_id)
SELECT o.right_id, list(DISTINCT o.party_id ORDER BY o.party_id) AS owners, min(o.filed_on) AS filed_on,
       coalesce(any_value(l.changed_on), $as_of) AS change_date
FROM o JOIN latest l USING (right_id)
WHERE l.changed_on IS NULL OR (o.role = 'new_owner' AND o.filed_on = l.changed_on)
GROUP BY o.right_id;

CREATE OR REPLACE TEMP TABLE stg_owner_open AS
SELECT right_id, list(DISTINCT party_id ORDER BY party_id) AS owners, max(valid_from) AS since
FROM right_party WHERE role = 'owner' AND valid_to IS NULL
  AND right_id IN (SELECT right_id FROM stg_owner_sets) GROUP BY right_id;

CREATE OR REPLACE TEMP TABLE stg_owner_change AS
SELECT n.right_id, n.owners, o.right_id IS NULL AS first_seen,
       CASE WHEN o.right_id IS NULL THEN coalesce(n.filed_on, n.change_date) ELSE n.change_date END AS valid_from,
       n.change_date
FROM stg_owner_sets n LEFT JOIN stg_owner_open o USING (right_id)
WHERE o.right_id IS NULL OR (o.owners <> n.owners AND o.since < n.change_date);

UPDATE right_party SET valid_to = c.change_date
FROM stg_owner_change c
WHERE right_party.right_id = c.right_id AND right_party.role = 'owner' AND right_party.valid_to IS NULL
  AND NOT c.first_seen;

INSERT INTO right_party (right_id, party_id, role, seq, valid_from, batch_id)
SELECT c.right_id, p.party_id, 'owner', min(p.seq), any_value(c.valid_from), $batch
FROM stg_owner_change c
JOIN stg_mention_party p ON p.right_id = c.right_id AND list_contains(c.owners, p.party_id)
 AND p.role IN ('owner', 'new_owner')
GROUP BY c.right_id, p.party_id;
"""


# Rights of a one-row-per-right batch that hold no open owner interval yet: their owners are the
# owner mentions as they stand, from the row's date (which all of a row's owner mentions share).
_FIRST_OWNERS = """
CREATE OR REPLACE TEMP TABLE stg_owner_known AS
SELECT DISTINCT right_id FROM right_party WHERE role = 'owner' AND valid_to IS NULL
  AND right_id IN (SELECT right_id FROM stg_right);

INSERT INTO right_party (right_id, party_id, role, seq, valid_from, batch_id)
SELECT any_value(right_id), any_value(party_id), 'owner', min(seq), coalesce(min(filed_on), $as_of), $batch
FROM stg_mention_party WHERE role = 'owner' AND right_id NOT IN (SELECT right_id FROM stg_owner_known)
GROUP BY row_no, party_no;
"""


def write_owners(db: Database, batch_id: str, as_of: str, *, unique: bool = False) -> int:
    """Owners as dated intervals: unchanged sets stay, a changed set closes the open interval at
    the change date (a transfer's registration date, else the export date ``as_of``) and opens a
    new one; an older export never overrides a newer one. ``unique``: one staged row per right and
    no transfers (patents, trademarks), so rights seen for the first time skip the comparison."""
    only = ""
    if unique:
        db.execute_script(_FIRST_OWNERS, {"batch": batch_id, "as_of": as_of})
        if not db.scalar("SELECT count(*) FROM stg_owner_known"):
            return 0
        only = "AND right_id IN (SELECT right_id FROM stg_owner_known)"
    db.execute_script(_OWNERS.replace("{only}", only), {"batch": batch_id, "as_of": as_of})
    return db.scalar("SELECT count(*) FROM stg_owner_change WHERE NOT first_seen")


_MERGE = """
CREATE OR REPLACE TEMP TABLE stg_merge AS
WITH u AS (
    SELECT name_norm, min(party_id) AS pid, min(region_code) AS rc FROM party WHERE uscc IS NOT NULL
    GROUP BY name_norm HAVING count(*) = 1
)
SELECT p.party_id AS old_id, u.pid AS new_id
FROM party p JOIN u USING (name_norm)
WHERE p.uscc IS NULL AND p.party_id LIKE 'N:%'
  AND (p.region_code IS NULL OR u.rc IS NULL OR left(p.region_code, 2) = left(u.rc, 2));

DELETE FROM right_party r USING stg_merge m
WHERE r.party_id = m.old_id AND EXISTS (
    SELECT 1 FROM right_party x WHERE x.party_id = m.new_id AND x.right_id = r.right_id
      AND x.role = r.role AND x.valid_from = r.valid_from);

UPDATE right_party SET party_id = m.new_id FROM stg_merge m WHERE right_party.party_id = m.old_id;

DELETE FROM party_address a USING stg_merge m WHERE a.party_id = m.old_id AND EXISTS (
    SELECT 1 FROM party_address x WHERE x.party_id = m.new_id AND x.valid_from = a.valid_from);

UPDATE party_address SET party_id = m.new_id FROM stg_merge m WHERE party_address.party_id = m.old_id;

-- the folded party's addresses and the registered party's own (e.g. from the market-entity
-- register) now form one history: each address ends where the next one starts
UPDATE party_address SET valid_to = n.next_from
FROM (SELECT party_id, valid_from, lead(valid_from) OVER (PARTITION BY party_id ORDER BY valid_from) AS next_from
      FROM party_address WHERE party_id IN (SELECT new_id FROM stg_merge)) n
WHERE party_address.party_id = n.party_id AND party_address.valid_from = n.valid_from
  AND n.next_from IS NOT NULL AND (party_address.valid_to IS NULL OR party_address.valid_to > n.next_from);

DELETE FROM party WHERE party_id IN (SELECT old_id FROM stg_merge);
"""


def merge_into_uscc_parties(db: Database) -> int:
    """Fold name-only parties into the party registered with a USCC under the same name (same
    province, or no region known), so that rights filed before the register was imported join."""
    first, rest = _MERGE.split(";\n", 1)
    db.execute(first)
    merged = db.scalar("SELECT count(*) FROM stg_merge")
    if merged:
        db.execute_script(rest)
    return merged


def write_entities(db: Database, batch_id: str) -> int:
    """Market-entity attributes for the parties of a register import."""
    db.execute(
        "INSERT OR REPLACE INTO market_entity (party_id, uscc, entity_type, category, status, is_active, "
        "established, industry_code, registered_capital, authority, batch_id) "
        "SELECT p.party_id, e.uscc, e.entity_type, e.category, e.status, e.is_active, e.established, "
        "e.industry_code, e.registered_capital, e.authority, $batch "
        "FROM stg_entity e JOIN stg_mention_party p ON p.row_no = e.row_no AND p.role = 'entity'",
        {"batch": batch_id},
    )
    db.execute(
        "UPDATE party SET industry_code = e.industry_code FROM stg_entity e JOIN stg_mention_party p "
        "ON p.row_no = e.row_no AND p.role = 'entity' WHERE party.party_id = p.party_id AND e.industry_code IS NOT NULL"
    )
    db.execute(
        "INSERT INTO record_source (table_name, record_id, batch_id, row_no) "
        "SELECT DISTINCT 'party', party_id, $batch, row_no FROM stg_mention_party WHERE role = 'entity'",
        {"batch": batch_id},
    )
    return db.scalar("SELECT count(*) FROM stg_entity")
