-- The year-end review. The planner's two statements run only inside a transaction that is
-- always rolled back (dashboard/yearend.py): they write nothing that lasts.

-- name: supersede_for_planner
-- The year's current ratings of the proposed subjects step aside for the proposals.
UPDATE ratings AS r SET superseded_by = $u
WHERE r.superseded_by IS NULL AND r.year = $year
  AND EXISTS (SELECT 1 FROM planner_proposed p
              WHERE p.subject_kind = r.subject_kind AND p.subject_code = r.subject_code);

-- name: insert_for_planner
-- The proposals as that year's ratings, each member keeping the discipline recorded for the year.
INSERT INTO ratings (year, subject_kind, subject_code, level, score, disciplined, discipline_form,
                     decided_on, upload_id)
SELECT $year, p.subject_kind, p.subject_code, p.level, NULL, coalesce(r.disciplined, FALSE),
       r.discipline_form, NULL, $u
FROM planner_proposed p
LEFT JOIN ratings r ON r.year = $year AND r.subject_kind = p.subject_kind
                   AND r.subject_code = p.subject_code AND r.superseded_by = $u;
