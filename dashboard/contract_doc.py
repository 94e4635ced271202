"""docs/data-contract.md, written from the contract (``python -m dashboard contract-doc``).

Every sheet and column comes from ``contract.SHEETS``; the spellings from the parsers
themselves, each example parsed as the document is written (an example the reader no longer
accepts stops the generation); the problems an upload may get from the message catalog.
A test fails when the committed file differs from what this module writes.
"""

from __future__ import annotations

import datetime as dt

from . import contract, fmt, i18n, settings
from .contract import Column, Sheet
from .ingest import parse, spellings
from .ingest.read import HEADER_SCAN_ROWS
from .periods import parse_period

KINDS = {"text": "văn bản", "code": "mã", "date": "ngày", "yesno": "Có/Không", "number": "số",
         "integer": "số nguyên", "percent": "phần trăm", "period": "kỳ đánh giá", "year": "năm",
         "enum": "danh mục"}

# (what is written, what it is read as): each is parsed when the document is written.
DATES = (("05/03/2025", dt.date(2025, 3, 5)), ("5/3/2025", dt.date(2025, 3, 5)),
         ("03.04.2025", dt.date(2025, 4, 3)), ("03-04-2025", dt.date(2025, 4, 3)),
         ("2025-04-03", dt.date(2025, 4, 3)))
NUMBERS = (("85", 85.0), ("85.5", 85.5), ("85,5", 85.5), ("1.234,5", 1234.5), ("1,234.5", 1234.5),
           ("1.234.567", 1234567.0))
PERIODS = (("2025", "2025"), ("Năm 2025", "2025"), ("2025-Q1", "2025-Q1"), ("Q1/2025", "2025-Q1"),
           ("Quý I/2025", "2025-Q1"), ("Quý 4 năm 2025", "2025-Q4"), ("2025-H1", "2025-H1"),
           ("6 tháng đầu năm 2025", "2025-H1"), ("6 tháng cuối năm 2025", "2025-H2"))


def _default(name: str):
    """A setting's default (the document describes a fresh installation, not this machine)."""
    return next(s.default for s in settings.SETTINGS if s.name == name)


def _number(value: float) -> str:
    return f"{int(value)}" if float(value).is_integer() else f"{value:g}".replace(".", ",")


def _checked(examples, parser) -> str:
    for written, meant in examples:
        if parser(written) != meant:
            raise AssertionError(f"the contract document's example {written!r} no longer reads as {meant!r}")
    return ", ".join(f"`{written}`" for written, _ in examples)


def _refers_text(sheet: Sheet, column: Column) -> list[str]:
    out = []
    for ref in sheet.refers:
        if column.name == ref.columns[0]:
            target = contract.SHEETS_BY_NAME[ref.sheet]
            named = ", ".join(target.column(c).header for c in ref.to)
            when = f" (khi {sheet.column(ref.when[0]).header} là `{ref.when[1]}`)" if ref.when else ""
            out.append(f"phải có trong sheet `{target.name}` ({named}), trong dữ liệu hoặc cùng tệp{when}")
    return out


def _rule(sheet: Sheet, column: Column) -> str:
    parts = []
    if column.minimum is not None and column.maximum is not None:
        parts.append(f"từ {_number(column.minimum)} đến {_number(column.maximum)}")
    elif column.minimum is not None:
        parts.append(f"{'>' if column.min_exclusive else '≥'} {_number(column.minimum)}")
    if column.not_future:
        parts.append("không ở tương lai")
    if column.enum:
        parts.append(f"một giá trị của danh mục `{column.enum}` (sheet Danh mục của mẫu)")
    if column.default is not None and not column.required and "để trống" not in column.doc_vi:
        parts.append(f"để trống là {_shown_default(column.default)}")
    parts += _refers_text(sheet, column)
    text = "; ".join(parts)
    text = text[:1].upper() + text[1:] + "." if text else ""
    return " ".join(t for t in (text, column.doc_vi) if t).replace("|", "\\|")


def _shown_default(value: object) -> str:
    if isinstance(value, bool):
        return "Có" if value else "Không"
    return str(value)


def _cell_text(sheet: Sheet) -> str:
    if sheet.name == contract.CELL_SHEET:
        return "chính mã chi bộ của dòng"
    if not contract.belongs_to_cells(sheet):
        return "không thuộc chi bộ nào (của toàn Đảng bộ: chỉ người dùng của mọi chi bộ được ghi)"
    found = []
    for ref in sheet.refers:
        if ref.cell:
            when = f" khi {sheet.column(ref.when[0]).header} là `{ref.when[1]}`" if ref.when else ""
            direct = contract.cell_column(contract.SHEETS_BY_NAME[ref.sheet]) in ref.to
            through = "" if direct else f" (chi bộ của dòng `{ref.sheet}` được nêu)"
            found.append(f"theo cột {sheet.column(ref.columns[0]).header}{through}{when}")
    column = contract.cell_column(sheet)
    if column is not None and column not in sheet.key_names:
        found.append("khi dòng chuyển chi bộ, cả chi bộ cũ (của dòng đã lưu cùng khóa)")
    return "; ".join(found)


def _sheet(sheet: Sheet) -> list[str]:
    # Every spelling the reader matches (case, diacritics and spaces aside), each once.
    names = [sheet.name, sheet.title_vi]
    for name in (sheet.title_en, sheet.table, *sheet.aliases):
        if contract.fold(name) not in {contract.fold(n) for n in names}:
            names.append(name)
    lines = [f"## Sheet `{sheet.name}` — {sheet.title_vi} ({sheet.title_en})", "",
             f"Bảng `{sheet.table}`. Tên sheet (hoặc tên tệp CSV) được nhận: "
             + ", ".join(f"`{n}`" for n in names) + " (chữ hoa hay thường, có dấu hay không dấu, "
             "cách bằng dấu cách hay dấu gạch dưới).",
             "Khóa tự nhiên (🔑): " + ", ".join(c.header for c in sheet.key_columns) + ".",
             f"Dòng thuộc chi bộ: {_cell_text(sheet)}.", "",
             "| Tiêu đề (tiếng Việt) | Khóa ASCII | Khóa tiếng Anh (cột dữ liệu) | Kiểu | Bắt buộc | Quy tắc |",
             "|---|---|---|---|---|---|"]
    for c in sheet.columns:
        lines.append(f"| {c.header}{' 🔑' if c.natural_key else ''} | `{c.key}` | `{c.name}` | {KINDS[c.kind]} "
                     f"| {'có' if c.required else 'không'} | {_rule(sheet, c)} |")
    return lines + [""]


def _spellings() -> list[str]:
    yes = ", ".join(f"`{w}`" for w in sorted(spellings._YES))
    no = ", ".join(f"`{w}`" for w in sorted(spellings._NO))
    return [
        "## Cách viết được chấp nhận", "",
        "- **Tiêu đề cột**: tiếng Việt (`Mã chi bộ`), khóa ASCII (`ma_chi_bo`) hoặc tiếng Anh (`branch_code`); "
        "chữ hoa hay thường, có dấu hay không dấu, NFC hay NFD đều được. Các dòng tiêu đề phía trên dòng tiêu đề "
        f"cột được bỏ qua (tìm trong {HEADER_SCAN_ROWS} dòng đầu, có cảnh báo).",
        "- **Ngày**: ô ngày thật của bảng tính, hoặc " + _checked(DATES, spellings.parse_date)
        + ". Luôn đọc ngày trước tháng: `03/04/2025` là ngày 3 tháng 4.",
        "- **Số**: " + _checked(NUMBERS, spellings.parse_number) + " (dấu phẩy hoặc dấu chấm thập phân).",
        "- **Phần trăm**: như số, thêm " + _checked((("85%", 85.0),), lambda v: spellings.parse_number(v, True))
        + "; `0,85` được hiểu là 0,85 % (có cảnh báo).",
        "- **Số nguyên, năm**: như số, không có phần lẻ; năm từ 1990 đến 2100.",
        "- **Kỳ đánh giá**: " + _checked(PERIODS, lambda v: parse_period(v).code) + ".",
        f"- **Có/Không**: Có là {yes}; Không là {no} (chữ hoa hay thường, có dấu hay không dấu).",
        "- **Mã**: chữ, số và các dấu `-` `_` `.` `/`, tối đa 64 ký tự; được viết hoa khi lưu "
        "(`cb01` là `CB01`). Mã gộp ô theo cột được hiểu là cùng mã cho mọi dòng trong vùng gộp.",
        f"- **Văn bản**: bỏ khoảng trắng đầu cuối, lưu dạng NFC; tối đa {parse.MAX_TEXT} ký tự.",
        "- **Danh mục**: mã (`chinh_thuc`) hoặc tên tiếng Việt hay tiếng Anh (`Chính thức`, `Official`).",
        "- **Tệp**: `.xlsx`, `.xls`, `.csv`, `.txt` (phân cách bằng tab); CSV UTF-8 (có hoặc không BOM), "
        "UTF-16 hoặc Windows-1258, phân cách bằng `,`, `;` hoặc tab. Mặc định tối đa "
        f"{_default('DASHBOARD_MAX_UPLOAD_MB')} MB mỗi tệp (DASHBOARD_MAX_UPLOAD_MB) và "
        f"{fmt.fmt_number(_default('DASHBOARD_MAX_ROWS'), 0)} dòng mỗi sheet "
        "(DASHBOARD_MAX_ROWS).",
        "",
    ]


def _messages(prefix: str) -> list[str]:
    keys = sorted(k for k in i18n.MESSAGES if k.startswith(prefix))
    return [f"| `{k}` | {i18n.MESSAGES[k]['vi']} |".replace("\n", " ") for k in keys]


def _rejected() -> list[str]:
    return [
        "## Khi tệp bị từ chối", "",
        "Mọi sheet của một lần tải lên được kiểm tra trước khi ghi. Chỉ cần một **lỗi** là cả lần tải lên bị từ "
        "chối và không có gì được ghi; **cảnh báo** không ngăn việc ghi. Mỗi vấn đề nêu sheet, dòng như Excel "
        "đánh số (dòng tiêu đề là dòng 1), cột như người dùng đã viết, giá trị và điều cần có, ví dụ: "
        "*Sheet diem_danh_gia, dòng 14, cột 'Điểm': giá trị 12 vượt điểm tối đa 8 của tiêu chí A1.* "
        "Trang tải lên cho tải danh sách lỗi (Excel), kèm bản sao từng sheet với dòng có vấn đề được tô màu "
        "(đỏ: lỗi, vàng: cảnh báo); dòng lệnh `python -m dashboard ingest` in các vấn đề và trả mã 2.",
        "",
        "Người dùng chỉ được nhập cho một số chi bộ: dòng của chi bộ khác chỉ nhận một thông báo "
        "(`p.out_of_scope`) và không được kiểm tra thêm; tiêu chí chỉ người dùng của mọi chi bộ được thay đổi.",
        "",
        "Trong các thông báo dưới đây, chỗ trong ngoặc nhọn (`{value}`, `{limit}` …) được thay bằng giá trị "
        "cụ thể của dòng.", "",
        "Tệp không đọc được, hoặc không có sheet nào theo mẫu (cả tệp bị từ chối, một câu):", "",
        "| Mã | Lý do |", "|---|---|", *_messages("reason."), *_messages("file.no_tables"), "",
        "Vấn đề của sheet, dòng hoặc ô:", "",
        "| Mã | Thông báo |", "|---|---|", *_messages("p."), "",
    ]


def markdown() -> str:
    lines = [
        "<!-- Written by `python -m dashboard contract-doc` from dashboard/contract.py; "
        "a test fails when this file differs. Do not edit by hand. -->",
        "",
        "# Hợp đồng dữ liệu tải lên",
        "",
        "Các sheet mà trang Tải dữ liệu lên và lệnh `python -m dashboard ingest` nhận, theo thứ tự được "
        "kiểm tra và ghi. Sheet nào không cần thì bỏ đi: một lần cập nhật tiến độ hằng tháng chỉ cần "
        "`tien_do_giai_phap`. Mỗi dòng có một khóa tự nhiên (🔑): tải lại cùng giá trị không thay đổi gì; "
        "giá trị khác thay giá trị đã lưu và giá trị cũ còn trong lịch sử. Cột không có trong tệp giữ giá trị "
        "đã lưu; cột có nhưng để trống xóa giá trị. Chi bộ không bao giờ bị xóa.",
        "",
        "| Sheet | Tên | Bảng | Tham chiếu |",
        "|---|---|---|---|",
    ]
    for name in contract.load_order():
        sheet = contract.SHEETS_BY_NAME[name]
        refs = ", ".join(sorted({f"`{r.sheet}`" for r in sheet.refers})) or "—"
        lines.append(f"| `{sheet.name}` | {sheet.title_vi} | `{sheet.table}` | {refs} |")
    lines.append("")
    for name in contract.load_order():
        lines += _sheet(contract.SHEETS_BY_NAME[name])
    lines += _spellings() + _rejected()
    return "\n".join(lines).rstrip("\n") + "\n"
