"""The synthetic sample workbook ("dữ liệu mẫu"), generated deterministically.

``generate(path)`` writes one sheet per contract sheet (headers from
``contract.SHEETS``, data from row 2) and returns the number of data rows per
sheet. Everything comes from one seeded ``random.Random`` and fixed dates, and
the workbook's creation time is fixed, so two runs give byte-identical files.

The data is fictional: four cells (CB01–CB04, 13/14/12/12 current members),
pseudonymous members DV001…DV051 (plus DV052, who left in 2024), scores for
2021–2025 and 2025-Q1…2026-Q3, ratings 2021–2025, monthly meetings from
January 2021 to October 2026, actions under the six solutions and their
progress reports. It carries deliberate trouble so that every view has
something to show (see ``TROUBLE``):

* 2023, the one year that breaks the 20 % quota, on purpose: members rated HTXSNV
  exceed 20 % of those rated HTTNV, and CB01 is decided HTXSNV although its score
  (87.5) is in the HTTNV band (and ties with CB03, 87.5); with 4 cells no cell may be
  HTXSNV under the strict arithmetic (20 % of 3 is 0.6), so in 2022 and 2025 the cells
  scoring 90 or more are decided HTTNV;
* 2024: DV047 (CB04) disciplined (khiển trách) and rated KHTNV;
* 2021: three CB03 members reprimanded and rated KHTNV, the cell still HTTNV;
* 2022: CB02 rated HTTNV although one of its members did not complete duties;
* 2024: CB04 held no regular meeting in August;
* 2025: CB04 held no thematic meeting in Q2 (3 that year);
* 2025: DV031 (CB03) absent without a reason in April, June and September (and once
  with a reason in May): the removal rule;
* CB03 holds self-criticism far less often (limitation L3);
* a few meetings below 85 % attendance, with unexcused absences, or shorter
  than 90 minutes;
* 2026-Q3: CB04 has no score for criterion B5 (incomplete period);
* the four limitations (``sample_limitations``): CB04 slow to issue plans for resolutions,
  CB02's committee meeting once a quarter, CB03 never criticising its head, a few members
  not keeping their yearly commitment;
* actions GP2-05, GP4-05, GP5-04 overdue; GP1-05 finished late; GP3-02 goes
  backwards once; GP3-05 not reported since September 2026; GP3-06 and
  GP6-05 paused for a while.
* the year-end review of 2026 (sheet de_xuat_xep_loai, from ``sample_limitations.proposals``):
  three self-ratings and CB01's proposals for its members missing, CB02 proposed HTXSNV (the
  quota: 20 % of 3 allows none), CB04 proposed HTTNV with DV048 proposed KHTNV (a cell cap);
* DV046 (CB04) rated HTXSNV five years running, 2021–2025; DV051 still probationary a month
  after his 12 months ended (admitted 20/10/2025), DV013's end in January 2027.

Event dates (meetings, reports, decisions, joining) are never after
15/11/2026; a few planned due dates of actions still running lie in
December 2026.

Usage: ``python -m dashboard.sample [PATH]``.
"""

from __future__ import annotations

import datetime as dt
import random
import sys
from pathlib import Path

import xlsxwriter

from . import sample_limitations as limitations
from .contract import COMMITTEE_CODE, SHEETS, Sheet
from .settings import ROOT

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


# ---------------------------------------------------------------- the data

def _members(rng: random.Random) -> list[dict]:
    rows, number = [], 0
    for code, _, founded, size, committee in CELLS:
        for i in range(size):
            number += 1
            member = f"DV{number:03d}"
            role = ("Bí thư" if i == 0 else "Phó Bí thư" if i == 1
                    else "Chi ủy viên" if i < 2 + committee else "Đảng viên")
            start = max(founded, D(2005, 1, 1))
            joined = JOINED.get(member) or start + dt.timedelta(days=rng.randrange((D(2020, 12, 31) - start).days))
            rows.append({"member_code": member, "full_name": f"Đảng viên mẫu {number:03d}",
                         "branch_code": code, "kind": "du_bi" if member in PROBATIONARY else "chinh_thuc",
                         "party_role": role, "joined_on": joined, "left_on": None})
    member, cell, joined, left = LEFT_MEMBER
    rows.append({"member_code": member, "full_name": f"Đảng viên mẫu {member[2:]}", "branch_code": cell,
                 "kind": "chinh_thuc", "party_role": "Đảng viên", "joined_on": joined, "left_on": left})
    return rows


def _in_cell(members: list[dict], cell: str, on: dt.date) -> list[str]:
    return [m["member_code"] for m in members if m["branch_code"] == cell and m["joined_on"] <= on
            and (m["left_on"] is None or m["left_on"] >= on)]


def _split_total(rng: random.Random, cell: str, total: float) -> list[float]:
    """Scores per criterion (0.5 steps, within the maxima) adding up exactly to ``total``."""
    scores = []
    for code, _, _, top, _ in CRITERIA:
        ratio = total / 100 + rng.uniform(-0.06, 0.06) + BIAS.get((cell, code), 0.0)
        ratio = min(1.0, max(0.3, ratio))
        scores.append(round(top * ratio * 2) / 2)
    steps = round((total - sum(scores)) * 2)
    while steps:
        i = rng.randrange(len(CRITERIA))
        if BIAS.get((cell, CRITERIA[i][0]), 0) < 0 and steps > 0:
            continue                      # keep a weak criterion weak
        new = scores[i] + (0.5 if steps > 0 else -0.5)
        if 0 <= new <= CRITERIA[i][3]:
            scores[i] = new
            steps += -1 if steps > 0 else 1
    return scores


def _scores(rng: random.Random) -> list[dict]:
    rows = []
    for index, period in enumerate(PERIODS):
        for cell in CELL_CODES:
            scores = _split_total(rng, cell, TOTALS[cell][index])
            for (code, *_), score in zip(CRITERIA, scores):
                if (period, cell, code) == MISSING_SCORE:
                    continue
                note = None
                if (period, cell) == MISSING_SCORE[:2] and code == "B1":
                    note = "Chưa có điểm tiêu chí B5: chờ kết quả kiểm tra, giám sát quý III."
                rows.append({"period": period, "branch_code": cell, "criterion_code": code,
                             "score": score, "note": note})
    return rows


def _ratings(rng: random.Random, members: list[dict]) -> list[dict]:
    rows = []
    for y_index, year in enumerate(YEARS):
        cell_levels = {}
        for cell in CELL_CODES:
            total = TOTALS[cell][y_index]
            level = LEVEL_OVERRIDE.get((year, cell), _band(total))
            if level == "HTXSNV" and year != QUOTA_BREACH_YEAR:
                level = "HTTNV"   # the Đảng ủy holds to the quota: 4 cells allow no HTXSNV
            cell_levels[cell] = level
            rows.append({"year": year, "subject_kind": "chi_bo", "subject_code": cell, "level": level,
                         "score": total, "disciplined": False, "discipline_form": None,
                         "decided_on": D(year, 12, 26)})
        rated = [m for m in members if m["joined_on"] <= D(year, 10, 31)
                 and (m["left_on"] is None or m["left_on"] >= D(year, 12, 31))]
        levels: dict[str, str] = {}
        for m in rated:
            cell_level = cell_levels[m["branch_code"]]
            excellent = {"HTXSNV": 0.25, "HTTNV": 0.12}.get(cell_level, 0.04)
            weak = 0.04 if cell_level in ("HTXSNV", "HTTNV") else 0.15
            u = rng.random()
            levels[m["member_code"]] = "HTXSNV" if u < excellent else "HTNV" if u > 1 - weak else "HTTNV"
        member, d_year, _ = DISCIPLINED
        if year == d_year:
            levels[member] = "KHTNV"
        disciplined_now = {member} if year == d_year else set()
        cell, c_year, codes, _ = CELL_DISCIPLINED
        if year == c_year:
            for code in codes:
                if code in levels:
                    levels[code] = "KHTNV"
                    disciplined_now.add(code)
        cell, s_year, code = CELL_MEMBER_SHORT
        if year == s_year and code in levels:
            levels[code] = "KHTNV"

        def count(level: str) -> int:
            return sum(1 for v in levels.values() if v == level)

        if year == QUOTA_BREACH_YEAR:
            while count("HTXSNV") <= 0.2 * count("HTTNV") + 2:
                levels[rng.choice([k for k, v in levels.items() if v == "HTTNV"])] = "HTXSNV"
        else:
            while count("HTXSNV") > 0.2 * count("HTTNV"):
                levels[rng.choice([k for k, v in levels.items() if v == "HTXSNV"])] = "HTTNV"
        for m in rated:
            code = m["member_code"]
            disciplined = code in disciplined_now
            rows.append({"year": year, "subject_kind": "dang_vien", "subject_code": code,
                         "level": levels[code], "score": None, "disciplined": disciplined,
                         "discipline_form": "khien_trach" if disciplined else None,
                         "decided_on": D(year, 12, 18)})
    return rows


def _meeting_plan(rng: random.Random) -> list[tuple[str, dt.date, str]]:
    """(cell, date, kind) for every meeting, by cell then date."""
    plan = []
    base_day = {"CB01": 5, "CB02": 7, "CB03": 10, "CB04": 12}
    for cell in CELL_CODES:
        meetings = []
        for year in range(2021, 2027):
            for month in range(1, 13):
                if (year, month) > (2026, 10):
                    break
                day = _weekday(D(year, month, base_day[cell] + rng.randint(-2, 2)))
                quarter_end = month % 3 == 0
                combined = quarter_end and rng.random() < (0.4 if year >= 2025 else 0.15)
                missed = (cell, year, (month - 1) // 3 + 1) == MISSED_THEMATIC
                if (cell, year, month) == MISSED_REGULAR:
                    continue
                if combined and not missed:
                    meetings.append((cell, day, "ket_hop"))
                    continue
                meetings.append((cell, day, "thuong_ky"))
                if quarter_end and not missed:
                    meetings.append((cell, _weekday(D(year, month, rng.randint(18, 25))), "chuyen_de"))
        if cell == "CB02":
            meetings.append((cell, D(2023, 6, 1), "bat_thuong"))   # before admitting DV027
        plan.extend(sorted(meetings, key=lambda m: m[1]))
    return plan


def _meetings(rng: random.Random, members: list[dict]) -> tuple[list[dict], list[dict]]:
    meetings, absences = [], []
    plan = _meeting_plan(rng)
    removal_member, removal_cell, removal_year, unexcused_months, excused_months = REMOVAL
    forced_on: dict[dt.date, bool] = {}
    for cell, on, kind in plan:   # the month's regular meeting of the removal scenario
        if (cell == removal_cell and on.year == removal_year and kind in ("thuong_ky", "ket_hop")
                and on.month in unexcused_months + excused_months):
            forced_on[on] = on.month in excused_months
    recent: dict[str, list[set[str]]] = {cell: [] for cell in CELL_CODES}
    # Months of a year with an unexcused absence, per member: chance never reaches the
    # removal rule's three (only the scenario above does).
    unexcused_in: dict[tuple[str, int], set[int]] = {}
    for cell, on, kind in plan:
        present_list = _in_cell(members, cell, on)
        exempt = [m for m, c, start, end in EXEMPT if c == cell and start <= on <= end and m in present_list]
        eligible = [m for m in present_list if m not in exempt]
        # Nobody is absent by chance from more than 2 meetings in a row.
        history = recent[cell][-2:]
        pool = [m for m in eligible if not (len(history) == 2 and all(m in h for h in history))]
        forced: list[tuple[str, bool]] = []
        if cell == removal_cell and on in forced_on:
            forced.append((removal_member, forced_on[on]))
        if cell == removal_cell and on.year == removal_year:
            pool = [m for m in pool if m != removal_member]
        low = kind in ("thuong_ky", "ket_hop") and (cell, on.year, on.month) in LOW_ATTENDANCE
        if low:
            n = 3
        else:
            u = rng.random()
            n = 0 if u < 0.6 else 1 if u < 0.98 else 2
        chosen = [m for m, _ in forced]
        candidates = [m for m in pool if m not in chosen]
        extra = rng.sample(candidates, min(max(0, n - len(chosen)), len(candidates)))
        absent = list(forced)
        for i, m in enumerate(extra):
            excused = not (low and i == 0) and rng.random() > 0.1
            months = unexcused_in.setdefault((m, on.year), set())
            if not excused and on.month not in months and len(months) >= 2:
                excused = True
            if not excused:
                months.add(on.month)
            absent.append((m, excused))
        absent.sort()
        recent[cell].append({m for m, _ in absent})
        excused = sum(1 for _, e in absent if e)
        unexcused = len(absent) - excused
        total = len(present_list)
        present = total - len(exempt) - excused - unexcused
        # Duration, self-criticism, speakers, topic.
        if kind == "ket_hop":
            minutes = rng.randint(120, 170)
        elif kind == "chuyen_de":
            minutes = rng.randint(100, 160)
        elif kind == "bat_thuong":
            minutes = rng.randint(60, 90)
        elif (cell, on.year, on.month) in SHORT_MEETINGS or rng.random() < 0.03:
            minutes = rng.randint(60, 85)
        else:
            minutes = rng.randint(90, 150)
        if cell == "CB03":
            self_criticism = rng.random() < (0.5 if kind in ("chuyen_de", "ket_hop") else 0.2)
        else:
            self_criticism = rng.random() < (0.95 if kind in ("chuyen_de", "ket_hop") else 0.8)
        if kind == "bat_thuong":
            self_criticism = False
        low_speak, high_speak = (2, 5) if cell == "CB03" else (4, 10)
        speakers = min(present, rng.randint(low_speak, high_speak))
        label = f"tháng {on.month:02d}/{on.year}"
        if kind == "thuong_ky":
            agenda = ("sơ kết công tác năm, chuẩn bị kiểm điểm, đánh giá, xếp loại chất lượng"
                      if on.month == 12 else rng.choice(REGULAR_AGENDA))
            topic = f"Sinh hoạt thường kỳ {label}: {agenda}"
        elif kind == "chuyen_de":
            topic = f"Chuyên đề: {rng.choice(THEMATIC_TOPICS)}"
        elif kind == "ket_hop":
            topic = f"Sinh hoạt thường kỳ {label} kết hợp chuyên đề: {rng.choice(THEMATIC_TOPICS)}"
        else:
            topic = "Sinh hoạt bất thường: xét đề nghị kết nạp đảng viên"
        meetings.append({"branch_code": cell, "held_on": on, "kind": kind, "members_total": total,
                         "members_exempt": len(exempt), "present": present, "absent_excused": excused,
                         "absent_unexcused": unexcused, "minutes": minutes,
                         "self_criticism": self_criticism, "speakers": speakers, "topic": topic})
        for member, is_excused in absent:
            absences.append({"branch_code": cell, "held_on": on, "kind": kind, "member_code": member,
                             "excused": is_excused})
    return meetings, absences


def _report_dates(start: dt.date, day: int, until: dt.date) -> list[dt.date]:
    dates, year, month = [], start.year, start.month
    while True:
        on = D(year, month, day)
        if on > until:
            return dates
        if on >= start + dt.timedelta(days=7):
            dates.append(on)
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)


def _progress(rng: random.Random) -> list[dict]:
    rows = []
    for code, _, _, _, start, due, _, scenario in ACTIONS:
        day = rng.randint(8, 28)
        if scenario in ("normal", "early", "backwards", "paused"):
            span = (due - start).days
            finish = due if scenario != "early" else start + dt.timedelta(days=int(span * 0.7))
            finish = min(finish - dt.timedelta(days=rng.randint(0, 4)), LAST_DATE)
            if scenario == "paused":
                finish = due - dt.timedelta(days=10)
        elif scenario == "late":
            finish = LATE_DONE
        else:
            finish = None
        until = STALE_AFTER if scenario == "stale" else LAST_DATE
        dates = _report_dates(start, day, until)
        if finish is not None:
            dates = [d for d in dates if d <= finish - dt.timedelta(days=5)] + [finish]
        plan_end = finish if scenario != "late" else due
        reports: list[tuple[dt.date, int, str, str]] = []
        last = 0
        pause_at = len(dates) // 2 if scenario in ("paused", "paused_ongoing") else None
        for i, on in enumerate(dates):
            is_last = finish is not None and i == len(dates) - 1
            if is_last:
                reports.append((on, 100, "hoan_thanh", "Đã hoàn thành, có báo cáo kết quả."))
                break
            planned = 100 * (on - start).days / max(1, ((plan_end or due) - start).days)
            if scenario == "late":
                planned *= 0.75
            percent = _round5(planned + rng.uniform(-6, 4))
            percent = max(last, min(95, percent, last + 25))
            if pause_at is not None and i > pause_at + 1:
                percent = min(percent, last + 15)     # picks up slowly after a pause
            if i == 0 and (scenario == "not_started" or rng.random() < 0.25):
                percent = 0
            note = "Đang triển khai theo kế hoạch."
            status = "dang_thuc_hien" if percent > 0 else "chua_bat_dau"
            if percent == 0:
                note = "Chưa triển khai, đang chuẩn bị kế hoạch."
            if code in STALL and percent > STALL[code]:
                percent = max(last, STALL[code])
                note = "Chậm tiến độ, chưa bố trí được thời gian thực hiện."
                if on > due:
                    note = "Quá hạn, chưa hoàn thành; chi bộ đang rà soát nguyên nhân."
            if scenario == "late" and on > due:
                note = "Quá hạn, đang hoàn thiện để báo cáo kết quả."
            if pause_at is not None and i in (pause_at, pause_at + 1):
                percent, status = last, "tam_dung"
                note = "Tạm dừng do tập trung cho nhiệm vụ chuyên môn đột xuất."
            if scenario == "backwards" and i == 4:
                percent = max(0, last - 10)
                note = "Rà soát lại, điều chỉnh giảm tiến độ do một quần chúng chuyển công tác."
                status = "dang_thuc_hien" if percent > 0 else "chua_bat_dau"
            reports.append((on, percent, status, note))
            last = percent
        for on, percent, status, note in reports:
            rows.append({"action_code": code, "reported_on": on, "percent": percent, "status": status,
                         "note": note})
    return rows


def build() -> dict[str, list[dict]]:
    """The sample's rows per contract sheet (values typed as the store types them)."""
    rng = random.Random(SEED)
    members = _members(rng)
    cells = [{"branch_code": code, "branch_name": name, "secretary": None, "founded_on": founded,
              "active": True} for code, name, founded, _, _ in CELLS]
    for cell in cells:
        secretary = next(m for m in members if m["branch_code"] == cell["branch_code"]
                         and m["party_role"] == "Bí thư")
        cell["secretary"] = secretary["full_name"]
    criteria = [{"criterion_code": c, "criterion_name": n, "group": g, "max_points": m, "solution": s,
                 "valid_from": None} for c, n, g, m, s in CRITERIA]
    scores = _scores(rng)
    ratings = _ratings(rng, members)
    meetings, absences = _meetings(rng, members)
    actions = [{"action_code": code, "branch_code": cell, "solution": solution, "description": text,
                "starts_on": start, "due_on": due, "owner": owner}
               for code, cell, solution, text, start, due, owner, _ in ACTIONS]
    # Progress draws from its own generator, so that a change to the meetings above leaves the
    # actions' reports as they are.
    progress = _progress(random.Random(SEED + 1))
    # The four limitations' sheets draw from their own generators too (sample_limitations).
    limitations.meeting_columns(meetings)
    data = {"chi_bo": cells, "dang_vien": members, "tieu_chi": criteria, "diem_danh_gia": scores,
            "xep_loai": ratings, "sinh_hoat": meetings, "vang_sinh_hoat": absences,
            "giai_phap": actions, "tien_do_giai_phap": progress,
            "nghi_quyet": limitations.resolutions(), "thuc_hien_nghi_quyet": limitations.uptake(members),
            "sinh_hoat_cap_uy": limitations.committee_meetings(members),
            "cam_ket_neu_guong": limitations.commitments(members)}
    # ---- issue 14: the year-end review of 2026 and a probation already over
    _probation_over(members)
    _excellent_five_years(ratings)
    data["de_xuat_xep_loai"] = limitations.proposals(members)
    # ---- end issue 14
    return data


# ---- issue 14
# DV051 (CB04) was admitted on 20/10/2025: his 12 months of probation ended on 20/10/2026 and he
# is still probationary (the member register lists him as past due); DV013, admitted 19/01/2026,
# is due within 60 days of the end of November 2026. The date is set after every draw, so that
# the rest of the sample is what it was (DV051 is first rated in 2026, as before).
PROBATION_OVER = ("DV051", D(2025, 10, 20))


def _probation_over(members: list[dict]) -> None:
    code, joined = PROBATION_OVER
    next(m for m in members if m["member_code"] == code)["joined_on"] = joined


# DV046 (CB04) rated HTXSNV five years running, 2021–2025 (the register's list to commend): in
# 2022–2024 he trades levels with the one CB04 member drawn HTXSNV that year, so that every
# count of a cell and of the Đảng bộ (the quota, the caps) stays what it was.
EXCELLENT_RUN = ("DV046", "CB04", (2022, 2023, 2024))
CB04_MEMBERS = frozenset(f"DV{n:03d}" for n in range(40, 53))   # DV040 … DV051, and DV052 who left


def _excellent_five_years(ratings: list[dict]) -> None:
    code, _, years = EXCELLENT_RUN
    members = {(r["year"], r["subject_code"]): r for r in ratings if r["subject_kind"] == "dang_vien"}
    cell_members = {m for (_, m) in members if m in CB04_MEMBERS}
    for year in years:
        mine = members[(year, code)]
        other = next(members[(year, m)] for m in sorted(cell_members)
                     if (year, m) in members and members[(year, m)]["level"] == "HTXSNV"
                     and not members[(year, m)]["disciplined"])
        mine["level"], other["level"] = other["level"], mine["level"]

# ---- end issue 14


# ---------------------------------------------------------------- the workbook

def _display(value: object) -> str:
    if isinstance(value, dt.date):
        return "00/00/0000"
    if isinstance(value, bool):
        return YES if value else NO
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return "" if value is None else str(value)


def _write_sheet(workbook, sheet: Sheet, rows: list[dict], formats: dict) -> None:
    ws = workbook.add_worksheet(sheet.name)
    widths = []
    for col, column in enumerate(sheet.columns):
        ws.write_string(0, col, column.header, formats["header"])
        widths.append(len(column.header))
    for r, row in enumerate(rows, start=1):
        for col, column in enumerate(sheet.columns):
            value = row.get(column.name)
            if value is None:
                continue
            if column.kind == "yesno":
                ws.write_string(r, col, YES if value else NO)
            elif isinstance(value, dt.date):
                ws.write_datetime(r, col, dt.datetime(value.year, value.month, value.day), formats["date"])
            elif isinstance(value, (int, float)) and not isinstance(value, bool):
                ws.write_number(r, col, value)
            else:
                ws.write_string(r, col, str(value))
            widths[col] = max(widths[col], len(_display(value)))
    for col, width in enumerate(widths):
        ws.set_column(col, col, min(70, width + 2))
    ws.freeze_panes(1, 0)
    ws.autofilter(0, 0, max(1, len(rows)), len(sheet.columns) - 1)


def generate(path: str | Path = DEFAULT_PATH) -> dict[str, int]:
    """Write the sample workbook to ``path``; return the number of data rows per sheet."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    data = build()
    workbook = xlsxwriter.Workbook(str(path), {"strings_to_numbers": False, "strings_to_formulas": False,
                                               "strings_to_urls": False})
    workbook.set_properties({
        "title": "Dữ liệu mẫu — Đảng bộ Viện kiểm sát nhân dân tỉnh Lai Châu",
        "subject": "Dữ liệu mẫu (tổng hợp, không phải dữ liệu thật)",
        "author": "Dữ liệu mẫu",
        "company": "",
        "comments": "Dữ liệu tổng hợp để minh họa bảng điều khiển; không chứa dữ liệu cá nhân thật.",
        "created": CREATED,
    })
    formats = {"header": workbook.add_format({"bold": True, "bg_color": "#DDEBF7", "bottom": 1}),
               "date": workbook.add_format({"num_format": "dd/mm/yyyy"})}
    counts = {}
    for sheet in SHEETS:
        rows = data[sheet.name]
        _write_sheet(workbook, sheet, rows, formats)
        counts[sheet.name] = len(rows)
    workbook.close()
    return counts


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if len(argv) > 1 or (argv and argv[0] in ("-h", "--help")):
        print("usage: python -m dashboard.sample [PATH]")
        return 2
    path = Path(argv[0]) if argv else DEFAULT_PATH
    counts = generate(path)
    print(f"{path}:")
    for name, count in counts.items():
        print(f"  {name}: {count}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
