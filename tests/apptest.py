"""Opening pages with Streamlit's AppTest the way a browser deep link does."""

from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path

import openpyxl
import pytest

import streamlit.testing.v1.app_test as app_test
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parent.parent
PAGE_FILES = ("app.py", "pages/han_che.py", "pages/xep_hang.py", "pages/giai_phap.py", "pages/sinh_hoat.py",
              "pages/danh_gia_cuoi_nam.py", "pages/dang_vien.py", "pages/tai_len.py", "pages/lich_su.py")


def open_page(page: str, query: dict[str, str] | None = None, run: bool = True) -> AppTest:
    """The page file run on its own, app.py being the entry point (pages-directory mode)."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
    if page != "app.py":
        at.switch_page(page)
    for key, value in (query or {}).items():
        at.query_params[key] = value
    return at.run() if run else at


def texts(at: AppTest) -> str:
    """Everything the page wrote as text (titles, markdown, captions, alerts, metrics).

    Markdown escapes are removed, so the result is what a reader sees.
    """
    parts = [e.value for kind in ("title", "header", "subheader", "markdown", "caption", "info",
                                  "warning", "error", "success") for e in getattr(at, kind)]
    parts += [f"{m.label} {m.value}" for m in at.metric]
    return re.sub(r"\\(.)", r"\1", "\n".join(str(p) for p in parts))


def _keep(monkeypatch, name: str) -> list:
    """Keep every instance AppTest makes of ``app_test.<name>`` (it drops them after each run)."""
    kept = []
    base = getattr(app_test, name)

    class Kept(base):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            kept.append(self)

    monkeypatch.setattr(app_test, name, Kept)
    return kept


def keep_deferred(monkeypatch) -> list:
    """Keep the media file manager of every run, so a test can make what a deferred download
    button (``data`` a callable: the file is made on the click) hands the browser."""
    return _keep(monkeypatch, "MediaFileManager")


def downloaded(kept: list, button) -> tuple[str, bytes]:
    """(file name, bytes) of a deferred download of the last run, made as a click makes them."""
    manager = kept[-1]
    url = manager.execute_deferred(button.proto.deferred_file_id)
    found = manager._storage.get_file(url.rsplit("/", 1)[-1].split(".")[0])
    return found.filename, bytes(found.content)


# ---- a download read back (the page's table is text; the workbook holds numbers and dates)

def page_value(text: str, number_format: str) -> object:
    """What a page's cell text says, as a value: '—' nothing, dd/mm/yyyy a date, 1.234,5 a number
    (▼ negative; '85,3 %' in a column formatted as a percentage is 0,853)."""
    if text in ("—", ""):
        return None
    if re.fullmatch(r"\d\d/\d\d/\d{4}( \d\d:\d\d)?", text):
        return dt.datetime.strptime(text, "%d/%m/%Y %H:%M" if " " in text else "%d/%m/%Y")
    number = re.fullmatch(r"([▲▼=] )?(-?[\d.]+(,\d+)?)( %)?", text)
    if not number:
        return text
    value = float(number.group(2).replace(".", "").replace(",", "."))
    if number.group(1) == "▼ ":
        value = -value
    if number.group(4) and number_format == "0.0 %":
        value /= 100
    return value


def sheet_table(raw: bytes) -> tuple[list[str], list[str], list[list[object]], object]:
    """(lines above the header, header, rows as (value, number format) pairs, worksheet)."""
    ws = openpyxl.load_workbook(io.BytesIO(raw)).worksheets[0]
    rows = list(ws.iter_rows())
    header_at = next(i for i, r in enumerate(rows) if r[0].font.bold and i > 0)
    above = [r[0].value for r in rows[:header_at] if r[0].value is not None]
    header = [c.value for c in rows[header_at]]
    body = [[(c.value, c.number_format) for c in r] for r in rows[header_at + 1:]]
    return above, header, body, ws


def assert_equals_page(raw: bytes, shown) -> list[str]:
    """The workbook's table is the page's table, cell by cell; returns the lines above it."""
    above, header, body, ws = sheet_table(raw)
    assert header == list(shown.columns)
    assert len(body) == len(shown)
    for row, (_, page_row) in zip(body, shown.iterrows()):
        for (value, number_format), text, column in zip(row, page_row, shown.columns):
            # A text column stays text ("2 ▲1"); a number or date column is read back from the page.
            expected = text if isinstance(value, str) else page_value(str(text), number_format)
            if isinstance(expected, float):
                assert value == pytest.approx(expected, abs=1e-9), (column, text, value)
            elif isinstance(expected, dt.datetime):
                assert value == expected and number_format.startswith("dd/mm/yyyy"), (column, text, value)
            else:
                assert value == expected, (column, text, value)
    assert ws.freeze_panes == f"A{len(above) + 3}"      # title, filters, a blank line, the header
    return above


def button(at, key):
    return next(b for b in at.get("download_button") if b.key == key)
