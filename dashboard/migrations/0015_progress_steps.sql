-- A mart of the progress reports: each report of a current action with what its action's
-- earlier reports say of it, computed once per data change instead of on every page query.
--
-- At sector scale (120.000 actions, 1,85 million reports) every progress query sorted all the
-- reports per action to compare each with the ones before it (the best % so far, the change
-- since the last report): `solutions.timeline` 2,05 s, `solutions.actions` 1,07 s,
-- `projections.actions` 727 ms, on every new day or cell filter (issue 12). What a report's
-- earlier reports say does not depend on the day a page looks from — a report dated after that
-- day is simply not read — so it is kept as a table:
--   seq            1, 2, … : the report's place among its action's reports, by date;
--   best_before    the highest % of the action's earlier reports (NULL for the first);
--   percent_delta  this % minus the previous report's (minus 0 for the first);
--   done_delta     "hoàn thành" now (1/0) minus the same of the previous report.
-- The macro action_state_in and the queries solutions.timeline and projections.actions read it
-- with a filter on the date; each refilled with the other marts (store.bump_version).

CREATE VIEW v_progress_steps AS
SELECT p.action_code, a.branch_code, a.solution, a.due_on, p.reported_on, p.percent, p.status,
       CAST(row_number() OVER (PARTITION BY p.action_code ORDER BY p.reported_on) AS INTEGER) AS seq,
       max(p.percent) OVER (PARTITION BY p.action_code ORDER BY p.reported_on
                            ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS best_before,
       p.percent - coalesce(lag(p.percent) OVER (PARTITION BY p.action_code ORDER BY p.reported_on), 0)
           AS percent_delta,
       CAST(p.status = 'hoan_thanh' AS INTEGER)
           - coalesce(lag(CAST(p.status = 'hoan_thanh' AS INTEGER))
                      OVER (PARTITION BY p.action_code ORDER BY p.reported_on), 0) AS done_delta
FROM v_progress_reports p
JOIN v_actions a USING (action_code);

CREATE TABLE mart_progress_steps AS SELECT * FROM v_progress_steps;

-- action_state_in (0013) as it was, reading the steps: the reports of the chosen cells up to
-- day `d`, with no sort (best_before is the mart's).
CREATE OR REPLACE MACRO action_state_in(d, branches, committee) AS TABLE
WITH chosen AS (
    SELECT * FROM v_actions
    WHERE branches IS NULL OR list_contains(branches, branch_code) OR (committee AND branch_code = 'DANG_UY')
),
reports AS (
    SELECT action_code, reported_on, percent, status, best_before
    FROM mart_progress_steps
    WHERE reported_on <= CAST(d AS DATE)
      AND (branches IS NULL OR list_contains(branches, branch_code) OR (committee AND branch_code = 'DANG_UY'))
),
per_action AS (
    SELECT action_code,
           count(*) AS reports,
           max(reported_on) AS last_reported_on,
           arg_max(percent, reported_on) AS percent,
           arg_max(status, reported_on) AS status,
           max(reported_on) FILTER (WHERE status <> 'hoan_thanh') AS last_open_on,
           max(best_before - percent) FILTER (WHERE percent < best_before) AS largest_drop,
           max(reported_on) FILTER (WHERE percent < best_before) AS last_drop_on
    FROM reports
    GROUP BY action_code
),
-- done_on: the first "hoàn thành" report after the last report that was not done.
finished AS (
    SELECT x.action_code, min(x.reported_on) AS done_on
    FROM reports x JOIN per_action r USING (action_code)
    WHERE r.status = 'hoan_thanh' AND x.status = 'hoan_thanh'
      AND x.reported_on > coalesce(r.last_open_on, DATE '0001-01-01')
    GROUP BY x.action_code
),
state AS (
    SELECT a.action_code, a.branch_code, a.solution, a.description, a.owner, a.starts_on, a.due_on,
           coalesce(r.reports, 0) AS reports, r.last_reported_on,
           coalesce(r.percent, 0) AS percent,
           coalesce(r.status, 'chua_bat_dau') AS status,
           f.done_on,
           coalesce(r.largest_drop, 0) AS largest_drop,
           r.last_drop_on
    FROM chosen a
    LEFT JOIN per_action r USING (action_code)
    LEFT JOIN finished f USING (action_code)
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
