"""Tiến độ giải pháp through AppTest on the sample database (moved from test_overview_pages.py).

"Today" is pinned to 26/11/2026, as there; the sample's actions are listed in that module's
docstring.
"""

import json

import pytest

from tests.apptest import open_page, texts
from tests.test_overview_pages import CB02, CB04, chart_data, today  # noqa: F401 (today is a fixture)


def test_solutions_page_on_the_sample(sample_db, today):
    at = open_page("pages/giai_phap.py")
    assert not at.exception, [e.value for e in at.exception]
    shown = texts(at)
    assert "36 nhiệm vụ: 3 quá hạn, 1 chưa cập nhật từ 45 ngày trở lên, 1 có lần báo cáo giảm tiến độ." in shown
    assert '"name": "matrix_pick"' in json.dumps(json.loads(at.get("vega_lite_chart")[0].proto.spec))
    data = chart_data(at.get("vega_lite_chart")[0])
    assert list(dict.fromkeys(data["branch_name"])) == ["Đảng ủy", CB04, CB02, "Chi bộ Khối Kiểm sát tư pháp",
                                                         "Chi bộ Văn phòng tổng hợp"]
    cell = data.set_index(["branch_code", "solution"])
    assert cell.loc[("CB04", 4), "percent_text"] == "65 %" and cell.loc[("CB04", 4), "overdue"] == 1
    actions = at.dataframe[-1].value.set_index("Mã")
    assert actions.loc["GP4-05", "Cảnh báo"] == "Quá hạn 149 ngày"
    assert actions.loc["GP3-05", "Cảnh báo"] == "Chưa cập nhật 71 ngày"
    assert actions.loc["GP1-05", "Cảnh báo"] == "Hoàn thành muộn 55 ngày"    # due 31/03, done 25/05
    assert actions.loc["GP3-02", "Cảnh báo"].startswith("Giảm tiến độ 10 điểm phần trăm")
    assert actions.loc["GP4-05", "Hạn hoàn thành"] == "30/06/2026"
    on_time = at.dataframe[0].value.set_index("Chi bộ")
    # CB04: GP1-05 done late, GP2-05 and GP4-05 overdue → 3 of 6 on time; 55 + 57 + 149 days late.
    assert on_time.loc[CB04, "Tỷ lệ đúng hạn"] == "50,0 %"
    assert on_time.loc[CB04, "Tổng số ngày trễ"] == "261" and on_time.loc[CB04, "Trễ nhiều nhất (ngày)"] == "149"


@pytest.mark.parametrize("param", ["matrix_pick", "matrix_pick_text"])   # the cell, or the figure drawn on it
def test_clicking_a_matrix_cell_narrows_the_page_and_can_be_cleared(sample_db, today, param):
    at = open_page("pages/giai_phap.py")
    at.session_state["solutions_matrix_0"] = {"selection": {param: [{"solution": 4, "branch_code": "CB04"}]}}
    at.run()
    assert not at.exception
    assert at.query_params["giai_phap"] in ("4", ["4"]) and at.query_params["don_vi"] in ("CB04", ["CB04"])
    assert ("Đang xem riêng: 4. Đảng thống nhất lãnh đạo công tác cán bộ; trách nhiệm của tổ chức và người "
            "đứng đầu. — Chi bộ Khối Dân sự – Hành chính.") in texts(at)
    assert list(at.dataframe[-1].value["Mã"]) == ["GP4-05"]
    assert list(at.dataframe[0].value["Tỷ lệ đúng hạn"]) == ["0,0 %"]
    timeline = [c for c in at.get("vega_lite_chart")
                if "Tiến độ" in json.dumps(json.loads(c.proto.spec).get("encoding", {}), ensure_ascii=False)
                or "on_date" in c.proto.spec]
    series = chart_data(timeline[0])
    assert set(series["solution"]) == {4} and series["percent"].iloc[-1] == 65
    at.button(key="focus_clear").click().run()
    assert "giai_phap" not in at.query_params and "don_vi" not in at.query_params
    assert len(at.dataframe[-1].value) == 36


def test_a_link_opens_the_narrowed_view_and_ignores_nonsense(sample_db, today):
    at = open_page("pages/giai_phap.py", {"giai_phap": "5", "don_vi": "CB03"})
    assert list(at.dataframe[-1].value["Mã"]) == ["GP5-04", "GP5-06"]
    at = open_page("pages/giai_phap.py", {"giai_phap": "9", "don_vi": "<script>"})
    assert not at.exception and len(at.dataframe[-1].value) == 36


def test_branch_filter_narrows_matrix_timeline_and_tables(sample_db, today):
    at = open_page("pages/giai_phap.py", {"chi_bo": "CB02"})
    assert not at.exception
    data = chart_data(at.get("vega_lite_chart")[0])
    assert set(data["branch_code"]) == {"CB02"}          # no Đảng ủy row under a cell filter
    for frame in at.dataframe:
        assert set(frame.value["Chi bộ"]) == {CB02}
    series = chart_data(at.get("vega_lite_chart")[1])
    last = series[series["on_date"] == series["on_date"].max()].set_index("solution")["percent"]
    assert dict(last) == {1: 100, 2: 85, 3: 100, 4: 75, 5: 100, 6: 100}


def test_each_action_says_where_its_pace_leads_and_the_timeline_marks_each_solutions_finish(sample_db, today):
    at = open_page("pages/giai_phap.py")
    assert not at.exception
    actions = at.dataframe[-1].value.set_index("Mã")
    column = "Dự kiến theo tốc độ hiện nay"
    # GP4-05 reported 65 % three times running: not moving. GP6-05: 50 % on 28/10/2026 at 7,4
    # points a month reaches 100 % on 21/05/2027, 141 days (4,6 months) after 31/12/2026.
    assert actions.loc["GP4-05", column] == "Không tiến triển: 3 lần báo cáo gần nhất không tăng (đang ở 65 %)."
    assert actions.loc["GP6-05", column].endswith("đạt 100 % ngày 21/05/2027: chậm 4,6 tháng so với hạn.")
    assert actions.loc["GP1-05", column] == "Đã hoàn thành ngày 25/05/2026."
    spec = next(json.loads(c.proto.spec) for c in at.get("vega_lite_chart") if "on_date" in c.proto.spec)
    marks = [layer["mark"] for layer in spec["layer"]]
    assert [m["type"] if isinstance(m, dict) else m for m in marks] == ["line", "point"]
    assert marks[1]["shape"] == "diamond"


def test_the_matrix_column_heads_turn_upright_when_a_column_is_narrower_than_a_wrapped_head():
    """Five units across a phone's ~130 px: heads wrapped at 14 characters (~91 px) wrote over
    each other; under 91 px a column, each head is one line turned upright."""
    import json

    from dashboard.charts.common import column_heads

    axis = column_heads({"Chi bộ Khối Dân sự – Hành chính": "Khối Dân sự – Hành chính"}, 5)
    narrow = "width / 5 < 91"
    assert axis["labelAngle"].to_dict() == {"expr": f"{narrow} ? -90 : 0"}
    assert axis["labelAlign"].to_dict() == {"expr": f"{narrow} ? 'left' : 'center'"}
    assert axis["labelBaseline"].to_dict() == {"expr": f"{narrow} ? 'middle' : 'bottom'"}
    one_line = json.dumps({"Chi bộ Khối Dân sự – Hành chính": "Khối Dân sự – Hành chính"}, ensure_ascii=False)
    wrapped = json.dumps({"Chi bộ Khối Dân sự – Hành chính": ["Khối Dân sự –", "Hành chính"]}, ensure_ascii=False)
    assert axis["labelExpr"] == (f"{narrow} ? ({one_line}[datum.value + ''] || datum.label) : "
                                 f"({wrapped}[datum.value + ''] || datum.label)")
