-- Rules true to the regulation in force on each date, each said once.
--
-- `sources` lists every document a finding may cite, with the span of facts it judges
-- (in_force_from … in_force_to, inclusive; NULL: still in force). A rating is judged on
-- 31/12 of its year, a meeting on its day, an absence on its day. `rule_thresholds` holds
-- each rule's number keyed by the source that sets it: a rule reads its threshold and its
-- citation from the source in force on the date of the fact it judges, and judges nothing
-- outside the span of every source of its topic.
--
-- Where a source's text could not be checked for a number that the dashboard carries over
-- from an earlier source, the row says so (verified = false) and the finding shows it.
-- 'DANG_BO' is the office's own scoring framework (a score in points before 366-QĐ/TW): its
-- bands are the DASHBOARD_SCORE_BANDS setting, written here when the store opens.

CREATE TABLE sources (
    source        VARCHAR PRIMARY KEY,
    topic         VARCHAR NOT NULL,      -- rating | meeting | removal | score
    citation_vi   VARCHAR NOT NULL,      -- as a finding cites it
    citation_en   VARCHAR NOT NULL,
    issued_on     DATE,                  -- NULL where only the year is sourced
    issued_year   INTEGER,               -- NULL for the office's own framework
    in_force_from DATE NOT NULL,
    in_force_to   DATE,
    scope_vi      VARCHAR NOT NULL,      -- what it judges, in words (README's table)
    scope_en      VARCHAR NOT NULL
);

CREATE TABLE rule_thresholds (
    source    VARCHAR NOT NULL,
    threshold VARCHAR NOT NULL,
    value     DOUBLE NOT NULL,
    unit      VARCHAR NOT NULL,          -- ratio | count | minutes | points | level
    verified  BOOLEAN NOT NULL,
    PRIMARY KEY (source, threshold)
);

INSERT INTO sources VALUES
    ('132-QĐ/TW', 'rating',
     'Quy định 132-QĐ/TW (2018); Hướng dẫn 16-HD/BTCTW, 21-HD/BTCTW',
     'Regulation 132-QĐ/TW (2018); Guidance 16-HD/BTCTW, 21-HD/BTCTW',
     NULL, 2018, DATE '2018-01-01', DATE '2022-12-31',
     'Xếp loại chất lượng các năm 2018–2022', 'Quality ratings of 2018–2022'),
    ('124-QĐ/TW', 'rating',
     'Quy định 124-QĐ/TW (04/10/2023); Hướng dẫn 25-HD/BTCTW',
     'Regulation 124-QĐ/TW (04/10/2023); Guidance 25-HD/BTCTW',
     DATE '2023-10-04', 2023, DATE '2023-01-01', DATE '2024-12-31',
     'Xếp loại chất lượng các năm 2023–2024', 'Quality ratings of 2023–2024'),
    ('366-QĐ/TW', 'rating',
     'Quy định 366-QĐ/TW (30/08/2025); Hướng dẫn 43-HD/BTCTW (31/10/2025)',
     'Regulation 366-QĐ/TW (30/08/2025); Guidance 43-HD/BTCTW (31/10/2025)',
     DATE '2025-08-30', 2025, DATE '2025-01-01', NULL,
     'Xếp loại chất lượng từ năm 2025; thang điểm 100', 'Quality ratings from 2025; the 100-point scale'),
    ('DANG_BO', 'score',
     'Thang điểm của Đảng bộ (không phải quy định của cấp trên)',
     'The Đảng bộ''s own scoring framework (not a higher-level regulation)',
     NULL, NULL, DATE '1900-01-01', NULL,
     'Mức theo điểm trước năm 2025 và của các quý, 6 tháng', 'Level by score before 2025, and of quarters and halves'),
    ('12-HD/BTCTW', 'meeting',
     'Hướng dẫn 12-HD/BTCTW (06/07/2018)', 'Guidance 12-HD/BTCTW (06/07/2018)',
     DATE '2018-07-06', 2018, DATE '2018-07-06', DATE '2025-10-27',
     'Sinh hoạt chi bộ từ 06/07/2018 đến 27/10/2025', 'Cell meetings from 06/07/2018 to 27/10/2025'),
    ('42-HD/BTCTW', 'meeting',
     'Hướng dẫn 42-HD/BTCTW (28/10/2025)', 'Guidance 42-HD/BTCTW (28/10/2025)',
     DATE '2025-10-28', 2025, DATE '2025-10-28', NULL,
     'Sinh hoạt chi bộ từ 28/10/2025', 'Cell meetings from 28/10/2025'),
    -- Removal: the Party Statute (Điều lệ Đảng, adopted 19/01/2011, Điều 8) with the
    -- regulation implementing it that was in force on the day of the absence.
    ('29-QĐ/TW', 'removal',
     'Điều lệ Đảng, Điều 8; Quy định 29-QĐ/TW (25/07/2016) thi hành Điều lệ Đảng',
     'Party Statute, Article 8; Regulation 29-QĐ/TW (25/07/2016) implementing the Statute',
     DATE '2016-07-25', 2016, DATE '2016-07-25', DATE '2021-07-29',
     'Vắng sinh hoạt không lý do từ 25/07/2016 đến 29/07/2021', 'Unexcused absences from 25/07/2016 to 29/07/2021'),
    ('24-QĐ/TW', 'removal',
     'Điều lệ Đảng, Điều 8; Quy định 24-QĐ/TW (30/07/2021) thi hành Điều lệ Đảng',
     'Party Statute, Article 8; Regulation 24-QĐ/TW (30/07/2021) implementing the Statute',
     DATE '2021-07-30', 2021, DATE '2021-07-30', DATE '2024-12-31',
     'Vắng sinh hoạt không lý do từ 30/07/2021 đến 31/12/2024', 'Unexcused absences from 30/07/2021 to 31/12/2024'),
    ('Điều lệ Đảng', 'removal',
     'Điều lệ Đảng (19/01/2011), Điều 8', 'Party Statute (19/01/2011), Article 8',
     DATE '2011-01-19', 2011, DATE '2025-01-01', DATE '2025-06-30',
     'Vắng sinh hoạt không lý do từ 01/01/2025 đến 30/06/2025', 'Unexcused absences from 01/01/2025 to 30/06/2025'),
    ('294-QĐ/TW', 'removal',
     'Điều lệ Đảng, Điều 8; Quy định 294-QĐ/TW (26/05/2025) thi hành Điều lệ Đảng',
     'Party Statute, Article 8; Regulation 294-QĐ/TW (26/05/2025) implementing the Statute',
     DATE '2025-05-26', 2025, DATE '2025-07-01', NULL,
     'Vắng sinh hoạt không lý do từ 01/07/2025', 'Unexcused absences from 01/07/2025');

-- Rating rules. The 20 % quota comes from 21-HD/BTCTW and was kept by later guidance; its
-- wording in 366-QĐ/TW / 43-HD/BTCTW was not found (unverified). The caps on a cell are those
-- of 21-HD/BTCTW; under 124 and 366 the same numbers are carried over (unverified), except the
-- disciplined committee member, which is one of 366's own conditions for HTXSNV.
-- member_disciplined_best: the best level (ordinal, 1 = HTXSNV) a member disciplined in the
-- year may receive: KHTNV (4); 124-QĐ/TW allows HTNV (3) when the member found and remedied
-- the fault, which the data cannot show.
INSERT INTO rule_thresholds
SELECT s.source, t.threshold, t.value, t.unit,
       CASE WHEN s.source = '132-QĐ/TW' THEN TRUE
            WHEN t.threshold = 'quota_excellent_share' THEN s.source = '124-QĐ/TW'
            WHEN t.threshold IN ('cell_excellent_members_share', 'cell_good_members_pass_share') THEN FALSE
            WHEN t.threshold = 'cell_committee_disciplined_blocks' THEN s.source = '366-QĐ/TW'
            ELSE TRUE END
FROM sources s,
     (VALUES ('quota_excellent_share', 0.20, 'ratio'),
             ('cell_excellent_members_share', 0.80, 'ratio'),
             ('cell_good_members_pass_share', 1.00, 'ratio'),
             ('cell_committee_disciplined_blocks', 1, 'count'),
             ('member_disciplined_best', 4, 'level')) t(threshold, value, unit)
WHERE s.topic = 'rating';
UPDATE rule_thresholds SET value = 3 WHERE source = '124-QĐ/TW' AND threshold = 'member_disciplined_best';

-- 366's 100-point bands (with their extra conditions, not checked here), and the office's
-- own bands (the DASHBOARD_SCORE_BANDS setting overwrites these three rows).
INSERT INTO rule_thresholds VALUES
    ('366-QĐ/TW', 'band_htxsnv_min', 90, 'points', TRUE),
    ('366-QĐ/TW', 'band_httnv_min', 70, 'points', TRUE),
    ('366-QĐ/TW', 'band_htnv_min', 50, 'points', TRUE),
    ('DANG_BO', 'band_htxsnv_min', 90, 'points', TRUE),
    ('DANG_BO', 'band_httnv_min', 70, 'points', TRUE),
    ('DANG_BO', 'band_htnv_min', 50, 'points', TRUE);

-- Meeting rules: 12-HD/BTCTW, kept by 42-HD/BTCTW, which adds 120 minutes for a meeting
-- that combines a regular and a thematic one (before it, such a meeting needs the 90).
INSERT INTO rule_thresholds
SELECT s.source, t.threshold, t.value, t.unit, TRUE
FROM sources s,
     (VALUES ('regular_per_year', 12, 'count'),
             ('thematic_per_quarter', 1, 'count'),
             ('attendance_above', 0.85, 'ratio'),
             ('unexcused_max', 0, 'count'),
             ('minutes_min', 90, 'minutes')) t(threshold, value, unit)
WHERE s.topic = 'meeting';
INSERT INTO rule_thresholds VALUES ('42-HD/BTCTW', 'minutes_combined_min', 120, 'minutes', TRUE);

-- Removal: unexcused absence in three distinct months of one year.
INSERT INTO rule_thresholds
SELECT source, 'removal_unexcused_months', 3, 'count', TRUE FROM sources WHERE topic = 'removal';

-- One row per source: its span and a column per threshold.
CREATE VIEW v_source_rules AS
SELECT s.source, s.topic, s.in_force_from, coalesce(s.in_force_to, DATE '9999-12-31') AS in_force_to,
       max(t.value) FILTER (WHERE t.threshold = 'quota_excellent_share') AS quota_excellent_share,
       max(t.value) FILTER (WHERE t.threshold = 'cell_excellent_members_share') AS cell_excellent_members_share,
       max(t.value) FILTER (WHERE t.threshold = 'cell_good_members_pass_share') AS cell_good_members_pass_share,
       max(t.value) FILTER (WHERE t.threshold = 'cell_committee_disciplined_blocks') AS cell_committee_disciplined_blocks,
       max(t.value) FILTER (WHERE t.threshold = 'member_disciplined_best') AS member_disciplined_best,
       max(t.value) FILTER (WHERE t.threshold = 'band_htxsnv_min') AS band_htxsnv_min,
       max(t.value) FILTER (WHERE t.threshold = 'band_httnv_min') AS band_httnv_min,
       max(t.value) FILTER (WHERE t.threshold = 'band_htnv_min') AS band_htnv_min,
       max(t.value) FILTER (WHERE t.threshold = 'regular_per_year') AS regular_per_year,
       max(t.value) FILTER (WHERE t.threshold = 'thematic_per_quarter') AS thematic_per_quarter,
       max(t.value) FILTER (WHERE t.threshold = 'attendance_above') AS attendance_above,
       max(t.value) FILTER (WHERE t.threshold = 'unexcused_max') AS unexcused_max,
       max(t.value) FILTER (WHERE t.threshold = 'minutes_min') AS minutes_min,
       -- Before a combined minimum exists, a combined meeting needs the general one.
       coalesce(max(t.value) FILTER (WHERE t.threshold = 'minutes_combined_min'),
                max(t.value) FILTER (WHERE t.threshold = 'minutes_min')) AS minutes_combined_min,
       max(t.value) FILTER (WHERE t.threshold = 'removal_unexcused_months') AS removal_unexcused_months
FROM sources s
LEFT JOIN rule_thresholds t USING (source)
GROUP BY ALL;

-- The rating regime of each year (judged on 31/12): no row for a year no source covers.
CREATE VIEW v_rating_rules AS
SELECT y.year, r.*
FROM (SELECT CAST(range AS INTEGER) AS year FROM range(1990, 2101)) y
JOIN v_source_rules r
  ON r.topic = 'rating' AND make_date(y.year, 12, 31) BETWEEN r.in_force_from AND r.in_force_to;

-- The bands that give a period's level by score: 366's for the annual score of a year it
-- rates, the office's own framework for everything else (earlier years, quarters, halves).
CREATE MACRO score_source(p) AS
    coalesce((SELECT r.source FROM v_rating_rules r
              WHERE r.year = period_year(p) AND period_kind(p) = 'year' AND r.band_htxsnv_min IS NOT NULL),
             'DANG_BO');

-- Old regime tables and the views built on them give way to the above.
DROP VIEW v_member_ratings;
DROP VIEW v_year_thresholds;
DROP VIEW v_year_regime;
DROP VIEW v_branch_period_scores;
DROP VIEW v_period_regime;
DROP MACRO TABLE quota_breaches;
DROP MACRO TABLE level_counts;
DROP TABLE regime_thresholds;
DROP TABLE regime_bands;
DROP TABLE regimes;
DROP VIEW v_ratings;
ALTER TABLE ratings DROP COLUMN regime;
CREATE VIEW v_ratings AS SELECT * EXCLUDE (superseded_by) FROM ratings WHERE superseded_by IS NULL;

-- One row per branch and scored period: group subtotals, total, completeness, rank among
-- complete branches, the level the bands give and the source of those bands.
CREATE VIEW v_branch_period_scores AS
WITH grid AS (
    SELECT DISTINCT pc.period, b.branch_code, b.branch_name
    FROM v_period_criteria pc CROSS JOIN v_branches b
    WHERE b.active
),
scored AS (
    SELECT g.period, g.branch_code, g.branch_name,
           count(pc.criterion_code) AS n_expected,
           count(s.score) AS n_scored,
           -- No score at all for the period: no total (NULL), rather than a zero.
           -- Rounded: a float sum such as 89.99999999999999 must not fall out of a band.
           CASE WHEN count(s.score) > 0
                THEN round(coalesce(sum(s.score) FILTER (WHERE pc."group" = 'chung'), 0), 4) END AS common_score,
           CASE WHEN count(s.score) > 0
                THEN round(coalesce(sum(s.score) FILTER (WHERE pc."group" = 'ket_qua'), 0), 4) END AS task_score,
           round(sum(s.score), 4) AS total_score,
           sum(pc.max_points) AS max_total
    FROM grid g
    JOIN v_period_criteria pc ON pc.period = g.period
    LEFT JOIN v_scores s
           ON s.period = g.period AND s.branch_code = g.branch_code
          AND s.criterion_code = pc.criterion_code
    GROUP BY ALL
),
periods AS (SELECT DISTINCT period, score_source(period) AS score_source FROM scored),
banded AS (
    SELECT sc.*, sc.n_scored = sc.n_expected AS complete, p.score_source,
           CASE WHEN sc.total_score >= r.band_htxsnv_min THEN 'HTXSNV'
                WHEN sc.total_score >= r.band_httnv_min THEN 'HTTNV'
                WHEN sc.total_score >= r.band_htnv_min THEN 'HTNV'
                WHEN sc.total_score IS NOT NULL THEN 'KHTNV' END AS computed_level
    FROM scored sc
    JOIN periods p USING (period)
    JOIN v_source_rules r ON r.source = p.score_source
)
SELECT banded.* REPLACE (CASE WHEN complete THEN computed_level END AS computed_level),
       CASE WHEN complete THEN rank() OVER (
           PARTITION BY period, complete ORDER BY total_score DESC) END AS rank
FROM banded;

-- Member ratings with the member's cell, whether the member sits on the cell committee
-- (Bí thư, Phó Bí thư, Chi ủy viên), and the rating regime of the year.
CREATE VIEW v_member_ratings AS
SELECT r.year, r.subject_code AS member_code, m.branch_code, r.level, r.disciplined, r.discipline_form,
       l.ordinal,
       lower(strip_accents(replace(replace(coalesce(m.party_role, ''), 'đ', 'd'), 'Đ', 'D')))
           IN ('bi thu', 'pho bi thu', 'chi uy vien') AS on_committee
FROM v_ratings r
JOIN v_members m ON m.member_code = r.subject_code
JOIN levels l ON l.code = r.level
WHERE r.subject_kind = 'dang_vien';

-- The 20 % quota, counted once. Per year and pool (the whole Đảng bộ, or each cell when
-- pool = 'chi_bo' for members): rated HTXSNV, the base (HTTNV, or HTTNV and better), the share
-- of the regime in force, the raw product and the most HTXSNV it allows after rounding
-- ('floor', strict; 'round'; 'ceil'). Years no rating regime covers are not judged.
CREATE MACRO quota_check(kind, cells, base, pool, rounding) AS TABLE
WITH rated AS (
    SELECT year, level, branch_code AS cell FROM v_member_ratings WHERE kind = 'dang_vien'
    UNION ALL
    SELECT year, level, subject_code FROM v_ratings WHERE subject_kind = 'chi_bo' AND kind = 'chi_bo'
),
counted AS (
    SELECT year, CASE WHEN pool = 'chi_bo' AND kind = 'dang_vien' THEN cell END AS pool_cell,
           count(*) FILTER (WHERE level = 'HTXSNV') AS excellent,
           count(*) FILTER (WHERE level = 'HTTNV') AS good,
           count(*) FILTER (WHERE level IN ('HTXSNV', 'HTTNV')) AS good_or_better
    FROM rated
    WHERE list_contains(cells, cell)
    GROUP BY ALL
),
judged AS (
    SELECT c.*, r.source, r.quota_excellent_share AS share,
           CASE WHEN base = 'httnv_or_better' THEN c.good_or_better ELSE c.good END AS base_count
    FROM counted c JOIN v_rating_rules r USING (year)
)
SELECT *, round(share * base_count, 9) AS raw_allowed,
       CAST(CASE rounding WHEN 'round' THEN round(round(share * base_count, 9))
                          WHEN 'ceil' THEN ceil(round(share * base_count, 9))
                          ELSE floor(round(share * base_count, 9)) END AS INTEGER) AS allowed
FROM judged;

-- Each meeting with what the guidance in force on its day asks of it: kind flags, the
-- attendance of members not exempt, the minutes required, and whether it falls short.
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

-- Absences now name the meeting's kind: two meetings of one cell on one day are told apart.
ALTER TABLE absences ADD COLUMN kind VARCHAR;
UPDATE absences a SET kind = (
    SELECT any_value(m.kind) FROM meetings m
    WHERE m.branch_code = a.branch_code AND m.held_on = a.held_on AND m.superseded_by IS NULL
    HAVING count(*) = 1);
DROP VIEW v_absences;
CREATE VIEW v_absences AS SELECT * EXCLUDE (superseded_by) FROM absences WHERE superseded_by IS NULL;

-- Criterion B1 (leading the political task) measures solution 3, not 4.
UPDATE criteria SET solution = 3 WHERE criterion_code = 'B1' AND upload_id = 0;

-- Solutions and limitations: the short title and the Đảng ủy's published wording.
ALTER TABLE solutions ADD COLUMN short_vi VARCHAR;
ALTER TABLE solutions ADD COLUMN short_en VARCHAR;
UPDATE solutions SET short_vi = v.short_vi, short_en = v.short_en, title_vi = v.text_vi, title_en = v.text_en
FROM (VALUES
    (1, 'Giáo dục chính trị tư tưởng; đảng viên bản lĩnh, gương mẫu.',
        'Political education; steadfast, exemplary members.',
        'Thứ nhất, tăng cường công tác giáo dục chính trị tư tưởng, xây dựng đội ngũ đảng viên có bản lĩnh chính trị vững vàng, có trí tuệ, có phẩm chất đạo đức cách mạng, có ý thức tổ chức kỷ luật, thực sự tiên phong, gương mẫu, đủ năng lực hoàn thành tốt nhiệm vụ được giao.',
        'First, strengthen political and ideological education, building a body of members with firm political will, intellect, revolutionary ethics and discipline, truly in the vanguard and exemplary, able to carry out their duties well.'),
    (2, 'Giáo dục phẩm chất chính trị, đạo đức, lối sống; ngăn ngừa suy thoái.',
        'Ethics and lifestyle; preventing degradation.',
        'Thứ hai, tăng cường giáo dục phẩm chất chính trị, đạo đức, lối sống cho cán bộ, đảng viên, góp phần ngăn ngừa suy thoái về đạo đức, lối sống.',
        'Second, strengthen education in political quality, ethics and lifestyle for officials and members, helping to prevent moral and lifestyle degradation.'),
    (3, 'Hoàn thiện mô hình tổ chức cơ sở đảng gắn với nhiệm vụ chính trị; kết nạp đảng viên đúng thực chất.',
        'Grassroots organisation tied to the political task; admitting members on merit.',
        'Thứ ba, hoàn thiện mô hình tổ chức của các loại hình tổ chức cơ sở đảng theo hướng gắn tổ chức cơ sở đảng với lãnh đạo thực hiện nhiệm vụ chính trị và lãnh đạo các tổ chức chính trị, xã hội; thường xuyên kiện toàn các tổ chức chính trị vững mạnh, là trụ cột trong các phong trào; việc kết nạp đảng viên phải được thực hiện cho đúng thực chất, chặt chẽ trong tất cả các khâu.',
        'Third, perfect the model of every kind of grassroots party organisation, tying it to leading the political task and the political and social organisations; keep those organisations strong, the pillars of every movement; admit members on real merit, strictly at every step.'),
    (4, 'Đảng thống nhất lãnh đạo công tác cán bộ; trách nhiệm của tổ chức và người đứng đầu.',
        'Unified party leadership of personnel work; responsibility of heads.',
        'Thứ tư, thực hiện nguyên tắc “Đảng thống nhất lãnh đạo công tác cán bộ và quản lý đội ngũ cán bộ, đi đôi với phát huy trách nhiệm của các tổ chức và người đứng đầu về công tác cán bộ”.',
        'Fourth, apply the principle that "the Party leads personnel work and manages its officials as one, while the organisations and their heads take up their responsibility for personnel work".'),
    (5, 'Đổi mới nội dung, phương thức hoạt động; khắc phục tính hình thức trong sinh hoạt cấp ủy, chi bộ.',
        'Renewed content and methods; no formalism in committee and cell meetings.',
        'Thứ năm, tiếp tục nâng cao chất lượng, đổi mới mạnh mẽ nội dung, phương thức hoạt động của các loại hình tổ chức cơ sở đảng; khắc phục tính hình thức, đơn điệu trong sinh hoạt cấp ủy, sinh hoạt chi bộ.',
        'Fifth, keep raising the quality and boldly renew the content and methods of every kind of grassroots party organisation; overcome formalism and monotony in committee and cell meetings.'),
    (6, 'Kiểm tra, giám sát, quản lý đảng viên; thực hiện NQ TW4, KL 21-KL/TW, KL 01-KL/TW.',
        'Inspection, supervision, management of members; TW4, 21-KL/TW, 01-KL/TW.',
        'Thứ sáu, tăng cường công tác kiểm tra, giám sát, quản lý đảng viên; tiếp tục triển khai thực hiện hiệu quả Nghị quyết Trung ương 4 (khóa XI, XII) về công tác xây dựng, chỉnh đốn Đảng, Kết luận số 21-KL/TW, ngày 25/10/2021 của Ban Chấp hành Trung ương khóa XIII, Kết luận số 01-KL/TW, ngày 18/5/2021 của Bộ Chính trị về tiếp tục thực hiện Chỉ thị số 05-CT/TW, ngày 15/5/2016 của Bộ Chính trị về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh.',
        'Sixth, strengthen inspection, supervision and management of members; keep carrying out effectively Central Resolution 4 (11th and 12th terms) on building and rectifying the Party, Conclusion 21-KL/TW of 25/10/2021 of the 13th Central Committee, and Conclusion 01-KL/TW of 18/5/2021 of the Politburo on continuing Directive 05-CT/TW of 15/5/2016 on studying and following Hồ Chí Minh''s thought, ethics and style.')
) v(solution, short_vi, short_en, text_vi, text_en)
WHERE solutions.solution = v.solution;

ALTER TABLE limitations ADD COLUMN short_vi VARCHAR;
ALTER TABLE limitations ADD COLUMN short_en VARCHAR;
ALTER TABLE limitations ADD COLUMN ordinal INTEGER;
UPDATE limitations SET short_vi = v.short_vi, short_en = v.short_en, title_vi = v.text_vi, title_en = v.text_en,
                       ordinal = v.ordinal
FROM (VALUES
    ('L1', 1, 'Chậm cụ thể hóa nghị quyết', 'Slow to turn resolutions into plans',
     'Việc triển khai các chương trình, kế hoạch thực hiện Nghị quyết, Chỉ thị còn chậm, chưa cụ thể hóa vào điều kiện của cấp mình để thực hiện, chất lượng chưa đảm bảo.',
     'Programmes and plans to carry out Resolutions and Directives are still slow, not made concrete for the unit''s own conditions, and of uneven quality.'),
    ('L2', 2, 'Năng lực lãnh đạo của cấp ủy chi bộ', 'Leadership capacity of cell committees',
     'Một số cấp ủy chi bộ về năng lực lãnh đạo còn lúng túng, chưa xác định rõ nội dung, phương thức lãnh đạo, nhất là trong lãnh đạo thực hiện nhiệm vụ chính trị.',
     'Some cell committees are unsure in their leadership and have not defined its content and methods, above all in leading the political task.'),
    ('L3', 3, 'Tự phê bình và phê bình', 'Self-criticism and criticism',
     'Trong sinh hoạt một số chi bộ thực hiện tự phê bình và phê bình chưa thường xuyên, chưa tạo thành nền nếp; vẫn còn biểu hiện né tránh, nể nang trong đấu tranh, nhất là khi phê bình thủ trưởng đơn vị, người đứng đầu cấp ủy.',
     'In some cells self-criticism and criticism are not yet regular or a habit; avoidance and deference remain, above all in criticising the head of the unit and of the committee.'),
    ('L4', 4, 'Tính nêu gương', 'Setting an example',
     'Tính nêu gương của một số đảng viên chưa thực sự phát huy.',
     'The example set by some members is not yet truly promoted.')
) v(code, ordinal, short_vi, short_en, text_vi, text_en)
WHERE limitations.code = v.code;
