"""Reading uploaded files into raw tables (all cells with their Excel row numbers).

A file is identified by its first bytes, not its name: ZIP (xlsx), OLE2 (xls,
or an encrypted xlsx), known non-spreadsheet formats, otherwise text (CSV/TSV).
A file that cannot be read raises ``Unreadable`` carrying the key of one plain
sentence for the user. Which sheet a table is and which row holds the headers is
decided next, by ``locate``, which knows the contract.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import re
import threading
import unicodedata
import zipfile
from functools import partial
from pathlib import PurePath
from typing import Callable, Iterator, Sequence

import python_calamine

ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
OTHER_MAGIC = (b"%PDF", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"{\\rtf", b"\x1f\x8b", b"Rar!",
               b"7z\xbc\xaf", b"MZ", b"\x7fELF")
# A ZIP that inflates beyond ``inflation_limit`` (this, or INFLATE_PER_UPLOAD_BYTE times the
# largest upload accepted, whichever is more), or more than MAX_INFLATE_RATIO times its own size,
# is refused. Real workbooks inflate 5-15 times (the benchmark's L workbook: 12,4); a ZIP bomb
# inflates hundreds or thousands of times.
MAX_INFLATED_BYTES = 512 * 1024 * 1024
INFLATE_PER_UPLOAD_BYTE = 16
MAX_INFLATE_RATIO = 200
HEADER_SCAN_ROWS = 10


class RawTable:
    """One sheet (or CSV file): every row as read, ``cells[i]`` being Excel row ``first_row + i``.

    A workbook's sheet is read when its cells are first asked for (``load``, which may raise
    ``Unreadable``) and let go by ``release`` once its rows are parsed, so that one sheet's raw
    cells at a time are in memory (the sector's workbook: 2,5 GB of cells all at once); asked
    for again (the problems workbook), they are read again."""

    def __init__(self, file: str, sheet: str, cells: list[Sequence[object]] | None = None, first_row: int = 1,
                 merged: list[tuple[tuple[int, int], tuple[int, int]]] | None = None,
                 formula_cells: set[tuple[int, int]] | None = None, hidden: bool = False,
                 load: Callable[[], tuple[list[Sequence[object]], list, set]] | None = None,
                 on_close: Callable[[], None] | None = None):
        self.file, self.sheet, self.first_row, self.hidden = file, sheet, first_row, hidden
        self._cells = cells if cells is not None or load is not None else []
        self._merged = merged or []
        self._formulas = formula_cells or set()   # 0-based (row, col), no cached value
        self._load, self._on_close = load, on_close

    def _ensure(self) -> list[Sequence[object]]:
        if self._cells is None:
            self._cells, self._merged, self._formulas = self._load()
        return self._cells

    @property
    def formula_cells(self) -> set[tuple[int, int]]:
        """Cells (0-based row, col) holding a formula whose result was never calculated."""
        self._ensure()
        return self._formulas

    @property
    def cells(self) -> list[Sequence[object]]:
        return self._ensure()

    @cells.setter
    def cells(self, value: list[Sequence[object]]) -> None:
        self._cells = value

    @property
    def merged(self) -> list[tuple[tuple[int, int], tuple[int, int]]]:   # 0-based, inclusive
        self._ensure()
        return self._merged

    def release(self) -> None:
        """Let the raw cells go (a workbook's sheet is read again if asked for)."""
        if self._load is not None:
            self._cells = None

    def close(self) -> None:
        """Let go of everything read for the table, a sheet read ahead of it included."""
        self.release()
        if self._on_close is not None:
            self._on_close()

    def row_number(self, index: int) -> int:
        return self.first_row + index

    def is_blank_row(self, index: int) -> bool:
        return blank_row(self.cells[index])

    def filled_rows(self, start: int = 0) -> Iterator[int]:
        """Indexes, from ``start`` on, of the rows with at least one cell that is not blank."""
        cells = self.cells
        return (i for i in range(start, len(cells)) if not blank_row(cells[i]))


def blank_row(row: list) -> bool:
    for value in row:   # a data row stops at its first cell
        if value is not None and not (isinstance(value, str) and not value.strip()):
            return False
    return True


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
    if data.startswith(OTHER_MAGIC):
        return "other"
    return "text"


# ---------------------------------------------------------------- spreadsheets

def inflation_limit(max_bytes: int | None) -> int:
    """The most a workbook may inflate to when uploads of up to ``max_bytes`` are accepted.

    An office that raises DASHBOARD_MAX_UPLOAD_MB to take a bigger workbook raises this with it,
    so the size setting alone decides which real workbooks are read (the default 20 MB keeps
    512 MB); the ratio guard is the same at every size.
    """
    return max(MAX_INFLATED_BYTES, INFLATE_PER_UPLOAD_BYTE * (max_bytes or 0))


def _check_zip(data: bytes, max_bytes: int | None = None) -> zipfile.ZipFile:
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        infos = zf.infolist()
    except (zipfile.BadZipFile, EOFError, ValueError) as exc:
        raise Unreadable("reason.corrupt") from exc
    names = {i.filename for i in infos}
    if "xl/workbook.xml" not in names:
        if "word/document.xml" in names or "ppt/presentation.xml" in names:
            raise Unreadable("reason.not_spreadsheet")
        raise Unreadable("reason.not_spreadsheet_zip")
    inflated = sum(i.file_size for i in infos)
    if inflated > inflation_limit(max_bytes) or inflated > MAX_INFLATE_RATIO * max(len(data), 1) + 10_000_000:
        raise Unreadable("reason.zip_bomb")
    return zf


_SHEET = re.compile(rb'<sheet\b[^>]*?\bname="([^"]*)"[^>]*?\br:id="([^"]*)"', re.S)
_REL = re.compile(rb'<Relationship\b[^>]*?\bId="([^"]*)"[^>]*?\bTarget="([^"]*)"', re.S)
_REL_REVERSED = re.compile(rb'<Relationship\b[^>]*?\bTarget="([^"]*)"[^>]*?\bId="([^"]*)"', re.S)
_CELL = re.compile(rb'<c\b[^>]*?\br="([A-Z]+)(\d+)"[^>]*?(?:/>|>(.*?)</c>)', re.S)


def _xml_unescape(raw: bytes) -> str:
    text = raw.decode("utf-8", "replace")
    for entity, char in (("&lt;", "<"), ("&gt;", ">"), ("&quot;", '"'), ("&apos;", "'"), ("&amp;", "&")):
        text = text.replace(entity, char)
    return text


def _col_index(letters: bytes) -> int:
    index = 0
    for ch in letters:
        index = index * 26 + (ch - 64)
    return index - 1


def formula_sheets(zf: zipfile.ZipFile) -> tuple[dict[str, str], bool]:
    """(sheet name → the path of its XML in the ZIP, whether the workbook asks to be recalculated
    on load): what ``uncalculated_in`` needs for each sheet."""
    workbook = zf.read("xl/workbook.xml")
    full_calc = b'fullCalcOnLoad="1"' in workbook or b"fullCalcOnLoad='1'" in workbook
    try:
        rels_xml = zf.read("xl/_rels/workbook.xml.rels")
    except KeyError:
        return {}, full_calc
    rels = {rid: target for rid, target in _REL.findall(rels_xml)}
    rels.update({rid: target for target, rid in _REL_REVERSED.findall(rels_xml)})
    paths: dict[str, str] = {}
    for name, rid in _SHEET.findall(workbook):
        target = rels.get(rid)
        if target is None:
            continue
        target = target.decode().lstrip("/")
        paths[unicodedata.normalize("NFC", _xml_unescape(name))] = target if target.startswith("xl/") else "xl/" + target
    return paths, full_calc


def uncalculated_in(data: bytes, path: str | None, full_calc: bool) -> set[tuple[int, int]]:
    """Cells of one sheet holding a formula whose result was never calculated (0-based row, col).

    A workbook written by a program that cannot calculate (xlsxwriter, scripts)
    stores 0 or nothing as the result and asks Excel to recalculate on load
    (``fullCalcOnLoad``); a reader would silently see 0.
    """
    if path is None:
        return set()
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            if not _has_formula(zf, path):
                return set()
            xml = zf.read(path)
    except KeyError:
        return set()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise Unreadable("reason.corrupt") from exc
    cells = set()
    for letters, row, inner in _CELL.findall(xml):
        if not inner or b"<f" not in inner:
            continue
        value = re.search(rb"<v>(.*?)</v>", inner, re.S)
        if value is None or (full_calc and value.group(1).strip() in (b"0", b"")):
            cells.add((int(row) - 1, _col_index(letters)))
    return cells


def _has_formula(zf: zipfile.ZipFile, path: str, chunk: int = 8 * 1024 * 1024) -> bool:
    """Whether a sheet's XML holds a formula, read a piece at a time (a sheet of millions of
    cells inflates to hundreds of MB, and most hold no formula)."""
    tail = b""
    with zf.open(path) as fh:
        while piece := fh.read(chunk):
            if b"<f" in tail + piece[:1] or b"<f" in piece:
                return True
            tail = piece[-1:]
    return False


def read_workbook(name: str, data: bytes, max_rows: int, max_bytes: int | None = None) -> list[RawTable]:
    kind = sniff_kind(data)
    paths: dict[str, str] = {}
    full_calc = False
    if kind == "zip":
        with _check_zip(data, max_bytes) as zf:
            try:
                paths, full_calc = formula_sheets(zf)
            except (KeyError, zipfile.BadZipFile, OSError, ValueError) as exc:
                raise Unreadable("reason.corrupt") from exc
    elif kind == "ole" and "EncryptedPackage".encode("utf-16-le") in data:
        raise Unreadable("reason.password")
    try:
        wb = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
    except python_calamine.PasswordError as exc:
        raise Unreadable("reason.password") from exc
    except Exception as exc:  # calamine raises several unrelated types for broken files
        raise Unreadable("reason.corrupt") from exc

    tables: list[RawTable] = []
    sheets = list(wb.sheets_metadata)   # read before the thread below borrows the workbook
    order = [meta.name for meta in sheets if not _hidden(meta) and _holds_data(meta)]
    book = _Book(wb, data, paths, full_calc, order)
    book.read_ahead(order)
    for meta in sheets:
        sheet_name = unicodedata.normalize("NFC", meta.name)
        if _hidden(meta):
            tables.append(RawTable(name, sheet_name, [], hidden=True))
            continue
        if not _holds_data(meta):
            continue  # chart sheets and the like carry no data
        tables.append(RawTable(name, sheet_name, first_row=1,
                               load=partial(_read_sheet, book, meta.name, sheet_name, max_rows),
                               on_close=book.close))
    return tables


def _hidden(meta) -> bool:
    return "hidden" in str(meta.visible).lower()


def _holds_data(meta) -> bool:
    """A worksheet (chart sheets and the like carry no data)."""
    return "worksheet" in str(meta.typ).lower()


class _Book:
    """A workbook's sheets, parsed ahead in the background while Python reads and checks the
    sheet before (calamine parses without holding Python's lock; the sector's workbook: 25 s of
    XML among 60 s of reading and checking).

    One thread at a time parses the sheets in order, from the first not yet parsed, and stops
    after the first large one (``AHEAD_CELLS``): a small sheet between two large ones (a cell
    list, a second sheet of scores) is not a pause in which the next large one waits unparsed,
    and no more than one large sheet waits in calamine's memory beside the one being read."""

    AHEAD_CELLS = 2_500_000

    def __init__(self, wb, data: bytes, paths: dict[str, str] | None = None, full_calc: bool = False,
                 order: list[str] | tuple[str, ...] = ()):
        self._wb, self._data, self._lock = wb, data, threading.Lock()
        self._paths, self._full_calc = paths or {}, full_calc
        self._order = list(order)                 # the sheets read ahead, in the order asked for
        self._done: dict[str, tuple[str, object]] = {}   # name → ("sheet", parsed) or ("error", exc)
        self._parsing: list[str] = []             # the names the running thread is going through
        self._ready = threading.Condition()
        self._thread: threading.Thread | None = None

    def _read(self, name: str, ahead: bool = False) -> tuple[object, set[tuple[int, int]]] | None:
        """The sheet as calamine parsed it, and its cells with an uncalculated formula (None when
        read ``ahead`` of a workbook closed meanwhile)."""
        with self._lock:
            if ahead and self._wb is None:
                return None
            sheet = self._open().get_sheet_by_name(name)
        shown = unicodedata.normalize("NFC", name)
        return sheet, uncalculated_in(self._data, self._paths.get(shown), self._full_calc)

    def _open(self):
        if self._wb is None:   # closed after validation; opened again for the problems workbook
            self._wb = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(self._data))
        return self._wb

    def close(self) -> None:
        """Let go of the parsed workbook (its strings) and of the sheets parsed ahead; a thread
        still parsing stops after its sheet, and keeps nothing."""
        with self._ready:
            self._wb, self._order, self._done = None, [], {}

    def sheet(self, name: str) -> tuple[object, set[tuple[int, int]]]:
        """The sheet, parsed ahead or now; the sheets after it are parsed ahead meanwhile."""
        taken = None
        with self._ready:
            self._ready.wait_for(lambda: name in self._done or name not in self._parsing)
            position = self._order.index(name) if name in self._order else -1
            # Sheets parsed ahead and not asked for before this one will not be asked for.
            for passed in self._order[:position + 1]:
                taken = self._done.pop(passed, None)
            rest = self._order[position + 1:] if position >= 0 else []
        if taken is None:
            taken = ("sheet", self._read(name))
        self.read_ahead(rest)
        if taken[0] == "error":
            raise taken[1]
        return taken[1]

    def read_ahead(self, names: list[str]) -> None:
        """Parse ``names`` in a background thread, up to the first large sheet, unless a thread
        is still at it (it stops at a large sheet, and the next call goes on from there)."""
        names = [n for n in names if n not in self._done]
        if not names or (self._thread is not None and self._thread.is_alive()):
            return

        def parse() -> None:
            try:
                for name in names:
                    try:
                        parsed = self._read(name, ahead=True)
                    except Exception as exc:   # raised when the sheet is asked for
                        result: tuple[str, object] = ("error", exc)
                    else:
                        if parsed is None:
                            break
                        result = ("sheet", parsed)
                    with self._ready:
                        if self._wb is not None:
                            self._done[name] = result
                        self._parsing.remove(name)
                        self._ready.notify_all()
                    if result[0] == "error" or parsed[0].height * parsed[0].width >= self.AHEAD_CELLS:
                        break
            finally:   # whatever happened, nobody waits for a sheet this thread will not parse
                with self._ready:
                    self._parsing.clear()
                    self._ready.notify_all()

        self._parsing = list(names)
        self._thread = threading.Thread(target=parse, name="sheets-ahead", daemon=True)
        self._thread.start()


_SHARED_TYPES = (str, dt.date, dt.datetime)


def _sheet_rows(sheet) -> list[tuple[object, ...]]:
    """Every row from A1 (``cells[i]`` is Excel row i + 1), as ``to_python(skip_empty_area=False)``
    gives them but as tuples, with each repeated text and day one shared object: a column of a
    million cells holds a few thousand codes and days, and a Python object per cell cost a sheet
    0,5 GB. Tuples of such values are left alone by Python's garbage collector, where a million
    lists were walked again at each of its full passes (the sector's workbook: ~20 % of reading
    its rows)."""
    shared: dict[type, dict] = {kind: {} for kind in _SHARED_TYPES}
    rows = []
    lead = [""] * sheet.start[1] if sheet.start else []
    for row in sheet.iter_rows():
        rows.append(tuple(lead + [shared[v.__class__].setdefault(v, v) if v.__class__ in shared else v
                                  for v in row]))
    top = (sheet.end[0] + 1 if sheet.end else 0) - len(rows)
    if top > 0:   # rows above the first cell, as blank as to_python gives them
        width = len(rows[0]) if rows else 0
        rows[:0] = [("",) * width for _ in range(top)]
    return rows


def _read_sheet(book: _Book, name: str, shown: str, max_rows: int) -> tuple[list[tuple], list, set[tuple[int, int]]]:
    """(cells, merged ranges, cells with an uncalculated formula) of one sheet; ``cells[i]`` is
    Excel row i + 1. The sheets after it are being parsed in the background meanwhile."""
    try:
        sheet, formulas = book.sheet(name)
        if sheet.height > max_rows + HEADER_SCAN_ROWS + 1:
            raise Unreadable("reason.too_many_rows", sheet=shown, limit=max_rows)
        values = _sheet_rows(sheet)
        merged = list(sheet.merged_cell_ranges or [])
    except Unreadable:
        raise
    except Exception as exc:  # calamine raises several unrelated types for broken files
        raise Unreadable("reason.corrupt") from exc
    return values, merged, formulas


# ---------------------------------------------------------------- text files

def decode_text(data: bytes) -> tuple[str, str]:
    """(text, encoding) for UTF-8 (with or without BOM), UTF-16 LE/BE, or Windows-1258."""
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", "replace"), "utf-8-sig"
    for bom, encoding in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            try:
                return data[2:].decode(encoding), encoding
            except UnicodeDecodeError as exc:
                raise Unreadable("reason.encoding") from exc
    sample = data[:4096]
    if sample and sample.count(b"\x00") > len(sample) // 4:
        # UTF-16 without BOM: the zero bytes sit on odd offsets for LE, even for BE.
        encoding = "utf-16-le" if sample[1::2].count(0) > sample[0::2].count(0) else "utf-16-be"
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError as exc:
            raise Unreadable("reason.not_spreadsheet") from exc
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    # Windows-1258 decodes to decomposed Vietnamese: the caller normalises to NFC.
    return unicodedata.normalize("NFC", data.decode("cp1258", "replace")), "cp1258"


def sniff_separator(text: str) -> str:
    """The separator that splits the most lines into the same number of fields (over 200 lines)."""
    sample = text[:200_000]
    try:
        rows = list(csv.reader(io.StringIO(sample, newline=""), delimiter="\x1f"))
    except csv.Error:
        rows = []
    lines = [r[0] for r in rows if r and r[0].strip()][:200] if rows else sample.splitlines()[:200]
    best, best_score = ",", -1
    for sep in ("\t", ";", ","):
        try:
            counts = [len(row) for row in csv.reader(io.StringIO("\n".join(lines)), delimiter=sep)]
        except csv.Error:
            continue
        if not counts or max(counts) < 2:
            continue
        mode = max(set(counts), key=counts.count)
        score = counts.count(mode) * 1000 + mode
        if score > best_score:
            best, best_score = sep, score
    return best


def read_text_table(name: str, data: bytes, max_rows: int) -> RawTable:
    text, _encoding = decode_text(data)
    if "\x00" in text or sum(1 for ch in text[:4096] if unicodedata.category(ch) == "Cc"
                             and ch not in "\r\n\t") > 8:
        raise Unreadable("reason.not_spreadsheet")
    sep = sniff_separator(text)
    values = []
    try:
        for row in csv.reader(io.StringIO(text, newline=""), delimiter=sep):
            values.append(list(row))
            if len(values) > max_rows + HEADER_SCAN_ROWS + 1:
                raise Unreadable("reason.too_many_rows", sheet=safe_name(name), limit=max_rows)
    except csv.Error as exc:
        raise Unreadable("reason.corrupt_text") from exc
    sheet = re.sub(r"\.(csv|txt|tsv)$", "", safe_name(name), flags=re.I)
    return RawTable(safe_name(name), sheet, values)


def read_file(name: str, data: bytes, max_rows: int = 200_000, max_bytes: int | None = None) -> list[RawTable]:
    """Read one uploaded file into raw tables; raise Unreadable with a reason.

    ``max_bytes`` is the largest upload accepted (DASHBOARD_MAX_UPLOAD_MB); it sets how far a
    workbook may inflate (``inflation_limit``).
    """
    if not data or not data.strip(b" \t\r\n\x00\xef\xbb\xbf\xff\xfe"):
        raise Unreadable("reason.empty")
    kind = sniff_kind(data)
    if kind == "other":
        raise Unreadable("reason.not_spreadsheet")
    if kind in ("zip", "ole"):
        return read_workbook(safe_name(name), data, max_rows, max_bytes)
    if name.lower().endswith((".xlsx", ".xls", ".xlsm")):
        raise Unreadable("reason.text_as_excel")
    return [read_text_table(name, data, max_rows)]
