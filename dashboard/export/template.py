"""The upload template (mau-nhap-lieu.xlsx): a guide sheet, one sheet per table of the data
contract with Vietnamese headers, drop-down lists fed by a "Danh mục" sheet."""

from __future__ import annotations

from .. import i18n
from ..contract import COMMITTEE_CODE, SHEETS, SHEETS_BY_NAME, Column
from .writer import KIND_VI, _Writer

def template_workbook(branches: list[tuple], criteria: list[tuple], enums: dict[str, list[tuple[str, str]]],
                      lang: str = "vi", omit: dict[str, set[str]] | None = None,
                      prefill_criteria: bool = True) -> bytes:
    """The upload template ``mau-nhap-lieu.xlsx``: instructions, one sheet per table, lists.

    ``branches``: (code, name, secretary, founded_on, active) of current cells; ``criteria``:
    (code, name, group, max, solution, valid_from) of current criteria; ``enums``: domain →
    [(code, label)]. Pre-filled rows carry every stored value, so uploading the template
    unchanged changes nothing. ``omit``: sheet name → columns left out of that data sheet.
    """
    omit = omit or {}

    def columns_of(sheet) -> list[Column]:
        return [c for c in sheet.columns if c.name not in omit.get(sheet.name, set())]

    w = _Writer()
    guide = w.wb.add_worksheet("Hướng dẫn")
    lists = None  # created after the data sheets so they come first in the tab bar

    guide.write_string(0, 0, "Mẫu nhập liệu — " + i18n.t("app.org"), w.title)
    notes = [
        "Mỗi sheet là một bảng; sheet nào không cần thì để trống. Dòng 1 là tiêu đề cột, dữ liệu từ dòng 2.",
        "Ngày viết theo dd/mm/yyyy (05/03/2025 là ngày 5 tháng 3). Số thập phân dùng dấu phẩy hoặc dấu chấm.",
        "Kỳ đánh giá: 2025, Quý I/2025 (2025-Q1), 6 tháng đầu năm 2025 (2025-H1).",
        "Có/Không: Có, Không, x, 1, 0. Các cột có danh sách chọn: bấm vào ô để chọn giá trị.",
        "Tải lên cùng một tệp hai lần không làm thay đổi gì. Tệp có lỗi sẽ không được ghi dòng nào.",
        "Sheet Danh mục liệt kê các mã hiện có; không cần xóa sheet này và sheet Hướng dẫn khi tải lên.",
    ]
    for i, note in enumerate(notes, start=2):
        guide.write_string(i, 0, note)
    header_row = len(notes) + 3
    w.row(guide, header_row, ["Sheet", "Tiêu đề cột", "Tên khóa (ASCII)", "Tên tiếng Anh", "Bắt buộc",
                              "Kiểu dữ liệu", "Hướng dẫn"])
    guide.set_row(header_row, None, w.bold)
    r = header_row + 1
    for sheet in SHEETS:
        for column in sheet.columns:
            w.row(guide, r, [sheet.name, column.header + (" 🔑" if column.natural_key else ""), column.key,
                             column.name, "Có" if column.required else "", KIND_VI[column.kind], column.doc_vi])
            r += 1
    for col, width in enumerate((18, 28, 20, 18, 9, 18, 80)):
        guide.set_column(col, col, width, w.wrap if col == 6 else None)

    # Lists for drop-downs.
    list_columns: dict[str, list[str]] = {
        "branch": [b[0] for b in branches],
        "branch_or_committee": [b[0] for b in branches] + [COMMITTEE_CODE],
        "criterion": [c[0] for c in criteria],
        "yesno": ["Có", "Không"],
        "solution": [str(n) for n in range(1, 7)],
    }
    for domain, values in enums.items():
        list_columns[domain] = [code for code, _ in values]
    data_sheets = {}
    for sheet in SHEETS:
        ws = w.wb.add_worksheet(sheet.name)
        data_sheets[sheet.name] = ws
        for col, column in enumerate(columns_of(sheet)):
            ws.write_string(0, col, column.header, w.bold)
            ws.set_column(col, col, max(14, min(40, len(column.header) + 6)),
                          w.date if column.kind == "date" else None)
            if column.doc_vi:
                ws.write_comment(0, col, column.doc_vi)
        ws.freeze_panes(1, 0)
    from xlsxwriter.utility import xl_col_to_name   # xlsxwriter loaded by the file, not by every page

    lists = w.wb.add_worksheet("Danh mục")
    list_ranges = {}
    for col, (domain, values) in enumerate(list_columns.items()):
        lists.write_string(0, col, domain, w.bold)
        for i, value in enumerate(values, start=1):
            lists.write_string(i, col, value)
        letter = xl_col_to_name(col)
        list_ranges[domain] = f"='Danh mục'!${letter}$2:${letter}${max(2, len(values) + 1)}"
        lists.set_column(col, col, 18)

    def list_for(sheet_name: str, column: Column) -> tuple[str, bool] | None:
        """(list range, strict) for a column's drop-down."""
        if column.kind == "yesno":
            return list_ranges["yesno"], True
        if column.kind == "enum" and column.enum in list_ranges:
            return list_ranges[column.enum], True
        if column.name == "solution":
            return list_ranges["solution"], True
        if column.name == "branch_code" and sheet_name != "chi_bo":
            key = "branch_or_committee" if sheet_name == "giai_phap" else "branch"
            return list_ranges[key], False   # a new cell may come in the same upload
        if column.name == "criterion_code" and sheet_name == "diem_danh_gia":
            return list_ranges["criterion"], False
        return None

    for sheet in SHEETS:
        ws = data_sheets[sheet.name]
        for col, column in enumerate(columns_of(sheet)):
            found = list_for(sheet.name, column)
            if found:
                source, strict = found
                ws.data_validation(1, col, 5000, col, {
                    "validate": "list", "source": source,
                    "error_type": "stop" if strict else "warning",
                    "error_title": column.header[:32],   # Excel's limit
                    "error_message": "Giá trị không có trong danh mục (xem sheet Danh mục).",
                })
    # Pre-filled: the current cells and criteria, so an upload can start from them.
    def prefill(sheet_name: str, rows: list[dict]) -> None:
        names = [c.name for c in columns_of(SHEETS_BY_NAME[sheet_name])]
        for i, row in enumerate(rows, start=1):
            w.row(data_sheets[sheet_name], i, [row[n] for n in names])

    prefill("chi_bo", [{"branch_code": code, "branch_name": name, "secretary": secretary,
                        "founded_on": founded_on, "active": bool(active)}
                       for code, name, secretary, founded_on, active in branches])
    prefill("tieu_chi", [{"criterion_code": code, "criterion_name": name, "group": group,
                          "max_points": max_points, "solution": solution, "valid_from": valid_from}
                         for code, name, group, max_points, solution, valid_from in criteria
                         if prefill_criteria])
    guide.activate()
    return w.close()
