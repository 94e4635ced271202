-- The 20 % quota, counted once: rated HTXSNV / HTTNV per year, for members ('dang_vien')
-- or cells ('chi_bo') of the cells given, and the years where HTXSNV exceed the share
-- allowed of the base ('httnv', or 'httnv_or_better' counting HTXSNV too).

CREATE MACRO level_counts(kind, cells) AS TABLE
SELECT year,
       count(*) FILTER (WHERE level = 'HTXSNV') AS excellent,
       count(*) FILTER (WHERE level = 'HTTNV') AS good,
       count(*) FILTER (WHERE level IN ('HTXSNV', 'HTTNV')) AS good_or_better
FROM (
    SELECT year, level, branch_code AS cell FROM v_member_ratings WHERE kind = 'dang_vien'
    UNION ALL
    SELECT year, level, subject_code FROM v_ratings WHERE subject_kind = 'chi_bo' AND kind = 'chi_bo'
)
WHERE list_contains(cells, cell)
GROUP BY year;

CREATE MACRO quota_breaches(kind, cells, base) AS TABLE
SELECT c.year, NULL AS branch_code, NULL AS subject_code, c.excellent AS value,
       t.value * CASE WHEN base = 'httnv_or_better' THEN c.good_or_better ELSE c.good END AS limit_value,
       CAST(CASE WHEN base = 'httnv_or_better' THEN c.good_or_better ELSE c.good END AS VARCHAR)
           || '|' || CAST(t.value AS VARCHAR) || '|' || base AS detail
FROM level_counts(kind, cells) c
JOIN v_year_thresholds t ON t.year = c.year AND t.rule = 'quota_excellent_share'
WHERE c.excellent > t.value * CASE WHEN base = 'httnv_or_better' THEN c.good_or_better ELSE c.good END
ORDER BY c.year;
