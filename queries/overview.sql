-- The overview's cards. Period cards (scores, levels, meetings) describe $period and the
-- periods of the same kind before it; snapshot cards (members, and the solutions' progress
-- from solutions.timeline) describe month ends up to $today.

-- name: cells
-- Active cells in scope, one row each (the "Chi bộ" card counts them).
-- Per cell: each row is one cell's; run for every cell, then narrowed.
SELECT branch_code
FROM v_branches
WHERE active AND branch_code = ANY($branches)
ORDER BY branch_code;

-- name: members_timeline
-- Members of each active cell given at each of the last twelve month ends and on $today
-- (joined on or before the date, not left by it); summary.members_timeline sums the cells shown.
-- Per cell: each row is one cell's; run for every cell, then narrowed.
WITH spine AS (
    SELECT on_date FROM month_spine(CAST($today AS DATE) - INTERVAL 12 MONTH, $today)
    WHERE on_date > CAST($today AS DATE) - INTERVAL 12 MONTH
),
cells AS (
    SELECT branch_code FROM v_branches WHERE active AND branch_code = ANY($branches)
)
SELECT s.on_date, c.branch_code, count(m.member_code) AS members
FROM spine s
CROSS JOIN cells c
LEFT JOIN v_members m
    ON m.branch_code = c.branch_code
   AND (m.joined_on IS NULL OR m.joined_on <= s.on_date) AND (m.left_on IS NULL OR m.left_on > s.on_date)
GROUP BY ALL
ORDER BY s.on_date, c.branch_code;

-- name: score_history
-- $period and up to seven periods of the same kind before it (the latest eight that any cell
-- has scores for): each cell's total score, whether its scores are complete, and the level its
-- score gives; summary.score_history counts and averages the cells shown.
-- Per cell: each row is one cell's; run for every cell, then narrowed.
WITH same_kind AS MATERIALIZED (
    SELECT * FROM mart_branch_period_scores
    WHERE period_kind(period) = period_kind($period) AND period_order(period) <= period_order($period)
),
chosen AS (
    SELECT DISTINCT period FROM same_kind ORDER BY period_order(period) DESC LIMIT 8
)
SELECT s.period, period_order(s.period) AS ord, s.branch_code, s.complete, s.total_score, s.computed_level
FROM same_kind s
JOIN chosen USING (period)
WHERE s.branch_code = ANY($branches)
ORDER BY ord, s.branch_code;

-- name: meeting_compliance
-- $period and up to seven periods of the same kind before it: each active cell's months (after
-- it was founded) with the regular and thematic meetings it held and what the guidance in force
-- at each month's end asks of it, summed over the month's row (a month, or a run of months: see
-- months_held): a twelfth of the yearly regular meetings, and at a quarter's
-- last month its thematic meetings (3 and 1 for a quarter, 12 and 4 for a year; none before
-- 12-HD/BTCTW). A combined meeting counts as both. The months run from the first meeting any
-- cell held up to the month before $today; first_held is the cell's own first meeting, so that
-- summary.meeting_compliance starts the months of the cells shown at their first meeting, and
-- counts per period the cells that held enough.
-- Per cell: each row is one cell's; run for every cell, then narrowed.
WITH cells AS (
    SELECT branch_code, founded_on FROM v_branches
    WHERE active AND branch_code = ANY($branches)
),
firsts AS (
    SELECT m.branch_code, min(m.held_on) AS first_held FROM v_meetings m JOIN cells USING (branch_code) GROUP BY ALL
),
months AS (
    SELECT sp.on_date AS month_end
    FROM (SELECT min(first_held) AS first_on FROM firsts) bounds, month_spine(bounds.first_on, $today) sp
    WHERE bounds.first_on IS NOT NULL AND sp.on_date = last_day(sp.on_date)
      AND sp.on_date < CAST($today AS DATE)
),
tagged AS (
    SELECT month_end,
           CASE period_kind($period)
               WHEN 'year' THEN CAST(year(month_end) AS VARCHAR)
               WHEN 'quarter' THEN CAST(year(month_end) AS VARCHAR) || '-Q' || CAST(quarter(month_end) AS VARCHAR)
               ELSE CAST(year(month_end) AS VARCHAR) || '-H' || CASE WHEN month(month_end) <= 6 THEN '1' ELSE '2' END
           END AS period
    FROM months
),
chosen AS (
    SELECT DISTINCT period FROM tagged
    WHERE period_order(period) <= period_order($period)
    ORDER BY period_order(period) DESC
    LIMIT 8
),
asked AS (
    -- What each month asks, by the guidance in force at its end.
    SELECT t.month_end,
           sum(r.regular_per_year / 12) AS regular_asked,
           sum(r.thematic_per_quarter) FILTER (WHERE month(t.month_end) % 3 = 0) AS thematic_asked
    FROM tagged t
    JOIN chosen USING (period)
    JOIN mart_source_rules r ON r.topic = 'meeting' AND t.month_end BETWEEN r.in_force_from AND r.in_force_to
    GROUP BY ALL
),
held AS (
    -- Each cell's meetings counted per month, before they meet the months.
    SELECT branch_code, last_day(held_on) AS month_end,
           count(*) FILTER (WHERE is_regular) AS regular, count(*) FILTER (WHERE is_thematic) AS thematic
    FROM mart_meetings_judged
    WHERE branch_code = ANY($branches) AND held_on < CAST($today AS DATE)
    GROUP BY ALL
),
months_held AS (
    SELECT t.period, c.branch_code, t.month_end,
           -- A month from the last cell's first meeting on starts no choice of cells: such months
           -- come as one row a cell and period, the months before one row each.
           CASE WHEN t.month_end < (SELECT last_day(max(first_held)) FROM firsts) THEN t.month_end END AS alone,
           coalesce(h.regular, 0) AS regular, coalesce(h.thematic, 0) AS thematic,
           coalesce(a.regular_asked, 0) AS regular_asked, coalesce(a.thematic_asked, 0) AS thematic_asked
    FROM cells c
    JOIN tagged t ON c.founded_on IS NULL OR last_day(c.founded_on) <= t.month_end
    JOIN chosen USING (period)
    LEFT JOIN asked a ON a.month_end = t.month_end
    LEFT JOIN held h ON h.branch_code = c.branch_code AND h.month_end = t.month_end
)
SELECT m.period, period_order(m.period) AS ord, m.branch_code, min(m.month_end) AS month_end,
       count(*) AS months, any_value(f.first_held) AS first_held,
       sum(m.regular) AS regular, sum(m.thematic) AS thematic,
       sum(m.regular_asked) AS regular_asked, sum(m.thematic_asked) AS thematic_asked
FROM months_held m
LEFT JOIN firsts f USING (branch_code)
GROUP BY m.period, m.branch_code, m.alone
ORDER BY ord, m.branch_code, month_end;
