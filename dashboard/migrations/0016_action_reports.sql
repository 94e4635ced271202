-- Each current action's reports summed up, kept as a mart: what action_state_in needs of an
-- action's reports on any day on or after its last report — which is every day the dashboard
-- looks from once the reports are in (the ingest refuses a report dated after the day of its
-- upload). Summing 1,85 million steps per view cost the sector 100–150 ms in each of the
-- progress queries; the actions with a report after the day asked for (a day chosen in the past)
-- are still summed from their steps up to that day.

-- The reports of the actions `codes` (NULL: every action) summed up as they stood on day `d` (their
-- steps dated `d` or before): how many, the last one, its % and status, the last report not "hoàn thành", the largest drop
-- below the best % so far and when the last drop was, and done_on (the first "hoàn thành" report
-- after the last one that was not).
CREATE MACRO action_reports_upto(d, codes) AS TABLE
WITH reports AS (
    SELECT action_code, branch_code, reported_on, percent, status, best_before
    FROM mart_progress_steps
    WHERE reported_on <= CAST(d AS DATE) AND (codes IS NULL OR action_code = ANY(codes))
),
per_action AS (
    SELECT action_code, branch_code,
           count(*) AS reports,
           max(reported_on) AS last_reported_on,
           arg_max(percent, reported_on) AS percent,
           arg_max(status, reported_on) AS status,
           max(reported_on) FILTER (WHERE status <> 'hoan_thanh') AS last_open_on,
           max(best_before - percent) FILTER (WHERE percent < best_before) AS largest_drop,
           max(reported_on) FILTER (WHERE percent < best_before) AS last_drop_on
    FROM reports
    GROUP BY action_code, branch_code
),
finished AS (
    SELECT x.action_code, min(x.reported_on) AS done_on
    FROM reports x JOIN per_action r USING (action_code)
    WHERE r.status = 'hoan_thanh' AND x.status = 'hoan_thanh'
      AND x.reported_on > coalesce(r.last_open_on, DATE '0001-01-01')
    GROUP BY x.action_code
)
SELECT r.*, f.done_on FROM per_action r LEFT JOIN finished f USING (action_code);

-- Every report, whatever its date. Read from mart_progress_steps, which is refilled first.
CREATE VIEW v_action_reports AS SELECT * FROM action_reports_upto(DATE '9999-12-31', NULL);

CREATE TABLE mart_action_reports AS SELECT * FROM v_action_reports;

-- action_state_in (0013) reading the summary: an action whose last report is on or before `d`
-- takes its summed-up row; one with a report after `d` is summed from its steps up to `d`.
CREATE OR REPLACE MACRO action_state_in(d, branches, committee) AS TABLE
WITH chosen AS (
    SELECT * FROM v_actions
    WHERE branches IS NULL OR branch_code = ANY(branches) OR (committee AND branch_code = 'DANG_UY')
),
summed AS (
    SELECT * FROM mart_action_reports
    WHERE branches IS NULL OR branch_code = ANY(branches) OR (committee AND branch_code = 'DANG_UY')
),
per_action AS (
    SELECT * FROM summed WHERE last_reported_on <= CAST(d AS DATE)
    UNION ALL BY NAME
    -- The codes given as a list, so that only their steps are read (a filter on the macro's rows
    -- summed every action's steps first: 80 ms a query at sector scale, for none usually).
    SELECT * FROM action_reports_upto(d, coalesce(
        (SELECT list(action_code) FROM summed WHERE last_reported_on > CAST(d AS DATE)), []::VARCHAR[]))
),
state AS (
    SELECT a.action_code, a.branch_code, a.solution, a.description, a.owner, a.starts_on, a.due_on,
           coalesce(r.reports, 0) AS reports, r.last_reported_on,
           coalesce(r.percent, 0) AS percent,
           coalesce(r.status, 'chua_bat_dau') AS status,
           r.done_on,
           coalesce(r.largest_drop, 0) AS largest_drop,
           r.last_drop_on
    FROM chosen a
    LEFT JOIN per_action r USING (action_code)
),
flagged AS (
SELECT s.*,
       s.status <> 'hoan_thanh' AND s.due_on < CAST(d AS DATE) AS overdue,
       CASE WHEN s.status = 'hoan_thanh' THEN greatest(datediff('day', s.due_on, s.done_on), 0)
            WHEN s.due_on < CAST(d AS DATE) THEN datediff('day', s.due_on, CAST(d AS DATE))
            ELSE 0 END AS days_late,
       s.largest_drop > 0 AS went_backwards,
       CASE WHEN s.last_reported_on IS NOT NULL
                THEN datediff('day', s.last_reported_on, CAST(d AS DATE))
            WHEN s.starts_on <= CAST(d AS DATE)
                THEN datediff('day', s.starts_on, CAST(d AS DATE)) END AS days_since_report
FROM state s
)
SELECT *, days_late = 0 AS on_time FROM flagged;

-- quota_check (0014) as it was, its cells matched with = ANY: list_contains(cells, cell) looked
-- each rating up in the list, which a table made again in this process (every commit refills
-- the marts) does row by row: 2,6 s for 2.000 cells over 1,85 million rows, against 11 ms for
-- = ANY, which joins. The page queries say = ANY($branches) for the same reason.
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
    WHERE cell = ANY(cells)
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
