-- name: history
-- Uploads that wrote the given cells (or no cell at all, such as criteria), newest first,
-- with who, when, what and whether it was undone.
-- Per cell: each upload names the cells it wrote (branches), none when it wrote no cell's rows.
SELECT upload_id, file_name, sha256, size_bytes, uploaded_by, uploaded_at, source, counts,
       undone_at, undone_by, branches
FROM uploads
WHERE source <> 'system'
  AND (branches IS NULL OR len(branches) = 0 OR list_has_any(branches, $branches))
ORDER BY upload_id DESC;

-- name: audit
-- The latest 10.000 events of the audit trail, newest first (the page shows a thousand at a
-- time): every event for a caller with no cell scope; for a caller limited to some cells, only
-- the events of users whose cells all lie within the caller's (an event of an unscoped user, or
-- of a name that is no user, is not).
SELECT audit_id, happened_at, user_name, action, detail FROM audit
WHERE $caller_sees_all OR (len(coalesce(branches, [])) > 0 AND list_has_all($caller_cells, branches))
ORDER BY audit_id DESC LIMIT 10000;

-- name: rows_in_cells
-- Per upload, the rows it wrote that belong to the given cells, plus the rows that belong to
-- no cell (criteria, resolutions: seen by everyone). A row's cell: its own branch_code; a
-- rating's subject (a cell, or the member's cell as of that upload); a commitment's member's
-- cell as of that upload; a progress report's action's cell as of that upload. Rows of other
-- cells are not counted.
WITH written AS (
    SELECT upload_id, branch_code, FALSE AS everyone FROM branches
    UNION ALL SELECT upload_id, branch_code, FALSE FROM members
    UNION ALL SELECT upload_id, NULL, TRUE FROM criteria
    UNION ALL SELECT upload_id, branch_code, FALSE FROM scores
    UNION ALL SELECT r.upload_id, CASE WHEN r.subject_kind = 'chi_bo' THEN r.subject_code ELSE m.branch_code END,
                     FALSE
              FROM ratings r ASOF LEFT JOIN members m
                   ON m.member_code = r.subject_code AND r.upload_id >= m.upload_id
    UNION ALL SELECT upload_id, branch_code, FALSE FROM meetings
    UNION ALL SELECT upload_id, branch_code, FALSE FROM absences
    UNION ALL SELECT upload_id, branch_code, FALSE FROM actions
    UNION ALL SELECT p.upload_id, a.branch_code, FALSE
              FROM progress_reports p ASOF LEFT JOIN actions a
                   ON a.action_code = p.action_code AND p.upload_id >= a.upload_id
    UNION ALL SELECT upload_id, NULL, TRUE FROM resolutions
    UNION ALL SELECT upload_id, branch_code, FALSE FROM resolution_uptake
    UNION ALL SELECT upload_id, branch_code, FALSE FROM committee_meetings
    UNION ALL SELECT c.upload_id, m.branch_code, FALSE
              FROM commitments c ASOF LEFT JOIN members m
                   ON m.member_code = c.member_code AND c.upload_id >= m.upload_id
    -- issue 14: rating proposals, like ratings (a cell, or the member's cell as of that upload)
    UNION ALL SELECT r.upload_id, CASE WHEN r.subject_kind = 'chi_bo' THEN r.subject_code ELSE m.branch_code END,
                     FALSE
              FROM rating_proposals r ASOF LEFT JOIN members m
                   ON m.member_code = r.subject_code AND r.upload_id >= m.upload_id
    -- end issue 14
),
chosen AS (SELECT DISTINCT unnest($branches) AS branch_code)
-- A join, not list_contains in the FILTER: that looked each of the sector's 4,4 million rows up
-- in a list of 2.000 cells (5,9 s; 0,4 s so).
SELECT w.upload_id, count(*) FILTER (WHERE w.everyone OR c.branch_code IS NOT NULL) AS rows
FROM written w
LEFT JOIN chosen c ON c.branch_code = w.branch_code
GROUP BY w.upload_id
ORDER BY w.upload_id;

-- name: member_names
-- Members' names, only when the caller may see them ($show_names is set by the
-- query runner from the user's role, never by a page), with each member's cell.
-- Per cell: each row is one cell's; run for every cell, then narrowed.
SELECT member_code, CASE WHEN $show_names THEN full_name END AS full_name, branch_code
FROM v_members WHERE branch_code = ANY($branches)
ORDER BY member_code;
