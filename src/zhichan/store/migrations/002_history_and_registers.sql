-- Version 2: address history of parties, market-entity register attributes, and provenance of
-- every stored record (batch and source row), so that a figure can be traced to its input row.

CREATE TABLE party_address (
    party_id     VARCHAR NOT NULL,
    address      VARCHAR NOT NULL CHECK (length(trim(address)) > 0),
    region_code  VARCHAR CHECK (region_code IS NULL OR regexp_full_match(region_code, '[0-9]{6}')),
    valid_from   DATE NOT NULL,
    valid_to     DATE,
    batch_id     VARCHAR,
    PRIMARY KEY (party_id, valid_from),
    CHECK (valid_to IS NULL OR valid_to > valid_from)
);

CREATE TABLE market_entity (
    party_id            VARCHAR PRIMARY KEY,
    uscc                VARCHAR CHECK (uscc IS NULL OR regexp_full_match(uscc, '[0-9A-HJ-NPQRTUWXY]{18}')),
    entity_type         VARCHAR,
    category            VARCHAR NOT NULL CHECK (category IN ('enterprise', 'individual_business', 'cooperative', 'other')),
    status              VARCHAR,
    is_active           BOOLEAN NOT NULL,
    established         DATE,
    industry_code       VARCHAR,
    registered_capital  DOUBLE CHECK (registered_capital IS NULL OR registered_capital >= 0),
    authority           VARCHAR,
    batch_id            VARCHAR
);

CREATE TABLE record_source (
    table_name  VARCHAR NOT NULL,
    record_id   VARCHAR NOT NULL,
    batch_id    VARCHAR NOT NULL,
    row_no      BIGINT NOT NULL CHECK (row_no >= 1)
    -- unique (table_name, record_id, batch_id), unindexed for the reason given in 001
);

ALTER TABLE import_batch ADD COLUMN as_of DATE;
ALTER TABLE import_batch ADD COLUMN record_kind VARCHAR;
