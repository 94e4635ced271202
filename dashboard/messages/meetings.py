"""Messages of the cell meetings page (Sinh hoạt chi bộ) and its month-by-month calendar.

Vietnamese first, with full diacritics; English alongside.
"""

MESSAGES: dict[str, dict[str, str]] = {
    "meetings.summary": {"vi": "Sinh hoạt chi bộ năm {year}", "en": "Cell meetings in {year}"},
    "meetings.file": {"vi": "Sinh hoạt chi bộ", "en": "Cell meetings"},
    "meetings.requirements": {
        "vi": "Yêu cầu ({source}): {regular} buổi thường kỳ trong năm (mỗi tháng một buổi), ít nhất {thematic} buổi chuyên đề mỗi quý, tỷ lệ dự trên {attendance}, không vắng không lý do, ít nhất {minutes} phút; buổi kết hợp thường kỳ và chuyên đề ít nhất {combined} phút.",
        "en": "Required ({source}): {regular} regular meetings a year (one a month), at least {thematic} thematic meeting each quarter, attendance above {attendance}, no unexcused absence, at least {minutes} minutes; a combined regular and thematic meeting at least {combined} minutes."},
    "meetings.year_running": {"vi": "Năm đang diễn ra: số buổi tính đến hết tháng {month}.",
                              "en": "The year is still running: counts up to month {month}."},
    "meetings.l3": {"vi": "Cột \"Có tự phê bình và phê bình\" đo hạn chế \"{limitation}\" mà Đảng ủy đã chỉ ra.",
                    "en": "The self-criticism column measures the limitation \"{limitation}\" the Đảng ủy named."},
    "meetings.calendar": {"vi": "Lịch sinh hoạt từng tháng năm {year}", "en": "Meetings month by month, {year}"},
    "meetings.calendar_file": {"vi": "Lịch sinh hoạt", "en": "Meeting calendar"},
    "meetings.calendar_help": {"vi": "Xanh: có sinh hoạt thường kỳ; đỏ: tháng đã qua mà không có; xám: tháng chưa qua. CĐ: có sinh hoạt chuyên đề.",
                               "en": "Green: a regular meeting held; red: a past month without one; grey: month not over. T: a thematic meeting."},
    "meetings.findings": {"vi": "Cảnh báo về sinh hoạt chi bộ năm {year}", "en": "Meeting findings, {year}"},
    "calendar.held": {"vi": "Đã sinh hoạt", "en": "Held"},
    "calendar.missed": {"vi": "Không sinh hoạt", "en": "Missed"},
    "calendar.not_yet": {"vi": "Chưa đến", "en": "Not yet"},
}
