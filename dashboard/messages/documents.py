"""Messages of the documents that leave the dashboard: ``report.*`` the report to the higher
committee (its wording follows Hướng dẫn 36-HD/VPTW: "BÁO CÁO", "Nơi nhận:", "T/M ĐẢNG ỦY",
the closing "./."), ``backup.*`` and ``restore.*`` backups of the store.

Vietnamese first, with full diacritics; English alongside.
"""

MESSAGES: dict[str, dict[str, str]] = {
    "report.party": {"vi": "ĐẢNG CỘNG SẢN VIỆT NAM", "en": "COMMUNIST PARTY OF VIETNAM"},
    "report.number": {"vi": "Số {number}-BC/ĐU", "en": "No. {number}-BC/ĐU"},
    "report.date_line": {"vi": "{place}, ngày {day} tháng {month} năm {year}",
                         "en": "{place}, {day}/{month}/{year}"},
    "report.title": {"vi": "BÁO CÁO", "en": "REPORT"},
    "report.subject": {"vi": "kết quả đánh giá chi bộ và tiến độ thực hiện các giải pháp {period}",
                       "en": "on the assessment of the cells and the progress of the solutions, {period}"},
    "report.intro": {
        "vi": "Căn cứ số liệu trên Bảng điều hành Đảng bộ cập nhật đến ngày {date}, Đảng ủy báo cáo kết quả đánh giá các chi bộ trực thuộc và tiến độ thực hiện sáu giải pháp {period} như sau:",
        "en": "From the figures of the Party Committee dashboard as of {date}, the Party Committee reports on the assessment of its cells and the progress of the six solutions, {period}, as follows:"},
    "report.scope_all": {"vi": "Phạm vi báo cáo: {n} chi bộ trực thuộc — {names}.",
                         "en": "Scope: the {n} cells — {names}."},
    "report.scope_some": {"vi": "Phạm vi báo cáo: {n} chi bộ được chọn — {names}.",
                          "en": "Scope: {n} chosen cells — {names}."},
    "report.sample": {"vi": "Lưu ý: báo cáo được lập từ dữ liệu mẫu, không phải số liệu thật.",
                      "en": "Note: this report is made from sample data, not real figures."},
    "report.section.summary": {"vi": "TÌNH HÌNH CHUNG", "en": "OVERVIEW"},
    "report.section.ranking": {"vi": "KẾT QUẢ ĐÁNH GIÁ, XẾP HẠNG CHI BỘ", "en": "ASSESSMENT AND RANKING OF THE CELLS"},
    "report.section.limitations": {"vi": "NHỮNG HẠN CHẾ VÀ BIỆN PHÁP KHẮC PHỤC", "en": "LIMITATIONS AND MEASURES"},
    "report.section.solutions": {"vi": "TIẾN ĐỘ THỰC HIỆN SÁU GIẢI PHÁP", "en": "PROGRESS OF THE SIX SOLUTIONS"},
    "report.section.findings": {"vi": "CẢNH BÁO THEO QUY ĐỊNH CỦA ĐẢNG", "en": "FINDINGS UNDER THE PARTY'S RULES"},
    "report.section.year_review": {"vi": "KIỂM ĐIỂM, ĐÁNH GIÁ CUỐI NĂM {year}", "en": "YEAR-END REVIEW {year}"},
    "report.ranking.none": {"vi": "{period}: chưa có điểm đánh giá của chi bộ nào.",
                            "en": "{period}: no cell has been scored yet."},
    "report.solutions.table": {"vi": "Tiến độ từng giải pháp đến ngày {date}:", "en": "Progress of each solution on {date}:"},
    "report.solutions.overdue": {"vi": "Nhiệm vụ quá hạn đến ngày {date}:", "en": "Actions overdue on {date}:"},
    "report.col.title": {"vi": "Nội dung giải pháp", "en": "Solution"},
    "report.col.done": {"vi": "Hoàn thành", "en": "Done"},
    "report.col.days_late": {"vi": "Số ngày quá hạn", "en": "Days overdue"},
    "report.col.unit": {"vi": "Đơn vị", "en": "Unit"},
    "report.findings.count": {
        "vi": "Năm {year}: {errors} lỗi, {warnings} cảnh báo, {infos} thông tin theo quy định; bảng dưới đây liệt kê các lỗi và cảnh báo.",
        "en": "{year}: {errors} errors, {warnings} warnings and {infos} notes under the rules; the table lists the errors and warnings."},
    "report.findings.none": {"vi": "Năm {year}: không có cảnh báo nào theo quy định.",
                             "en": "{year}: no finding under the rules."},
    "report.figure.ranking": {"vi": "Hình {n}. Tổng điểm các chi bộ, {period}",
                              "en": "Figure {n}. Total score of the cells, {period}"},
    "report.figure.solutions": {"vi": "Hình {n}. Tiến độ sáu giải pháp đến ngày {date}",
                                "en": "Figure {n}. Progress of the six solutions on {date}"},
    "report.conclusion": {
        "vi": "Trên đây là báo cáo kết quả đánh giá chi bộ và tiến độ thực hiện các giải pháp {period} của Đảng ủy./.",
        "en": "This is the Party Committee's report on the assessment of its cells and the progress of the solutions, {period}./."},
    "report.recipients": {"vi": "Nơi nhận:", "en": "Recipients:"},
    "report.authority": {"vi": "T/M ĐẢNG ỦY", "en": "FOR THE PARTY COMMITTEE"},
    "report.position": {"vi": "BÍ THƯ", "en": "SECRETARY"},
    "backup.done": {
        "vi": "Đã sao lưu vào {path}: {tables} bảng, {rows} dòng, trong {seconds} giây.",
        "en": "Backed up to {path}: {tables} tables, {rows} rows, in {seconds} s."},
    "backup.busy": {
        "vi": "Cơ sở dữ liệu {db} đang được ứng dụng web giữ (đang chạy), nên lệnh này không đọc được. Khi ứng dụng đang chạy, quản trị viên sao lưu tại trang \"Lịch sử tải lên\"; hoặc dừng ứng dụng rồi chạy lại lệnh này.",
        "en": "The database {db} is held by the running web app, so this command cannot read it. While the app runs, an administrator backs up from the \"Upload history\" page; or stop the app and run this command again."},
    "backup.cannot_write": {"vi": "Không ghi được tệp sao lưu {path}: {reason}",
                            "en": "Cannot write the backup {path}: {reason}"},
    "backup.exists_reason": {"vi": "tệp đã có; hãy chọn tên khác để không ghi đè một bản sao lưu cũ.",
                             "en": "the file exists; choose another name so that no earlier backup is overwritten."},
    "backup.no_folder_reason": {"vi": "thư mục không tồn tại.", "en": "the folder does not exist."},
    "backup.no_database": {"vi": "Không có cơ sở dữ liệu {db} để sao lưu.", "en": "There is no database {db} to back up."},
    "restore.done": {
        "vi": "Đã khôi phục từ {path}: {tables} bảng, {rows} dòng, đã kiểm tra khớp với bản sao lưu. Cơ sở dữ liệu trước đó được giữ tại {previous}.",
        "en": "Restored from {path}: {tables} tables, {rows} rows, checked against the backup. The previous database is kept at {previous}."},
    "restore.done_empty": {
        "vi": "Đã khôi phục từ {path}: {tables} bảng, {rows} dòng, đã kiểm tra khớp với bản sao lưu.",
        "en": "Restored from {path}: {tables} tables, {rows} rows, checked against the backup."},
    "restore.busy": {
        "vi": "Cơ sở dữ liệu {db} đang được ứng dụng web giữ (đang chạy); chưa thay đổi gì. Hãy dừng ứng dụng rồi chạy lại lệnh này, hoặc quản trị viên khôi phục tại trang \"Lịch sử tải lên\".",
        "en": "The database {db} is held by the running web app; nothing was changed. Stop the app and run this command again, or an administrator restores from the \"Upload history\" page."},
    "restore.no_file": {"vi": "Không mở được tệp {file}; không thay đổi gì.", "en": "Cannot open the file {file}; nothing was changed."},
    "restore.unreadable": {
        "vi": "Tệp {file} không đọc được như một cơ sở dữ liệu (tệp hỏng, bị cắt ngắn, hoặc không phải bản sao lưu); không thay đổi gì.",
        "en": "The file {file} cannot be read as a database (damaged, cut short, or not a backup); nothing was changed."},
    "restore.not_backup": {
        "vi": "Tệp {file} không phải bản sao lưu của Bảng điều hành Đảng bộ; không thay đổi gì.",
        "en": "The file {file} is not a backup of the Party Committee dashboard; nothing was changed."},
    "restore.newer": {
        "vi": "Bản sao lưu {file} được tạo bởi phiên bản mới hơn của bảng điều hành (lược đồ {found}, phiên bản này đọc được đến {supported}); không thay đổi gì. Hãy cập nhật ứng dụng trước khi khôi phục.",
        "en": "The backup {file} was made by a newer version of the dashboard (schema {found}; this version reads up to {supported}); nothing was changed. Update the app before restoring."},
    "restore.damaged": {
        "vi": "Bản sao lưu {file} bị hỏng: bảng {table} không khớp với số liệu kiểm tra ghi lúc sao lưu ({detail}); không thay đổi gì.",
        "en": "The backup {file} is damaged: table {table} does not match the check written when it was made ({detail}); nothing was changed."},
}
