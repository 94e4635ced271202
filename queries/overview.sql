-- name: headline
-- The overview's headline numbers for a period and the previous period of the same kind.
WITH scope_branches AS (
    SELECT branch_code FROM v_branches WHERE active AND list_contains($branches, branch_code)
),
scores AS (
    SELECT period, avg(total_score) FILTER (WHERE complete) AS avg_score,
           count(*) FILTER (WHERE NOT complete) AS incomplete
    FROM v_branch_period_scores
    WHERE period IN ($period, period_previous($period)) AND list_contains($branches, branch_code)
    GROUP BY period
)
SELECT
    (SELECT count(*) FROM scope_branches) AS branches,
    (SELECT count(*) FROM v_members m JOIN scope_branches USING (branch_code)
      WHERE m.left_on IS NULL OR m.left_on > current_date) AS members,
    (SELECT avg_score FROM scores WHERE period = $period) AS avg_score,
    (SELECT avg_score FROM scores WHERE period = period_previous($period)) AS prev_avg_score,
    (SELECT incomplete FROM scores WHERE period = $period) AS incomplete;
