"""Messages of the upload page (Tải dữ liệu lên): template, preview, problems, confirmation.

Vietnamese first, with full diacritics; English alongside.
"""

MESSAGES: dict[str, dict[str, str]] = {
    "upload.intro": {
        "vi": "Tải lên tệp Excel (.xlsx, .xls) hoặc CSV theo mẫu nhập liệu. Dữ liệu được kiểm tra toàn bộ trước khi ghi.",
        "en": "Upload an Excel (.xlsx, .xls) or CSV file in the template's shape. Everything is checked before anything is written."},
    "upload.template": {"vi": "Tải mẫu nhập liệu", "en": "Download the template"},
    "upload.files": {"vi": "Chọn tệp dữ liệu", "en": "Choose data files"},
    "upload.preview": {"vi": "Xem trước", "en": "Preview"},
    "upload.confirm": {"vi": "Xác nhận ghi dữ liệu", "en": "Write the data"},
    "upload.has_errors": {"vi": "Tệp có {n} lỗi; chưa ghi gì vào cơ sở dữ liệu. Hãy sửa và tải lên lại.",
                          "en": "The file has {n} errors; nothing was written. Fix them and upload again."},
    "upload.ok": {"vi": "Đã ghi dữ liệu (lần tải lên số {id}).", "en": "Data written (upload no. {id})."},
    "upload.unchanged": {"vi": "Tệp này không làm thay đổi dữ liệu nào (đã tải lên trước đó).",
                         "en": "This file changes nothing (it was loaded before)."},
    "upload.sheet_summary": {"vi": "Sheet {sheet}: {rows} dòng — {new} mới, {changed} thay đổi, {same} không đổi.",
                             "en": "Sheet {sheet}: {rows} rows — {new} new, {changed} changed, {same} unchanged."},
    "upload.sheet_detail": {"vi": "Chi tiết sheet {sheet} (bảng {table}): cột và vài dòng đầu",
                            "en": "Details of sheet {sheet} (table {table}): columns and first rows"},
    "upload.read_only": {"vi": "Cơ sở dữ liệu đang ở chế độ chỉ đọc; không thể tải lên.",
                         "en": "The database is read-only; uploads are disabled."},
    "upload.problems_count": {"vi": "Lỗi và cảnh báo: {errors} lỗi, {warnings} cảnh báo",
                              "en": "Errors and warnings: {errors} errors, {warnings} warnings"},
    "upload.more_problems": {"vi": "Còn {n} mục nữa trong tệp tải về.", "en": "{n} more in the downloadable file."},
    "upload.download_problems": {"vi": "Tải danh sách lỗi (Excel)", "en": "Download the problems (Excel)"},
    "upload.help": {
        "vi": "Chọn một hoặc nhiều tệp .xlsx, .xls, .csv (tối đa {limit} MB mỗi tệp). Bấm nút \"Upload\" (tải lên) hoặc kéo tệp thả vào ô bên dưới.",
        "en": "Choose one or more .xlsx, .xls or .csv files (at most {limit} MB each). Click \"Upload\" or drop files below."},
    "upload.ignored": {"vi": "(không dùng — cột không có trong mẫu)", "en": "(ignored — not a template column)"},
    "upload.header_written": {"vi": "Tiêu đề trong tệp", "en": "Header in the file"},
    "upload.header_understood": {"vi": "Được hiểu là", "en": "Understood as"},
    "upload.sample_rows": {"vi": "Vài dòng đầu, như sẽ được ghi:", "en": "First rows, as they will be written:"},
}
