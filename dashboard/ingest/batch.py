"""What an upload carries through the pipeline: its files, its sheets' rows, its problems.

A problem names the sheet, the row as the user sees it in Excel (header = row 1), the
column header as the user wrote it, the value, and what was expected. Any error rejects
the whole upload; warnings do not.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from bisect import bisect_right
from collections.abc import Iterator, Sequence
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


class Part:
    """The rows one located table gives a contract sheet, column by column: ``columns[at][i]`` is
    the typed value of the ``i``-th row at the sheet's place ``at`` (``Sheet.column_index``),
    ``rows[i]`` its Excel row, ``bad[i]`` whether a check refused it.

    Columns, not an object per row: the sector's 4,4 million rows in one workbook held 6,8 GB at
    the peak as one object per row; a column is one list of shared values."""
    __slots__ = ("src", "rows", "columns", "bad")

    def __init__(self, src: Source, rows: Sequence[int], columns: list[list]):
        self.src, self.rows, self.columns = src, rows, columns
        self.bad = bytearray(len(rows))

    def __len__(self) -> int:
        return len(self.rows)

    def good(self) -> list[int]:
        """Indexes of the rows no check has refused."""
        bad = self.bad
        if not any(bad):
            return list(range(len(bad)))
        return [i for i, flag in enumerate(bad) if not flag]


class Record:
    """One data row, a view on its ``Part``: its typed values by column name
    (``record["branch_code"]``, ``.get``), its Excel row (``"_row"``), whether a check refused it
    (``"_bad"``), and where it came from (``"_sheet"``, ``"_file"``, ``"_headers"``, ``"_provided"``,
    from its ``Source``). Read and written like the dict it replaces; writes go to the columns."""
    __slots__ = ("part", "i")

    def __init__(self, part: Part, i: int):
        self.part, self.i = part, i

    @property
    def src(self) -> Source:
        return self.part.src

    @property
    def row(self) -> int:
        return self.part.rows[self.i]

    @property
    def bad(self) -> bool:
        return bool(self.part.bad[self.i])

    @bad.setter
    def bad(self, value: bool) -> None:
        self.part.bad[self.i] = 1 if value else 0

    @property
    def values(self) -> list:
        return [column[self.i] for column in self.part.columns]

    def __getitem__(self, key: str):
        index = self.part.src.index.get(key)
        if index is not None:
            return self.part.columns[index][self.i]
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
        return key in self.part.src.index or key in _META

    def __setitem__(self, key: str, value) -> None:
        index = self.part.src.index.get(key)
        if index is not None:
            self.part.columns[index][self.i] = value
        elif key == "_bad":
            self.bad = bool(value)
        else:
            raise KeyError(key)

    def __repr__(self) -> str:
        return f"Record({self.src.sheet}!{self.row}: {dict(zip(self.src.index, self.values))})"


class Rows:
    """A sheet's rows that no check has refused, read column by column: what a check that
    runs over millions of rows reads (``column``), with ``record(j)`` to flag or change row ``j``."""

    def __init__(self, data: "SheetData | None"):
        self._parts = [(part, part.good()) for part in data.parts] if data else []
        self._starts, total = [], 0
        for _, good in self._parts:
            self._starts.append(total)
            total += len(good)
        self._len = total

    def __len__(self) -> int:
        return self._len

    def parts(self) -> list[tuple[Part, int]]:
        """Each part these rows come from, with how many of them it gives, in order."""
        return [(part, len(good)) for part, good in self._parts]

    def column(self, name: str) -> list:
        """The column's values, row ``j`` at ``[j]`` (a list shared with the rows when nothing is
        left out: read it, do not change it)."""
        out: list = []
        for part, good in self._parts:
            values = part.columns[part.src.index[name]]
            if len(self._parts) == 1 and len(good) == len(part):
                return values
            out.extend(values if len(good) == len(part) else map(values.__getitem__, good))
        return out

    def columns(self, *names: str) -> Iterator[tuple]:
        """Each row's values of the named columns, as a tuple."""
        return zip(*(self.column(name) for name in names)) if names else iter(())

    def record(self, j: int) -> Record:
        k = bisect_right(self._starts, j) - 1
        part, good = self._parts[k]
        return Record(part, good[j - self._starts[k]])

    def __iter__(self) -> Iterator[Record]:
        return (Record(part, i) for part, good in self._parts for i in good)


@dataclass
class SheetData:
    """One contract sheet's rows from an upload (several files may feed one sheet)."""
    sheet: Sheet
    labels: list[str] = field(default_factory=list)            # sheet names as written
    located: list = field(default_factory=list)                # Located tables feeding it
    columns: list[tuple[str, str, str | None]] = field(default_factory=list)  # (label, header, column)
    parts: list[Part] = field(default_factory=list)            # typed values, one part per table
    counts: dict[str, int] = field(default_factory=dict)        # new / changed / same

    @property
    def records(self) -> list[Record]:
        """Every row (refused ones too), in the order read."""
        return [Record(part, i) for part in self.parts for i in range(len(part))]

    def head(self, n: int) -> list[Record]:
        """The first ``n`` rows read."""
        out: list[Record] = []
        for part in self.parts:
            out.extend(Record(part, i) for i in range(min(n - len(out), len(part))))
        return out


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
        return list(self.table(sheet_name))

    def table(self, sheet_name: str) -> Rows:
        """The sheet's rows that no check has refused yet, column by column."""
        return Rows(self.sheets.get(sheet_name))

    def flag(self, record: Record, column: str | None, key: str, value=None, severity: str = "error",
             **params) -> None:
        """A problem on one row, at one of its columns (named as the user wrote the header)."""
        header = record.src.headers.get(column) if column else None
        self.add(severity, key, sheet=record.src.sheet, row=record.row, column=header,
                 value=value if value is not None else (record.get(column) if column else None),
                 params=params, file=record.src.file)
