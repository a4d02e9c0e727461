-- Version 3: the international filing date of a PCT application entering the national phase —
-- patent terms run from it (DOMAIN.md §2) — and the date it entered the national phase.

ALTER TABLE ip_right ADD COLUMN international_filing_date DATE;
ALTER TABLE ip_right ADD COLUMN national_phase_date DATE;
