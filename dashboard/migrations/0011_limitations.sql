-- The four limitations measured, and the year-end review: the tables behind the new sheets of
-- the data contract (nghi_quyet, thuc_hien_nghi_quyet, sinh_hoat_cap_uy, cam_ket_neu_guong,
-- de_xuat_xep_loai) and the two new columns of sinh_hoat. Versioned like every data table.

CREATE TABLE resolutions (
    doc_number VARCHAR NOT NULL, title VARCHAR NOT NULL, issuer VARCHAR, issued_on DATE NOT NULL,
    received_on DATE, plan_due_on DATE, solution INTEGER,
    upload_id BIGINT NOT NULL, superseded_by BIGINT);

CREATE TABLE resolution_uptake (
    doc_number VARCHAR NOT NULL, branch_code VARCHAR NOT NULL, studied_on DATE, attended INTEGER,
    plan_number VARCHAR, plan_issued_on DATE, made_concrete BOOLEAN, reviewed_on DATE,
    upload_id BIGINT NOT NULL, superseded_by BIGINT);

CREATE TABLE committee_meetings (
    branch_code VARCHAR NOT NULL, held_on DATE NOT NULL, committee_size INTEGER NOT NULL,
    present INTEGER NOT NULL, political_task_discussed BOOLEAN, topic VARCHAR,
    upload_id BIGINT NOT NULL, superseded_by BIGINT);

CREATE TABLE commitments (
    year INTEGER NOT NULL, member_code VARCHAR NOT NULL, committed BOOLEAN NOT NULL, kept VARCHAR,
    note VARCHAR,
    upload_id BIGINT NOT NULL, superseded_by BIGINT);

CREATE TABLE rating_proposals (
    year INTEGER NOT NULL, subject_kind VARCHAR NOT NULL, subject_code VARCHAR NOT NULL,
    step VARCHAR NOT NULL, level VARCHAR NOT NULL, note VARCHAR,
    upload_id BIGINT NOT NULL, superseded_by BIGINT);

ALTER TABLE meetings ADD COLUMN criticism_of_heads INTEGER;
ALTER TABLE meetings ADD COLUMN concrete_targets BOOLEAN;
DROP VIEW v_meetings_judged;
DROP VIEW v_meetings;
CREATE VIEW v_meetings AS SELECT * EXCLUDE (superseded_by) FROM meetings WHERE superseded_by IS NULL;
CREATE VIEW v_meetings_judged AS
WITH m AS (
    SELECT *,
           kind IN ('thuong_ky', 'ket_hop') AS is_regular,
           kind IN ('chuyen_de', 'ket_hop') AS is_thematic,
           kind = 'ket_hop' AS is_combined,
           present / nullif(members_total - members_exempt, 0) AS attendance
    FROM v_meetings
)
SELECT m.*, r.source,
       r.attendance_above,
       CASE WHEN m.is_combined THEN r.minutes_combined_min ELSE r.minutes_min END AS minutes_required,
       m.present <= r.attendance_above * (m.members_total - m.members_exempt) AS low_attendance,
       m.minutes < CASE WHEN m.is_combined THEN r.minutes_combined_min ELSE r.minutes_min END AS too_short,
       m.absent_unexcused > r.unexcused_max AS has_unexcused
FROM m
LEFT JOIN v_source_rules r
       ON r.topic = 'meeting' AND m.held_on BETWEEN r.in_force_from AND r.in_force_to;

CREATE VIEW v_resolutions AS SELECT * EXCLUDE (superseded_by) FROM resolutions WHERE superseded_by IS NULL;
CREATE VIEW v_resolution_uptake AS SELECT * EXCLUDE (superseded_by) FROM resolution_uptake WHERE superseded_by IS NULL;
CREATE VIEW v_committee_meetings AS SELECT * EXCLUDE (superseded_by) FROM committee_meetings WHERE superseded_by IS NULL;
CREATE VIEW v_commitments AS SELECT * EXCLUDE (superseded_by) FROM commitments WHERE superseded_by IS NULL;
CREATE VIEW v_rating_proposals AS SELECT * EXCLUDE (superseded_by) FROM rating_proposals WHERE superseded_by IS NULL;

-- Coded values of the new sheets.
INSERT INTO enum_values VALUES
    ('commitment_result', 'tot', 'Thực hiện tốt', 'Kept well', 1),
    ('commitment_result', 'dat', 'Đạt', 'Kept', 2),
    ('commitment_result', 'chua_dat', 'Chưa đạt', 'Not kept', 3),
    ('proposal_step', 'tu_danh_gia', 'Tự đánh giá', 'Self-rating', 1),
    ('proposal_step', 'chi_bo_de_xuat', 'Chi bộ đề xuất', 'Cell''s proposal', 2);

-- Which solutions and criteria bear on each limitation: the office's own reading, reference
-- data it may change (not a regulation).
CREATE TABLE limitation_links (
    code VARCHAR NOT NULL,       -- L1 … L4
    link_kind VARCHAR NOT NULL,  -- solution | criterion
    link VARCHAR NOT NULL,       -- a solution number or a criterion code
    PRIMARY KEY (code, link_kind, link)
);
INSERT INTO limitation_links VALUES
    ('L1', 'solution', '1'), ('L1', 'solution', '5'), ('L1', 'criterion', 'A1'), ('L1', 'criterion', 'B6'),
    ('L2', 'solution', '3'), ('L2', 'solution', '4'), ('L2', 'solution', '5'),
    ('L2', 'criterion', 'B1'), ('L2', 'criterion', 'B2'), ('L2', 'criterion', 'B4'),
    ('L3', 'solution', '5'), ('L3', 'solution', '6'), ('L3', 'criterion', 'A3'), ('L3', 'criterion', 'B2'),
    ('L4', 'solution', '1'), ('L4', 'solution', '2'), ('L4', 'solution', '6'),
    ('L4', 'criterion', 'A2'), ('L4', 'criterion', 'A4'), ('L4', 'criterion', 'B5');

-- A member on the cell committee (Bí thư, Phó Bí thư, Chi ủy viên), said once.
CREATE MACRO holds_post(role) AS
    lower(strip_accents(replace(replace(coalesce(role, ''), 'đ', 'd'), 'Đ', 'D')))
        IN ('bi thu', 'pho bi thu', 'chi uy vien');

-- The member-rating view says "on the committee" through the macro above.
DROP VIEW v_member_ratings;
CREATE VIEW v_member_ratings AS
SELECT r.year, r.subject_code AS member_code, m.branch_code, r.level, r.disciplined, r.discipline_form,
       l.ordinal, holds_post(m.party_role) AS on_committee
FROM v_ratings r
JOIN v_members m ON m.member_code = r.subject_code
JOIN levels l ON l.code = r.level
WHERE r.subject_kind = 'dang_vien';

-- $p and the n − 1 periods of the same kind before it, oldest first: the span of a trend.
CREATE MACRO recent_periods(p, n) AS TABLE
WITH steps AS (SELECT CAST(range AS INTEGER) AS k FROM range(0, n)),
indexed AS (
    SELECT k, CASE period_kind(p) WHEN 'quarter' THEN period_year(p) * 4 + period_number(p) - 1 - k
                                  WHEN 'half' THEN period_year(p) * 2 + period_number(p) - 1 - k
                                  ELSE period_year(p) - k END AS idx
    FROM steps
),
named AS (
    SELECT k, CASE period_kind(p)
                  WHEN 'quarter' THEN CAST(idx // 4 AS VARCHAR) || '-Q' || CAST(idx % 4 + 1 AS VARCHAR)
                  WHEN 'half' THEN CAST(idx // 2 AS VARCHAR) || '-H' || CAST(idx % 2 + 1 AS VARCHAR)
                  ELSE CAST(idx AS VARCHAR) END AS period
    FROM indexed
)
SELECT period, period_order(period) AS ord, period_start(period) AS starts_on, period_end(period) AS ends_on
FROM named ORDER BY ord;
