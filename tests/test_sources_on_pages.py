"""What every page reads is true to its sources: no regulation outside its years, no bare
limitation code, the six solutions by their titles (issue: rules true to the regulation in force)."""

from __future__ import annotations

import json
import re

import pyarrow as pa
import pytest

from tests.apptest import PAGE_FILES, open_page, texts

LATER_SOURCES = ("366-QĐ/TW", "43-HD/BTCTW", "42-HD/BTCTW", "294-QĐ/TW")
BARE_LIMITATION = re.compile(r"\bL[1-4]\b")
SHORT_TITLES = (
    "Giáo dục chính trị tư tưởng; đảng viên bản lĩnh, gương mẫu.",
    "Giáo dục phẩm chất chính trị, đạo đức, lối sống; ngăn ngừa suy thoái.",
    "Hoàn thiện mô hình tổ chức cơ sở đảng gắn với nhiệm vụ chính trị; kết nạp đảng viên đúng thực chất.",
    "Đảng thống nhất lãnh đạo công tác cán bộ; trách nhiệm của tổ chức và người đứng đầu.",
    "Đổi mới nội dung, phương thức hoạt động; khắc phục tính hình thức trong sinh hoạt cấp ủy, chi bộ.",
    "Kiểm tra, giám sát, quản lý đảng viên; thực hiện NQ TW4, KL 21-KL/TW, KL 01-KL/TW.",
)


def everything_shown(at) -> str:
    """The page's text, its tables' cells and its charts' data and specs."""
    parts = [texts(at)]
    for frame in at.dataframe:
        parts.append(frame.value.to_csv(index=False))
    for chart in at.get("vega_lite_chart"):
        parts.append(json.dumps(json.loads(chart.proto.spec), ensure_ascii=False))
        raw = chart.proto.data.data or (chart.proto.datasets[0].data.data if chart.proto.datasets else b"")
        if raw:
            parts.append(pa.ipc.open_stream(raw).read_all().to_pandas().to_csv(index=False))
    return "\n".join(parts)


@pytest.mark.parametrize("page", PAGE_FILES)
def test_a_2023_view_names_no_later_regulation_and_no_bare_limitation_code(sample_db, page):
    at = open_page(page, {"ky": "2023"})
    assert not at.exception, [e.value for e in at.exception]
    shown = everything_shown(at)
    for source in LATER_SOURCES:
        assert source not in shown, (page, source)
    assert not BARE_LIMITATION.search(shown), (page, BARE_LIMITATION.search(shown))


def test_the_2023_findings_cite_the_2023_sources(sample_db):
    shown = everything_shown(open_page("pages/xep_hang.py", {"ky": "2023"}))
    # The ratings of 2023 fall under 124-QĐ/TW (issued 04/10/2023); meetings under 12-HD/BTCTW.
    assert "Quy định 124-QĐ/TW (04/10/2023); Hướng dẫn 25-HD/BTCTW" in shown
    assert "Hướng dẫn 12-HD/BTCTW (06/07/2018)" in shown
    # The 2023 annual score is the office's own framework, not 366's 100-point scale.
    assert "Thang điểm của Đảng bộ" in shown and "Thang điểm 100 điểm" not in shown


def test_the_progress_page_names_all_six_solutions_by_their_titles(sample_db):
    at = open_page("pages/giai_phap.py")
    shown = everything_shown(at)
    for n, title in enumerate(SHORT_TITLES, start=1):
        assert f"{n}. {title}" in shown, title
    assert not re.search(r"Giải pháp [1-6]\b", shown)
