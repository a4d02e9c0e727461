-- Version 4: family members of a right as exported (同族专利), with the office and whether the
-- document is a grant — high-value criterion 2 asks for a granted family member abroad. A link
-- table: unique (right_id, member) by its writer, unindexed for the reason given in 001.

CREATE TABLE right_family (
    right_id   VARCHAR NOT NULL,
    member     VARCHAR NOT NULL CHECK (length(member) > 2),
    office     VARCHAR CHECK (office IS NULL OR regexp_full_match(office, '[A-Z]{2}')),
    kind_code  VARCHAR,
    granted    BOOLEAN NOT NULL,
    batch_id   VARCHAR
);
