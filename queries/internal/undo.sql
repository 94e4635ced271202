-- Undoing an upload (dashboard/ingest/undo.py). The rows themselves are restored by SQL
-- generated per table from the contract.

-- name: upload
-- Where an upload came from, whether it was undone, and the cells it wrote.
SELECT source, undone_at, branches FROM uploads WHERE upload_id = $upload_id;

-- name: mark_undone
-- Record who undid the upload, and when.
UPDATE uploads SET undone_at = $undone_at, undone_by = $undone_by WHERE upload_id = $upload_id;

-- name: undone
-- Whether the upload is recorded as undone (checked after COMMIT).
SELECT undone_at IS NOT NULL FROM uploads WHERE upload_id = $upload_id;
