-- Writing an upload (dashboard/ingest/commit.py). The rows themselves are written by SQL
-- generated per table from the contract.

-- name: next_upload_id
-- The number the next upload gets.
SELECT coalesce(max(upload_id), 0) + 1 FROM uploads;

-- name: record_upload
-- The upload's record: file, hash, size, who, when, from where, rows per sheet, cells written.
INSERT INTO uploads (upload_id, file_name, sha256, size_bytes, uploaded_by, uploaded_at, source, counts, branches)
VALUES ($upload_id, $file_name, $sha256, $size_bytes, $uploaded_by, $uploaded_at, $source, $counts, $cells);

-- name: upload_recorded
-- Whether the upload's record is in the store (checked after COMMIT).
SELECT count(*) FROM uploads WHERE upload_id = $upload_id;
