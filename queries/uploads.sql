-- name: history
-- Every upload, newest first, with who, when, what and whether it was undone.
SELECT upload_id, file_name, sha256, size_bytes, uploaded_by, uploaded_at, source, counts,
       undone_at, undone_by
FROM uploads
WHERE source <> 'system'
ORDER BY upload_id DESC;
