-- The state of the actions of some cells on day `d`: action_state_on (0005) for the actions
-- of `branches` (NULL: every action) and, when `committee`, the Đảng ủy's own. The actions are
-- chosen first and only their reports are read: choosing one cell of the sector (2.000 cells,
-- 1,85 million reports) no longer computes every action's state to keep 60 of them.
-- action_state_on(d) becomes every action's state through the same body.

CREATE MACRO action_state_in(d, branches, committee) AS TABLE
WITH chosen AS (
    SELECT * FROM v_actions
    WHERE branches IS NULL OR list_contains(branches, branch_code) OR (committee AND branch_code = 'DANG_UY')
),
reports AS (
    SELECT action_code, reported_on, percent, status,
           max(percent) OVER (PARTITION BY action_code ORDER BY reported_on
                              ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS best_before
    FROM v_progress_reports
    WHERE reported_on <= CAST(d AS DATE) AND action_code IN (SELECT action_code FROM chosen)
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

DROP MACRO action_state_on;
CREATE MACRO action_state_on(d) AS TABLE SELECT * FROM action_state_in(d, NULL, TRUE);
