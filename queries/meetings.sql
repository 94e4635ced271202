-- name: years
-- Years that have meetings recorded for the given cells, newest first.
SELECT DISTINCT year(held_on) AS year FROM v_meetings
WHERE branch_code = ANY($branches) ORDER BY year DESC;

-- name: yearly
-- Per cell in a year: regular meetings (a combined one counts) against the guidance in force
-- at the end of the year (or on $today while it runs), thematic meetings per quarter, average
-- attendance of members not exempt, meetings not above the attendance minimum, unexcused
-- absences, share with self-criticism, speakers per meeting, average length and meetings
-- shorter than the guidance in force on their day asked.
-- Per cell: each row is one cell's; run for every cell, then narrowed.
WITH r AS (
    SELECT * FROM mart_source_rules
    WHERE topic = 'meeting' AND least(make_date($year, 12, 31), CAST($today AS DATE))
          BETWEEN in_force_from AND in_force_to
)
SELECT b.branch_code, b.branch_name,
       count(m.held_on) FILTER (WHERE m.is_regular) AS regular,
       count(m.held_on) FILTER (WHERE m.is_thematic) AS thematic,
       count(m.held_on) FILTER (WHERE m.is_thematic AND quarter(m.held_on) = 1) AS thematic_q1,
       count(m.held_on) FILTER (WHERE m.is_thematic AND quarter(m.held_on) = 2) AS thematic_q2,
       count(m.held_on) FILTER (WHERE m.is_thematic AND quarter(m.held_on) = 3) AS thematic_q3,
       count(m.held_on) FILTER (WHERE m.is_thematic AND quarter(m.held_on) = 4) AS thematic_q4,
       avg(m.attendance) AS attendance,
       count(m.held_on) FILTER (WHERE m.low_attendance) AS low_attendance,
       coalesce(sum(m.absent_unexcused), 0) AS unexcused,
       avg(CASE WHEN m.self_criticism THEN 1.0 WHEN NOT m.self_criticism THEN 0.0 END) AS criticism_share,
       avg(m.speakers) AS speakers,
       avg(m.minutes) AS avg_minutes,
       count(m.held_on) FILTER (WHERE m.too_short) AS too_short,
       any_value(r.regular_per_year) AS regular_required,
       any_value(r.thematic_per_quarter) AS thematic_per_quarter,
       any_value(r.attendance_above) AS attendance_above,
       any_value(r.minutes_min) AS minutes_min,
       any_value(r.minutes_combined_min) AS minutes_combined_min,
       any_value(r.source) AS source
FROM v_branches b
LEFT JOIN r ON TRUE
LEFT JOIN mart_meetings_judged m ON m.branch_code = b.branch_code AND year(m.held_on) = $year
WHERE b.active AND b.branch_code = ANY($branches)
GROUP BY b.branch_code, b.branch_name
ORDER BY b.branch_name COLLATE vi;

-- name: calendar
-- Month by month of a year, per cell: regular meetings held (a combined one
-- counts), thematic meetings held, and whether the month is over as of $today.
-- Per cell: each row is one cell's; run for every cell, then narrowed.
WITH months AS (SELECT CAST(range AS INTEGER) AS month FROM range(1, 13))
SELECT b.branch_code, b.branch_name, mo.month,
       count(m.held_on) FILTER (WHERE m.is_regular) AS regular,
       count(m.held_on) FILTER (WHERE m.is_thematic) AS thematic,
       count(m.held_on) AS meetings,
       make_date($year, mo.month, 1) + INTERVAL 1 MONTH <= CAST($today AS DATE) AS month_over
FROM v_branches b
CROSS JOIN months mo
LEFT JOIN mart_meetings_judged m ON m.branch_code = b.branch_code AND year(m.held_on) = $year
                             AND month(m.held_on) = mo.month
WHERE b.active AND b.branch_code = ANY($branches)
GROUP BY b.branch_code, b.branch_name, mo.month
ORDER BY b.branch_name COLLATE vi, mo.month;
