-- name: history
-- Every upload but the system's, newest first, for `python -m dashboard history`.
SELECT upload_id, file_name, uploaded_by, uploaded_at, source, undone_at FROM uploads
WHERE source <> 'system'
ORDER BY upload_id DESC;
