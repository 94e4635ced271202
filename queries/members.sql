-- The member register (Đảng viên): each member of the cells given, with ratings, discipline,
-- unexcused absences and probation. Full names only when $show_names (administrators).

-- name: register
-- The members in the cells given on $today (not left), with kind, party post and joining date.
-- Per cell: each row is one cell's; run for every cell, then narrowed.
SELECT m.member_code, CASE WHEN $show_names THEN m.full_name END AS full_name, m.branch_code, b.branch_name,
       m.kind, m.party_role, m.joined_on
FROM v_members m
JOIN v_branches b USING (branch_code)
WHERE (m.left_on IS NULL OR m.left_on > $today) AND m.branch_code = ANY($branches)
ORDER BY m.branch_code, m.member_code;

-- name: ratings
-- Every decided rating of the members of the cells given, with the discipline of the year.
SELECT r.subject_code AS member_code, r.year, r.level, r.disciplined, r.discipline_form
FROM v_ratings r
JOIN v_members m ON m.member_code = r.subject_code
WHERE r.subject_kind = 'dang_vien' AND m.branch_code = ANY($branches)
ORDER BY r.subject_code, r.year;

-- name: unexcused
-- Per member and cell whose meeting it was, the meetings missed without a reason in $year (a
-- member who moved cells in the year has a row for each; the page sums a member's rows).
-- Per cell: each row is one cell's; run for every cell, then narrowed.
SELECT member_code, branch_code, count(*) AS meetings
FROM v_absences
WHERE NOT excused AND year(held_on) = $year AND branch_code = ANY($branches)
GROUP BY member_code, branch_code
ORDER BY member_code, branch_code;

-- name: probation
-- Probationary members and the day their probation ends: the months the source in force on that
-- day sets (Điều lệ Đảng, Điều 5: twelve months from admission), counted from the joining date.
-- Per cell: each row is one cell's; run for every cell, then narrowed.
WITH ends AS (
    SELECT m.member_code, m.branch_code, m.joined_on, s.source, s.citation_vi, s.citation_en,
           CAST(m.joined_on + to_months(CAST(t.value AS INTEGER)) AS DATE) AS ends_on,
           s.in_force_from, coalesce(s.in_force_to, DATE '9999-12-31') AS in_force_to
    FROM v_members m
    JOIN sources s ON s.topic = 'probation'
    JOIN rule_thresholds t ON t.source = s.source AND t.threshold = 'probation_months'
    WHERE m.kind = 'du_bi' AND m.joined_on IS NOT NULL AND (m.left_on IS NULL OR m.left_on > $today)
      AND m.branch_code = ANY($branches)
)
SELECT member_code, branch_code, joined_on, ends_on, datediff('day', $today, ends_on) AS days_left,
       source, citation_vi, citation_en
FROM ends
WHERE ends_on BETWEEN in_force_from AND in_force_to
ORDER BY ends_on, member_code;
