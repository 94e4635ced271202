-- Regulation checks. Every query returns one row per finding with the columns
-- year, branch_code, subject_code, value, limit_value, detail; dashboard/rules.py
-- names the rule, its source and severity, and writes the sentence.

-- name: quota_members
-- Members rated HTXSNV above the share allowed of those rated HTTNV, across the cells given
-- (the whole Đảng bộ when every cell is given). $quota_base: 'httnv' or 'httnv_or_better'.
SELECT * FROM quota_breaches('dang_vien', $branches, $quota_base);

-- name: quota_cells
-- Cells rated HTXSNV above the share allowed of the cells rated HTTNV, per year.
SELECT * FROM quota_breaches('chi_bo', $branches, $quota_base);

-- name: disciplined_rated_high
-- Members disciplined in the year yet rated HTTNV or better.
SELECT year, branch_code, member_code AS subject_code, NULL AS value, NULL AS limit_value, level AS detail
FROM v_member_ratings
WHERE disciplined AND level IN ('HTXSNV', 'HTTNV') AND list_contains($branches, branch_code)
ORDER BY year, member_code;

-- name: cell_members_fall_short
-- Cells rated HTTNV or better whose members do not all reach HTNV, or fewer than half reach HTTNV.
WITH members AS (
    SELECT year, branch_code, count(*) AS rated,
           count(*) FILTER (WHERE level IN ('HTXSNV', 'HTTNV', 'HTNV')) AS passed,
           count(*) FILTER (WHERE level IN ('HTXSNV', 'HTTNV')) AS good
    FROM v_member_ratings WHERE list_contains($branches, branch_code)
    GROUP BY year, branch_code
)
SELECT r.year, r.subject_code AS branch_code, r.subject_code,
       m.good / m.rated AS value, g.value AS limit_value,
       r.level || '|' || CAST(m.passed AS VARCHAR) || '|' || CAST(m.good AS VARCHAR) || '|'
           || CAST(m.rated AS VARCHAR) AS detail
FROM v_ratings r
JOIN members m ON m.year = r.year AND m.branch_code = r.subject_code
JOIN v_year_thresholds g ON g.year = r.year AND g.rule = 'cell_good_members_share'
JOIN v_year_thresholds p ON p.year = r.year AND p.rule = 'cell_pass_members_share'
WHERE r.subject_kind = 'chi_bo' AND r.level IN ('HTXSNV', 'HTTNV')
  AND (m.passed < p.value * m.rated OR m.good < g.value * m.rated)
ORDER BY r.year, r.subject_code;

-- name: cell_disciplined_share
-- Cells where more than the allowed share of members were disciplined in the year, not rated KHTNV.
WITH members AS (
    SELECT year, branch_code, count(*) AS rated, count(*) FILTER (WHERE disciplined) AS disciplined
    FROM v_member_ratings WHERE list_contains($branches, branch_code)
    GROUP BY year, branch_code
)
SELECT r.year, r.subject_code AS branch_code, r.subject_code, m.disciplined / m.rated AS value,
       t.value AS limit_value, r.level AS detail
FROM v_ratings r
JOIN members m ON m.year = r.year AND m.branch_code = r.subject_code
JOIN v_year_thresholds t ON t.year = r.year AND t.rule = 'cell_disciplined_share_max'
WHERE r.subject_kind = 'chi_bo' AND r.level <> 'KHTNV' AND m.disciplined > t.value * m.rated
ORDER BY r.year, r.subject_code;

-- name: level_out_of_band
-- Cells whose decided level differs from the level their annual score's band gives.
SELECT r.year, r.subject_code AS branch_code, r.subject_code, s.total_score AS value, NULL AS limit_value,
       r.level || '|' || s.computed_level AS detail
FROM v_ratings r
JOIN v_branch_period_scores s ON s.period = CAST(r.year AS VARCHAR) AND s.branch_code = r.subject_code
WHERE r.subject_kind = 'chi_bo' AND s.complete AND s.computed_level <> r.level
  AND list_contains($branches, r.subject_code)
ORDER BY r.year, r.subject_code;

-- name: meetings_per_year
-- Cells that held fewer regular (combined count) or thematic meetings than required in a
-- finished year (before the year of $today).
WITH held AS (
    SELECT b.branch_code, y.year,
           count(m.held_on) FILTER (WHERE m.kind IN ('thuong_ky', 'ket_hop')) AS regular,
           count(m.held_on) FILTER (WHERE m.kind IN ('chuyen_de', 'ket_hop')) AS thematic
    FROM v_branches b
    CROSS JOIN (SELECT DISTINCT year(held_on) AS year FROM v_meetings) y
    LEFT JOIN v_meetings m ON m.branch_code = b.branch_code AND year(m.held_on) = y.year
    WHERE b.active AND list_contains($branches, b.branch_code) AND y.year < year(CAST($today AS DATE))
      -- a year counts only if the cell existed all year and its records start by January
      AND (b.founded_on IS NULL OR b.founded_on <= make_date(y.year, 1, 31))
      AND (SELECT min(held_on) FROM v_meetings f WHERE f.branch_code = b.branch_code) <= make_date(y.year, 1, 31)
    GROUP BY ALL
)
SELECT h.year, h.branch_code, h.branch_code AS subject_code, h.regular AS value, r.value AS limit_value,
       'regular' AS detail
FROM held h JOIN v_year_thresholds r ON r.year = h.year AND r.rule = 'meetings_regular_per_year'
WHERE h.regular < r.value
UNION ALL
SELECT h.year, h.branch_code, h.branch_code, h.thematic, t.value, 'thematic'
FROM held h JOIN v_year_thresholds t ON t.year = h.year AND t.rule = 'meetings_thematic_per_year'
WHERE h.thematic < t.value
ORDER BY 1, 2, 6;

-- name: meeting_attendance
-- Meetings whose attendance (present ÷ members not exempt) is at or below the minimum.
SELECT year(m.held_on) AS year, m.branch_code, m.branch_code AS subject_code,
       m.present / nullif(m.members_total - m.members_exempt, 0) AS value, t.value AS limit_value,
       strftime(m.held_on, '%d/%m/%Y') AS detail
FROM v_meetings m
JOIN v_year_thresholds t ON t.year = year(m.held_on) AND t.rule = 'attendance_min'
WHERE list_contains($branches, m.branch_code)
  AND m.present <= t.value * (m.members_total - m.members_exempt)
ORDER BY m.held_on, m.branch_code;

-- name: meeting_unexcused
-- Meetings with unexcused absences.
SELECT year(held_on) AS year, branch_code, branch_code AS subject_code, absent_unexcused AS value,
       0 AS limit_value, strftime(held_on, '%d/%m/%Y') AS detail
FROM v_meetings
WHERE absent_unexcused > 0 AND list_contains($branches, branch_code)
ORDER BY held_on, branch_code;

-- name: meeting_too_short
-- Meetings shorter than the minimum (longer for a combined regular and thematic meeting).
SELECT year(m.held_on) AS year, m.branch_code, m.branch_code AS subject_code, m.minutes AS value,
       CASE WHEN m.kind = 'ket_hop' THEN c.value ELSE t.value END AS limit_value,
       strftime(m.held_on, '%d/%m/%Y') AS detail
FROM v_meetings m
JOIN v_year_thresholds t ON t.year = year(m.held_on) AND t.rule = 'meeting_minutes_min'
JOIN v_year_thresholds c ON c.year = year(m.held_on) AND c.rule = 'meeting_minutes_combined_min'
WHERE list_contains($branches, m.branch_code) AND m.minutes IS NOT NULL
  AND m.minutes < CASE WHEN m.kind = 'ket_hop' THEN c.value ELSE t.value END
ORDER BY m.held_on, m.branch_code;

-- name: consecutive_absences
-- Members absent from more consecutive meetings of their cell than allowed.
WITH meetings AS (
    -- Absences name a cell and a day: two meetings of one cell on one day count as one here.
    SELECT branch_code, held_on, row_number() OVER (PARTITION BY branch_code ORDER BY held_on) AS seq
    FROM (SELECT DISTINCT branch_code, held_on FROM v_meetings WHERE list_contains($branches, branch_code))
),
absent AS (
    SELECT a.member_code, a.branch_code, m.held_on, m.seq,
           m.seq - row_number() OVER (PARTITION BY a.member_code, a.branch_code ORDER BY m.seq) AS island
    FROM v_absences a JOIN meetings m USING (branch_code, held_on)
),
runs AS (
    SELECT member_code, branch_code, count(*) AS run, min(held_on) AS first_on, max(held_on) AS last_on
    FROM absent GROUP BY member_code, branch_code, island
)
SELECT year(r.last_on) AS year, r.branch_code, r.member_code AS subject_code, r.run AS value,
       t.value AS limit_value,
       strftime(r.first_on, '%d/%m/%Y') || '|' || strftime(r.last_on, '%d/%m/%Y') AS detail
FROM runs r
JOIN v_year_thresholds t ON t.year = year(r.last_on) AND t.rule = 'max_consecutive_absences'
WHERE r.run > t.value
ORDER BY r.last_on, r.member_code;
