"""The report to the higher committee: its content from the dashboard's figures, as .docx and PDF.

The summary is checked against the overview page itself (AppTest), so the report cannot say
other numbers than the page. The .docx is read back with python-docx; the PDF's text is
extracted with pypdf, its fonts are looked up in its font dictionaries, and its first page is
rendered with pdfium and measured.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import io
import re
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path

import docx
import pypdf
import pypdfium2 as pdfium
import pytest
from docx.shared import Pt
from PIL import Image as PILImage

from dashboard import queries, store
from dashboard.documents import report as rp
from dashboard.documents.docx import render_docx
from dashboard.documents.pdf import render_pdf
from tests.apptest import open_page

pytestmark = pytest.mark.slow      # typesets PDFs and renders charts: seconds each

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_TODAY = dt.date(2026, 11, 26)
NAMES = {"CB01": "Chi bộ Văn phòng tổng hợp", "CB02": "Chi bộ Khối Hình sự",
         "CB03": "Chi bộ Khối Kiểm sát tư pháp", "CB04": "Chi bộ Khối Dân sự – Hành chính"}
# The overview's summary of 2025 on the sample, worked out by hand (tests/test_overview_pages.py).
SUMMARY_2025 = [
    "Năm 2025: Chi bộ Khối Hình sự dẫn đầu với 93,0 điểm; điểm bình quân 85,8 (tăng 2,8 điểm so với năm 2024).",
    "So với năm 2024, Chi bộ Khối Dân sự – Hành chính tăng nhiều nhất (+4,0 điểm); không chi bộ nào giảm điểm.",
    "Tiến độ bình quân sáu giải pháp đạt 90 %; chậm nhất là giải pháp 4 “Đảng thống nhất lãnh đạo công tác cán bộ; "
    "trách nhiệm của tổ chức và người đứng đầu” (78 %).",
    "3 nhiệm vụ quá hạn, lâu nhất là GP4-05 của Chi bộ Khối Dân sự – Hành chính (quá hạn 149 ngày).",
    "3/4 chi bộ sinh hoạt đủ số buổi năm 2025 (chưa đủ: Chi bộ Khối Dân sự – Hành chính).",
    # CB03 never criticises its head in the sample (limitation L3, the most urgent of the four).
    "Hạn chế cần khắc phục trước tiên: “Tự phê bình và phê bình” ở Chi bộ Khối Kiểm sát tư pháp.",
    "Còn thiếu dữ liệu: 1 nhiệm vụ chưa cập nhật từ 45 ngày trở lên (GP3-05).",
]
HOSTILE = 'Chi bộ #read("/etc/passwd") *đậm* $x^2$ ] [ \\ <b>&amp; =HYPERLINK("x")'


def runner(db, scope=None):
    cur = store.cursor(db)
    return functools.partial(queries.run, cur=cur, scope=scope)


@pytest.fixture
def sample_report(sample_db) -> rp.Report:
    run = runner(sample_db)
    return rp.assemble(run, period="2025", branches=list(NAMES), today=SAMPLE_TODAY)


def small_report(**changes) -> rp.Report:
    """A report built by hand (no database): every kind of block, a sub-section, hostile text."""
    png = io.BytesIO()
    PILImage.new("RGB", (200, 80), (27, 120, 55)).save(png, "PNG")
    body = [rp.Section("I. TÌNH HÌNH CHUNG", [rp.Paragraph("Đường lối, chủ trương của Đảng: ặ ễ ỗ ự ỹ Đ.")]),
            rp.Section("II. BẢNG VÀ HÌNH", [
                rp.Table(["Chi bộ", "Điểm"], [[HOSTILE, "93,0"], ["Chi bộ Khối Hình sự", "▲ 3,5"]],
                         widths=[3, 1], align=["left", "right"]),
                rp.Image(png.getvalue(), "Hình 1. Một hình xanh")],
                subsections=[rp.Section("1. Một mục nhỏ", [rp.Paragraph(HOSTILE)])])]
    report = rp.Report(
        heading=rp.Heading("ĐẢNG BỘ TỈNH LAI CHÂU", "ĐẢNG ỦY VIỆN KIỂM SÁT NHÂN DÂN TỈNH", "Số 15-BC/ĐU",
                           "ĐẢNG CỘNG SẢN VIỆT NAM", "Lai Châu, ngày 30 tháng 11 năm 2026"),
        title="BÁO CÁO", subject="kết quả đánh giá chi bộ năm 2025",
        intro=[rp.Paragraph("Mở đầu báo cáo.")], sections=body,
        conclusion=[rp.Paragraph("Trên đây là báo cáo./.")],
        closing=rp.Closing("Nơi nhận:", ["- Đảng ủy cấp trên,", "- Lưu Văn phòng Đảng ủy."], "T/M ĐẢNG ỦY", "BÍ THƯ"),
        date=dt.date(2026, 11, 30))
    return dataclasses.replace(report, **changes)


# ---------------------------------------------------------------- the heading's rules

@pytest.mark.parametrize("day, expected", [
    (dt.date(2026, 11, 30), ("30", "11", "2026")),
    (dt.date(2026, 2, 5), ("05", "02", "2026")),     # a day below 10 and months 1, 2 take a 0
    (dt.date(2026, 1, 1), ("01", "01", "2026")),
    (dt.date(2018, 4, 3), ("03", "4", "2018")),      # the guide's own date: ngày 03 tháng 4 năm 2018
    (dt.date(2025, 12, 9), ("09", "12", "2025")),
])
def test_party_date(day, expected):
    assert rp.party_date(day) == expected


def test_heading_comes_from_the_settings(monkeypatch):
    monkeypatch.setenv("DASHBOARD_ORG_PARENT", "ĐẢNG BỘ KHỐI CÁC CƠ QUAN TỈNH")
    monkeypatch.setenv("DASHBOARD_REPORT_NUMBER", "27")
    monkeypatch.setenv("DASHBOARD_PLACE", "Tam Đường")
    heading = rp.heading_from_settings(dt.date(2026, 2, 5))
    assert heading == rp.Heading("ĐẢNG BỘ KHỐI CÁC CƠ QUAN TỈNH", "ĐẢNG ỦY VIỆN KIỂM SÁT NHÂN DÂN TỈNH",
                                 "Số 27-BC/ĐU", "ĐẢNG CỘNG SẢN VIỆT NAM", "Tam Đường, ngày 05 tháng 02 năm 2026")
    monkeypatch.delenv("DASHBOARD_REPORT_NUMBER")
    assert rp.heading_from_settings(dt.date(2026, 2, 5)).number == "Số \u00a0\u00a0\u00a0\u00a0\u00a0\u00a0-BC/ĐU"


def test_recipients_are_listed_the_party_way():
    assert rp.recipient_lines(["Đảng ủy cấp trên (để báo cáo)", "Các chi bộ,", "Lưu Văn phòng Đảng ủy"]) == [
        "- Đảng ủy cấp trên (để báo cáo),", "- Các chi bộ,", "- Lưu Văn phòng Đảng ủy."]


# ---------------------------------------------------------------- the content, from the pages' figures

def overview_summary(query: dict[str, str]) -> str:
    at = open_page("app.py", query)
    [text] = [m.value for m in at.markdown if m.value.startswith("**Tóm tắt.**")]
    return re.sub(r"\\(.)", r"\1", text).removeprefix("**Tóm tắt.** ")


@pytest.mark.parametrize("period, codes", [("2025", None), ("2025", ["CB03", "CB04"]), ("2026-Q3", ["CB02"])])
def test_the_summary_is_the_overview_page_s(sample_db, monkeypatch, period, codes):
    monkeypatch.setenv("DASHBOARD_TODAY", SAMPLE_TODAY.strftime("%d/%m/%Y"))
    query = {"ky": period} | ({"chi_bo": ",".join(codes)} if codes else {})
    page = overview_summary(query)
    report = rp.assemble(runner(sample_db), period=period, branches=codes or list(NAMES), today=SAMPLE_TODAY,
                         all_branches=codes is None, charts=False)
    summary = report.sections[0]
    assert summary.title == "I. TÌNH HÌNH CHUNG"
    assert " ".join(p.text for p in summary.blocks) == page
    if period == "2025" and codes is None:
        assert [p.text for p in summary.blocks] == SUMMARY_2025


def test_the_body_of_the_sample_report(sample_report):
    titles = [s.title for s in sample_report.sections]
    assert titles == ["I. TÌNH HÌNH CHUNG", "II. KẾT QUẢ ĐÁNH GIÁ, XẾP HẠNG CHI BỘ", "III. TIẾN ĐỘ THỰC HIỆN SÁU GIẢI PHÁP",
                      "IV. CẢNH BÁO THEO QUY ĐỊNH CỦA ĐẢNG"]
    ranking = next(b for b in sample_report.sections[1].blocks if isinstance(b, rp.Table))
    # The 2025 ranking by hand: CB02 93, CB01 91, CB03 86,5, CB04 72,5 (2024: 89,5, 89, 85, 68,5).
    # CB02 and CB01 score in 366's HTXSNV band but were decided HTTNV: 4 cells allow no HTXSNV.
    assert [r[:4] + r[6:] for r in ranking.rows] == [
        ["1", NAMES["CB02"], "93,0", "▲ 3,5", "Xuất sắc", "Tốt"],
        ["2", NAMES["CB01"], "91,0", "▲ 2,0", "Xuất sắc", "Tốt"],
        ["3", NAMES["CB03"], "86,5", "▲ 1,5", "Tốt", "Tốt"],
        ["4", NAMES["CB04"], "72,5", "▲ 4,0", "Tốt", "Tốt"]]
    solutions = sample_report.sections[2]
    tables = [b for b in solutions.blocks if isinstance(b, rp.Table)]
    # Latest % of each solution's actions, averaged (from the workbook by hand: 95,8; 90,8; 94,2;
    # 77,5; 93,3; 88,3).
    assert [row[4] for row in tables[0].rows] == ["96 %", "91 %", "94 %", "78 %", "93 %", "88 %"]
    # Overdue on 26/11/2026, longest first: GP4-05 149 days, GP5-04 87, GP2-05 57.
    assert [(r[0], r[4]) for r in tables[1].rows] == [("GP4-05", "149"), ("GP5-04", "87"), ("GP2-05", "57")]
    assert sum(isinstance(b, rp.Image) for s in sample_report.sections for b in s.blocks) == 2
    findings = sample_report.sections[3]
    # 2025 breaks no rule; warnings: attendance at CB01 on 06/08, DV031 (removal), CB04 Q2 thematic;
    # information: two cells decided below their band, five meetings with unexcused absences, two short.
    assert findings.blocks[0].text.startswith("Năm 2025: 0 lỗi, 3 cảnh báo, 9 thông tin")
    assert sample_report.intro[0].text == "Lưu ý: báo cáo được lập từ dữ liệu mẫu, không phải số liệu thật."
    assert sample_report.closing.recipients[-1] == "- Lưu Văn phòng Đảng ủy."


def test_scope_is_respected(sample_db):
    """A reader limited to CB03 gets a report that names no other cell."""
    run = runner(sample_db, scope=frozenset({"CB03"}))
    report = rp.assemble(run, period="2025", branches=["CB03"], today=SAMPLE_TODAY,
                         charts=False)
    text = "\n".join(report.texts())
    assert NAMES["CB03"] in text
    assert not any(NAMES[c] in text for c in ("CB01", "CB02", "CB04"))


def test_extension_points_take_sections(sample_db):
    limitation = rp.Section("Hạn chế L1: chậm tiến độ", [rp.Paragraph("Biện pháp: đôn đốc hằng tháng.")])
    review = rp.Section("Kiểm điểm tập thể", [rp.Paragraph("Đảng ủy đã tự phê bình.")])
    projection = rp.Paragraph("Dự báo: Giải pháp 4 đạt 100 % vào tháng 3/2027.")
    report = rp.assemble(runner(sample_db), period="2025", branches=list(NAMES), today=SAMPLE_TODAY,
                         limitations=[limitation], year_review=[review], projections=[projection], charts=False)
    titles = [s.title for s in report.sections]
    assert titles[2] == "III. NHỮNG HẠN CHẾ VÀ BIỆN PHÁP KHẮC PHỤC"
    assert report.sections[2].subsections[0].title == "1. Hạn chế L1: chậm tiến độ"
    assert titles[-1] == "VI. KIỂM ĐIỂM, ĐÁNH GIÁ CUỐI NĂM 2025"
    assert report.sections[3].blocks[-1] is projection
    assert limitation.title == "Hạn chế L1: chậm tiến độ"           # the caller's object is left alone
    with pytest.raises(ValueError):
        rp.assemble(runner(sample_db), period="2025-Q3", branches=list(NAMES), today=SAMPLE_TODAY,
                    year_review=[review], charts=False)


# ---------------------------------------------------------------- .docx

def docx_texts(data: bytes) -> list[str]:
    document = docx.Document(io.BytesIO(data))
    out = [p.text for p in document.paragraphs]

    def cells(table):
        for row in table.rows:
            for cell in row.cells:
                out.extend(p.text for p in cell.paragraphs)
                for inner in cell.tables:
                    cells(inner)

    for table in document.tables:
        cells(table)
    return out


def test_docx_holds_heading_title_cells_and_summary(sample_report):
    data = render_docx(sample_report)
    texts = docx_texts(data)
    for line in ("ĐẢNG BỘ TỈNH LAI CHÂU", "ĐẢNG ỦY VIỆN KIỂM SÁT NHÂN DÂN TỈNH", "*", "ĐẢNG CỘNG SẢN VIỆT NAM",
                 "Lai Châu, ngày 26 tháng 11 năm 2026", "BÁO CÁO",
                 "kết quả đánh giá chi bộ và tiến độ thực hiện các giải pháp năm 2025",
                 "Nơi nhận:", "T/M ĐẢNG ỦY", "BÍ THƯ", *NAMES.values(), *SUMMARY_2025):
        assert line in texts, line
    assert any(t.startswith("Số ") and t.endswith("-BC/ĐU") for t in texts)


def test_docx_layout_follows_the_guide():
    document = docx.Document(io.BytesIO(render_docx(small_report())))
    section = document.sections[0]
    # Word keeps lengths in twentieths of a point: compare in whole millimetres.
    assert [round(v.mm) for v in (section.page_width, section.page_height)] == [210, 297]
    assert [round(v.mm) for v in (section.top_margin, section.bottom_margin, section.left_margin,
                                  section.right_margin)] == [20, 20, 30, 15]
    assert document.styles["Normal"].font.name == "Times New Roman"
    assert document.styles["Normal"].font.size == Pt(14)
    runs = {r.text: r for p in document.paragraphs for r in p.runs}
    runs |= {r.text: r for t in document.tables for row in t.rows for c in row.cells for p in c.paragraphs
             for r in p.runs}
    party = runs["ĐẢNG CỘNG SẢN VIỆT NAM"]
    assert party.bold and party.underline and party.font.size == Pt(15)
    assert runs["ĐẢNG ỦY VIỆN KIỂM SÁT NHÂN DÂN TỈNH"].bold
    assert runs["Lai Châu, ngày 30 tháng 11 năm 2026"].italic
    assert runs["BÁO CÁO"].bold and runs["BÁO CÁO"].font.size == Pt(16)
    assert runs["Nơi nhận:"].underline
    assert runs["T/M ĐẢNG ỦY"].bold and runs["BÍ THƯ"].bold
    assert HOSTILE in docx_texts(render_docx(small_report()))
    # The page number from page 2 on: a PAGE field in the header, none on the first page.
    assert section.different_first_page_header_footer
    assert "PAGE" in section.header._element.xml and "PAGE" not in section.first_page_header._element.xml
    assert len(document.inline_shapes) == 1


# ---------------------------------------------------------------- PDF

def pdf_text(data: bytes) -> str:
    """The PDF's text, NFC, lines joined: a line broken after "/" or "-" gets no space (pypdf
    writes the break inside a table cell as a space, so a space after "/" goes too)."""
    text = "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages)
    text = re.sub(r"([/\-–])\n", r"\1", unicodedata.normalize("NFC", text))
    text = re.sub(r"/ +", "/", text)
    return " ".join(text.split())


def fonts_of(data: bytes) -> dict[str, list[str]]:
    """Each font the PDF uses → the font-file keys of its descriptor (FontFile2: embedded TrueType)."""
    found = {}
    for page in pypdf.PdfReader(io.BytesIO(data)).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            if "/DescendantFonts" in font:
                descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"].get_object()
            else:
                descriptor = font["/FontDescriptor"].get_object()
            found[str(font["/BaseFont"])] = [k for k in descriptor if str(k).startswith("/FontFile")]
    return found


def test_pdf_holds_the_same_vietnamese_text(sample_report):
    text = pdf_text(render_pdf(sample_report))
    assert unicodedata.is_normalized("NFC", text)
    for piece in sample_report.texts():
        piece = " ".join(piece.split())
        assert piece in text, piece
    for line in ("ĐẢNG BỘ TỈNH LAI CHÂU", "ĐẢNG CỘNG SẢN VIỆT NAM", "Lai Châu, ngày 26 tháng 11 năm 2026",
                 "BÁO CÁO", *NAMES.values(), *SUMMARY_2025):
        assert line in text, line


def test_pdf_embeds_its_fonts_and_uses_no_other():
    fonts = fonts_of(render_pdf(small_report()))
    assert fonts, "no font found"
    assert all(keys for keys in fonts.values()), fonts        # every font carries its font file
    families = {re.sub(r"^[A-Z]{6}\+", "", name.lstrip("/")) for name in fonts}   # ABCDEF+: a subset
    assert families <= {"LiberationSerif", "LiberationSerif-Bold", "LiberationSerif-Italic",
                        "LiberationSerif-BoldItalic"}, families


def test_user_text_is_never_read_as_markup():
    text = pdf_text(render_pdf(small_report()))
    assert HOSTILE in text and "root:" not in text


def render_first_page(data: bytes, dpi: int = 72) -> PILImage.Image:
    document = pdfium.PdfDocument(data)
    try:
        return document[0].render(scale=dpi / 72).to_pil().convert("L")
    finally:
        document.close()


def test_first_page_is_a4_with_the_guide_s_margins_and_not_blank(sample_report):
    data = render_pdf(sample_report)
    width, height = (float(v) for v in pypdf.PdfReader(io.BytesIO(data)).pages[0].mediabox[2:])
    assert (round(width / 72 * 25.4), round(height / 72 * 25.4)) == (210, 297)
    page = render_first_page(data, dpi=144)
    mm = page.width / 210
    ink = page.point(lambda v: 255 if v < 200 else 0)
    left, top, right, bottom = ink.getbbox()
    assert left >= 29 * mm and right <= (210 - 14) * mm         # 30 mm left, 15 mm right (1 mm for antialiasing)
    assert top >= 19 * mm and bottom <= (297 - 19) * mm
    dark = sum(1 for v in page.getdata() if v < 128) / (page.width * page.height)
    assert dark > 0.02
    # The heading block: ink in the top left (the issuer) and the top right (the Party's title).
    band = ink.crop((0, int(20 * mm), page.width, int(45 * mm)))
    assert band.crop((0, 0, page.width // 2, band.height)).getbbox()
    assert band.crop((page.width // 2, 0, page.width, band.height)).getbbox()


OFFLINE = """
import sys, datetime as dt
sys.path.insert(0, sys.argv[1])
from dashboard.documents import report as rp, pdf, docx
r = rp.Report(rp.Heading("ĐẢNG BỘ TỈNH LAI CHÂU", "ĐẢNG ỦY", "Số 1-BC/ĐU", "ĐẢNG CỘNG SẢN VIỆT NAM", "Lai Châu"),
              "BÁO CÁO", "thử", [rp.Paragraph("Đường")], [], [], rp.Closing("Nơi nhận:", [], "T/M ĐẢNG ỦY", "BÍ THƯ"))
print("PDF", len(pdf.render_pdf(r)), "DOCX", len(docx.render_docx(r)))
"""


@pytest.mark.skipif(not sys.platform.startswith("linux") or shutil.which("unshare") is None,
                    reason="needs Linux network namespaces (unshare)")
def test_the_report_is_made_with_no_network_at_all():
    """In a network namespace with no interface up, the PDF and the .docx are still made."""
    if subprocess.run(["unshare", "-rn", "true"], capture_output=True).returncode != 0:
        pytest.skip("unprivileged network namespaces are not available here")
    result = subprocess.run(["unshare", "-rn", sys.executable, "-c", OFFLINE, str(ROOT)], capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.startswith("PDF ")


def test_a_reader_limited_to_some_cells_gets_no_rank_in_the_report(sample_db):
    # As on the pages (rankings.shows_ranks): no rank column, and the summary names no rank.
    def ranking_headers(ranked):
        report = rp.assemble(runner(sample_db, scope=frozenset({"CB02"})), period="2025", branches=["CB02"],
                             today=SAMPLE_TODAY, all_branches=True, charts=False, ranked=ranked)
        ranking = report.sections[1]
        assert ranking.title == "II. KẾT QUẢ ĐÁNH GIÁ, XẾP HẠNG CHI BỘ"
        return [b.header for b in ranking.blocks if hasattr(b, "header")]

    assert ranking_headers(True)[0][0] == "Thứ hạng"
    assert "Thứ hạng" not in ranking_headers(False)[0]
    assert ranking_headers(False)[0][0] == "Chi bộ"
