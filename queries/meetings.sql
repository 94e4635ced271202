-- name: years
-- Years that have meetings recorded for the given cells, newest first.
SELECT DISTINCT year(held_on) AS year FROM v_meetings
WHERE list_contains($branches, branch_code) ORDER BY year DESC;

-- name: yearly
-- Per cell in a year: regular and thematic meetings (a combined meeting counts
-- as both), average attendance of members not exempt, unexcused absences,
-- share with self-criticism, average length.
SELECT b.branch_code, b.branch_name,
       count(m.held_on) FILTER (WHERE m.kind IN ('thuong_ky', 'ket_hop')) AS regular,
       count(m.held_on) FILTER (WHERE m.kind IN ('chuyen_de', 'ket_hop')) AS thematic,
       avg(m.present / nullif(m.members_total - m.members_exempt, 0)) AS attendance,
       coalesce(sum(m.absent_unexcused), 0) AS unexcused,
       avg(CASE WHEN m.self_criticism THEN 1.0 WHEN NOT m.self_criticism THEN 0.0 END) AS criticism_share,
       avg(m.minutes) AS avg_minutes
FROM v_branches b
LEFT JOIN v_meetings m ON m.branch_code = b.branch_code AND year(m.held_on) = $year
WHERE b.active AND list_contains($branches, b.branch_code)
GROUP BY ALL
ORDER BY branch_name COLLATE vi;

-- name: monthly
-- Meetings per cell and month of a year, by kind.
SELECT m.branch_code, b.branch_name, month(m.held_on) AS month, m.kind, count(*) AS meetings
FROM v_meetings m JOIN v_branches b USING (branch_code)
WHERE year(m.held_on) = $year AND list_contains($branches, m.branch_code)
GROUP BY ALL
ORDER BY branch_name COLLATE vi, month;
