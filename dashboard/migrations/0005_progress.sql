-- Progress of the six solutions as it stood on a given day, shared by the
-- solution-progress page and the overview (queries/solutions.sql, queries/overview.sql).
-- Table macros, not views, because "today" is a parameter: tests pass a fixed day, and
-- a report dated after the day must not count.

-- Month ends from the month of `first` up to `last`, and `last` itself: the dates at which
-- a series over time is sampled (a month end later than `last` becomes `last`).
CREATE MACRO month_spine(first, last) AS TABLE
SELECT DISTINCT CAST(least(last_day(CAST(m.d AS DATE)), CAST(last AS DATE)) AS DATE) AS on_date
FROM range(CAST(date_trunc('month', CAST(first AS DATE)) AS TIMESTAMP),
           CAST(CAST(last AS DATE) AS TIMESTAMP) + INTERVAL 1 DAY, INTERVAL 1 MONTH) m(d);

-- Each action as it stood on day `d`: its latest report on or before `d` (none: 0 %,
-- not started), when it was finished, whether it ever went backwards, and the lateness
-- arithmetic of limitation L1:
--   overdue     due date passed (before d) and not done;
--   done_on     the first "hoàn thành" report after the last report that was not done;
--   days_late   done: days between due date and done_on (0 if on time);
--               not done: days since the due date (0 while not yet due);
--   on_time     days_late = 0 (done by the due date, or not yet due);
--   days_since_report  d minus the last report (or the start date when never reported;
--               NULL when it has not started): the page flags it stale past a setting.
CREATE MACRO action_state_on(d) AS TABLE
WITH reports AS (
    SELECT action_code, reported_on, percent, status,
           max(percent) OVER (PARTITION BY action_code ORDER BY reported_on
                              ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS best_before
    FROM v_progress_reports
    WHERE reported_on <= CAST(d AS DATE)
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
state AS (
    SELECT a.action_code, a.branch_code, a.solution, a.description, a.owner, a.starts_on, a.due_on,
           coalesce(r.reports, 0) AS reports, r.last_reported_on,
           coalesce(r.percent, 0) AS percent,
           coalesce(r.status, 'chua_bat_dau') AS status,
           CASE WHEN r.status = 'hoan_thanh' THEN
                (SELECT min(x.reported_on) FROM reports x
                 WHERE x.action_code = a.action_code AND x.status = 'hoan_thanh'
                   AND x.reported_on > coalesce(r.last_open_on, DATE '0001-01-01')) END AS done_on,
           coalesce(r.largest_drop, 0) AS largest_drop,
           r.last_drop_on
    FROM v_actions a
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
