"""The domain's words, once: English names in code, the Vietnamese (and English) words users read.

Database columns carry the contract's English keys; ``column_label`` gives the
header a user knows for each (``branch_code`` → “Mã chi bộ”). Coded values
(levels, statuses, meeting kinds) are labelled from the reference tables of
the store (``reference.enum_labels``), so code and UI cannot disagree.
"""

from __future__ import annotations

from .contract import SHEETS

TERMS: dict[str, tuple[str, str]] = {
    "party_committee": ("Đảng bộ", "Party Committee"),
    "committee": ("Đảng ủy", "Party Committee (executive)"),
    "branch": ("Chi bộ", "Cell"),
    "cell_committee": ("Chi ủy", "Cell committee"),
    "secretary": ("Bí thư", "Secretary"),
    "member": ("Đảng viên", "Member"),
    "period": ("Kỳ đánh giá", "Period"),
    "criterion": ("Tiêu chí", "Criterion"),
    "score": ("Điểm", "Score"),
    "rank": ("Thứ hạng", "Rank"),
    "level": ("Mức xếp loại", "Level"),
    "computed_level": ("Mức theo điểm", "Level by score"),
    "decided_level": ("Mức đã quyết định", "Decided level"),
    "discipline": ("Kỷ luật", "Discipline"),
    "solution": ("Giải pháp", "Solution"),
    "limitation": ("Hạn chế", "Limitation"),
    "action": ("Nhiệm vụ", "Action"),
    "progress": ("Tiến độ", "Progress"),
    "status": ("Trạng thái", "Status"),
    "overdue": ("Quá hạn", "Overdue"),
    "stale": ("Chưa cập nhật", "Stale"),
    "meeting": ("Sinh hoạt chi bộ", "Cell meeting"),
    "attendance": ("Tỷ lệ dự sinh hoạt", "Attendance"),
    "finding": ("Cảnh báo theo quy định", "Rule finding"),
    "upload": ("Tải dữ liệu lên", "Upload"),
    "template": ("Mẫu nhập liệu", "Template"),
    "undo": ("Hoàn tác", "Undo"),
    "sample_data": ("Dữ liệu mẫu", "Sample data"),
}

# Database column → (Vietnamese header, English key), from the contract.
COLUMNS: dict[str, dict[str, tuple[str, str]]] = {
    sheet.table: {c.name: (c.header, c.name) for c in sheet.columns} for sheet in SHEETS
}


def term(key: str, lang: str = "vi") -> str:
    vi, en = TERMS[key]
    return vi if lang == "vi" else en


def column_label(table: str, column: str, lang: str = "vi") -> str:
    """The header users know for a database column (“Mã chi bộ” for branches.branch_code)."""
    vi, en = COLUMNS[table][column]
    return vi if lang == "vi" else en.replace("_", " ").capitalize()
