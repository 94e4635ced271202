"""What an upload carries through the pipeline: its files, its sheets' rows, its problems.

A problem names the sheet, the row as the user sees it in Excel (header = row 1), the
column header as the user wrote it, the value, and what was expected. Any error rejects
the whole upload; warnings do not.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import dataclass, field

from .. import fmt, i18n
from ..contract import Sheet


@dataclass
class Problem:
    severity: str            # error | warning | info
    code: str                # message key (p.* or file.*)
    sheet: str | None = None  # as the user named it
    row: int | None = None
    column: str | None = None  # header as the user wrote it
    value: object = None
    params: dict = field(default_factory=dict)
    file: str | None = None

    @property
    def shown_value(self) -> str | None:
        """The value as the messages show it (12, not 12.0; dates dd/mm/yyyy)."""
        return None if self.value is None else show(self.value)

    def message(self, lang: str = "vi") -> str:
        params = {"value": show(self.value), **{k: show(v) for k, v in self.params.items()}}
        detail = i18n.t(self.code, lang, **params)
        if self.code.startswith("reason."):
            return i18n.t("file.unreadable", lang, file=self.file or "", reason=detail)
        if self.sheet is None:
            return detail[:1].upper() + detail[1:]
        if self.row is not None and self.column is not None:
            where = i18n.t("problem.where", lang, sheet=self.sheet, row=self.row, column=self.column)
        elif self.row is not None:
            where = i18n.t("problem.where_row", lang, sheet=self.sheet, row=self.row)
        else:
            where = i18n.t("problem.where_sheet", lang, sheet=self.sheet)
        return f"{where}: {detail}"


def show(value: object) -> str:
    """A value as a message quotes it: 12 not 12.0, dates dd/mm/yyyy, invisible characters named."""
    if isinstance(value, (dt.date, dt.datetime)):
        return fmt.fmt_date(value)
    if isinstance(value, float):
        return fmt.fmt_number(value, 2).rstrip("0").rstrip(",.") if not value.is_integer() else str(int(value))
    text = "" if value is None else str(value)
    text = text if len(text) <= 80 else text[:77] + "…"
    # Invisible characters (zero-width space, direction overrides, controls) are named, so that
    # "CB\u200b07" reads as CB[U+200B]07 and cannot reorder the message around it.
    return "".join(f"[U+{ord(ch):04X}]" if unicodedata.category(ch) in ("Cf", "Cc") and ch not in "\t\n" else ch
                   for ch in text)


class Source:
    """Where a table's rows come from, shared by all its records: the sheet as the user named it,
    the file, the headers as written (column → header), the columns the file carried, and the
    place of each column's value in a record."""
    __slots__ = ("sheet", "file", "headers", "provided", "index")

    def __init__(self, sheet: str, file: str, headers: dict[str, str], provided: frozenset[str],
                 index: dict[str, int]):
        self.sheet, self.file, self.headers, self.provided, self.index = sheet, file, headers, provided, index


_META = {"_row": lambda r: r.row, "_bad": lambda r: r.bad, "_sheet": lambda r: r.src.sheet,
         "_file": lambda r: r.src.file, "_headers": lambda r: r.src.headers, "_provided": lambda r: r.src.provided}


class Record:
    """One data row: its typed values by column name (``record["branch_code"]``, ``.get``), its
    Excel row (``"_row"``), whether a check refused it (``"_bad"``), and where it came from
    (``"_sheet"``, ``"_file"``, ``"_headers"``, ``"_provided"``, from its ``Source``).

    Read and written like the dict it replaces, at a slot per column (the sector's 4,4 million
    rows in one workbook: 8,4 GB at the peak with a dict per row, 6,8 GB with these and the
    shared values of ``parse.SHARED_KINDS``)."""
    __slots__ = ("src", "row", "bad", "values")

    def __init__(self, src: Source, row: int, values: list):
        self.src, self.row, self.bad, self.values = src, row, False, values

    def __getitem__(self, key: str):
        index = self.src.index.get(key)
        if index is not None:
            return self.values[index]
        meta = _META.get(key)
        if meta is None:
            raise KeyError(key)
        return meta(self)

    def get(self, key: str, default=None):
        try:
            return self[key]
        except KeyError:
            return default

    def __contains__(self, key: str) -> bool:
        return key in self.src.index or key in _META

    def __setitem__(self, key: str, value) -> None:
        index = self.src.index.get(key)
        if index is not None:
            self.values[index] = value
        elif key == "_bad":
            self.bad = bool(value)
        else:
            raise KeyError(key)

    def __repr__(self) -> str:
        return f"Record({self.src.sheet}!{self.row}: {dict(zip(self.src.index, self.values))})"


@dataclass
class SheetData:
    """One contract sheet's rows from an upload (several files may feed one sheet)."""
    sheet: Sheet
    labels: list[str] = field(default_factory=list)            # sheet names as written
    located: list = field(default_factory=list)                # Located tables feeding it
    columns: list[tuple[str, str, str | None]] = field(default_factory=list)  # (label, header, column)
    records: list[Record] = field(default_factory=list)        # typed values + _row, _sheet
    counts: dict[str, int] = field(default_factory=dict)        # new / changed / same


@dataclass
class Batch:
    files: list[dict] = field(default_factory=list)   # name, sha256, size
    sheets: dict[str, SheetData] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    cells: list[str] = field(default_factory=list)     # the cells the upload writes

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity != "error"]

    @property
    def ok(self) -> bool:
        return not self.errors

    def add(self, *args, **kwargs) -> None:
        self.problems.append(Problem(*args, **kwargs))

    def rows(self, sheet_name: str) -> list[Record]:
        """The sheet's rows that no check has refused yet."""
        data = self.sheets.get(sheet_name)
        return [r for r in data.records if not r.bad] if data else []

    def flag(self, record: Record, column: str | None, key: str, value=None, severity: str = "error",
             **params) -> None:
        """A problem on one row, at one of its columns (named as the user wrote the header)."""
        header = record.src.headers.get(column) if column else None
        self.add(severity, key, sheet=record.src.sheet, row=record.row, column=header,
                 value=value if value is not None else (record.get(column) if column else None),
                 params=params, file=record.src.file)
