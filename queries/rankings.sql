-- name: leaderboard
-- Cells of a period ranked by total score, with subtotals, completeness, the
-- level from the score band, the decided level (years only), and a comparison
-- period: $compare = 'previous' (previous period of the same kind) or
-- 'year_before' (the same period a year earlier). Ties share a rank. Ranks are among the
-- cells the caller may see ($caller_cells, set by the query runner): the Đảng bộ for a user of
-- every cell; a user limited to some cells is never told where the other cells stand.
-- Per cell: each row is one cell's; run for every cell, then narrowed.
WITH visible AS (
    SELECT * REPLACE (CASE WHEN complete THEN rank() OVER (
               PARTITION BY period, complete ORDER BY total_score DESC) END AS rank)
    FROM mart_branch_period_scores
    WHERE branch_code = ANY($caller_cells)
),
current AS (
    SELECT * FROM visible
    WHERE period = $period AND branch_code = ANY($branches)
),
comparison AS (
    SELECT branch_code, total_score AS prev_total, rank AS prev_rank, period AS prev_period
    FROM visible
    WHERE period = CASE WHEN $compare = 'year_before' THEN period_year_before($period)
                        ELSE period_previous($period) END
      AND complete
),
decided AS (
    SELECT subject_code AS branch_code, level AS decided_level
    FROM v_ratings
    WHERE subject_kind = 'chi_bo' AND period_kind($period) = 'year'
      AND CAST(year AS VARCHAR) = $period
)
SELECT c.rank, c.branch_code, c.branch_name, c.total_score, c.common_score, c.task_score,
       c.complete, c.n_scored, c.n_expected, c.computed_level, d.decided_level, c.score_source,
       p.prev_period, p.prev_total, p.prev_rank,
       CASE WHEN c.complete THEN c.total_score - p.prev_total END AS total_change,
       CASE WHEN c.complete THEN p.prev_rank - c.rank END AS rank_change
FROM current c
LEFT JOIN comparison p USING (branch_code)
LEFT JOIN decided d USING (branch_code)
ORDER BY c.complete DESC, c.rank NULLS LAST, c.branch_name COLLATE vi;

-- name: history
-- Total score and rank of each cell in every complete period of the given kind
-- ('year' or 'quarter'), for the lines over time; ranks among $caller_cells as in leaderboard.
-- Per cell: each row is one cell's; run for every cell, then narrowed.
WITH visible AS (
    SELECT * REPLACE (rank() OVER (PARTITION BY period ORDER BY total_score DESC) AS rank)
    FROM mart_branch_period_scores
    WHERE complete AND branch_code = ANY($caller_cells)
)
SELECT period, period_order(period) AS ord, period_year(period) AS year, branch_code, branch_name,
       total_score, rank
FROM visible
WHERE period_kind(period) = $kind AND branch_code = ANY($branches)
ORDER BY ord, branch_name COLLATE vi;

-- name: level_counts
-- How many cells of a period fall in each level by score (complete ones only).
SELECT l.code AS level, l.ordinal, count(s.branch_code) AS cells
FROM levels l
LEFT JOIN mart_branch_period_scores s
       ON s.computed_level = l.code AND s.period = $period AND s.branch_code = ANY($branches)
GROUP BY l.code, l.ordinal
ORDER BY l.ordinal;

-- name: criteria_matrix
-- Cell × criterion of a period: the score and its share of the criterion's maximum.
-- Per cell: each row is one cell's; run for every cell, then narrowed.
SELECT b.branch_code, b.branch_name, pc.criterion_code, pc.criterion_name, pc."group", pc.max_points,
       s.score, s.score / pc.max_points AS share
FROM mart_period_criteria pc
CROSS JOIN v_branches b
LEFT JOIN v_scores s ON s.period = pc.period AND s.branch_code = b.branch_code
                    AND s.criterion_code = pc.criterion_code
WHERE pc.period = $period AND b.active AND b.branch_code = ANY($branches)
ORDER BY b.branch_name COLLATE vi, pc.criterion_code;

-- name: why_by_cell
-- "Vì sao?" for every cell given ($branches: the Đảng bộ within the caller's scope) in a
-- period: each criterion's score against the average of those cells and against the comparison
-- period ($compare as in leaderboard); a row per cell and criterion of the period, the cell's
-- score NULL where it has none. Read once for every cell and kept, so that choosing another cell
-- reads nothing; the page keeps the chosen cell's rows.
WITH crit AS (
    SELECT * FROM mart_period_criteria WHERE period = $period
),
cells AS (
    SELECT DISTINCT unnest($branches) AS branch_code
),
scores AS (
    SELECT s.branch_code, s.criterion_code, s.score FROM v_scores s
    WHERE s.period = $period AND s.branch_code = ANY($branches)
),
averages AS (
    SELECT criterion_code, avg(score) AS average FROM scores GROUP BY ALL
),
before AS (
    SELECT branch_code, criterion_code, any_value(score) AS prev_score FROM v_scores
    WHERE branch_code = ANY($branches)
      AND period = CASE WHEN $compare = 'year_before' THEN period_year_before($period)
                        ELSE period_previous($period) END
    GROUP BY ALL
),
mine AS (
    SELECT branch_code, criterion_code, max(score) AS score FROM scores GROUP BY ALL
)
SELECT k.branch_code, c.criterion_code, c.criterion_name, c."group", c.max_points, c.solution,
       m.score, a.average, m.score - a.average AS against_average,
       b.prev_score, m.score - b.prev_score AS change
FROM cells k
CROSS JOIN crit c
LEFT JOIN mine m ON m.branch_code = k.branch_code AND m.criterion_code = c.criterion_code
LEFT JOIN averages a ON a.criterion_code = c.criterion_code
LEFT JOIN before b ON b.branch_code = k.branch_code AND b.criterion_code = c.criterion_code
ORDER BY k.branch_code, c.criterion_code;

-- name: member_levels
-- Member ratings per cell, year and level (for the distribution of member levels).
-- Per cell: each row is one cell's; run for every cell, then narrowed.
SELECT r.year, r.branch_code, b.branch_name, r.level, l.ordinal, count(*) AS members
FROM mart_member_ratings r
JOIN v_branches b USING (branch_code)
JOIN levels l ON l.code = r.level
WHERE r.branch_code = ANY($branches)
GROUP BY ALL
ORDER BY r.year, branch_name COLLATE vi, l.ordinal;

-- name: member_quota
-- Per year (and per cell when $quota_pool = 'chi_bo'), across the cells given: members rated
-- HTXSNV, HTTNV, and the most HTXSNV the quota allows (the same arithmetic as the rule).
SELECT year, pool_cell AS branch_code, excellent, good, base_count, share, raw_allowed, allowed, source
FROM quota_check('dang_vien', $branches, $quota_base, $quota_pool, $quota_rounding)
ORDER BY year, pool_cell;
