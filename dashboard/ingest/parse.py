"""Parse: every cell of a located table into a typed value, or one problem.

Table-driven: ``PARSERS`` holds one parser per column kind of the contract, with the
problem a cell of that kind gets when its spelling is not understood. A parser may
refuse a cell with a more precise problem (``Refused``). Bounds (minimum, maximum)
are checked the same way for every numeric kind.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Callable

from ..contract import Column
from ..periods import parse_period
from .batch import Batch, Record, Source
from .locate import Located, a1
from .reference import Reference
from .spellings import (clean_text, is_blank, parse_code, parse_date, parse_enum, parse_integer, parse_number,
                        parse_year, parse_yesno)

MAX_TEXT = 4000


class Refused(ValueError):
    """A cell refused with its own problem, rather than its kind's."""

    def __init__(self, key: str, **params: object):
        super().__init__(key)
        self.key, self.params = key, params


@dataclass(frozen=True)
class Kind:
    parse: Callable[[object, Column, Reference, dt.date], object]   # raw → value, or ValueError
    problem: str                                                    # when the spelling is not understood
    params: Callable[[Column, Reference], dict] = lambda column, ref: {}


def _text(raw, column, ref, today):
    value = clean_text(raw)
    if len(value) > MAX_TEXT:
        raise Refused("p.text_too_long", value=len(value), limit=MAX_TEXT)
    return value


def _date(raw, column, ref, today):
    value = parse_date(raw)
    if column.not_future and value > today:
        raise Refused("p.future_date")
    return value


PARSERS: dict[str, Kind] = {
    "text": Kind(_text, "p.required"),
    "code": Kind(lambda raw, column, ref, today: parse_code(raw), "p.bad_code"),
    "date": Kind(_date, "p.not_date"),
    "yesno": Kind(lambda raw, column, ref, today: parse_yesno(raw), "p.not_yesno"),
    "number": Kind(lambda raw, column, ref, today: parse_number(raw), "p.not_number"),
    "percent": Kind(lambda raw, column, ref, today: parse_number(raw, percent=True), "p.not_number"),
    "integer": Kind(lambda raw, column, ref, today: parse_integer(raw), "p.not_integer"),
    "year": Kind(lambda raw, column, ref, today: parse_year(raw), "p.not_year"),
    "period": Kind(lambda raw, column, ref, today: parse_period(raw).code, "p.not_period"),
    "enum": Kind(lambda raw, column, ref, today: parse_enum(raw, ref.enums.get(column.enum, {})), "p.bad_enum",
                 lambda column, ref: {"allowed": ", ".join(ref.enum_codes.get(column.enum, []))}),
}


def _bounds(column: Column, value: object) -> tuple[str, dict] | None:
    if not isinstance(value, (int, float)) or isinstance(value, bool):
        return None
    if column.minimum is not None:
        if column.min_exclusive and value <= column.minimum:
            return "p.not_positive", {"limit": column.minimum}
        if value < column.minimum:
            return "p.below_min", {"limit": column.minimum}
    if column.maximum is not None and value > column.maximum:
        return "p.above_max", {"limit": column.maximum}
    return None


def parse_cell(column: Column, raw: object, ref: Reference, today: dt.date):
    """(value, problem key, params) for one cell; problem key None when fine."""
    if is_blank(raw):
        return (None, "p.required", {}) if column.required else (column.default, None, {})
    kind = PARSERS[column.kind]
    try:
        value = kind.parse(raw, column, ref, today)
    except Refused as refused:
        return None, refused.key, refused.params
    except ValueError:
        return None, kind.problem, kind.params(column, ref)
    out_of_bounds = _bounds(column, value)
    if out_of_bounds:
        return None, *out_of_bounds
    return value, None, {}


# Kinds whose values repeat down a sheet (a cell's code on every row, a period, a day): each value
# is kept once and shared by the rows, not made again for every cell read.
SHARED_KINDS = frozenset({"code", "enum", "period", "date"})


def parse_rows(batch: Batch, located_all: list[Located], ref: Reference, today: dt.date) -> None:
    """Every data row of every located table as a record: typed values, plus where it came from."""
    shared: dict[tuple[type, object], object] = {}
    for located in located_all:
        table, sheet = located.table, located.sheet
        data = batch.sheets[sheet.name]
        headers = {c.name: located.headers[i] for i, c in located.mapping.items()}
        for column in sheet.columns:
            headers.setdefault(column.name, column.header)
        index = sheet.column_index
        src = Source(table.sheet, table.file, headers,
                     frozenset(c.name for c in located.mapping.values()), index)
        defaults = [c.default for c in sheet.columns]
        mapped = [(col_index, column, index[column.name], headers[column.name], column.kind in SHARED_KINDS)
                  for col_index, column in located.mapping.items()]
        formulas = table.formula_cells
        for row_index in located.data_indexes:
            raw_row, row_number = table.cells[row_index], table.row_number(row_index)
            record = Record(src, row_number, list(defaults))
            values = record.values
            for col_index, column, at, header, share in mapped:
                raw = raw_row[col_index] if col_index < len(raw_row) else None
                if formulas and (row_index, col_index) in formulas:
                    record.bad = True
                    batch.add("error", "p.formula_uncalculated", sheet=table.sheet, row=row_number,
                              column=header, value=a1(row_index, col_index), file=table.file)
                    values[at] = None
                    continue
                value, key, params = parse_cell(column, raw, ref, today)
                if key is not None:
                    record.bad = True
                    shown = raw if isinstance(raw, (dt.date, dt.datetime)) else clean_text(raw)
                    batch.add("error", key, sheet=table.sheet, row=row_number, column=header,
                              value=shown, params=params, file=table.file)
                elif column.kind == "percent" and isinstance(value, float) and 0 < value < 1:
                    batch.add("warning", "p.percent_fraction", sheet=table.sheet, row=row_number,
                              column=header, value=value, params={"percent": value * 100}, file=table.file)
                if share and value is not None:
                    value = shared.setdefault((type(value), value), value)
                values[at] = value
            data.records.append(record)
