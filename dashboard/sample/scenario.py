"""The sample's scenario: its cells, criteria, actions, and the trouble it carries on purpose."""

from __future__ import annotations

import datetime as dt

from ..contract import COMMITTEE_CODE
from ..settings import ROOT

DEFAULT_PATH = ROOT / "data" / "sample" / "du-lieu-mau.xlsx"
SEED = 20261115
LAST_DATE = dt.date(2026, 11, 15)          # no event after this date
CREATED = dt.datetime(2026, 11, 15, 8, 0, 0)
YES, NO = "Có", "Không"

D = dt.date

# ---------------------------------------------------------------- reference data

# code, name, group, max, solution: the default criteria (migrations/0002_reference.sql).
CRITERIA = (
    ("A1", "Giáo dục chính trị tư tưởng, học tập nghị quyết", "chung", 8, 1),
    ("A2", "Đạo đức, lối sống, nêu gương (CT 05, NQ TW4)", "chung", 8, 2),
    ("A3", "Tự phê bình và phê bình; khắc phục hạn chế", "chung", 7, 5),
    ("A4", "Đoàn kết, chấp hành kỷ luật", "chung", 7, 6),
    ("B1", "Lãnh đạo thực hiện nhiệm vụ chính trị, chuyên môn", "ket_qua", 25, 3),
    ("B2", "Chất lượng sinh hoạt chi bộ", "ket_qua", 15, 5),
    ("B3", "Xây dựng tổ chức, kết nạp đảng viên", "ket_qua", 8, 3),
    ("B4", "Lãnh đạo công tác cán bộ", "ket_qua", 6, 4),
    ("B5", "Kiểm tra, giám sát, quản lý đảng viên", "ket_qua", 10, 6),
    ("B6", "Kịp thời cụ thể hóa nghị quyết, chỉ thị", "ket_qua", 6, 1),
)

# code, name, founded, current members, committee members besides secretary and deputy.
CELLS = (
    ("CB01", "Chi bộ Văn phòng tổng hợp", D(2004, 3, 15), 13, 1),
    ("CB02", "Chi bộ Khối Hình sự", D(2008, 9, 2), 14, 3),
    ("CB03", "Chi bộ Khối Kiểm sát tư pháp", D(2008, 9, 2), 12, 1),
    ("CB04", "Chi bộ Khối Dân sự – Hành chính", D(2012, 5, 10), 12, 1),
)
CELL_CODES = tuple(c[0] for c in CELLS)

# Members whose history differs from "in the cell since before 2021, official".
JOINED = {
    "DV013": D(2026, 1, 19),   # admitted 2026, probationary
    "DV026": D(2026, 5, 19),   # admitted 2026, probationary
    "DV027": D(2023, 6, 12),   # admitted 2023, official since 2024
    "DV039": D(2026, 3, 6),    # admitted 2026, probationary
    "DV051": D(2025, 12, 15),  # drawn as admitted 2025; see PROBATION_OVER (issue 14)
}
PROBATIONARY = ("DV013", "DV026", "DV039", "DV051")
LEFT_MEMBER = ("DV052", "CB04", D(2013, 4, 2), D(2024, 8, 31))  # transferred out in 2024
DISCIPLINED = ("DV047", 2024, "khien_trach")
# 2021: three CB03 members reprimanded (rated KHTNV) while the cell stays HTTNV.
CELL_DISCIPLINED = ("CB03", 2021, ("DV035", "DV036", "DV037"), "khien_trach")
# 2022: CB02 rated HTTNV although one member (not disciplined) did not complete duties.
CELL_MEMBER_SHORT = ("CB02", 2022, "DV025")
# 2024: CB04 held no regular meeting in August (11 that year).
MISSED_REGULAR = ("CB04", 2024, 8)
# Removal rule: member, cell, year, months absent without a reason, months absent with one.
REMOVAL = ("DV031", "CB03", 2025, (4, 6, 9), (5,))
# Exempt from meetings (illness, full-time study): member, cell, from, to.
EXEMPT = (("DV008", "CB01", D(2022, 3, 1), D(2022, 12, 31)),
          ("DV036", "CB03", D(2024, 1, 1), D(2024, 6, 30)))

YEARS = (2021, 2022, 2023, 2024, 2025)
QUARTERS = ("2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4", "2026-Q1", "2026-Q2", "2026-Q3")
# Period totals (multiples of 0.5): CB02 rising, CB04 slipping, CB01 = CB03 in 2023.
TOTALS = {
    "CB01": (88.0, 90.5, 87.5, 89.0, 91.0, 88.5, 90.0, 91.5, 92.0, 90.5, 89.0, 91.0),
    "CB02": (76.5, 80.0, 84.5, 89.5, 93.0, 90.5, 92.0, 93.5, 94.0, 93.5, 94.5, 95.0),
    "CB03": (82.0, 83.5, 87.5, 85.0, 86.5, 85.0, 86.0, 87.5, 86.5, 86.0, 87.5, 87.5),
    "CB04": (87.0, 85.5, 79.0, 68.5, 72.5, 74.0, 71.5, 70.0, 73.0, 69.5, 72.0, 74.5),
}
PERIODS = tuple(str(y) for y in YEARS) + QUARTERS
MISSING_SCORE = ("2026-Q3", "CB04", "B5")
# Criteria a cell is weak on (ratio offset): CB03 self-criticism (L3), CB04 supervision.
BIAS = {("CB03", "A3"): -0.12, ("CB03", "B2"): -0.05, ("CB04", "B5"): -0.10, ("CB04", "B1"): -0.04}
# The cell whose decided level disagrees with its score band.
LEVEL_OVERRIDE = {(2023, "CB01"): "HTXSNV"}
QUOTA_BREACH_YEAR = 2023
MISSED_THEMATIC = ("CB04", 2025, 2)            # cell, year, quarter
LOW_ATTENDANCE = (("CB02", 2022, 7), ("CB04", 2024, 3), ("CB04", 2024, 9),
                  ("CB04", 2024, 11), ("CB01", 2025, 8))   # regular meetings, 3 absent
SHORT_MEETINGS = (("CB04", 2024, 5), ("CB04", 2025, 10), ("CB03", 2025, 2))

LEVEL_BANDS = ((90.0, "HTXSNV"), (70.0, "HTTNV"), (50.0, "HTNV"), (0.0, "KHTNV"))

REGULAR_AGENDA = (
    "đánh giá kết quả công tác tháng, triển khai nhiệm vụ tháng tới",
    "kiểm điểm việc thực hiện nghị quyết tháng trước, thống nhất nhiệm vụ trọng tâm",
    "quán triệt văn bản mới của cấp trên, phân công nhiệm vụ cho đảng viên",
    "đánh giá tiến độ giải quyết án, đề ra giải pháp khắc phục tồn tại",
    "thông tin thời sự, nắm tình hình tư tưởng đảng viên, triển khai nhiệm vụ",
)
THEMATIC_TOPICS = (
    "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh (Chỉ thị 05-CT/TW)",
    "Nâng cao chất lượng sinh hoạt chi bộ",
    "Xây dựng, chỉnh đốn Đảng theo Nghị quyết Trung ương 4 khóa XII",
    "Thực hiện Kết luận 21-KL/TW về đẩy mạnh xây dựng, chỉnh đốn Đảng",
    "Phát huy vai trò tiên phong, gương mẫu của đảng viên",
    "Phòng, chống tham nhũng, tiêu cực trong hoạt động tư pháp",
    "Nâng cao chất lượng thực hành quyền công tố và kiểm sát hoạt động tư pháp",
    "Văn hóa công sở và đạo đức nghề nghiệp của cán bộ kiểm sát",
    "Chuyển đổi số trong công tác kiểm sát",
    "Tự phê bình và phê bình, khắc phục hạn chế sau kiểm điểm",
    "Thực hiện quy định về những điều đảng viên không được làm",
    "Bảo vệ nền tảng tư tưởng của Đảng, đấu tranh phản bác quan điểm sai trái",
)

# Actions: code, owner cell, solution, description, start, due, owner role, scenario.
ACTIONS = (
    ("GP1-01", COMMITTEE_CODE, 1, "Xây dựng chương trình hành động thực hiện Nghị quyết Đại hội Đảng bộ nhiệm kỳ 2025–2030, cụ thể hóa cho từng chi bộ",
     D(2025, 1, 6), D(2025, 6, 30), "Bí thư Đảng ủy", "normal"),
    ("GP1-02", "CB01", 1, "Tổ chức học tập, quán triệt nghị quyết mới cho 100 % đảng viên chi bộ trong vòng 30 ngày",
     D(2025, 3, 3), D(2025, 12, 31), "Bí thư chi bộ", "normal"),
    ("GP1-03", "CB02", 1, "Cụ thể hóa nghị quyết, chỉ thị thành kế hoạch của chi bộ gắn với thực hành quyền công tố, kiểm sát án hình sự",
     D(2025, 4, 1), D(2025, 9, 30), "Bí thư chi bộ", "early"),
    ("GP1-04", "CB03", 1, "Tổ chức sinh hoạt tư tưởng định kỳ, nắm bắt tâm tư, tình cảm của đảng viên",
     D(2025, 6, 2), D(2026, 6, 30), "Phó Bí thư chi bộ", "normal"),
    ("GP1-05", "CB04", 1, "Xây dựng kế hoạch thực hiện nghị quyết sát với nhiệm vụ kiểm sát dân sự, hành chính (khắc phục hạn chế chậm cụ thể hóa nghị quyết)",
     D(2025, 7, 1), D(2026, 3, 31), "Bí thư chi bộ", "late"),
    ("GP1-06", COMMITTEE_CODE, 1, "Tổ chức cho đảng viên viết bài thu hoạch học tập nghị quyết và chấm, đánh giá kết quả",
     D(2026, 2, 2), D(2026, 12, 31), "Chi ủy viên phụ trách tuyên giáo", "ongoing"),
    ("GP2-01", COMMITTEE_CODE, 2, "Tổ chức cho đảng viên đăng ký nêu gương, làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
     D(2025, 2, 10), D(2025, 12, 31), "Phó Bí thư Đảng ủy", "normal"),
    ("GP2-02", "CB01", 2, "Xây dựng tiêu chí nêu gương của đảng viên gắn với văn hóa công sở",
     D(2025, 4, 1), D(2025, 10, 31), "Chi ủy viên", "normal"),
    ("GP2-03", "CB02", 2, "Đưa nội dung phòng, chống suy thoái tư tưởng chính trị, đạo đức, lối sống vào sinh hoạt chi bộ hằng quý",
     D(2026, 1, 5), D(2026, 12, 31), "Phó Bí thư chi bộ", "ongoing"),
    ("GP2-04", "CB03", 2, "Rà soát biểu hiện suy thoái theo Nghị quyết Trung ương 4 khóa XII, khắc phục sau kiểm điểm",
     D(2025, 8, 1), D(2026, 5, 31), "Bí thư chi bộ", "normal"),
    ("GP2-05", "CB04", 2, "Phát huy vai trò nêu gương của chi ủy viên và người đứng đầu (khắc phục hạn chế về tính nêu gương)",
     D(2025, 9, 1), D(2026, 9, 30), "Bí thư chi bộ", "overdue"),
    ("GP2-06", COMMITTEE_CODE, 2, "Biểu dương, nhân rộng gương đảng viên tiêu biểu trong Đảng bộ",
     D(2026, 3, 2), D(2026, 11, 30), "Văn phòng Đảng ủy", "ongoing"),
    ("GP3-01", COMMITTEE_CODE, 3, "Rà soát, kiện toàn tổ chức các chi bộ trực thuộc sau sắp xếp bộ máy",
     D(2025, 1, 6), D(2025, 4, 30), "Bí thư Đảng ủy", "normal"),
    ("GP3-02", "CB01", 3, "Bồi dưỡng quần chúng ưu tú, tạo nguồn kết nạp đảng viên",
     D(2025, 3, 3), D(2026, 6, 30), "Bí thư chi bộ", "backwards"),
    ("GP3-03", "CB02", 3, "Hoàn thiện hồ sơ kết nạp, xét công nhận đảng viên chính thức đúng thời hạn",
     D(2025, 5, 5), D(2025, 12, 31), "Chi ủy viên", "normal"),
    ("GP3-04", "CB03", 3, "Phân công đảng viên chính thức giúp đỡ quần chúng phấn đấu vào Đảng",
     D(2025, 10, 1), D(2026, 8, 31), "Phó Bí thư chi bộ", "normal"),
    ("GP3-05", "CB04", 3, "Kiện toàn chi ủy, bổ sung chi ủy viên còn thiếu",
     D(2026, 3, 2), D(2026, 12, 31), "Bí thư chi bộ", "stale"),
    ("GP3-06", COMMITTEE_CODE, 3, "Cập nhật, quản lý hồ sơ đảng viên trên phần mềm quản lý cơ sở dữ liệu đảng viên",
     D(2025, 7, 1), D(2026, 6, 30), "Văn phòng Đảng ủy", "paused"),
    ("GP4-01", COMMITTEE_CODE, 4, "Rà soát, bổ sung quy hoạch cán bộ lãnh đạo, quản lý nhiệm kỳ tới",
     D(2025, 6, 2), D(2025, 12, 31), "Bí thư Đảng ủy", "normal"),
    ("GP4-02", "CB01", 4, "Xây dựng quy chế làm việc của chi ủy, phân công rõ trách nhiệm từng chi ủy viên (khắc phục hạn chế về năng lực lãnh đạo của chi ủy)",
     D(2025, 2, 3), D(2025, 5, 30), "Bí thư chi bộ", "normal"),
    ("GP4-03", "CB02", 4, "Lãnh đạo hoàn thành các chỉ tiêu nghiệp vụ của Ngành về kiểm sát án hình sự",
     D(2026, 1, 5), D(2026, 12, 31), "Bí thư chi bộ", "ongoing"),
    ("GP4-04", "CB03", 4, "Đánh giá cán bộ gắn với kết quả thực hiện nhiệm vụ kiểm sát tư pháp",
     D(2025, 9, 1), D(2026, 7, 31), "Bí thư chi bộ", "normal"),
    ("GP4-05", "CB04", 4, "Lãnh đạo khắc phục án bị hủy, sửa trong lĩnh vực dân sự, hành chính",
     D(2025, 10, 1), D(2026, 6, 30), "Bí thư chi bộ", "overdue"),
    ("GP4-06", COMMITTEE_CODE, 4, "Tổ chức lấy phiếu tín nhiệm, đánh giá người đứng đầu các đơn vị",
     D(2026, 10, 1), D(2026, 12, 31), "Phó Bí thư Đảng ủy", "not_started"),
    ("GP5-01", COMMITTEE_CODE, 5, "Ban hành hướng dẫn nội dung sinh hoạt chuyên đề hằng quý cho các chi bộ",
     D(2025, 1, 6), D(2025, 3, 31), "Phó Bí thư Đảng ủy", "normal"),
    ("GP5-02", "CB01", 5, "Chuẩn bị và gửi tài liệu sinh hoạt cho đảng viên trước ít nhất 3 ngày",
     D(2025, 7, 1), D(2025, 12, 31), "Chi ủy viên", "early"),
    ("GP5-03", "CB02", 5, "Đổi mới sinh hoạt, kết hợp sinh hoạt thường kỳ với chuyên đề theo hướng dẫn của Đảng ủy",
     D(2025, 4, 1), D(2025, 12, 31), "Bí thư chi bộ", "normal"),
    ("GP5-04", "CB03", 5, "Nâng cao chất lượng tự phê bình và phê bình trong sinh hoạt chi bộ, kể cả đối với người đứng đầu (khắc phục hạn chế về tự phê bình và phê bình)",
     D(2025, 7, 1), D(2026, 8, 31), "Bí thư chi bộ", "overdue"),
    ("GP5-05", "CB04", 5, "Bảo đảm sinh hoạt chi bộ đủ thời lượng, tỷ lệ đảng viên dự trên 85 %",
     D(2025, 8, 1), D(2026, 4, 30), "Phó Bí thư chi bộ", "normal"),
    ("GP5-06", "CB03", 5, "Mời đại diện Đảng ủy dự, góp ý sinh hoạt chi bộ định kỳ",
     D(2025, 11, 3), D(2026, 10, 31), "Phó Bí thư chi bộ", "normal"),
    ("GP6-01", COMMITTEE_CODE, 6, "Xây dựng và thực hiện chương trình kiểm tra, giám sát năm 2025 của Đảng ủy",
     D(2025, 1, 2), D(2025, 12, 31), "Ủy ban Kiểm tra Đảng ủy", "normal"),
    ("GP6-02", "CB01", 6, "Giám sát chuyên đề 30–50 % đảng viên của chi bộ trong năm",
     D(2026, 1, 5), D(2026, 12, 31), "Bí thư chi bộ", "ongoing"),
    ("GP6-03", "CB02", 6, "Kiểm tra việc thực hiện quy định về những điều đảng viên không được làm",
     D(2025, 9, 1), D(2026, 5, 31), "Chi ủy viên", "normal"),
    ("GP6-04", "CB03", 6, "Thực hiện Kết luận 21-KL/TW, rà soát, khắc phục hạn chế sau kiểm điểm",
     D(2025, 3, 3), D(2025, 12, 31), "Bí thư chi bộ", "normal"),
    ("GP6-05", "CB04", 6, "Kiểm tra, giám sát đảng viên trong thực hiện nhiệm vụ kiểm sát dân sự, hành chính",
     D(2026, 5, 4), D(2026, 12, 31), "Bí thư chi bộ", "paused_ongoing"),
    ("GP6-06", COMMITTEE_CODE, 6, "Sơ kết việc thực hiện Kết luận 01-KL/TW về Chỉ thị 05-CT/TW",
     D(2026, 4, 1), D(2026, 11, 15), "Ủy ban Kiểm tra Đảng ủy", "normal"),
)
STALE_AFTER = D(2026, 9, 30)      # GP3-05: no report after this
LATE_DONE = D(2026, 5, 25)        # GP1-05 finished on this date (due 31/03/2026)
STALL = {"GP2-05": 70, "GP4-05": 65, "GP5-04": 60}   # overdue actions stall here

TROUBLE = {
    "quota_breach": f"xep_loai {QUOTA_BREACH_YEAR}: HTXSNV > 20 % HTTNV among members, and CB01 HTXSNV",
    "level_disagrees": "xep_loai 2023 CB01: HTXSNV decided, score 87.5 (HTTNV band); tie with CB03",
    "quota_held": "xep_loai 2022 CB01 (90.5), 2025 CB01 (91.0) and CB02 (93.0): decided HTTNV (quota)",
    "disciplined": "xep_loai 2024 DV047 (CB04): khien_trach, KHTNV",
    "cell_disciplined": "xep_loai 2021 CB03: DV035–DV037 reprimanded and KHTNV, the cell still HTTNV",
    "cell_member_short": "xep_loai 2022 CB02: HTTNV although DV025 did not complete duties (KHTNV)",
    "missed_regular": "sinh_hoat CB04 2024: no regular meeting in August (11 in the year)",
    "missed_thematic": "sinh_hoat CB04 2025: no thematic meeting in Q2 (3 in the year)",
    "removal": "vang_sinh_hoat DV031 (CB03): unexcused in April, June, September 2025 (excused in May)",
    "self_criticism": "sinh_hoat CB03: self-criticism rarely (the third limitation)",
    "low_attendance": "sinh_hoat: 3 absent at CB02 07/2022, CB04 03, 09, 11/2024, CB01 08/2025",
    "short_meetings": "sinh_hoat: under 90 minutes at CB04 05/2024, 10/2025, CB03 02/2025 (+ a few random)",
    "missing_score": "diem_danh_gia 2026-Q3 CB04: no B5",
    "overdue": "giai_phap GP2-05, GP4-05, GP5-04 not done after due date",
    "late": "giai_phap GP1-05 due 31/03/2026, done 25/05/2026",
    "backwards": "tien_do_giai_phap GP3-02 percent goes down once",
    "stale": "tien_do_giai_phap GP3-05: no report after September 2026 (> 45 days before 26/11/2026)",
    "paused": "tien_do_giai_phap GP3-06 and GP6-05: two tam_dung reports each",
    "slow_plans": "thuc_hien_nghi_quyet CB04: plans 45–75 days after receipt (due in 30), two not made "
                  "concrete, M10-CT/TU not taken up",
    "rare_committee": "sinh_hoat_cap_uy CB02: once a quarter, seldom on the political task; "
                      "sinh_hoat CB02: seldom concrete targets",
    "no_head_criticism": "sinh_hoat CB03: never criticises its head",
    "not_kept": "cam_ket_neu_guong: DV029 (Phó Bí thư), DV044 2025; DV018, DV047 2024; DV009 2023 not kept",
}


# ---------------------------------------------------------------- helpers

def _weekday(day: dt.date) -> dt.date:
    """Move a Saturday back to Friday and a Sunday forward to Monday."""
    if day.weekday() == 5:
        return day - dt.timedelta(days=1)
    if day.weekday() == 6:
        return day + dt.timedelta(days=1)
    return day


def _band(total: float) -> str:
    for floor, level in LEVEL_BANDS:
        if total >= floor:
            return level
    return "KHTNV"


def _round5(x: float) -> int:
    return int(5 * round(x / 5))
