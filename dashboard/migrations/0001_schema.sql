-- Schema of the assessment store.
-- Reference tables hold lookup codes (not ENUM types: rules change).
-- Data tables are versioned: every row carries the upload that wrote it
-- (upload_id) and the upload that replaced it (superseded_by, NULL while
-- current). Nothing is ever deleted by an upload, so history is complete and
-- an upload can be undone exactly. Readers use the v_* views of current rows.

CREATE TABLE uploads (
    upload_id     BIGINT PRIMARY KEY,
    file_name     VARCHAR NOT NULL,
    sha256        VARCHAR NOT NULL,
    size_bytes    BIGINT NOT NULL,
    uploaded_by   VARCHAR NOT NULL,
    uploaded_at   TIMESTAMP NOT NULL,
    source        VARCHAR NOT NULL,          -- system | sample | page | cli
    counts        JSON,                      -- rows new/changed per table
    undone_at     TIMESTAMP,
    undone_by     VARCHAR
);

-- One row; bumped by every commit and undo so caches know the data changed.
CREATE TABLE data_state (id INTEGER PRIMARY KEY, version BIGINT NOT NULL);

CREATE TABLE levels (
    code      VARCHAR PRIMARY KEY,   -- HTXSNV | HTTNV | HTNV | KHTNV
    ordinal   INTEGER NOT NULL,      -- 1 = best
    name_vi   VARCHAR NOT NULL,
    name_en   VARCHAR NOT NULL,
    short_vi  VARCHAR NOT NULL,
    short_en  VARCHAR NOT NULL
);

CREATE TABLE solutions (
    solution  INTEGER PRIMARY KEY,
    title_vi  VARCHAR NOT NULL,
    title_en  VARCHAR NOT NULL
);

CREATE TABLE limitations (
    code      VARCHAR PRIMARY KEY,
    title_vi  VARCHAR NOT NULL,
    title_en  VARCHAR NOT NULL
);

CREATE TABLE criterion_groups (
    code         VARCHAR PRIMARY KEY,   -- chung | ket_qua
    name_vi      VARCHAR NOT NULL,
    name_en      VARCHAR NOT NULL,
    total_points DOUBLE NOT NULL
);

-- Regulations on annual review and quality rating, keyed by regime.
CREATE TABLE regimes (
    regime          VARCHAR PRIMARY KEY,  -- 366-QĐ/TW ...
    title_vi        VARCHAR NOT NULL,
    issued_on       DATE NOT NULL,
    effective_from  DATE NOT NULL,
    guidance        VARCHAR NOT NULL
);

-- Score bands: a score s has the level whose min_score <= s < max_score.
CREATE TABLE regime_bands (
    regime     VARCHAR NOT NULL,
    level      VARCHAR NOT NULL,
    min_score  DOUBLE NOT NULL,
    max_score  DOUBLE NOT NULL,
    PRIMARY KEY (regime, level)
);

-- Numeric thresholds of the rules (quota, meetings, attendance ...).
CREATE TABLE regime_thresholds (
    regime     VARCHAR NOT NULL,
    rule       VARCHAR NOT NULL,
    value      DOUBLE NOT NULL,
    unit       VARCHAR NOT NULL,
    source     VARCHAR NOT NULL,
    PRIMARY KEY (regime, rule)
);

CREATE TABLE discipline_forms (
    code        VARCHAR NOT NULL,
    subject     VARCHAR NOT NULL,  -- official | probationary | organisation
    name_vi     VARCHAR NOT NULL,
    name_en     VARCHAR NOT NULL,
    PRIMARY KEY (code, subject)
);

CREATE TABLE enum_values (
    domain   VARCHAR NOT NULL,   -- member_kind | meeting_kind | action_status | subject_kind
    code     VARCHAR NOT NULL,
    name_vi  VARCHAR NOT NULL,
    name_en  VARCHAR NOT NULL,
    ordinal  INTEGER NOT NULL,
    PRIMARY KEY (domain, code)
);

-- Versioned data tables (columns named as the contract's English keys).
CREATE TABLE branches (
    branch_code VARCHAR NOT NULL, branch_name VARCHAR NOT NULL, secretary VARCHAR,
    founded_on DATE, active BOOLEAN NOT NULL,
    upload_id BIGINT NOT NULL, superseded_by BIGINT);

CREATE TABLE members (
    member_code VARCHAR NOT NULL, full_name VARCHAR, branch_code VARCHAR NOT NULL,
    kind VARCHAR, party_role VARCHAR, joined_on DATE, left_on DATE,
    upload_id BIGINT NOT NULL, superseded_by BIGINT);

CREATE TABLE criteria (
    criterion_code VARCHAR NOT NULL, criterion_name VARCHAR NOT NULL,
    "group" VARCHAR NOT NULL, max_points DOUBLE NOT NULL, solution INTEGER,
    valid_from VARCHAR,
    upload_id BIGINT NOT NULL, superseded_by BIGINT);

CREATE TABLE scores (
    period VARCHAR NOT NULL, branch_code VARCHAR NOT NULL, criterion_code VARCHAR NOT NULL,
    score DOUBLE NOT NULL, note VARCHAR,
    upload_id BIGINT NOT NULL, superseded_by BIGINT);

CREATE TABLE ratings (
    year INTEGER NOT NULL, subject_kind VARCHAR NOT NULL, subject_code VARCHAR NOT NULL,
    level VARCHAR NOT NULL, score DOUBLE, disciplined BOOLEAN NOT NULL,
    discipline_form VARCHAR, decided_on DATE, regime VARCHAR NOT NULL,
    upload_id BIGINT NOT NULL, superseded_by BIGINT);

CREATE TABLE meetings (
    branch_code VARCHAR NOT NULL, held_on DATE NOT NULL, kind VARCHAR NOT NULL,
    members_total INTEGER NOT NULL, members_exempt INTEGER NOT NULL, present INTEGER NOT NULL,
    absent_excused INTEGER NOT NULL, absent_unexcused INTEGER NOT NULL, minutes INTEGER,
    self_criticism BOOLEAN, speakers INTEGER, topic VARCHAR,
    upload_id BIGINT NOT NULL, superseded_by BIGINT);

CREATE TABLE absences (
    branch_code VARCHAR NOT NULL, held_on DATE NOT NULL, member_code VARCHAR NOT NULL,
    excused BOOLEAN NOT NULL,
    upload_id BIGINT NOT NULL, superseded_by BIGINT);

CREATE TABLE actions (
    action_code VARCHAR NOT NULL, branch_code VARCHAR NOT NULL, solution INTEGER NOT NULL,
    description VARCHAR NOT NULL, starts_on DATE, due_on DATE NOT NULL, owner VARCHAR,
    upload_id BIGINT NOT NULL, superseded_by BIGINT);

CREATE TABLE progress_reports (
    action_code VARCHAR NOT NULL, reported_on DATE NOT NULL, percent DOUBLE NOT NULL,
    status VARCHAR NOT NULL, note VARCHAR,
    upload_id BIGINT NOT NULL, superseded_by BIGINT);

CREATE VIEW v_branches AS SELECT * EXCLUDE (superseded_by) FROM branches WHERE superseded_by IS NULL;
CREATE VIEW v_members AS SELECT * EXCLUDE (superseded_by) FROM members WHERE superseded_by IS NULL;
CREATE VIEW v_criteria AS SELECT * EXCLUDE (superseded_by) FROM criteria WHERE superseded_by IS NULL;
CREATE VIEW v_scores AS SELECT * EXCLUDE (superseded_by) FROM scores WHERE superseded_by IS NULL;
CREATE VIEW v_ratings AS SELECT * EXCLUDE (superseded_by) FROM ratings WHERE superseded_by IS NULL;
CREATE VIEW v_meetings AS SELECT * EXCLUDE (superseded_by) FROM meetings WHERE superseded_by IS NULL;
CREATE VIEW v_absences AS SELECT * EXCLUDE (superseded_by) FROM absences WHERE superseded_by IS NULL;
CREATE VIEW v_actions AS SELECT * EXCLUDE (superseded_by) FROM actions WHERE superseded_by IS NULL;
CREATE VIEW v_progress_reports AS SELECT * EXCLUDE (superseded_by) FROM progress_reports WHERE superseded_by IS NULL;
