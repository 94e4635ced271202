"""The error report of an upload: the list of problems, and each sheet with its problem rows marked."""

from __future__ import annotations

from collections import defaultdict

from .. import i18n
from .writer import _Writer, safe_sheet_name

def problems_workbook(batch, lang: str = "vi") -> bytes:
    """The problems of an upload as a spreadsheet: a list, then each sheet with problem rows marked."""
    w = _Writer()
    ws = w.wb.add_worksheet("Lỗi" if lang == "vi" else "Problems")
    headers = [i18n.t(k, lang) for k in ("col.severity", "col.file", "col.sheet", "col.row", "col.column",
                                         "col.value", "col.message")]
    w.row(ws, 0, headers)
    ws.set_row(0, None, w.bold)
    for i, p in enumerate(batch.problems, start=1):
        w.row(ws, i, [i18n.t("severity." + p.severity, lang), p.file, p.sheet, p.row, p.column,
                      p.shown_value, p.message(lang)],
              mark=p.severity if p.severity in ("error", "warning") else None)
    for col, width in enumerate((10, 22, 18, 7, 22, 24, 100)):
        ws.set_column(col, col, width)
    ws.freeze_panes(1, 0)

    by_row = defaultdict(list)
    for p in batch.problems:
        if p.sheet is not None and p.row is not None:
            by_row[(p.file, p.sheet, p.row)].append(p)
    used_names = {ws.name.lower()}
    for data in batch.sheets.values():
        for located in data.located:
            table = located.table
            name = safe_sheet_name(table.sheet)
            while name.lower() in used_names:
                name = name[:26] + f"_{len(used_names)}"
            used_names.add(name.lower())
            sheet_ws = w.wb.add_worksheet(name)
            header = [i18n.t("col.row", lang), i18n.t("col.message", lang)] + located.headers
            w.row(sheet_ws, 0, header)
            sheet_ws.set_row(0, None, w.bold)
            for out, index in enumerate(located.data_indexes, start=1):
                number = table.row_number(index)
                problems = by_row.get((table.file, table.sheet, number), [])
                mark = "error" if any(p.severity == "error" for p in problems) else (
                    "warning" if problems else None)
                messages = "\n".join(p.message(lang) for p in problems) or None
                w.row(sheet_ws, out, [number, messages] + list(table.cells[index]), mark=mark)
            sheet_ws.set_column(1, 1, 60)
            sheet_ws.freeze_panes(1, 2)
    return w.close()
