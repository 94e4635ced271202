-- The store's own bookkeeping (dashboard/store.py): migrations, versions, settings, lock-down.

-- name: create_schema_version
-- The table of applied migrations, created before the first migration runs.
CREATE TABLE IF NOT EXISTS schema_version (
    version INTEGER PRIMARY KEY, name VARCHAR NOT NULL,
    applied_at TIMESTAMP NOT NULL DEFAULT current_timestamp);

-- name: applied_migrations
-- The versions of the migrations already applied.
SELECT version FROM schema_version;

-- name: record_migration
-- Record one applied migration.
INSERT INTO schema_version (version, name) VALUES ($version, $name);

-- name: migration_recorded
-- Whether a migration is recorded (checked after its COMMIT).
SELECT count(*) = 1 FROM schema_version WHERE version = $version;

-- name: schema_version
-- The schema version of the store (0 before any migration).
SELECT coalesce(max(version), 0) FROM schema_version;

-- name: data_version
-- A number that changes whenever an upload is committed or undone.
SELECT version FROM data_state WHERE id = 1;

-- name: bump_data_version
-- Tell every cache that the data changed (inside the writing transaction).
UPDATE data_state SET version = version + 1 WHERE id = 1;

-- name: set_data_version
-- Set the data version (a restored store moves on past both the old store and the backup).
UPDATE data_state SET version = $version WHERE id = 1;

-- name: office_bands
-- The office's own score bands as stored (DASHBOARD_SCORE_BANDS writes them).
SELECT threshold, value FROM rule_thresholds WHERE source = 'DANG_BO';

-- name: set_office_band
-- Store one of the office's score bands.
UPDATE rule_thresholds SET value = $value WHERE source = 'DANG_BO' AND threshold = $threshold;

-- name: lock_down
-- No access to other files and no extension loading, and no later statement may change that.
SET enable_external_access = false;
SET lock_configuration = true;

-- name: checkpoint
-- Write the write-ahead log into the database file.
CHECKPOINT;
