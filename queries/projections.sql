-- Where each action and each solution will land at the pace it is going: a plain method a
-- reader can check by hand. An action's pace is the slope of the straight line through its last
-- $reports reports on or before $today (least squares, % points per day; with two reports, the
-- change between them divided by the days between them). At that pace it reaches 100 % on
-- last report date + (100 − last %) ÷ pace. Fewer than two reports: no pace yet. A pace of zero
-- or below: not moving. A finished action lands on the day it was done; an unfinished one never
-- before $today.

-- name: actions
-- Every action of the cells given (and the Đảng ủy's own when $include_committee), as on $today,
-- with its pace and projected finish; days_late_projected = projected finish − due date. It also
-- carries the state the overview lists actions by (overdue, days late, days since the last report,
-- the unit's name), so the overview reads the actions once, not here and in solutions.actions.
-- $stale_days: NULL for every action; a number for the actions that need attention only (what the
-- overview lists): overdue, not done and not reported for that many days or more, or moving but
-- projected to finish after the due date — 18.115 of the sector's 120.060.
-- Per cell: each row is one cell's; run for every cell, then narrowed.
WITH state AS (
    SELECT * FROM action_state_in($today, $branches, $include_committee)
),
-- The last $reports reports on or before $today: an action's reports are numbered by date
-- (seq, mart_progress_steps), so those up to today are 1 … reports (its count in the state).
pace AS (
    SELECT m.action_code, count(*) AS reports_used,
           regr_slope(m.percent, datediff('day', DATE '2000-01-01', m.reported_on)) AS per_day
    FROM mart_progress_steps m JOIN state s USING (action_code)
    WHERE m.seq > s.reports - $reports AND m.seq <= s.reports
    GROUP BY m.action_code
),
judged AS (
    SELECT s.action_code, s.branch_code, s.solution, s.description, s.due_on, s.percent, s.status,
           s.done_on, s.last_reported_on, coalesce(p.reports_used, 0) AS reports_used, p.per_day,
           CASE WHEN s.status = 'hoan_thanh' THEN 'done'
                WHEN coalesce(p.reports_used, 0) < 2 THEN 'too_few'
                WHEN p.per_day <= 0 THEN 'stalled'
                ELSE 'moving' END AS pace_kind,
           s.overdue, s.days_late, s.days_since_report
    FROM state s LEFT JOIN pace p USING (action_code)
),
projected AS (
    -- An unfinished action cannot finish before today: a pace that lands in the past (reports
    -- stopped coming while it moved) lands today.
    SELECT *,
           CASE pace_kind WHEN 'done' THEN done_on
                          WHEN 'moving' THEN greatest(CAST(last_reported_on + to_days(
                              CAST(ceil(round((100 - percent) / per_day, 9)) AS INTEGER)) AS DATE),
                              CAST($today AS DATE)) END AS projected_on
    FROM judged
)
SELECT j.*, datediff('day', j.due_on, j.projected_on) AS days_late_projected, b.branch_name
FROM projected j
LEFT JOIN v_branches b USING (branch_code)
WHERE $stale_days IS NULL OR j.overdue OR (j.status <> 'hoan_thanh' AND j.days_since_report >= $stale_days)
   OR (j.pace_kind = 'moving' AND datediff('day', j.due_on, j.projected_on) > 0)
ORDER BY j.solution, j.branch_code, j.action_code;
