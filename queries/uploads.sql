-- name: history
-- Uploads that wrote the given cells (or no cell at all, such as criteria), newest first,
-- with who, when, what and whether it was undone.
SELECT upload_id, file_name, sha256, size_bytes, uploaded_by, uploaded_at, source, counts,
       undone_at, undone_by, branches
FROM uploads
WHERE source <> 'system'
  AND (branches IS NULL OR len(branches) = 0 OR list_has_any(branches, $branches))
ORDER BY upload_id DESC;

-- name: audit
-- The latest events of the audit trail, newest first.
SELECT audit_id, happened_at, user_name, action, detail FROM audit ORDER BY audit_id DESC LIMIT 500;

-- name: member_names
-- Members' names, only when the caller may see them ($show_names is set by the
-- query runner from the user's role, never by a page).
SELECT member_code, CASE WHEN $show_names THEN full_name END AS full_name
FROM v_members WHERE list_contains($branches, branch_code)
ORDER BY member_code;
