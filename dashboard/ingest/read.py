"""Reading uploaded files into raw tables (headers + rows), whatever their format.

A file is identified by its first bytes, not its name: ZIP (xlsx), OLE2 (xls,
or an encrypted xlsx), otherwise text (CSV/TSV). A file that cannot be read
raises ``Unreadable`` carrying one plain sentence for the user.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import unicodedata
import zipfile
from dataclasses import dataclass, field
from pathlib import PurePath

import python_calamine

ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


@dataclass
class RawTable:
    """One sheet (or CSV file) as read: header cells and data rows with their row numbers."""
    file: str
    sheet: str
    headers: list[object]
    rows: list[list[object]]
    row_numbers: list[int]           # as the user sees them (header = row 1)
    header_row: int = 1
    notes: list[tuple[str, dict]] = field(default_factory=list)  # (message key, params) warnings


class Unreadable(Exception):
    """A file that cannot be read at all; ``reason_key`` names the i18n sentence."""

    def __init__(self, reason_key: str, **params: object):
        super().__init__(reason_key)
        self.reason_key = reason_key
        self.params = params


def safe_name(name: str) -> str:
    """A file name fit to show and store: base name only, no control characters, ≤ 120 chars."""
    base = PurePath(str(name).replace("\\", "/")).name
    base = "".join(ch for ch in unicodedata.normalize("NFC", base)
                   if unicodedata.category(ch)[0] != "C")
    return base.strip()[:120] or "tep-khong-ten"


def sniff_kind(data: bytes) -> str:
    if data.startswith(ZIP_MAGIC):
        return "zip"
    if data.startswith(OLE_MAGIC):
        return "ole"
    return "text"


# ---------------------------------------------------------------- spreadsheets

def _trim_row(row: list[object]) -> list[object]:
    out = list(row)
    while out and (out[-1] is None or out[-1] == ""):
        out.pop()
    return out


def read_workbook(name: str, data: bytes, max_rows: int) -> list[RawTable]:
    kind = sniff_kind(data)
    if kind == "zip":
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as zf:
                names = set(zf.namelist())
        except zipfile.BadZipFile as exc:
            raise Unreadable("reason.corrupt") from exc
        if "xl/workbook.xml" not in names:
            raise Unreadable("reason.not_spreadsheet_zip")
    try:
        wb = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
    except python_calamine.PasswordError as exc:
        raise Unreadable("reason.password") from exc
    except Exception as exc:  # calamine raises several unrelated types for broken files
        if kind == "ole" and b"EncryptedPackage" in data[:4096 * 16]:
            raise Unreadable("reason.password") from exc
        raise Unreadable("reason.corrupt") from exc

    tables: list[RawTable] = []
    for meta in wb.sheets_metadata:
        sheet_name = unicodedata.normalize("NFC", meta.name)
        visible = str(meta.visible).lower().endswith("visible") and "hidden" not in str(meta.visible).lower()
        if not visible:
            tables.append(RawTable(name, sheet_name, [], [], [], notes=[("p.hidden_sheet", {"value": sheet_name})]))
            continue
        try:
            sheet = wb.get_sheet_by_name(meta.name)
            values = sheet.to_python(skip_empty_area=False)
        except Exception as exc:
            raise Unreadable("reason.corrupt") from exc
        tables.append(_table_from_rows(name, sheet_name, values, max_rows))
    return tables


def _table_from_rows(file: str, sheet: str, values: list[list[object]], max_rows: int) -> RawTable:
    # The header is the first non-empty row; data rows follow it.
    header_index = next((i for i, row in enumerate(values) if any(v not in (None, "") for v in row)), None)
    if header_index is None:
        return RawTable(file, sheet, [], [], [])
    headers = _trim_row(values[header_index])
    rows, numbers = [], []
    for offset, row in enumerate(values[header_index + 1:], start=header_index + 2):
        if not any(v not in (None, "") and not (isinstance(v, str) and not v.strip()) for v in row):
            continue
        rows.append(list(row[: max(len(headers), len(_trim_row(row)))]))
        numbers.append(offset)
        if len(rows) > max_rows:
            raise Unreadable("reason.too_many_rows", sheet=sheet, limit=max_rows)
    return RawTable(file, sheet, headers, rows, numbers, header_row=header_index + 1)


# ---------------------------------------------------------------- text files

def decode_text(data: bytes) -> tuple[str, str]:
    """(text, encoding) for UTF-8 (with or without BOM), UTF-16 LE/BE, or Windows-1258."""
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8"), "utf-8-sig"
    if data.startswith(codecs.BOM_UTF16_LE):
        return data[2:].decode("utf-16-le"), "utf-16-le"
    if data.startswith(codecs.BOM_UTF16_BE):
        return data[2:].decode("utf-16-be"), "utf-16-be"
    sample = data[:4096]
    if sample and sample.count(b"\x00") > len(sample) // 4:
        # UTF-16 without BOM: zeros sit on the odd bytes for LE, the even for BE.
        odd_zeros = sample[1::2].count(0)
        encoding = "utf-16-le" if odd_zeros > sample[0::2].count(0) else "utf-16-be"
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError as exc:
            raise Unreadable("reason.encoding") from exc
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return unicodedata.normalize("NFC", data.decode("cp1258")), "cp1258"
    except UnicodeDecodeError as exc:
        raise Unreadable("reason.encoding") from exc


def sniff_separator(text: str) -> str:
    """The separator that splits the most lines into the same number of fields."""
    lines = [ln for ln in text.splitlines()[:200] if ln.strip()]
    best, best_score = ",", -1
    for sep in ("\t", ";", ","):
        counts = [len(next(csv.reader([ln], delimiter=sep))) for ln in lines]
        if not counts or max(counts) < 2:
            continue
        mode = max(set(counts), key=counts.count)
        score = counts.count(mode) * 1000 + mode
        if score > best_score:
            best, best_score = sep, score
    return best


def read_text_table(name: str, data: bytes, max_rows: int) -> RawTable:
    text, _encoding = decode_text(data)
    if "\x00" in text:
        raise Unreadable("reason.not_spreadsheet")
    sep = sniff_separator(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sep)
    values = [list(row) for row in reader]
    sheet = re.sub(r"\.(csv|txt|tsv)$", "", safe_name(name), flags=re.I)
    return _table_from_rows(safe_name(name), sheet, values, max_rows)


def read_file(name: str, data: bytes, max_rows: int = 200_000) -> list[RawTable]:
    """Read one uploaded file into raw tables; raise Unreadable with a reason."""
    if not data or not data.strip():
        raise Unreadable("reason.empty")
    kind = sniff_kind(data)
    if kind in ("zip", "ole"):
        return read_workbook(safe_name(name), data, max_rows)
    if name.lower().endswith((".xlsx", ".xls", ".xlsm")):
        raise Unreadable("reason.text_as_excel")
    return [read_text_table(name, data, max_rows)]
