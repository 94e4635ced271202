-- Reference data from domain.md and data-contract.md.
-- Upload 0 is the system itself: rows seeded here (the default criteria) carry it.

INSERT INTO uploads VALUES
    (0, 'hệ thống', '', 0, 'hệ thống', TIMESTAMP '2026-01-01 00:00:00', 'system', NULL, NULL, NULL);
INSERT INTO data_state VALUES (1, 1);

INSERT INTO levels VALUES
    ('HTXSNV', 1, 'Hoàn thành xuất sắc nhiệm vụ', 'Excellently completed duties', 'Xuất sắc', 'Excellent'),
    ('HTTNV',  2, 'Hoàn thành tốt nhiệm vụ', 'Well completed duties', 'Tốt', 'Good'),
    ('HTNV',   3, 'Hoàn thành nhiệm vụ', 'Completed duties', 'Hoàn thành', 'Completed'),
    ('KHTNV',  4, 'Không hoàn thành nhiệm vụ', 'Did not complete duties', 'Không hoàn thành', 'Not completed');

INSERT INTO solutions VALUES
    (1, 'Giáo dục chính trị tư tưởng; đội ngũ đảng viên bản lĩnh, trí tuệ, gương mẫu.',
        'Political and ideological education; steadfast, capable, exemplary members.'),
    (2, 'Giáo dục phẩm chất chính trị, đạo đức, lối sống; ngăn ngừa suy thoái.',
        'Education in political quality, ethics and lifestyle; preventing degradation.'),
    (3, 'Hoàn thiện mô hình tổ chức cơ sở đảng; kết nạp đảng viên đúng thực chất.',
        'Perfecting the grassroots party organisation; admitting members on real merit.'),
    (4, 'Đảng thống nhất lãnh đạo công tác cán bộ, phát huy trách nhiệm người đứng đầu.',
        'Unified party leadership of personnel work; responsibility of heads of units.'),
    (5, 'Đổi mới nội dung, phương thức hoạt động; khắc phục hình thức, đơn điệu trong sinh hoạt.',
        'Renewing content and methods; overcoming formalism and monotony in meetings.'),
    (6, 'Tăng cường kiểm tra, giám sát, quản lý đảng viên; thực hiện NQ TW4 (XI, XII), KL 21-KL/TW, KL 01-KL/TW về Chỉ thị 05-CT/TW.',
        'Stronger inspection, supervision and management of members; Resolutions TW4 (XI, XII), Conclusions 21-KL/TW and 01-KL/TW on Directive 05-CT/TW.');

INSERT INTO limitations VALUES
    ('L1', 'Chương trình, kế hoạch thực hiện nghị quyết, chỉ thị chậm, chưa được cụ thể hóa phù hợp với điều kiện của chi bộ.',
           'Programmes and plans to carry out resolutions and directives are slow and not made concrete for the cell.'),
    ('L2', 'Một số chi ủy còn lúng túng trong lãnh đạo; nội dung, phương thức chưa rõ.',
           'Some cell committees are unsure in leadership; content and methods unclear.'),
    ('L3', 'Tự phê bình và phê bình trong sinh hoạt chi bộ chưa thường xuyên; còn né tránh, nhất là với người đứng đầu.',
           'Self-criticism and criticism in cell meetings not regular; avoidance, especially towards heads.'),
    ('L4', 'Vai trò tiên phong, gương mẫu của một số đảng viên chưa được phát huy.',
           'The exemplary role of some members is not promoted.');

INSERT INTO criterion_groups VALUES
    ('chung', 'Nhóm tiêu chí chung', 'Common criteria', 30),
    ('ket_qua', 'Nhóm kết quả thực hiện nhiệm vụ', 'Task results', 70);

INSERT INTO regimes VALUES
    ('132-QĐ/TW', 'Quy định 132-QĐ/TW về kiểm điểm và đánh giá, xếp loại chất lượng hằng năm',
        DATE '2018-03-08', DATE '2018-03-08', '16-HD/BTCTW; 21-HD/BTCTW'),
    ('124-QĐ/TW', 'Quy định 124-QĐ/TW về kiểm điểm tự phê bình, phê bình và đánh giá, xếp loại chất lượng hằng năm',
        DATE '2023-10-10', DATE '2023-10-10', '25-HD/BTCTW'),
    ('366-QĐ/TW', 'Quy định 366-QĐ/TW về kiểm điểm và đánh giá, xếp loại chất lượng hằng năm',
        DATE '2025-08-30', DATE '2025-08-30', '43-HD/BTCTW');

-- The 100-point bands (30 common + 70 task points) applied to every regime's
-- history so that scores stay comparable; change a row to change a band.
INSERT INTO regime_bands
SELECT r.regime, b.level, b.min_score, b.max_score
FROM regimes r,
     (VALUES ('HTXSNV', 90.0, 1000.0), ('HTTNV', 70.0, 90.0),
             ('HTNV', 50.0, 70.0), ('KHTNV', 0.0, 50.0)) b(level, min_score, max_score);

INSERT INTO regime_thresholds
SELECT r.regime, t.rule, t.value, t.unit, t.source
FROM regimes r,
     (VALUES
        ('quota_excellent_share', 0.20, 'ratio', 'Số HTXSNV không vượt 20 % số HTTNV trong đảng bộ'),
        ('cell_disciplined_share_max', 0.20, 'ratio', 'Chi bộ có trên 20 % đảng viên bị kỷ luật: KHTNV'),
        ('cell_good_members_share', 0.50, 'ratio', 'Chi bộ HTTNV: ít nhất 50 % đảng viên HTTNV trở lên'),
        ('cell_pass_members_share', 1.00, 'ratio', 'Chi bộ HTTNV: 100 % đảng viên HTNV trở lên'),
        ('meetings_regular_per_year', 12, 'count', 'Sinh hoạt thường kỳ mỗi tháng một lần'),
        ('meetings_thematic_per_year', 4, 'count', 'Sinh hoạt chuyên đề ít nhất mỗi quý một lần'),
        ('attendance_min', 0.85, 'ratio', 'Tỷ lệ đảng viên dự sinh hoạt trên 85 %'),
        ('meeting_minutes_min', 90, 'minutes', 'Sinh hoạt chi bộ ít nhất 90 phút'),
        ('meeting_minutes_combined_min', 120, 'minutes', 'Kết hợp thường kỳ và chuyên đề ít nhất 120 phút (42-HD/BTCTW)'),
        ('max_consecutive_absences', 3, 'count', 'Đảng viên không vắng quá 3 kỳ sinh hoạt liên tiếp'),
        ('supervised_share_min', 0.30, 'ratio', 'Kiểm tra, giám sát 30–50 % đảng viên mỗi năm')
     ) t(rule, value, unit, source);

INSERT INTO discipline_forms VALUES
    ('khien_trach', 'official', 'Khiển trách', 'Reprimand'),
    ('canh_cao', 'official', 'Cảnh cáo', 'Warning'),
    ('cach_chuc', 'official', 'Cách chức', 'Removal from post'),
    ('khai_tru', 'official', 'Khai trừ', 'Expulsion'),
    ('khien_trach', 'probationary', 'Khiển trách', 'Reprimand'),
    ('canh_cao', 'probationary', 'Cảnh cáo', 'Warning'),
    ('khien_trach', 'organisation', 'Khiển trách', 'Reprimand'),
    ('canh_cao', 'organisation', 'Cảnh cáo', 'Warning'),
    ('giai_tan', 'organisation', 'Giải tán', 'Dissolution');

INSERT INTO enum_values VALUES
    ('member_kind', 'chinh_thuc', 'Chính thức', 'Official', 1),
    ('member_kind', 'du_bi', 'Dự bị', 'Probationary', 2),
    ('subject_kind', 'chi_bo', 'Chi bộ', 'Cell', 1),
    ('subject_kind', 'dang_vien', 'Đảng viên', 'Member', 2),
    ('meeting_kind', 'thuong_ky', 'Thường kỳ', 'Regular', 1),
    ('meeting_kind', 'chuyen_de', 'Chuyên đề', 'Thematic', 2),
    ('meeting_kind', 'ket_hop', 'Kết hợp', 'Combined', 3),
    ('meeting_kind', 'bat_thuong', 'Bất thường', 'Extraordinary', 4),
    ('action_status', 'chua_bat_dau', 'Chưa bắt đầu', 'Not started', 1),
    ('action_status', 'dang_thuc_hien', 'Đang thực hiện', 'In progress', 2),
    ('action_status', 'hoan_thanh', 'Hoàn thành', 'Done', 3),
    ('action_status', 'tam_dung', 'Tạm dừng', 'Paused', 4),
    ('discipline_form', 'khien_trach', 'Khiển trách', 'Reprimand', 1),
    ('discipline_form', 'canh_cao', 'Cảnh cáo', 'Warning', 2),
    ('discipline_form', 'cach_chuc', 'Cách chức', 'Removal from post', 3),
    ('discipline_form', 'khai_tru', 'Khai trừ', 'Expulsion', 4),
    ('discipline_form', 'giai_tan', 'Giải tán', 'Dissolution', 5),
    ('criterion_group', 'chung', 'Chung', 'Common', 1),
    ('criterion_group', 'ket_qua', 'Kết quả thực hiện nhiệm vụ', 'Task results', 2);

INSERT INTO criteria (criterion_code, criterion_name, "group", max_points, solution, valid_from, upload_id) VALUES
    ('A1', 'Giáo dục chính trị tư tưởng, học tập nghị quyết', 'chung', 8, 1, NULL, 0),
    ('A2', 'Đạo đức, lối sống, nêu gương (CT 05, NQ TW4)', 'chung', 8, 2, NULL, 0),
    ('A3', 'Tự phê bình và phê bình; khắc phục hạn chế', 'chung', 7, 5, NULL, 0),
    ('A4', 'Đoàn kết, chấp hành kỷ luật', 'chung', 7, 6, NULL, 0),
    ('B1', 'Lãnh đạo thực hiện nhiệm vụ chính trị, chuyên môn', 'ket_qua', 25, 4, NULL, 0),
    ('B2', 'Chất lượng sinh hoạt chi bộ', 'ket_qua', 15, 5, NULL, 0),
    ('B3', 'Xây dựng tổ chức, kết nạp đảng viên', 'ket_qua', 8, 3, NULL, 0),
    ('B4', 'Lãnh đạo công tác cán bộ', 'ket_qua', 6, 4, NULL, 0),
    ('B5', 'Kiểm tra, giám sát, quản lý đảng viên', 'ket_qua', 10, 6, NULL, 0),
    ('B6', 'Kịp thời cụ thể hóa nghị quyết, chỉ thị', 'ket_qua', 6, 1, NULL, 0);
