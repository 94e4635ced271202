"""Messages of the upload history page (Lịch sử tải lên): the list, undo, upload sources.

Vietnamese first, with full diacritics; English alongside.
"""

MESSAGES: dict[str, dict[str, str]] = {
    "history.explain": {
        "vi": "Mỗi lần tải lên được ghi lại. Hoàn tác trả dữ liệu về đúng trạng thái trước lần tải lên đó. Nếu một lần tải lên sau đã sửa lại cùng dữ liệu, hãy hoàn tác lần sau trước (theo thứ tự từ mới đến cũ).",
        "en": "Every upload is recorded. Undo returns the data to exactly the state before that upload. If a later upload changed the same rows, undo the later one first (newest to oldest)."},
    "history.file": {"vi": "Lịch sử tải lên", "en": "Upload history"},
    "history.empty": {"vi": "Chưa có lần tải lên nào.", "en": "No uploads yet."},
    "history.undone": {"vi": "Đã hoàn tác", "en": "Undone"},
    "history.active": {"vi": "Đang dùng", "en": "In use"},
    "history.other_user": {"vi": "Người dùng khác", "en": "Another user"},
    "history.hidden_file": {"vi": "(tệp có dữ liệu của chi bộ khác)", "en": "(a file with other cells' data)"},
    "undo.button": {"vi": "Hoàn tác", "en": "Undo"},
    "undo.done": {"vi": "Đã hoàn tác lần tải lên số {id}.", "en": "Upload no. {id} has been undone."},
    "undo.read_only": {"vi": "Cơ sở dữ liệu đang ở chế độ chỉ đọc; không thể hoàn tác lần tải lên số {id}.",
                       "en": "The database is read-only; upload no. {id} cannot be undone."},
    "undo.not_found": {"vi": "Không có lần tải lên số {id}.", "en": "There is no upload no. {id}."},
    "undo.already": {"vi": "Lần tải lên số {id} đã được hoàn tác trước đó.", "en": "Upload no. {id} was already undone."},
    "undo.dependent": {"vi": "Không thể hoàn tác lần tải lên số {id}: lần tải lên số {later} có dữ liệu dựa vào những gì lần {id} đã thêm (ví dụ tiến độ của một nhiệm vụ mới). Hãy hoàn tác lần số {later} trước.",
                       "en": "Upload no. {id} cannot be undone: upload no. {later} has rows that rely on what no. {id} added (such as progress of a new action). Undo no. {later} first."},
    "undo.later": {"vi": "Không thể hoàn tác lần tải lên số {id}: lần tải lên số {later} đã sửa lại dữ liệu của nó. Hãy hoàn tác lần số {later} trước.",
                   "en": "Upload no. {id} cannot be undone: upload no. {later} changed its rows since. Undo no. {later} first."},
    "source.system": {"vi": "Hệ thống", "en": "System"},
    "source.sample": {"vi": "Dữ liệu mẫu", "en": "Sample data"},
    "source.page": {"vi": "Trang tải lên", "en": "Upload page"},
    "source.cli": {"vi": "Dòng lệnh", "en": "Command line"},
    # issue 14
    "source.entry": {"vi": "Nhập trên trang", "en": "Entered on a page"},
}
