"""Messages of the member register (Đảng viên): keys ``roster.*`` (``members.*`` belongs to the
ranking page's member levels)."""

MESSAGES: dict[str, dict[str, str]] = {
    "roster.year": {"vi": "Năm", "en": "Year"},
    "roster.register.title": {"vi": "Danh sách đảng viên", "en": "Member register"},
    "roster.register.help": {
        "vi": "Đảng viên đang sinh hoạt ở các chi bộ đang xem: loại, chức vụ đảng, mức xếp loại năm năm gần nhất "
              "(đến {year}), lần kỷ luật gần nhất và số buổi vắng sinh hoạt không lý do trong năm {year}.",
        "en": "Members of the cells shown: kind, party post, their level in the last five years (to {year}), the "
              "latest discipline and the meetings missed without a reason in {year}."},
    "roster.col.member": {"vi": "Mã đảng viên", "en": "Member"},
    "roster.col.name": {"vi": "Họ và tên", "en": "Full name"},
    "roster.col.kind": {"vi": "Loại", "en": "Kind"},
    "roster.col.post": {"vi": "Chức vụ đảng", "en": "Party post"},
    "roster.col.discipline": {"vi": "Kỷ luật gần nhất", "en": "Latest discipline"},
    "roster.col.missed": {"vi": "Vắng không lý do năm {year} (buổi)", "en": "Missed without reason in {year}"},
    "roster.col.finding": {"vi": "Nội dung", "en": "Finding"},
    "roster.col.form": {"vi": "Hình thức kỷ luật", "en": "Form"},
    "roster.col.level": {"vi": "Mức xếp loại", "en": "Level"},
    "roster.col.joined": {"vi": "Ngày vào chi bộ", "en": "Admitted"},
    "roster.col.ends": {"vi": "Hết 12 tháng dự bị", "en": "Probation ends"},
    "roster.col.state": {"vi": "Tình trạng", "en": "State"},
    "roster.commend.title": {"vi": "Đề nghị khen thưởng", "en": "To commend"},
    "roster.consider.title": {"vi": "Cần xem xét", "en": "To consider"},
    "roster.probation.title": {"vi": "Đảng viên dự bị đến hạn xét chuyển chính thức",
                               "en": "Probationary members due to be made official"},
    "roster.list.excellent": {"vi": "Hoàn thành xuất sắc nhiệm vụ năm {year}", "en": "Rated HTXSNV in {year}"},
    "roster.list.excellent_run": {"vi": "Hoàn thành xuất sắc nhiệm vụ 5 năm liền (đến {year})",
                                  "en": "Rated HTXSNV five years running (to {year})"},
    "roster.list.failed_run": {"vi": "Không hoàn thành nhiệm vụ 2 năm liền (đến {year})",
                               "en": "Rated KHTNV two years running (to {year})"},
    "roster.list.removal": {"vi": "Vắng sinh hoạt không lý do trong 3 tháng của năm {year} (xem xét xóa tên)",
                            "en": "Absent without a reason in three months of {year} (removal considered)"},
    "roster.list.disciplined": {"vi": "Bị kỷ luật trong năm {year}", "en": "Disciplined in {year}"},
    "roster.list.probation": {"vi": "Hết thời kỳ dự bị hoặc sắp hết", "en": "Probation over or ending soon"},
    "roster.list.none": {"vi": "Không có đảng viên nào.", "en": "No member."},
    "roster.basis.data": {
        "vi": "Căn cứ: kết quả xếp loại và kỷ luật đã ghi (sheet xep_loai); đây là số liệu, không trích dẫn quy định.",
        "en": "From the recorded ratings and discipline (sheet xep_loai): data, no regulation cited."},
    "roster.basis.removal": {
        "vi": "Quy tắc: đảng viên vắng sinh hoạt không lý do trong 3 tháng khác nhau của một năm thì chi bộ xem xét, "
              "đề nghị xóa tên; căn cứ là văn bản có hiệu lực vào ngày vắng (cột Căn cứ). Vắng có lý do không tính.",
        "en": "Rule: a member absent without a reason in three distinct months of a year is considered for "
              "removal; the source is the one in force on the day (column Source). Excused absences never count."},
    "roster.basis.probation": {
        "vi": "Quy tắc: thời kỳ dự bị là 12 tháng kể từ ngày kết nạp (tính từ “Ngày vào chi bộ”); khi hết, chi bộ "
              "xét công nhận đảng viên chính thức. Liệt kê người đã hết hoặc còn không quá {days} ngày tính đến "
              "{today} (cài đặt DASHBOARD_PROBATION_NOTICE_DAYS).",
        "en": "Rule: probation lasts 12 months from admission (counted from the joining date); when it ends the "
              "cell considers making the member official. Listed: ended, or ending within {days} days of {today} "
              "(setting DASHBOARD_PROBATION_NOTICE_DAYS)."},
    "roster.probation.due": {"vi": "Còn {days} ngày", "en": "{days} days left"},
    "roster.probation.past": {"vi": "Đã quá {days} ngày", "en": "Ended {days} days ago"},
}
