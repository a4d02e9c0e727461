-- zhichan canonical schema, version 1 (see docs/architecture.md, "Canonical data model").
-- Keys and checks refuse bad rows at the door. Child tables carry no FOREIGN KEY clauses:
-- DuckDB refuses UPDATEs of referenced parent rows, which would block upserts of rights and
-- parties; referential integrity is checked by store.integrity_problems() instead. The link
-- tables right_class and right_party (several rows per right: tens of millions nationally) have
-- no PRIMARY KEY either: DuckDB keeps such indexes in memory, unspillable, and a bulk import
-- would outgrow any memory limit. Their writers group before inserting, and
-- integrity_problems() checks uniqueness.

CREATE TABLE region (
    code         VARCHAR NOT NULL CHECK (regexp_full_match(code, '[0-9]{6}([0-9]{3})?')),
    vintage      INTEGER NOT NULL DEFAULT 1 CHECK (vintage >= 1),
    name         VARCHAR NOT NULL CHECK (length(trim(name)) > 0),
    level        VARCHAR NOT NULL CHECK (level IN ('country', 'province', 'prefecture', 'county', 'township')),
    parent_code  VARCHAR CHECK (parent_code IS NULL OR regexp_full_match(parent_code, '[0-9]{6}')),
    valid_from   INTEGER CHECK (valid_from IS NULL OR valid_from BETWEEN 1949 AND 2100),
    valid_to     INTEGER CHECK (valid_to IS NULL OR valid_to BETWEEN 1949 AND 2100),
    PRIMARY KEY (code, vintage),
    CHECK (valid_to IS NULL OR valid_from IS NULL OR valid_to >= valid_from),
    CHECK ((level = 'township') = (length(code) = 9))
);

CREATE TABLE region_change (
    seq       INTEGER PRIMARY KEY,
    year      INTEGER NOT NULL CHECK (year BETWEEN 1949 AND 2100),
    type      VARCHAR NOT NULL CHECK (length(type) > 0),
    old_code  VARCHAR CHECK (old_code IS NULL OR regexp_full_match(old_code, '[0-9]{6}')),
    old_name  VARCHAR,
    new_code  VARCHAR CHECK (new_code IS NULL OR regexp_full_match(new_code, '[0-9]{6}')),
    new_name  VARCHAR,
    doc_no    VARCHAR,
    detail    VARCHAR,
    CHECK (old_code IS NOT NULL OR new_code IS NOT NULL OR old_name IS NOT NULL OR new_name IS NOT NULL
           OR detail IS NOT NULL)
);

CREATE TABLE region_group (
    group_id    VARCHAR NOT NULL CHECK (regexp_full_match(group_id, '[a-z0-9_]+')),
    group_name  VARCHAR NOT NULL,
    code        VARCHAR NOT NULL CHECK (regexp_full_match(code, '[0-9]{6}')),
    PRIMARY KEY (group_id, code)
);

CREATE TABLE classification (
    scheme    VARCHAR NOT NULL CHECK (scheme IN ('ipc', 'tech_field', 'sei', 'nice', 'locarno', 'industry', 'pii')),
    code      VARCHAR NOT NULL CHECK (length(code) > 0),
    title_zh  VARCHAR,
    title_en  VARCHAR,
    parent    VARCHAR,
    PRIMARY KEY (scheme, code),
    CHECK (title_zh IS NOT NULL OR title_en IS NOT NULL)
);

CREATE TABLE concordance (
    from_scheme  VARCHAR NOT NULL,
    from_code    VARCHAR NOT NULL CHECK (length(from_code) > 0),
    to_scheme    VARCHAR NOT NULL,
    to_code      VARCHAR NOT NULL CHECK (length(to_code) > 0),
    weight       DOUBLE NOT NULL DEFAULT 1.0 CHECK (weight > 0 AND weight <= 1),
    PRIMARY KEY (from_scheme, from_code, to_scheme, to_code),
    CHECK (from_scheme <> to_scheme)
);

CREATE TABLE party (
    party_id           VARCHAR PRIMARY KEY CHECK (length(party_id) > 0),
    name               VARCHAR NOT NULL CHECK (length(trim(name)) > 0),
    name_norm          VARCHAR NOT NULL CHECK (length(name_norm) > 0),
    kind               VARCHAR NOT NULL CHECK (kind IN ('enterprise', 'university', 'institute', 'government', 'individual', 'other')),
    uscc               VARCHAR UNIQUE CHECK (uscc IS NULL OR regexp_full_match(uscc, '[0-9A-HJ-NPQRTUWXY]{18}')),
    address            VARCHAR,
    region_code        VARCHAR CHECK (region_code IS NULL OR regexp_full_match(region_code, '[0-9]{6}')),
    region_confidence  DOUBLE CHECK (region_confidence IS NULL OR region_confidence BETWEEN 0 AND 1),
    industry_code      VARCHAR,
    is_domestic        BOOLEAN,
    batch_id           VARCHAR
);

CREATE TABLE ip_right (
    right_id          VARCHAR PRIMARY KEY CHECK (length(right_id) > 0),
    kind              VARCHAR NOT NULL CHECK (kind IN ('invention', 'utility_model', 'design', 'trademark', 'gi_product',
                                                      'gi_trademark', 'gi_agricultural', 'copyright', 'software_copyright',
                                                      'plant_variety', 'ic_layout')),
    office            VARCHAR NOT NULL CHECK (regexp_full_match(office, '[A-Z]{2}')),
    application_no    VARCHAR NOT NULL CHECK (length(application_no) > 0),
    application_date  DATE,
    publication_no    VARCHAR,
    grant_no          VARCHAR,
    grant_date        DATE,
    title             VARCHAR,
    abstract          VARCHAR,
    ipc_main          VARCHAR,
    claims_count      INTEGER CHECK (claims_count IS NULL OR claims_count >= 0),
    family_id         VARCHAR,
    pct               BOOLEAN NOT NULL DEFAULT false,
    madrid            BOOLEAN NOT NULL DEFAULT false,
    status            VARCHAR,
    expiry_date       DATE,
    term_extension_days INTEGER NOT NULL DEFAULT 0 CHECK (term_extension_days >= 0),
    batch_id          VARCHAR,
    UNIQUE (office, kind, application_no),
    CHECK (grant_date IS NULL OR application_date IS NULL OR grant_date >= application_date),
    CHECK (expiry_date IS NULL OR application_date IS NULL OR expiry_date > application_date),
    CHECK (application_date IS NULL OR application_date >= DATE '1900-01-01')
);

CREATE TABLE right_class (
    right_id  VARCHAR NOT NULL,
    scheme    VARCHAR NOT NULL CHECK (scheme IN ('ipc', 'tech_field', 'sei', 'nice', 'locarno', 'industry', 'pii', 'cpc')),
    code      VARCHAR NOT NULL CHECK (length(code) > 0),
    is_main   BOOLEAN NOT NULL DEFAULT false
    -- unique (right_id, scheme, code): see the note at the top
);

CREATE TABLE right_party (
    right_id    VARCHAR NOT NULL,
    party_id    VARCHAR NOT NULL,
    role        VARCHAR NOT NULL CHECK (role IN ('applicant', 'owner', 'inventor', 'agent', 'agency', 'licensee', 'pledgee')),
    seq         INTEGER NOT NULL CHECK (seq >= 1),
    valid_from  DATE NOT NULL DEFAULT DATE '1900-01-01',
    valid_to    DATE,
    batch_id    VARCHAR,
    -- unique (right_id, party_id, role, valid_from): see the note at the top
    CHECK (valid_to IS NULL OR valid_to > valid_from)
);

CREATE TABLE legal_event (
    event_id      VARCHAR PRIMARY KEY,
    right_id      VARCHAR NOT NULL,
    code          VARCHAR,
    kind          VARCHAR NOT NULL CHECK (kind IN ('grant', 'lapse', 'expiry', 'invalidation', 'partial_invalidation',
                                                   'abandonment', 'restoration', 'transfer', 'licence', 'licence_end',
                                                   'licence_change', 'pledge', 'pledge_end', 'pledge_change',
                                                   'owner_change', 'address_change', 'preservation',
                                                   'preservation_end', 'award', 'rejection', 'withdrawal',
                                                   'renewal', 'cancellation', 'other')),
    announced_on  DATE,
    effective_on  DATE,
    amount_cny    DECIMAL(18, 2) CHECK (amount_cny IS NULL OR amount_cny >= 0),
    counterparty  VARCHAR,
    detail        VARCHAR,
    batch_id      VARCHAR,
    CHECK (announced_on IS NOT NULL OR effective_on IS NOT NULL),
    CHECK (kind NOT IN ('pledge', 'licence') OR counterparty IS NULL OR length(counterparty) > 0)
);

CREATE TABLE recognition (
    list_id     VARCHAR NOT NULL CHECK (regexp_full_match(list_id, '[a-z0-9_]+')),
    subject_id  VARCHAR NOT NULL CHECK (length(subject_id) > 0),
    subject_kind VARCHAR NOT NULL CHECK (subject_kind IN ('right', 'party')),
    year        INTEGER NOT NULL CHECK (year BETWEEN 1980 AND 2100),
    grade       VARCHAR,
    batch_id    VARCHAR,
    PRIMARY KEY (list_id, subject_id, year)
);

CREATE TABLE stat (
    region_code  VARCHAR NOT NULL CHECK (regexp_full_match(region_code, '[0-9]{6}')),
    period       INTEGER NOT NULL CHECK (period BETWEEN 1949 AND 2100),
    metric       VARCHAR NOT NULL CHECK (regexp_full_match(metric, '[a-z0-9_]+')),
    value        DOUBLE NOT NULL CHECK (isfinite(value)),
    unit         VARCHAR NOT NULL,
    source       VARCHAR NOT NULL CHECK (length(source) > 0),
    batch_id     VARCHAR,
    PRIMARY KEY (region_code, period, metric)
);

CREATE TABLE reported (
    indicator_id  VARCHAR NOT NULL CHECK (regexp_full_match(indicator_id, '[a-z0-9_]+')),
    region_code   VARCHAR NOT NULL CHECK (regexp_full_match(region_code, '[0-9]{6}')),
    period        INTEGER NOT NULL CHECK (period BETWEEN 1949 AND 2100),
    value         DOUBLE NOT NULL CHECK (isfinite(value)),
    source        VARCHAR NOT NULL CHECK (length(source) > 0),
    note          VARCHAR,
    reported_at   TIMESTAMP NOT NULL DEFAULT current_timestamp,
    PRIMARY KEY (indicator_id, region_code, period)
);

CREATE TABLE import_batch (
    batch_id       VARCHAR PRIMARY KEY,
    file_name      VARCHAR NOT NULL,
    file_hash      VARCHAR NOT NULL CHECK (regexp_full_match(file_hash, '[0-9a-f]{64}')),
    profile        VARCHAR,
    status         VARCHAR NOT NULL CHECK (status IN ('running', 'committed', 'failed', 'rolled_back')),
    started_at     TIMESTAMP NOT NULL DEFAULT current_timestamp,
    finished_at    TIMESTAMP,
    rows_read      BIGINT NOT NULL DEFAULT 0 CHECK (rows_read >= 0),
    rows_stored    BIGINT NOT NULL DEFAULT 0 CHECK (rows_stored >= 0),
    rows_rejected  BIGINT NOT NULL DEFAULT 0 CHECK (rows_rejected >= 0),
    rows_warned    BIGINT NOT NULL DEFAULT 0 CHECK (rows_warned >= 0),
    CHECK (rows_stored + rows_rejected <= rows_read),
    CHECK (finished_at IS NULL OR finished_at >= started_at)
);

CREATE TABLE import_issue (
    batch_id   VARCHAR NOT NULL,
    issue_no   INTEGER NOT NULL CHECK (issue_no >= 1),
    code       VARCHAR NOT NULL CHECK (regexp_full_match(code, '[a-z0-9]+(-[a-z0-9]+)*')),
    severity   VARCHAR NOT NULL CHECK (severity IN ('error', 'warning', 'info')),
    file_name  VARCHAR,
    sheet      VARCHAR,
    row_no     BIGINT CHECK (row_no IS NULL OR row_no >= 1),
    column_name VARCHAR,
    value      VARCHAR,
    message    VARCHAR NOT NULL,
    hint       VARCHAR,
    PRIMARY KEY (batch_id, issue_no)
);

CREATE TABLE meta (
    key    VARCHAR PRIMARY KEY,
    value  VARCHAR NOT NULL
);
