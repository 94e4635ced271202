-- Progress of the six solutions. The arithmetic of "an action on a given day" lives in the
-- table macro action_state_on (migrations/0005_progress.sql; action_state_in, 0013, for the
-- actions of some cells), so that the page, the overview and the tests all count overdue, late
-- and backwards the same way.

-- name: actions
-- Every action of the cells given (and the Đảng ủy's own when $include_committee) as it stood
-- on $today: latest report, %, status, overdue, days late, done date, largest drop between
-- reports, days since the last report. branch_name is NULL for the Đảng ủy.
-- Per cell: each row is one cell's; run for every cell, then narrowed.
SELECT s.action_code, s.branch_code, b.branch_name, s.solution, s.description, s.owner,
       s.starts_on, s.due_on, s.reports, s.last_reported_on, s.percent, s.status, s.done_on,
       s.overdue, s.days_late, s.on_time, s.went_backwards, s.largest_drop, s.last_drop_on,
       s.days_since_report
FROM action_state_in($today, $branches, $include_committee) s
LEFT JOIN v_branches b USING (branch_code)
ORDER BY s.solution, s.due_on, s.action_code;

-- name: matrix
-- Solution × unit (every active cell given, and the Đảng ủy when $include_committee), complete
-- grid: average latest progress (NULL where the unit has no action under the solution), number
-- of actions, overdue, done. Units: the Đảng ủy first, then cells in Vietnamese order.
-- Per cell: each row is one cell's; run for every cell, then narrowed.
WITH state AS (
    SELECT * FROM action_state_in($today, $branches, $include_committee)
),
units AS (
    SELECT branch_code FROM v_branches WHERE active AND branch_code = ANY($branches)
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
-- Each unit's actions under each solution as on $today (only where it has some): the sum of
-- their latest progress, how many, overdue, done; progress.by_solution sums the units shown
-- into the six solutions' average progress.
-- Per cell: each row is one cell's; run for every cell, then narrowed.
SELECT solution, branch_code,
       sum(percent) AS percent_sum,
       count(*) AS actions,
       count(*) FILTER (WHERE overdue) AS overdue,
       count(*) FILTER (WHERE status = 'hoan_thanh') AS done
FROM action_state_in($today, $branches, $include_committee)
GROUP BY ALL
ORDER BY solution, branch_code;

-- name: timeline
-- Per month end (and $today) and solution: the actions of the units given (or of $unit alone:
-- one cell, or DANG_UY for the Đảng ủy's own), the sum of their progress and how many were
-- overdue on that date. Each action counts at its latest report on or before the date: a gap
-- between reports carries the last value forward; before its first report an action is at 0 %.
-- Every action of the plan counts from the first date, so the last point equals by_solution.
-- Written as step functions rather than "each action at each date": every report is a change
-- of its action's % (and of "done": mart_progress_steps keeps both changes), every due date the
-- start of possible lateness; the changes are summed per month over the units and added up over
-- the months. The work grows with the reports read, not with actions × months, and the rows
-- with months × solutions, not with the units (summed per unit, the sector's 2.000 cells made
-- 1,57 million rows: 2 s a view).
WITH acts AS (
    SELECT action_code, branch_code, solution, starts_on, due_on
    FROM v_actions
    WHERE (branch_code = ANY($branches) OR ($include_committee AND branch_code = 'DANG_UY'))
      AND ($unit IS NULL OR branch_code = $unit)
),
reports AS (
    SELECT solution, due_on, reported_on, percent_delta, done_delta
    FROM mart_progress_steps
    WHERE reported_on <= CAST($today AS DATE)
      AND (branch_code = ANY($branches) OR ($include_committee AND branch_code = 'DANG_UY'))
      AND ($unit IS NULL OR branch_code = $unit)
),
bounds AS (
    SELECT least((SELECT min(starts_on) FROM acts), (SELECT min(reported_on) FROM reports)) AS first_on
),
spine AS (
    SELECT sp.on_date FROM bounds, month_spine(bounds.first_on, $today) sp WHERE bounds.first_on IS NOT NULL
),
first_spine AS (SELECT min(on_date) AS d FROM spine),
-- Every change as an event on the first sampled date on or after it.
events AS (
    SELECT solution, reported_on AS happened, percent_delta AS percent, 0 AS due, 0 AS done_late
    FROM reports
    UNION ALL   -- an action becomes due (counts towards overdue) the day after its due date ...
    SELECT solution, due_on + 1, 0, 1, 0 FROM acts WHERE due_on + 1 <= CAST($today AS DATE)
    UNION ALL   -- ... unless done: a change of "done" counts once the action is past due
    SELECT solution, greatest(reported_on, due_on + 1), 0, 0, done_delta
    FROM reports WHERE done_delta <> 0 AND greatest(reported_on, due_on + 1) <= CAST($today AS DATE)
),
bucketed AS (
    SELECT solution,
           least(greatest(last_day(happened), (SELECT d FROM first_spine)), CAST($today AS DATE)) AS on_date,
           sum(percent) AS percent, sum(due) AS due, sum(done_late) AS done_late
    FROM events GROUP BY ALL
),
groups AS (SELECT solution, count(*) AS actions FROM acts GROUP BY ALL),
grid AS (
    SELECT s.on_date, g.solution, g.actions,
           coalesce(b.percent, 0) AS percent, coalesce(b.due, 0) AS due, coalesce(b.done_late, 0) AS done_late
    FROM spine s CROSS JOIN groups g
    LEFT JOIN bucketed b ON b.on_date = s.on_date AND b.solution = g.solution
)
SELECT on_date, solution, actions,
       sum(percent) OVER w AS percent_sum,
       CAST(sum(due) OVER w - sum(done_late) OVER w AS BIGINT) AS overdue
FROM grid
WINDOW w AS (PARTITION BY solution ORDER BY on_date)
ORDER BY on_date, solution;

-- name: timeline_by_cell
-- solutions.timeline for each unit of $branches on its own (the Đảng ủy's when
-- $include_committee), over the month ends (and $today) from the first date of any unit the
-- caller may see:
-- on_date, branch_code, solution, the unit's actions, the sum of their progress, how many were
-- overdue. from_date is the first date solutions.timeline would show for the unit alone (its
-- first month end, or $today; NULL when it starts after this month): summed over a choice of
-- units from the earliest from_date among them (progress.timeline_rows), the rows are
-- solutions.timeline's over those units. Read for every cell in scope when they are few
-- (progress.TIMELINE_BY_CELL_MAX), so that a new choice of cells reads nothing (the summed read
-- was 20 ms of every new choice on the sample).
-- Per cell: each row is one cell's; run for every cell, then narrowed.
WITH acts AS (
    SELECT action_code, branch_code, solution, starts_on, due_on
    FROM v_actions
    WHERE branch_code = ANY($branches) OR ($include_committee AND branch_code = 'DANG_UY')
),
reports AS (
    SELECT branch_code, solution, due_on, reported_on, percent_delta, done_delta
    FROM mart_progress_steps
    WHERE reported_on <= CAST($today AS DATE)
      AND (branch_code = ANY($branches) OR ($include_committee AND branch_code = 'DANG_UY'))
),
firsts AS (
    SELECT branch_code, min(d) AS first_on
    FROM (SELECT branch_code, starts_on AS d FROM acts UNION ALL SELECT branch_code, reported_on FROM reports)
    GROUP BY ALL
),
-- The month ends from the first date of every unit the caller may see ($caller_cells, and the
-- Đảng ủy's own for a caller of every cell), not only of those of $branches: a unit's rows are
-- the same whichever units are read with it, and nothing outside the caller's cells is read.
bounds AS (
    SELECT least((SELECT min(starts_on) FROM v_actions
                  WHERE branch_code = ANY($caller_cells) OR ($caller_sees_all AND branch_code = 'DANG_UY')),
                 (SELECT min(reported_on) FROM mart_progress_steps
                  WHERE reported_on <= CAST($today AS DATE)
                    AND (branch_code = ANY($caller_cells) OR ($caller_sees_all AND branch_code = 'DANG_UY'))))
           AS first_on
),
spine AS (
    SELECT sp.on_date FROM bounds, month_spine(bounds.first_on, $today) sp
    WHERE bounds.first_on IS NOT NULL AND EXISTS (SELECT 1 FROM acts)
),
first_spine AS (SELECT min(on_date) AS d FROM spine),
events AS (
    SELECT branch_code, solution, reported_on AS happened, percent_delta AS percent, 0 AS due, 0 AS done_late
    FROM reports
    UNION ALL
    SELECT branch_code, solution, due_on + 1, 0, 1, 0 FROM acts WHERE due_on + 1 <= CAST($today AS DATE)
    UNION ALL
    SELECT branch_code, solution, greatest(reported_on, due_on + 1), 0, 0, done_delta
    FROM reports WHERE done_delta <> 0 AND greatest(reported_on, due_on + 1) <= CAST($today AS DATE)
),
bucketed AS (
    SELECT branch_code, solution,
           least(greatest(last_day(happened), (SELECT d FROM first_spine)), CAST($today AS DATE)) AS on_date,
           sum(percent) AS percent, sum(due) AS due, sum(done_late) AS done_late
    FROM events GROUP BY ALL
),
groups AS (SELECT branch_code, solution, count(*) AS actions FROM acts GROUP BY ALL),
grid AS (
    SELECT s.on_date, g.branch_code, g.solution, g.actions,
           coalesce(b.percent, 0) AS percent, coalesce(b.due, 0) AS due, coalesce(b.done_late, 0) AS done_late
    FROM spine s CROSS JOIN groups g
    LEFT JOIN bucketed b ON b.on_date = s.on_date AND b.branch_code = g.branch_code AND b.solution = g.solution
)
SELECT grid.on_date, grid.branch_code, grid.solution, grid.actions,
       sum(grid.percent) OVER w AS percent_sum,
       CAST(sum(grid.due) OVER w - sum(grid.done_late) OVER w AS BIGINT) AS overdue,
       CASE WHEN date_trunc('month', f.first_on) <= CAST($today AS DATE)
            THEN least(last_day(f.first_on), CAST($today AS DATE)) END AS from_date
FROM grid JOIN firsts f ON f.branch_code = grid.branch_code
WINDOW w AS (PARTITION BY grid.branch_code, grid.solution ORDER BY grid.on_date)
ORDER BY grid.on_date, grid.solution, grid.branch_code;
