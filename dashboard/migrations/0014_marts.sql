-- Marts: the six derived views every page reads, kept as tables.
--
-- Binding and optimising v_branch_period_scores alone cost 40–80 ms on the 4-cell sample, on
-- every page query that read it (issue 12). The views stay as the definitions; each mart_<name>
-- holds what v_<name> returns and is refilled, in dependency order, inside the transaction
-- that changes the data (store.bump_version → internal query marts.refresh): a commit, an
-- undo, a change of the office's score bands, a migration, a restore. Page queries and the
-- macros they call read the marts; the ingest and the definitions read the views.
--
-- A later migration that changes one of these views must recreate its mart
-- (CREATE OR REPLACE TABLE mart_x AS SELECT * FROM v_x); a test compares their columns.

CREATE TABLE mart_source_rules AS SELECT * FROM v_source_rules;
CREATE TABLE mart_rating_rules AS SELECT * FROM v_rating_rules;
CREATE TABLE mart_period_criteria AS SELECT * FROM v_period_criteria;
CREATE TABLE mart_branch_period_scores AS SELECT * FROM v_branch_period_scores;
CREATE TABLE mart_member_ratings AS SELECT * FROM v_member_ratings;
CREATE TABLE mart_meetings_judged AS SELECT * FROM v_meetings_judged;

-- quota_check (0009) as it was, reading the marts.
CREATE OR REPLACE MACRO quota_check(kind, cells, base, pool, rounding) AS TABLE
WITH rated AS (
    SELECT year, level, branch_code AS cell FROM mart_member_ratings WHERE kind = 'dang_vien'
    UNION ALL
    SELECT year, level, subject_code FROM v_ratings WHERE subject_kind = 'chi_bo' AND kind = 'chi_bo'
),
counted AS (
    SELECT year, CASE WHEN pool = 'chi_bo' AND kind = 'dang_vien' THEN cell END AS pool_cell,
           count(*) FILTER (WHERE level = 'HTXSNV') AS excellent,
           count(*) FILTER (WHERE level = 'HTTNV') AS good,
           count(*) FILTER (WHERE level IN ('HTXSNV', 'HTTNV')) AS good_or_better
    FROM rated
    WHERE list_contains(cells, cell)
    GROUP BY ALL
),
judged AS (
    SELECT c.*, r.source, r.quota_excellent_share AS share,
           CASE WHEN base = 'httnv_or_better' THEN c.good_or_better ELSE c.good END AS base_count
    FROM counted c JOIN mart_rating_rules r USING (year)
)
SELECT *, round(share * base_count, 9) AS raw_allowed,
       CAST(CASE rounding WHEN 'round' THEN round(round(share * base_count, 9))
                          WHEN 'ceil' THEN ceil(round(share * base_count, 9))
                          ELSE floor(round(share * base_count, 9)) END AS INTEGER) AS allowed
FROM judged;
