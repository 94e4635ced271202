-- name: years
-- Years that have meetings recorded for the given cells, newest first.
SELECT DISTINCT year(held_on) AS year FROM v_meetings
WHERE list_contains($branches, branch_code) ORDER BY year DESC;

-- name: yearly
-- Per cell in a year: regular and thematic meetings (a combined meeting counts
-- as both) against the year's thresholds, thematic meetings per quarter, average
-- attendance of members not exempt, unexcused absences, share with
-- self-criticism, speakers per meeting, average length and meetings too short.
WITH t AS (
    SELECT max(value) FILTER (WHERE rule = 'meetings_regular_per_year') AS regular_required,
           max(value) FILTER (WHERE rule = 'meetings_thematic_per_year') AS thematic_required,
           max(value) FILTER (WHERE rule = 'attendance_min') AS attendance_min,
           max(value) FILTER (WHERE rule = 'meeting_minutes_min') AS minutes_min,
           max(value) FILTER (WHERE rule = 'meeting_minutes_combined_min') AS minutes_combined_min
    FROM v_year_thresholds WHERE year = $year
)
SELECT b.branch_code, b.branch_name,
       count(m.held_on) FILTER (WHERE m.kind IN ('thuong_ky', 'ket_hop')) AS regular,
       count(m.held_on) FILTER (WHERE m.kind IN ('chuyen_de', 'ket_hop')) AS thematic,
       count(m.held_on) FILTER (WHERE m.kind IN ('chuyen_de', 'ket_hop') AND quarter(m.held_on) = 1) AS thematic_q1,
       count(m.held_on) FILTER (WHERE m.kind IN ('chuyen_de', 'ket_hop') AND quarter(m.held_on) = 2) AS thematic_q2,
       count(m.held_on) FILTER (WHERE m.kind IN ('chuyen_de', 'ket_hop') AND quarter(m.held_on) = 3) AS thematic_q3,
       count(m.held_on) FILTER (WHERE m.kind IN ('chuyen_de', 'ket_hop') AND quarter(m.held_on) = 4) AS thematic_q4,
       avg(m.present / nullif(m.members_total - m.members_exempt, 0)) AS attendance,
       count(m.held_on) FILTER (WHERE m.present <= t.attendance_min * (m.members_total - m.members_exempt))
           AS low_attendance,
       coalesce(sum(m.absent_unexcused), 0) AS unexcused,
       avg(CASE WHEN m.self_criticism THEN 1.0 WHEN NOT m.self_criticism THEN 0.0 END) AS criticism_share,
       avg(m.speakers) AS speakers,
       avg(m.minutes) AS avg_minutes,
       count(m.held_on) FILTER (WHERE m.minutes < CASE WHEN m.kind = 'ket_hop'
                                    THEN t.minutes_combined_min ELSE t.minutes_min END)
           AS too_short,
       t.regular_required, t.thematic_required, t.attendance_min
FROM v_branches b
CROSS JOIN t
LEFT JOIN v_meetings m ON m.branch_code = b.branch_code AND year(m.held_on) = $year
WHERE b.active AND list_contains($branches, b.branch_code)
GROUP BY b.branch_code, b.branch_name, t.regular_required, t.thematic_required, t.attendance_min,
         t.minutes_min, t.minutes_combined_min
ORDER BY b.branch_name COLLATE vi;

-- name: calendar
-- Month by month of a year, per cell: regular meetings held (a combined one
-- counts), thematic meetings held, and whether the month is over as of $today.
WITH months AS (SELECT CAST(range AS INTEGER) AS month FROM range(1, 13))
SELECT b.branch_code, b.branch_name, mo.month,
       count(m.held_on) FILTER (WHERE m.kind IN ('thuong_ky', 'ket_hop')) AS regular,
       count(m.held_on) FILTER (WHERE m.kind IN ('chuyen_de', 'ket_hop')) AS thematic,
       count(m.held_on) AS meetings,
       make_date($year, mo.month, 1) + INTERVAL 1 MONTH <= CAST($today AS DATE) AS month_over
FROM v_branches b
CROSS JOIN months mo
LEFT JOIN v_meetings m ON m.branch_code = b.branch_code AND year(m.held_on) = $year
                      AND month(m.held_on) = mo.month
WHERE b.active AND list_contains($branches, b.branch_code)
GROUP BY b.branch_code, b.branch_name, mo.month
ORDER BY b.branch_name COLLATE vi, mo.month;
