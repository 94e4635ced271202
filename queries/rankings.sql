-- name: leaderboard
-- Cells of a period ranked by total score, with subtotals, completeness, the
-- level from the score band, the decided level (years only) and the previous
-- period of the same kind for comparison.
WITH current AS (
    SELECT * FROM v_branch_period_scores
    WHERE period = $period AND list_contains($branches, branch_code)
),
previous AS (
    SELECT branch_code, total_score AS prev_total, rank AS prev_rank
    FROM v_branch_period_scores
    WHERE period = period_previous($period) AND complete
),
decided AS (
    SELECT subject_code AS branch_code, level AS decided_level
    FROM v_ratings
    WHERE subject_kind = 'chi_bo' AND period_kind($period) = 'year'
      AND CAST(year AS VARCHAR) = $period
)
SELECT c.rank, c.branch_code, c.branch_name, c.total_score, c.common_score, c.task_score,
       c.complete, c.n_scored, c.n_expected, c.computed_level, d.decided_level, c.regime,
       p.prev_total, p.prev_rank,
       c.total_score - p.prev_total AS total_change,
       p.prev_rank - c.rank AS rank_change
FROM current c
LEFT JOIN previous p USING (branch_code)
LEFT JOIN decided d USING (branch_code)
ORDER BY c.complete DESC, c.rank NULLS LAST, c.branch_name COLLATE vi;

-- name: yearly_trend
-- Total score of each cell in every year period (complete periods only).
SELECT period, period_year(period) AS year, branch_code, branch_name, total_score, rank
FROM v_branch_period_scores
WHERE period_kind(period) = 'year' AND complete AND list_contains($branches, branch_code)
ORDER BY year, branch_name COLLATE vi;

-- name: level_counts
-- How many cells of a period fall in each level by score (complete ones only).
SELECT l.code AS level, l.ordinal, count(s.branch_code) AS cells
FROM levels l
LEFT JOIN v_branch_period_scores s
       ON s.computed_level = l.code AND s.period = $period AND list_contains($branches, s.branch_code)
GROUP BY l.code, l.ordinal
ORDER BY l.ordinal;
