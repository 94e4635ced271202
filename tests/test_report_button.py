"""“Xuất báo cáo” on the overview: made only on request, then .docx and PDF of the same content,
with the parts the store has data for (limitations, projections, the year-end review of a year).

The documents are the bytes the browser gets from the page's download buttons. The layout
itself (margins, fonts, the heading's placement) is tested on ``report.assemble`` in
``test_documents.py``; here, what the page's report holds.
"""

from __future__ import annotations

import pytest

from tests.apptest import downloaded, keep_deferred, open_page
from tests.test_documents import NAMES, SUMMARY_2025, docx_texts, fonts_of, pdf_text, render_first_page

pytestmark = pytest.mark.slow      # typesets a PDF and renders charts

TODAY = "26/11/2026"               # the day SUMMARY_2025 was worked out for
HEADING = ("ĐẢNG BỘ TỈNH LAI CHÂU", "ĐẢNG ỦY VIỆN KIỂM SÁT NHÂN DÂN TỈNH", "ĐẢNG CỘNG SẢN VIỆT NAM",
           "Lai Châu, ngày 26 tháng 11 năm 2026", "BÁO CÁO",
           "kết quả đánh giá chi bộ và tiến độ thực hiện các giải pháp năm 2025", "Nơi nhận:", "T/M ĐẢNG ỦY", "BÍ THƯ")
# Sections present on the sample for 2025, in the order of the guide's body (numbered I–VI).
SECTIONS = ("I. TÌNH HÌNH CHUNG", "II. KẾT QUẢ ĐÁNH GIÁ, XẾP HẠNG CHI BỘ", "III. NHỮNG HẠN CHẾ VÀ BIỆN PHÁP KHẮC PHỤC",
            "IV. TIẾN ĐỘ THỰC HIỆN SÁU GIẢI PHÁP", "V. CẢNH BÁO THEO QUY ĐỊNH CỦA ĐẢNG",
            "VI. KIỂM ĐIỂM, ĐÁNH GIÁ CUỐI NĂM 2025")
# Hand-worked on the sample, 2025: meetings with self-criticism 14+11+5+13 of 15+14+14+13 = 43/56
# = 76,8 %; members rated HTXSNV 5, HTTNV 37 → the quota allows floor(7,4) = 7.
LIMITATIONS = ("1. Chậm cụ thể hóa nghị quyết", "3. Tự phê bình và phê bình", "76,8 %",
               "Đảng viên xếp loại Hoàn thành xuất sắc nhiệm vụ: 5; Hoàn thành tốt nhiệm vụ: 37; "
               "số tối đa được xếp loại xuất sắc theo tỷ lệ 20 %: 7.")


@pytest.fixture
def made(sample_db, monkeypatch):
    """The overview of 2025, its report asked for; (AppTest, kept media managers)."""
    monkeypatch.setenv("DASHBOARD_TODAY", TODAY)
    kept = keep_deferred(monkeypatch)
    at = open_page("app.py", {"ky": "2025"})
    assert not at.get("download_button")                   # nothing is made before the user asks
    at.button(key="report_make").click().run()
    assert not at.exception
    return at, kept


def button(at, key):
    return next(b for b in at.get("download_button") if b.key == key)


def test_the_docx_holds_the_heading_block_title_cells_and_summary(made):
    at, kept = made
    name, data = downloaded(kept, button(at, "report_docx"))
    assert name == "bao-cao-2025-ngay-26-11-2026.docx"
    texts = docx_texts(data)
    for line in (*HEADING, *SECTIONS, *NAMES.values(), *SUMMARY_2025):
        assert line in texts, line
    assert any(t.startswith("Số ") and t.endswith("-BC/ĐU") for t in texts)
    joined = "\n".join(texts)
    for piece in LIMITATIONS:
        assert piece in joined, piece


def test_the_pdf_says_the_same_in_vietnamese_with_its_fonts_and_a_first_page(made):
    at, kept = made
    name, data = downloaded(kept, button(at, "report_pdf"))
    assert name == "bao-cao-2025-ngay-26-11-2026.pdf" and data.startswith(b"%PDF-")
    text = pdf_text(data)
    for line in (*HEADING, *SECTIONS, *NAMES.values(), *SUMMARY_2025, *LIMITATIONS):
        assert line in text, line
    fonts = fonts_of(data)
    assert fonts and all(keys for keys in fonts.values()), fonts       # every font carries its file
    page = render_first_page(data, dpi=72)
    dark = sum(1 for v in page.getdata() if v < 128) / (page.width * page.height)
    assert dark > 0.02                                                   # text, not a blank page


def test_a_quarter_has_no_year_end_review_and_a_narrowed_view_only_its_cells(sample_db, monkeypatch):
    monkeypatch.setenv("DASHBOARD_TODAY", TODAY)
    kept = keep_deferred(monkeypatch)
    at = open_page("app.py", {"ky": "2026-Q3", "chi_bo": "CB02"})
    at.button(key="report_make").click().run()
    _, data = downloaded(kept, button(at, "report_docx"))
    texts = docx_texts(data)
    assert not any("KIỂM ĐIỂM, ĐÁNH GIÁ CUỐI NĂM" in t for t in texts)
    assert "Phạm vi báo cáo: 1 chi bộ được chọn — Chi bộ Khối Hình sự." in texts
    assert not any(NAMES["CB04"] in t for t in texts)


def test_the_report_comes_from_the_cache_for_the_same_view_and_anew_for_another(made, monkeypatch):
    at, _ = made
    from dashboard.documents import sections
    calls = []
    real = sections.full_report
    monkeypatch.setattr(sections, "full_report", lambda *a, **k: calls.append(k["period"]) or real(*a, **k))
    at.run()
    assert [b.key for b in at.get("download_button")] == ["report_docx", "report_pdf"] and calls == []
    at.query_params["ky"] = "2024"
    at.run()
    assert not at.get("download_button")        # another period: asked for again, not shown stale
