"""Every table's own download: the .xlsx read back equals what the page shows, the CSV decodes
with utf-8-sig, the file is named after what and when, scope and filters hold, and every
download is in the audit trail. Charts as PNG and SVG.

The page's table is text (85,5 · 85,3 % · ▲ 2,8 · 30/06/2026); the workbook holds numbers and
dates. ``page_value`` reads the page's text back by hand (Vietnamese separators), independently
of the code that wrote either, and the two are compared cell by cell.
"""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest

from dashboard import queries, store
from tests.apptest import assert_equals_page, button, downloaded, keep_deferred, open_page, sheet_table

TODAY = "30/11/2026"
SAMPLE_NOTE = "Lưu ý: Dữ liệu mẫu — không phải số liệu thật"


@pytest.fixture
def pinned(monkeypatch):
    monkeypatch.setenv("DASHBOARD_TODAY", TODAY)


def exports(db) -> list[str]:
    frame = queries.run("uploads.audit", cur=store.cursor(db))
    return [d for a, d in zip(frame["action"], frame["detail"]) if a == "export"]


def test_ranking_xlsx_equals_the_leaderboard_and_says_what_and_when(sample_db, pinned, monkeypatch):
    kept = keep_deferred(monkeypatch)
    at = open_page("pages/xep_hang.py", {"ky": "2025"})
    assert not at.exception
    name, raw = downloaded(kept, button(at, "ranking_xlsx"))
    assert name == "xep-hang-2025-ngay-30-11-2026.xlsx"
    above = assert_equals_page(raw, at.dataframe[0].value)
    assert above == ["Xếp hạng chi bộ", "Chi bộ: Tất cả chi bộ", "Kỳ đánh giá: Năm 2025", "So sánh: So với kỳ trước",
                     "Sắp xếp theo: Tổng điểm", SAMPLE_NOTE, "Ngày xuất: 30/11/2026"]
    _, _, body, _ = sheet_table(raw)
    assert {r[1][0] for r in body} == {"Chi bộ Văn phòng tổng hợp", "Chi bộ Khối Hình sự",
                                       "Chi bộ Khối Kiểm sát tư pháp", "Chi bộ Khối Dân sự – Hành chính"}
    assert all(isinstance(r[2][0], (int, float)) and r[2][1] == "#,##0.0" for r in body)   # the total, a number
    assert any('"file": "xep-hang-2025-ngay-30-11-2026.xlsx"' in d and '"page": "ranking"' in d
               for d in exports(sample_db))


def test_ranking_csv_is_utf8_with_bom_and_holds_the_same_rows(sample_db, pinned, monkeypatch):
    kept = keep_deferred(monkeypatch)
    at = open_page("pages/xep_hang.py", {"ky": "2025"})
    name, raw = downloaded(kept, button(at, "ranking_csv"))
    assert name == "xep-hang-2025-ngay-30-11-2026.csv" and raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    shown = at.dataframe[0].value
    assert rows[0] == list(shown.columns)
    assert [r[1] for r in rows[1:]] == list(shown["Chi bộ"])
    assert [float(r[2]) for r in rows[1:]] == [float(t.replace(",", ".")) for t in shown["Tổng điểm"]]
    assert exports(sample_db)


def test_a_narrowed_page_exports_only_its_rows_and_says_so(sample_db, pinned, monkeypatch):
    kept = keep_deferred(monkeypatch)
    at = open_page("pages/xep_hang.py", {"ky": "2025", "chi_bo": "CB02"})
    _, raw = downloaded(kept, button(at, "ranking_xlsx"))
    above = assert_equals_page(raw, at.dataframe[0].value)
    assert "Chi bộ: Chi bộ Khối Hình sự" in above
    _, _, body, _ = sheet_table(raw)
    assert [r[1][0] for r in body] == ["Chi bộ Khối Hình sự"]


def test_progress_tables_xlsx_equal_the_page(sample_db, pinned, monkeypatch):
    kept = keep_deferred(monkeypatch)
    at = open_page("pages/giai_phap.py")
    assert not at.exception
    name, raw = downloaded(kept, button(at, "actions_xlsx"))
    assert name.startswith("nhiem-vu-giai-phap-") and name.endswith("-ngay-30-11-2026.xlsx")
    assert_equals_page(raw, at.dataframe[-1].value)
    _, _, body, _ = sheet_table(raw)
    due = [r[4] for r in body]
    assert len(body) == 36 and all(isinstance(v, dt.datetime) and f == "dd/mm/yyyy" for v, f in due)
    _, raw = downloaded(kept, button(at, "on_time_xlsx"))
    assert_equals_page(raw, at.dataframe[0].value)


def test_meetings_and_history_xlsx_equal_the_page(sample_db, pinned, monkeypatch):
    kept = keep_deferred(monkeypatch)
    at = open_page("pages/sinh_hoat.py", {"ky": "2025"})
    name, raw = downloaded(kept, button(at, "meetings_table_xlsx"))
    assert name == "sinh-hoat-chi-bo-2025-ngay-30-11-2026.xlsx"
    assert "Năm: 2025" in assert_equals_page(raw, at.dataframe[0].value)
    at = open_page("pages/lich_su.py")
    name, raw = downloaded(kept, button(at, "uploads_table_xlsx"))
    assert name == "lich-su-tai-len-ngay-30-11-2026.xlsx"
    above = assert_equals_page(raw, at.dataframe[0].value)
    assert not any(line.startswith("Kỳ đánh giá") for line in above)   # the history has no period
    _, raw = downloaded(kept, button(at, "uploads_table_csv"))
    assert raw.decode("utf-8-sig").splitlines()[0].startswith("Số,Tệp,")


def test_key_charts_download_as_png_and_svg_made_here(sample_db, pinned, monkeypatch):
    kept = keep_deferred(monkeypatch)
    at = open_page("pages/xep_hang.py", {"ky": "2025"})
    name, png = downloaded(kept, button(at, "ranking_chart_png"))
    assert name == "bieu-do-xep-hang-2025-ngay-30-11-2026.png" and png.startswith(b"\x89PNG\r\n\x1a\n")
    name, svg = downloaded(kept, button(at, "ranking_chart_svg"))
    text = svg.decode("utf-8")
    assert name.endswith(".svg") and "<svg" in text and "Chi bộ Khối Hình sự" in text


def test_a_row_picked_on_a_later_page_of_a_table_is_counted_in_the_whole_frame():
    """The browser counts a picked row in the page it was sent: row 2 of the page that starts at
    row 1.000 is row 1.002 of the frame (the rankings page narrowed to the wrong cell past its
    first page at sector scale). Nothing picked, or the first page: the event as it was."""
    from streamlit.util import AttributeDictionary

    from dashboard.ui.downloads import in_frame

    picked = AttributeDictionary({"selection": {"rows": [2], "columns": []}})
    assert in_frame(picked, 1000).selection.rows == [1002]
    assert in_frame(picked, 1000).selection.columns == []
    assert in_frame(picked, 0) is picked
    nothing = AttributeDictionary({"selection": {"rows": [], "columns": []}})
    assert in_frame(nothing, 1000) is nothing
    assert in_frame(None, 1000) is None
