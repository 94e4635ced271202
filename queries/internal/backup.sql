-- Backups and restores (dashboard/backup.py). The copy of each table and its checksum are
-- generated per table in Python; these are the fixed statements around them.

-- name: tables
-- The database's own base tables in the main schema (views and macros come from the migrations).
SELECT table_name FROM duckdb_tables()
WHERE database_name = current_database() AND schema_name = 'main' AND NOT temporary
ORDER BY table_name;

-- name: columns
-- A table's columns in their order.
SELECT column_name FROM duckdb_columns()
WHERE database_name = current_database() AND schema_name = 'main' AND table_name = $table
ORDER BY column_index;

-- name: sequences
-- Every sequence of the main schema and the last value it gave (the audit trail's counter).
SELECT sequence_name, last_value FROM duckdb_sequences()
WHERE database_name = current_database() AND schema_name = 'main';

-- name: create_markers
-- The marker tables of a backup file: what it is, and each table's rows and checksum, and
-- each sequence's last value.
CREATE TABLE dashboard_backup (magic VARCHAR, format INTEGER, schema_version INTEGER,
    data_version BIGINT, created_at TIMESTAMP, created_by VARCHAR, duckdb_version VARCHAR,
    source_name VARCHAR);
CREATE TABLE dashboard_backup_tables (table_name VARCHAR PRIMARY KEY, row_count BIGINT, checksum VARCHAR);
CREATE TABLE dashboard_backup_sequences (sequence_name VARCHAR PRIMARY KEY, last_value BIGINT);

-- name: write_marker
-- The backup's marker row.
INSERT INTO dashboard_backup
VALUES ($magic, $format, $schema_version, $data_version, $created_at, $created_by, $duckdb_version, $source_name);

-- name: write_table_checks
-- Each table's rows and checksum, given as three lists of the same length.
INSERT INTO dashboard_backup_tables
SELECT unnest($tables), unnest($row_counts), unnest($checksums);

-- name: write_sequences
-- Each sequence's last value, given as two lists of the same length.
INSERT INTO dashboard_backup_sequences
SELECT unnest($sequences), unnest($last_values);

-- name: marker_tables
-- The names of a file's tables, to tell a backup from any other database file.
SELECT table_name FROM duckdb_tables() WHERE schema_name = 'main';

-- name: read_marker
-- A backup's marker row.
SELECT magic, format, schema_version, data_version, duckdb_version FROM dashboard_backup;

-- name: read_table_checks
-- Each table's rows and checksum, as written at backup time.
SELECT table_name, row_count, checksum FROM dashboard_backup_tables;

-- name: read_sequences
-- Each sequence's last value, as written at backup time.
SELECT sequence_name, last_value FROM dashboard_backup_sequences;
