"""Charts out as PNG and SVG, rendered here from the pages' own specs, never by a service."""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PIL import Image

from dashboard import charts as builders
from dashboard import queries, store
from dashboard.documents import charts

pytestmark = pytest.mark.slow      # renders every chart with vl-convert

ROOT = Path(__file__).resolve().parent.parent
TITLE = "Xếp hạng năm 2025 — Đảng ủy, đường, ặ, ễ"


@pytest.fixture
def ranking_spec(sample_db_master) -> dict:
    cur = store.cursor(sample_db_master)
    board = queries.run("rankings.leaderboard", cur=cur, period="2025", compare="previous", branches=None)
    levels = queries.run("reference.levels", cur=cur)
    return builders.spec(builders.ranking_bars(board, dict(zip(levels["code"], levels["short_vi"])),
                                               "vi", 190, TITLE))


def ink_share(png: bytes) -> float:
    image = Image.open(io.BytesIO(png)).convert("L")
    histogram = image.histogram()
    return 1 - sum(histogram[245:]) / (image.width * image.height)


def test_png_is_a_real_non_blank_image(ranking_spec):
    png = charts.chart_png(ranking_spec)
    image = Image.open(io.BytesIO(png))
    assert image.format == "PNG"
    assert image.width >= 2 * charts.DEFAULT_WIDTH          # scale 2, plus the axis labels
    assert 0.1 < ink_share(png) < 0.9                         # bars and text, on a white background
    assert image.convert("RGB").getpixel((1, 1)) == (255, 255, 255)
    # The level colours of the page are there (Xuất sắc is dark green).
    colours = {c for _, c in image.convert("RGB").getcolors(1 << 20)}
    assert (0x1B, 0x78, 0x37) in colours


def test_svg_holds_the_vietnamese_text(ranking_spec):
    svg = charts.chart_svg(ranking_spec)
    root = ET.fromstring(svg)
    texts = ["".join(t.itertext()) for t in root.iter("{http://www.w3.org/2000/svg}text")]
    assert TITLE in texts
    assert "Chi bộ Khối Hình sự" in texts and "93,0 · Xuất sắc" in texts
    assert 'font-family="Dashboard Sans' in svg


def test_numbers_on_axes_are_written_the_vietnamese_way():
    spec = {"data": {"values": [{"a": "x", "b": 1234.5}]}, "mark": "bar",
            "encoding": {"x": {"field": "b", "type": "quantitative", "axis": {"format": ",.1f"}},
                         "y": {"field": "a", "type": "nominal"}}}
    texts = ["".join(t.itertext()) for t in ET.fromstring(charts.chart_svg(spec)).iter("{http://www.w3.org/2000/svg}text")]
    assert "1.000,0" in texts
    texts_en = ["".join(t.itertext())
                for t in ET.fromstring(charts.chart_svg(spec, lang="en")).iter("{http://www.w3.org/2000/svg}text")]
    assert "1,000.0" in texts_en


def test_a_chart_may_not_load_data_from_anywhere():
    spec = {"data": {"url": "https://example.org/data.csv"}, "mark": "point"}
    with pytest.raises(ValueError, match="not allowed"):
        charts.chart_svg(spec)


def test_spec_of_the_page_is_left_as_it_was(ranking_spec):
    before = repr(ranking_spec)
    charts.chart_png(ranking_spec)
    assert repr(ranking_spec) == before and "background" not in ranking_spec


def test_the_chart_font_covers_vietnamese_under_a_name_no_system_has():
    from PIL import ImageFont
    for path in sorted(charts.FONTS_DIR.glob("DashboardSans-*.ttf")):
        font = ImageFont.truetype(str(path), 20)
        assert font.getname()[0] == charts.FONT
        # Every letter of Vietnamese is a glyph of its own (none falls back to the .notdef box).
        notdef = font.getmask("\uffff").getbbox()
        for letter in "ĐđƠơƯưẠặẫễệỗợữựỳỹ":
            assert font.getmask(letter).getbbox() != notdef, letter


OFFLINE = """
import sys
sys.path.insert(0, sys.argv[1])
from dashboard.documents import charts
spec = {"title": "Đảng ủy", "data": {"values": [{"a": "x", "b": 1}]}, "mark": "bar",
        "encoding": {"x": {"field": "b", "type": "quantitative"}, "y": {"field": "a", "type": "nominal"}}}
png = charts.chart_png(spec)
print("PNG", len(png))
"""


@pytest.mark.skipif(not sys.platform.startswith("linux") or shutil.which("unshare") is None,
                    reason="needs Linux network namespaces (unshare)")
def test_renders_with_no_network_at_all():
    """In a network namespace with no interface up, rendering still works: nothing is fetched."""
    probe = subprocess.run(["unshare", "-rn", "true"], capture_output=True)
    if probe.returncode != 0:
        pytest.skip("unprivileged network namespaces are not available here")
    result = subprocess.run(["unshare", "-rn", sys.executable, "-c", OFFLINE, str(ROOT)], capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.startswith("PNG ")

