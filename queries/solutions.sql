-- Progress of the six solutions. The arithmetic of "an action on a given day" lives in the
-- table macro action_state_on (migrations/0005_progress.sql), so that the page, the overview
-- and the tests all count overdue, late and backwards the same way.

-- name: actions
-- Every action of the cells given (and the Đảng ủy's own when $include_committee) as it stood
-- on $today: latest report, %, status, overdue, days late, done date, largest drop between
-- reports, days since the last report. branch_name is NULL for the Đảng ủy.
SELECT s.action_code, s.branch_code, b.branch_name, s.solution, s.description, s.owner,
       s.starts_on, s.due_on, s.reports, s.last_reported_on, s.percent, s.status, s.done_on,
       s.overdue, s.days_late, s.on_time, s.went_backwards, s.largest_drop, s.last_drop_on,
       s.days_since_report
FROM action_state_on($today) s
LEFT JOIN v_branches b USING (branch_code)
WHERE list_contains($branches, s.branch_code) OR ($include_committee AND s.branch_code = 'DANG_UY')
ORDER BY s.solution, s.due_on, s.action_code;

-- name: matrix
-- Solution × unit (every active cell given, and the Đảng ủy when $include_committee), complete
-- grid: average latest progress (NULL where the unit has no action under the solution), number
-- of actions, overdue, done. Units: the Đảng ủy first, then cells in Vietnamese order.
WITH state AS (
    SELECT * FROM action_state_on($today)
    WHERE list_contains($branches, branch_code) OR ($include_committee AND branch_code = 'DANG_UY')
),
units AS (
    SELECT branch_code FROM v_branches WHERE active AND list_contains($branches, branch_code)
    UNION SELECT 'DANG_UY' WHERE $include_committee
    UNION SELECT DISTINCT branch_code FROM state
),
named AS (
    SELECT u.branch_code, b.branch_name, CASE WHEN u.branch_code = 'DANG_UY' THEN 0 ELSE 1 END AS unit_order
    FROM units u LEFT JOIN v_branches b USING (branch_code)
),
grid AS (
    SELECT s.solution, n.branch_code, n.branch_name, n.unit_order,
           avg(a.percent) AS percent,
           count(a.action_code) AS actions,
           count(a.action_code) FILTER (WHERE a.overdue) AS overdue,
           count(a.action_code) FILTER (WHERE a.status = 'hoan_thanh') AS done
    FROM named n
    CROSS JOIN solutions s
    LEFT JOIN state a ON a.branch_code = n.branch_code AND a.solution = s.solution
    GROUP BY ALL
)
SELECT * FROM grid
ORDER BY unit_order, branch_name COLLATE vi, branch_code, solution;

-- name: by_solution
-- Each of the six solutions: average latest progress of its actions in scope (NULL when it
-- has none), number of actions, overdue, done — as on $today.
WITH state AS (
    SELECT * FROM action_state_on($today)
    WHERE list_contains($branches, branch_code) OR ($include_committee AND branch_code = 'DANG_UY')
)
SELECT s.solution, s.short_vi, s.short_en, s.title_vi, s.title_en,
       avg(a.percent) AS percent,
       count(a.action_code) AS actions,
       count(a.action_code) FILTER (WHERE a.overdue) AS overdue,
       count(a.action_code) FILTER (WHERE a.status = 'hoan_thanh') AS done
FROM solutions s
LEFT JOIN state a ON a.solution = s.solution
GROUP BY ALL
ORDER BY s.solution;

-- name: timeline
-- Per month end (and $today), solution and unit: the actions, the sum of their progress and
-- how many were overdue on that date. Each action counts at its latest report on or before
-- the date (ASOF JOIN): a gap between reports carries the last value forward; before its
-- first report an action is at 0 %. Every action of the plan counts from the first date, so
-- the last point equals by_solution.
WITH acts AS (
    SELECT action_code, branch_code, solution, starts_on, due_on
    FROM v_actions
    WHERE list_contains($branches, branch_code) OR ($include_committee AND branch_code = 'DANG_UY')
),
bounds AS (
    SELECT least(min(a.starts_on), min(p.reported_on)) AS first_on
    FROM acts a LEFT JOIN v_progress_reports p USING (action_code)
),
spine AS (
    SELECT sp.on_date FROM bounds, month_spine(bounds.first_on, $today) sp
    WHERE bounds.first_on IS NOT NULL
),
valued AS (
    SELECT g.on_date, g.solution, g.branch_code, g.due_on, p.percent, p.status
    FROM (SELECT * FROM spine CROSS JOIN acts) g
    ASOF LEFT JOIN v_progress_reports p
           ON p.action_code = g.action_code AND g.on_date >= p.reported_on
)
SELECT on_date, solution, branch_code,
       count(*) AS actions,
       sum(coalesce(percent, 0)) AS percent_sum,
       count(*) FILTER (WHERE due_on < on_date AND coalesce(status, '') <> 'hoan_thanh') AS overdue
FROM valued
GROUP BY ALL
ORDER BY on_date, solution, branch_code;
