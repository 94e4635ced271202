"""Parse: every cell of a located table into a typed value, or one problem.

Table-driven: ``PARSERS`` holds one parser per column kind of the contract, with the
problem a cell of that kind gets when its spelling is not understood. A parser may
refuse a cell with a more precise problem (``Refused``). Bounds (minimum, maximum)
are checked the same way for every numeric kind.
"""

from __future__ import annotations

import datetime as dt
from array import array
from dataclasses import dataclass
from operator import itemgetter
from typing import Callable

from ..contract import Column
from ..periods import parse_period
from .batch import Batch, Part, Source
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


_NUMBERS = frozenset({bool, int, float})


def _parse_column(column: Column, raw: list, ref: Reference, today: dt.date) -> tuple[list, list, dict]:
    """(values, keys, outcome): each distinct raw value parsed once and its value shared by the
    rows that carry it (a cell's code, a period, a day repeat down a sheet of millions).

    ``keys[i]`` is row ``i``'s raw value as ``outcome`` knows it (with its type when a column
    mixes numbers and yes/no, which Python counts equal: ``True == 1``); ``outcome[key]`` is
    ``parse_cell``'s (value, problem key, params)."""
    keyed = len(set(map(type, raw)) & _NUMBERS) > 1
    keys = list(zip(map(type, raw), raw)) if keyed else raw
    try:
        outcome = dict.fromkeys(keys)
    except TypeError:   # a value that cannot be a key (none of the readers makes one): one by one
        keys = list(range(len(raw)))
        outcome = {i: None for i in keys}
        keyed, raw_of = False, raw.__getitem__
    else:
        raw_of = (lambda key: key[1]) if keyed else (lambda key: key)
    for key in outcome:
        outcome[key] = parse_cell(column, raw_of(key), ref, today)
    value_of = {key: result[0] for key, result in outcome.items()}
    return list(map(value_of.__getitem__, keys)), keys, outcome


def parse_table(batch: Batch, located: Located, ref: Reference, today: dt.date) -> None:
    """The data rows of one located table as a ``Part`` of its sheet: typed values column by
    column, each problem with the row and the header as the user wrote them."""
    table, sheet = located.table, located.sheet
    data = batch.sheets[sheet.name]
    headers = {c.name: located.headers[i] for i, c in located.mapping.items()}
    for column in sheet.columns:
        headers.setdefault(column.name, column.header)
    index = sheet.column_index
    src = Source(table.sheet, table.file, headers, frozenset(c.name for c in located.mapping.values()), index)
    indexes = located.data_indexes
    n = len(indexes)
    # Most tables have no blank row among their data: their indexes are a range, taken as a slice.
    first, cells = table.row_number(0), table.cells
    if isinstance(indexes, range):
        numbers = range(indexes.start + first, indexes.stop + first, indexes.step)
        rows = cells[indexes.start:indexes.stop:indexes.step]
    else:
        numbers, rows = [i + first for i in indexes], list(map(cells.__getitem__, indexes))
    part = Part(src, array("l", numbers), [[c.default] * n for c in sheet.columns])
    shortest = min(map(len, rows), default=0)
    # Cells holding a formula never calculated, by column: {column index: {row position}}.
    uncalculated: dict[int, set[int]] = {}
    if table.formula_cells:
        position = {row_index: i for i, row_index in enumerate(indexes)}
        for row_index, col_index in table.formula_cells:
            if row_index in position:
                uncalculated.setdefault(col_index, set()).add(position[row_index])
    for col_index, column in located.mapping.items():
        header = headers[column.name]
        if col_index < shortest:
            raw = list(map(itemgetter(col_index), rows))
        else:
            raw = [row[col_index] if col_index < len(row) else None for row in rows]
        values, keys, outcome = _parse_column(column, raw, ref, today)
        failed = {key for key, (_, problem, _) in outcome.items() if problem is not None}
        fractions = {key for key, (value, problem, _) in outcome.items() if problem is None
                     and column.kind == "percent" and isinstance(value, float) and 0 < value < 1}
        formulas = uncalculated.get(col_index, set())
        if failed or fractions or formulas:
            for i, key in enumerate(keys):
                if i in formulas:
                    part.bad[i] = 1
                    values[i] = None
                    batch.add("error", "p.formula_uncalculated", sheet=table.sheet, row=part.rows[i],
                              column=header, value=a1(indexes[i], col_index), file=table.file)
                elif key in failed:
                    part.bad[i] = 1
                    value = raw[i]
                    shown = value if isinstance(value, (dt.date, dt.datetime)) else clean_text(value)
                    _, problem, params = outcome[key]
                    batch.add("error", problem, sheet=table.sheet, row=part.rows[i], column=header,
                              value=shown, params=params, file=table.file)
                elif key in fractions:
                    value = values[i]
                    batch.add("warning", "p.percent_fraction", sheet=table.sheet, row=part.rows[i],
                              column=header, value=value, params={"percent": value * 100}, file=table.file)
        part.columns[index[column.name]] = values
    data.parts.append(part)
