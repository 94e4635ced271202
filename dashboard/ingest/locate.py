"""Locate: which contract sheet each raw table is, where its header row is, what each column means.

The first rows may be a title (skipped, with a warning); a header cell merged down from a
title takes the title's text; codes merged down a column are read as that code on every row;
a merged header cell, a sheet without a header row, or text typed in a legacy Vietnamese font
encoding is refused.
"""

from __future__ import annotations

import unicodedata
from array import array
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import chain, islice

from ..contract import Column, Sheet, fold, match_header, sheet_for_headers, sheet_for_name
from .batch import Batch, SheetData
from .read import HEADER_SCAN_ROWS, RawTable
from .spellings import clean_text, is_blank

IGNORED_SHEETS = {"huong_dan", "huongdan", "instructions", "readme", "danh_muc", "lists"}


@dataclass
class Located:
    """A raw table whose contract sheet, header row and columns are known."""
    table: RawTable
    sheet: Sheet
    header_index: int
    headers: list[str]
    mapping: dict[int, Column]
    data_indexes: Sequence[int]      # indexes into table.cells of the data rows

    def row_number(self, index: int) -> int:
        return self.table.row_number(index)


def col_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def a1(row: int, col: int) -> str:
    return f"{col_letter(col)}{row + 1}"


def _headers_at(table: RawTable, index: int) -> list[str]:
    """Header texts of a row; a cell merged down from above takes the top cell's text."""
    row = list(table.cells[index])
    for (r0, c0), (r1, c1) in table.merged:
        if r0 < index <= r1 and c0 < len(row) + 1:
            top = table.cells[r0][c0] if c0 < len(table.cells[r0]) else None
            for c in range(c0, min(c1, len(row) - 1) + 1):
                if is_blank(row[c]) and c == c0:
                    row[c] = top
    return [clean_text(h) or "" for h in row]


def _locate(table: RawTable) -> Located | None:
    """Find the sheet and the header row (the first rows may be a title)."""
    candidates = list(islice(table.filled_rows(), HEADER_SCAN_ROWS))
    if not candidates:
        return None
    by_name = sheet_for_name(table.sheet)
    best = None
    for index in candidates:
        headers = _headers_at(table, index)
        sheet = by_name or sheet_for_headers(headers)
        if sheet is None:
            continue
        score = sum(1 for h in headers if match_header(sheet, h))
        if best is None or score > best[0]:
            best = (score, index, sheet, headers)
    if best is None or best[0] == 0:
        if by_name is not None:
            index = candidates[0]
            return Located(table, by_name, index, _headers_at(table, index), {}, [])
        return None
    _, index, sheet, headers = best
    return Located(table, sheet, index, headers, {}, _indexes(table.filled_rows(index + 1)))


def _indexes(found: Iterable[int]) -> Sequence[int]:
    """Row indexes held compactly: a range when there is no gap, else machine integers (a list of
    Python integers cost the sector's workbook 160 MB)."""
    out = array("l", found)
    if out and out[-1] - out[0] + 1 == len(out):
        return range(out[0], out[-1] + 1)
    return out


def _map_columns(batch: Batch, located: Located, label: str) -> tuple[dict[int, Column], list[str]]:
    """(column index → contract column, the headers read); unknown, duplicated and missing
    columns are reported. With no header row at all, no headers are read."""
    table, sheet, headers = located.table, located.sheet, located.headers
    if not any(match_header(sheet, h) for h in headers):
        # No header row among the first rows (the sheet was found by its name): say so once,
        # rather than read the first data row as headers; legacy-font headers are a common cause.
        legacy = legacy_encoding([v for row in table.cells[:200] for v in row if isinstance(v, str)])
        if legacy:
            batch.add("error", "p.legacy_encoding", sheet=label, file=table.file, value=legacy)
        else:
            batch.add("error", "p.no_header", sheet=label, file=table.file,
                      params={"rows": HEADER_SCAN_ROWS,
                              "columns": ", ".join(f"'{c.header}'" for c in sheet.columns if c.required)})
        headers = []
    mapping: dict[int, Column] = {}
    seen: dict[str, int] = {}
    for index, header in enumerate(headers):
        if not header:
            continue
        column = match_header(sheet, header)
        if column is None:
            batch.add("warning", "p.unknown_column", sheet=label, column=header,
                      params={"column": header}, file=table.file)
            continue
        if column.name in seen:
            batch.add("error", "p.duplicate_column", sheet=label, column=header,
                      params={"column": header, "first": col_letter(seen[column.name]),
                              "second": col_letter(index)}, file=table.file)
            continue
        seen[column.name] = index
        mapping[index] = column
    for column in sheet.columns:
        if headers and column.required and column.name not in seen:
            batch.add("error", "p.missing_column", sheet=label, params={"column": column.header},
                      file=table.file)
    return mapping, headers


def assign_sheet(batch: Batch, table: RawTable) -> Located | None:
    """One raw table located (its problems added to the batch); None when it is not read further."""
    if table.hidden:
        batch.add("warning", "p.hidden_sheet", value=table.sheet, file=table.file)
        return None
    if fold(table.sheet) in IGNORED_SHEETS:
        return None
    located = _locate(table)
    if located is None:
        if next(table.filled_rows(), None) is not None:
            batch.add("warning", "p.unknown_sheet", value=table.sheet, file=table.file)
        elif sheet_for_name(table.sheet) is not None:
            batch.add("warning", "p.empty_sheet", sheet=table.sheet, file=table.file)
        return None
    label = table.sheet
    above = [table.row_number(i) for i in range(located.header_index) if not table.is_blank_row(i)]
    if above:
        batch.add("warning", "p.rows_above_header", sheet=label, file=table.file,
                  params={"rows": ", ".join(map(str, above)), "header": table.row_number(located.header_index)})
    errors_before = len(batch.errors)
    for (r0, c0), (r1, c1) in table.merged:
        if r0 <= located.header_index <= r1 and c1 > c0:
            batch.add("error", "p.merged_header", sheet=label, file=table.file,
                      value=f"{a1(r0, c0)}:{a1(r1, c1)}")
    mapping, headers = _map_columns(batch, located, label)
    located.mapping = mapping
    data = batch.sheets.setdefault(located.sheet.name, SheetData(located.sheet))
    data.labels.append(label)
    data.columns.extend((label, headers[i], c.name) for i, c in mapping.items())
    data.columns.extend((label, h, None) for i, h in enumerate(headers) if h and i not in mapping)
    data.located.append(located)
    if len(batch.errors) > errors_before:
        return None
    if not located.data_indexes:
        batch.add("warning", "p.empty_sheet", sheet=label, file=table.file)
        return None
    # Only texts with a character beyond ASCII can look legacy or Vietnamese (str.isascii is
    # answered without reading the text): codes and statuses, most of a sheet, are left out.
    cells = table.cells
    legacy = legacy_encoding([v for v in chain.from_iterable(map(cells.__getitem__, located.data_indexes))
                              if isinstance(v, str) and not v.isascii()]
                             + [v for v in cells[located.header_index] if isinstance(v, str)])
    if legacy:
        batch.add("error", "p.legacy_encoding", sheet=label, file=table.file, value=legacy)
        return None
    _fill_merged_data(batch, located)
    return located


def _fill_merged_data(batch: Batch, located: Located) -> None:
    """Cells merged down a column (a common way to write one cell code for many rows) take the top value."""
    table, filled = located.table, []
    for (r0, c0), (r1, c1) in table.merged:
        if r0 <= located.header_index:
            continue
        top = table.cells[r0][c0] if c0 < len(table.cells[r0]) else None
        for r in range(r0, min(r1, len(table.cells) - 1) + 1):
            row = list(table.cells[r])   # a workbook's rows are tuples
            for c in range(c0, c1 + 1):
                while len(row) <= c:
                    row.append(None)
                if (r, c) != (r0, c0):
                    row[c] = top
            table.cells[r] = row
        filled.append(f"{a1(r0, c0)}:{a1(r1, c1)}")
    if filled:
        batch.add("warning", "p.merged_filled", sheet=table.sheet, file=table.file,
                  value=", ".join(filled[:10]) + ("…" if len(filled) > 10 else ""))


# ---------------------------------------------------------------- legacy Vietnamese encodings

# Vietnamese letters that happen to be Latin-1: legitimate in Unicode text.
_VI_LATIN1 = set("àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ")
# Characters only one of the two legacy encodings produces (ă=¨, á=¸, Đ=§ in TCVN3;
# đ=ñ with tones as trailing ø/û/ï/ä/ö in VNI).
_TCVN3 = set("¸µ¶·¹¨©ª«¬®§¡¢£¤¥¦ÌÎÏÐ×ØÜÞßþ»¼½¾ÆÇË")
_VNI = set("øöëåæçñÑäïûü")


def legacy_encoding(texts: list[str]) -> str | None:
    """'TCVN3' or 'VNI' when text looks typed in a legacy Vietnamese font encoding.

    Such text is plain Latin-1 punctuation and letters where Vietnamese letters
    should be (TCVN3 "§¶ng" or VNI "Ñaûng" for "Đảng"): no detector recognises
    it, so we look for its symptoms.
    """
    strange = tcvn = vni = vietnamese = 0
    # Each distinct character once, with how often it occurs, counted in C: a sheet holds millions
    # of texts, most of them repeated (codes, statuses), so each distinct text is counted once and
    # its characters weighted by how often it occurs.
    by_text = Counter(texts)
    repeated = [(text, n) for text, n in by_text.items() if n > 1]
    chars = Counter("".join(text for text, n in by_text.items() if n == 1))
    for text, n in repeated:
        for ch, k in Counter(text).items():
            chars[ch] += k * n
    for ch, n in chars.items():
        code = ord(ch)
        if 0xA0 < code <= 0xFF and ch not in _VI_LATIN1:
            strange += n
            tcvn += n * (ch in _TCVN3)
            vni += n * (ch in _VNI)
        elif code > 0xFF and unicodedata.category(ch).startswith("L"):
            vietnamese += n
    if strange < 3 or strange <= vietnamese:
        return None
    return "TCVN3" if tcvn >= vni else "VNI"
