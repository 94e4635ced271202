-- Regulation checks. Every query returns one row per finding with the columns
-- year, branch_code, subject_code, value, limit_value, detail, tag, source: `source` is the
-- source in force on the date of the fact judged (the thresholds come from its rows of
-- rule_thresholds), `tag` tells apart the rules one query serves. dashboard/rules.py names
-- each rule, its severity and topic, and writes the sentence with its arithmetic.

-- name: quota_members
-- Members rated HTXSNV above the share of the base (those rated HTTNV, or HTTNV and better)
-- that the regime of the year allows, counted across the cells given or in each cell
-- ($quota_pool), the allowance rounded as $quota_rounding says.
SELECT year, pool_cell AS branch_code, NULL AS subject_code, excellent AS value, allowed AS limit_value,
       CAST(base_count AS VARCHAR) || '|' || CAST(share AS VARCHAR) || '|' || CAST(raw_allowed AS VARCHAR)
           AS detail,
       NULL AS tag, source
FROM quota_check('dang_vien', $branches, $quota_base, $quota_pool, $quota_rounding)
WHERE excellent > allowed
ORDER BY year, pool_cell;

-- name: quota_cells
-- Cells rated HTXSNV above the share allowed of the cells rated HTTNV (or better), per year.
SELECT year, NULL AS branch_code, NULL AS subject_code, excellent AS value, allowed AS limit_value,
       CAST(base_count AS VARCHAR) || '|' || CAST(share AS VARCHAR) || '|' || CAST(raw_allowed AS VARCHAR)
           AS detail,
       NULL AS tag, source
FROM quota_check('chi_bo', $branches, $quota_base, 'dang_bo', $quota_rounding)
WHERE excellent > allowed
ORDER BY year;

-- name: disciplined_rated_high
-- Members disciplined in the year rated above the best level the regime allows them:
-- tag 'high' when HTTNV or better (never allowed), 'cap' for HTNV where only KHTNV is.
SELECT m.year, m.branch_code, m.member_code AS subject_code, m.ordinal AS value,
       r.member_disciplined_best AS limit_value,
       m.level || '|' || (SELECT code FROM levels WHERE ordinal = r.member_disciplined_best) AS detail,
       CASE WHEN m.ordinal <= 2 THEN 'high' ELSE 'cap' END AS tag, r.source
FROM mart_member_ratings m
JOIN mart_rating_rules r USING (year)
WHERE m.disciplined AND m.ordinal < r.member_disciplined_best AND m.branch_code = ANY($branches)
ORDER BY m.year, m.member_code;

-- name: cell_caps
-- A cell's decided level against its members' levels and discipline in the year:
--   'excellent_share': HTXSNV with fewer members HTTNV or better than the share required;
--   'pass_share':      HTTNV or better with fewer members HTNV or better than required;
--   'committee':       HTXSNV with a member of its committee disciplined in the year.
WITH members AS (
    SELECT year, branch_code, count(*) AS rated,
           count(*) FILTER (WHERE ordinal <= 3) AS passed,
           count(*) FILTER (WHERE ordinal <= 2) AS good,
           list(member_code ORDER BY member_code) FILTER (WHERE disciplined AND on_committee) AS committee_disciplined
    FROM mart_member_ratings WHERE branch_code = ANY($branches)
    GROUP BY year, branch_code
),
cells AS (
    SELECT c.year, c.subject_code AS branch_code, c.level, m.*, r.*
    FROM v_ratings c
    JOIN members m ON m.year = c.year AND m.branch_code = c.subject_code
    JOIN mart_rating_rules r ON r.year = c.year
    WHERE c.subject_kind = 'chi_bo'
)
SELECT year, branch_code, branch_code AS subject_code, good / rated AS value,
       cell_excellent_members_share AS limit_value,
       level || '|' || CAST(good AS VARCHAR) || '|' || CAST(rated AS VARCHAR) AS detail,
       'excellent_share' AS tag, source
FROM cells
WHERE level = 'HTXSNV' AND good < cell_excellent_members_share * rated - 1e-9
UNION ALL
SELECT year, branch_code, branch_code, passed / rated, cell_good_members_pass_share,
       level || '|' || CAST(passed AS VARCHAR) || '|' || CAST(rated AS VARCHAR), 'pass_share', source
FROM cells
WHERE level IN ('HTXSNV', 'HTTNV') AND passed < cell_good_members_pass_share * rated - 1e-9
UNION ALL
SELECT year, branch_code, branch_code, len(committee_disciplined), 0,
       level || '|' || array_to_string(committee_disciplined, ', '), 'committee', source
FROM cells
WHERE level = 'HTXSNV' AND cell_committee_disciplined_blocks > 0 AND len(committee_disciplined) > 0
ORDER BY 1, 2, 7;

-- name: level_out_of_band
-- Cells whose decided level differs from the level their annual score gives: tag 'above' when
-- the decided level is better than 366's band allows, 'differs' otherwise (below the band, or
-- a band of the office's own framework, which no regulation sets).
SELECT r.year, r.subject_code AS branch_code, r.subject_code, s.total_score AS value, NULL AS limit_value,
       r.level || '|' || s.computed_level AS detail,
       CASE WHEN s.score_source <> 'DANG_BO' AND dl.ordinal < cl.ordinal THEN 'above' ELSE 'differs' END AS tag,
       s.score_source AS source
FROM v_ratings r
JOIN mart_branch_period_scores s ON s.period = CAST(r.year AS VARCHAR) AND s.branch_code = r.subject_code
JOIN levels dl ON dl.code = r.level
JOIN levels cl ON cl.code = s.computed_level
WHERE r.subject_kind = 'chi_bo' AND s.complete AND s.computed_level <> r.level
  AND r.subject_code = ANY($branches)
ORDER BY r.year, r.subject_code;

-- name: meetings_regular
-- Cells that held fewer regular meetings (a combined one counts) than the guidance in force at
-- the end of a finished year asks (before the year of $today), for years the cell existed and
-- its records cover from January.
WITH years AS (
    SELECT CAST(range AS INTEGER) AS year
    FROM range((SELECT min(year(held_on)) FROM v_meetings), year(CAST($today AS DATE)))
),
first_record AS (SELECT branch_code, min(held_on) AS first_on FROM v_meetings GROUP BY branch_code),
held AS (
    SELECT b.branch_code, y.year, count(m.held_on) FILTER (WHERE m.is_regular) AS regular
    FROM v_branches b
    CROSS JOIN years y
    JOIN first_record f USING (branch_code)
    LEFT JOIN mart_meetings_judged m ON m.branch_code = b.branch_code AND year(m.held_on) = y.year
    WHERE b.active AND b.branch_code = ANY($branches)
      AND (b.founded_on IS NULL OR b.founded_on <= make_date(y.year, 1, 31))
      AND f.first_on <= make_date(y.year, 1, 31)
    GROUP BY ALL
)
SELECT h.year, h.branch_code, h.branch_code AS subject_code, h.regular AS value,
       r.regular_per_year AS limit_value, NULL AS detail, NULL AS tag, r.source
FROM held h
JOIN mart_source_rules r
  ON r.topic = 'meeting' AND make_date(h.year, 12, 31) BETWEEN r.in_force_from AND r.in_force_to
WHERE h.regular < r.regular_per_year
ORDER BY h.year, h.branch_code;

-- name: meetings_thematic
-- Finished quarters (ended before $today) in which a cell held fewer thematic meetings (a
-- combined one counts) than the guidance in force at the quarter's end asks, for quarters
-- the cell existed and its records cover from the quarter's first month.
WITH bounds AS (
    SELECT year(q) AS year, quarter(q) AS quarter, CAST(q AS DATE) AS starts_on,
           CAST(q + INTERVAL 3 MONTH - INTERVAL 1 DAY AS DATE) AS ends_on
    FROM range(CAST(date_trunc('quarter', (SELECT min(held_on) FROM v_meetings)) AS TIMESTAMP),
               CAST(CAST($today AS DATE) AS TIMESTAMP), INTERVAL 3 MONTH) t(q)
),
first_record AS (SELECT branch_code, min(held_on) AS first_on FROM v_meetings GROUP BY branch_code),
held AS (
    SELECT b.branch_code, q.year, q.quarter, q.ends_on,
           count(m.held_on) FILTER (WHERE m.is_thematic) AS thematic
    FROM v_branches b
    CROSS JOIN bounds q
    JOIN first_record f USING (branch_code)
    LEFT JOIN mart_meetings_judged m ON m.branch_code = b.branch_code AND m.held_on BETWEEN q.starts_on AND q.ends_on
    WHERE b.active AND b.branch_code = ANY($branches) AND q.ends_on < CAST($today AS DATE)
      AND (b.founded_on IS NULL OR b.founded_on <= q.starts_on)
      AND f.first_on <= last_day(q.starts_on)
    GROUP BY ALL
)
SELECT h.year, h.branch_code, h.branch_code AS subject_code, h.thematic AS value,
       r.thematic_per_quarter AS limit_value, CAST(h.quarter AS VARCHAR) AS detail, NULL AS tag, r.source
FROM held h
JOIN mart_source_rules r ON r.topic = 'meeting' AND h.ends_on BETWEEN r.in_force_from AND r.in_force_to
WHERE h.thematic < r.thematic_per_quarter
ORDER BY h.year, h.quarter, h.branch_code;

-- name: meeting_attendance
-- Meetings whose attendance (present ÷ members not exempt) is not above the guidance's minimum.
SELECT year(held_on) AS year, branch_code, branch_code AS subject_code, attendance AS value,
       attendance_above AS limit_value, strftime(held_on, '%d/%m/%Y') AS detail, NULL AS tag, source
FROM mart_meetings_judged
WHERE low_attendance AND branch_code = ANY($branches)
ORDER BY held_on, branch_code;

-- name: meeting_unexcused
-- Meetings with unexcused absences (the guidance asks for none).
SELECT year(held_on) AS year, branch_code, branch_code AS subject_code, absent_unexcused AS value,
       0 AS limit_value, strftime(held_on, '%d/%m/%Y') AS detail, NULL AS tag, source
FROM mart_meetings_judged
WHERE has_unexcused AND branch_code = ANY($branches)
ORDER BY held_on, branch_code;

-- name: meeting_too_short
-- Meetings shorter than the guidance in force on their day asks (120 minutes for a combined
-- regular and thematic meeting only from 42-HD/BTCTW; 90 minutes otherwise).
SELECT year(held_on) AS year, branch_code, branch_code AS subject_code, minutes AS value,
       minutes_required AS limit_value, strftime(held_on, '%d/%m/%Y') AS detail,
       CASE WHEN is_combined THEN 'combined' END AS tag, source
FROM mart_meetings_judged
WHERE too_short AND branch_code = ANY($branches)
ORDER BY held_on, branch_code;

-- name: removal_unexcused_months
-- Members absent without a reason from meetings in as many distinct months of one year as the
-- source in force on the day that month was reached names (three): considered for removal.
-- Excused absences never count.
WITH months AS (
    SELECT member_code, year(held_on) AS year, month(held_on) AS month,
           min(held_on) AS first_on, arg_min(branch_code, held_on) AS branch_code
    FROM v_absences
    WHERE NOT excused AND branch_code = ANY($branches)
    GROUP BY ALL
),
ranked AS (
    SELECT *, row_number() OVER (PARTITION BY member_code, year ORDER BY first_on) AS nth,
           count(*) OVER (PARTITION BY member_code, year) AS in_year,
           string_agg(CAST(month AS VARCHAR), ', ' ORDER BY month) OVER (PARTITION BY member_code, year) AS listed
    FROM months
)
SELECT k.year, k.branch_code, k.member_code AS subject_code, k.in_year AS value,
       r.removal_unexcused_months AS limit_value,
       k.listed || '|' || strftime(k.first_on, '%d/%m/%Y') AS detail, NULL AS tag, r.source
FROM ranked k
JOIN mart_source_rules r ON r.topic = 'removal' AND k.first_on BETWEEN r.in_force_from AND r.in_force_to
WHERE k.nth = r.removal_unexcused_months
ORDER BY k.year, k.member_code;
