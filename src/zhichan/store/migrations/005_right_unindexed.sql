-- Version 5: ip_right without PRIMARY KEY and UNIQUE indexes, like the link tables (see 001).
-- DuckDB keeps ART indexes in memory, unspillable: at national scale (tens of millions of rights)
-- the two key indexes alone outgrew a 1 GB memory limit, and maintaining them took more than half
-- of a first import's write time. One row per right_id (and per office, kind, application_no) is
-- kept by the writer, which updates existing rights and inserts the rest by an anti-join, and is
-- checked by store.integrity_problems(). DuckDB cannot drop a key constraint, so the table is
-- rebuilt; the CHECK constraints stay.

CREATE TABLE ip_right_v5 (
    right_id          VARCHAR NOT NULL CHECK (length(right_id) > 0),
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
    international_filing_date DATE,
    national_phase_date       DATE,
    CHECK (grant_date IS NULL OR application_date IS NULL OR grant_date >= application_date),
    CHECK (expiry_date IS NULL OR application_date IS NULL OR expiry_date > application_date),
    CHECK (application_date IS NULL OR application_date >= DATE '1900-01-01')
);

INSERT INTO ip_right_v5 BY NAME SELECT * FROM ip_right;
DROP TABLE ip_right;
ALTER TABLE ip_right_v5 RENAME TO ip_right;
