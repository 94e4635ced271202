"""The rankings and meetings pages on the sample: the leaderboard, clicks, the Vì sao? panel, findings."""

import functools
import re

import pandas as pd
import pytest

from dashboard import queries, rules, store
from tests.apptest import open_page, texts
from tests.conftest import SAMPLE_WORKBOOK

NAMES = {"CB01": "Chi bộ Văn phòng tổng hợp", "CB02": "Chi bộ Khối Hình sự",
         "CB03": "Chi bộ Khối Kiểm sát tư pháp", "CB04": "Chi bộ Khối Dân sự – Hành chính"}


def sample_periods(db):
    frame = queries.run("reference.periods", cur=store.cursor(db))
    store.close_all()
    return list(frame["period"])


def workbook_leaderboards() -> dict[str, pd.DataFrame]:
    """Each period's leaderboard worked out from the sample workbook's own rows, not by the app.

    A cell's total is the sum of its scores (diem_danh_gia); it is complete with a score for each
    of the 10 criteria (tieu_chi, one set for every period), and an incomplete cell shows the sum
    of the scores it has (CB04 in 2026-Q3: 68,0 of 9 criteria); complete cells are ranked by total,
    ties sharing a rank (1, 1, 3); incomplete cells come last, unranked; ties and incomplete
    cells in the order of their names. The change is against the previous period of the same
    kind (2025 → 2024, 2025-Q1 → 2024-Q4), for complete cells with a total there.
    """
    scores = pd.read_excel(SAMPLE_WORKBOOK, sheet_name="diem_danh_gia", engine="openpyxl",
                           dtype={"Kỳ đánh giá": str})
    criteria = len(pd.read_excel(SAMPLE_WORKBOOK, sheet_name="tieu_chi", engine="openpyxl"))
    sums = scores.groupby(["Kỳ đánh giá", "Mã chi bộ"])["Điểm"].agg(["sum", "count"]).reset_index()
    sums.columns = ["period", "code", "total", "scored"]
    sums["complete"] = sums["scored"] == criteria
    sums["name"] = sums["code"].map(NAMES)
    boards = {}
    for period, board in sums.groupby("period"):
        board = board.copy()
        board["rank"] = board["total"].where(board["complete"]).rank(method="min", ascending=False)
        boards[period] = board.sort_values(["complete", "total", "name"], ascending=[False, False, True])
    for period, board in boards.items():
        year, _, quarter = period.partition("-Q")
        before = (f"{int(year) - 1}" if not quarter else
                  f"{year}-Q{int(quarter) - 1}" if quarter != "1" else f"{int(year) - 1}-Q4")
        previous = boards.get(before)
        totals = {} if previous is None else dict(zip(previous["code"], previous["total"].where(previous["complete"])))
        board["change"] = [t - totals[c] if done and pd.notna(totals.get(c)) else None
                           for c, t, done in zip(board["code"], board["total"], board["complete"])]
    return boards


def comma(value: float) -> str:
    return f"{value:.1f}".replace(".", ",")


def test_leaderboard_matches_the_workbook_for_every_period(sample_db):
    boards = workbook_leaderboards()
    assert len(boards) == 12 and set(boards) >= {"2021", "2025", "2025-Q1", "2026-Q3"}
    at = open_page("pages/xep_hang.py")
    for period, expected in boards.items():
        at.selectbox(key="f_ky").set_value(period).run()
        assert not at.exception, period
        shown = at.dataframe[0].value
        assert list(shown["Chi bộ"]) == list(expected["name"]), period
        assert list(shown["Tổng điểm"]) == [comma(t) for t in expected["total"]], period
        assert [r.split(" ")[0] for r in shown["Thứ hạng"]] == [
            str(int(r)) if pd.notna(r) else "—" for r in expected["rank"]], period
        assert list(shown["So với kỳ trước"]) == [
            "—" if pd.isna(c) else ("▲ " if c > 0 else "▼ " if c < 0 else "= ") + comma(abs(c))
            for c in expected["change"]], period
    # The tie of 2023 (CB01 and CB03 at 87,5) shares the first rank; the next cell is third.
    at.selectbox(key="f_ky").set_value("2023").run()
    assert [r.split(" ")[0] for r in at.dataframe[0].value["Thứ hạng"]] == ["1", "1", "3", "4"]


def test_incomplete_cell_is_shown_as_such_not_ranked(sample_db):
    at = open_page("pages/xep_hang.py", {"ky": "2026-Q3"})
    row = at.dataframe[0].value.set_index("Chi bộ").loc[NAMES["CB04"]]
    assert row["Thứ hạng"] == "—" and row["Mức theo điểm"] == "Chưa đủ tiêu chí"


def test_sort_by_change_puts_the_biggest_rise_first(sample_db):
    at = open_page("pages/xep_hang.py", {"ky": "2025", "sap_xep": "change"})
    changes = [float(c.split(" ")[1].replace(",", ".")) * (1 if c.startswith("▲") else -1)
               for c in at.dataframe[0].value["So với kỳ trước"]]
    assert changes == sorted(changes, reverse=True)


def test_compare_with_same_quarter_last_year(sample_db):
    at = open_page("pages/xep_hang.py", {"ky": "2026-Q2", "so_sanh": "year_before"})
    assert "So sánh với Quý II/2025." in texts(at)
    assert "So với cùng kỳ năm trước" in at.dataframe[0].value.columns


def test_clicking_a_bar_filters_the_page_to_that_cell(sample_db):
    at = open_page("pages/xep_hang.py", {"ky": "2025"})
    at.session_state["ranking_chart_0"] = {"selection": {"pick": [{"branch_code": "CB02"}]}}
    at.run()
    assert not at.exception
    assert at.multiselect(key="f_chi_bo").value == ["CB02"]
    assert list(at.dataframe[0].value["Chi bộ"]) == [NAMES["CB02"]]
    assert at.query_params["chi_bo"] in ("CB02", ["CB02"])
    assert "Vì sao? — Chi bộ Khối Hình sự, Năm 2025" in [s.value for s in at.subheader]
    at.button(key="clear_cell_filter").click().run()
    assert at.multiselect(key="f_chi_bo").value == []
    assert len(at.dataframe[0].value) == 4


def test_clicking_a_table_row_filters_the_page_to_that_cell(sample_db):
    at = open_page("pages/xep_hang.py", {"ky": "2025"})
    fourth = at.dataframe[0].value["Chi bộ"].iloc[3]
    at.session_state["ranking_table_0"] = {"selection": {"rows": [3], "columns": []}}
    at.run()
    assert not at.exception
    assert [NAMES[c] for c in at.multiselect(key="f_chi_bo").value] == [fourth]


def test_link_to_one_cell_shows_only_it_with_its_why_panel(sample_db):
    at = open_page("pages/xep_hang.py", {"chi_bo": "CB03", "ky": "2021"})
    assert list(at.dataframe[0].value["Chi bộ"]) == [NAMES["CB03"]]
    shown = texts(at)
    assert "Vì sao? — Chi bộ Khối Kiểm sát tư pháp, Năm 2021" in shown
    assert "thứ hạng" in shown and "trong 4 chi bộ" in shown
    # Its 2021 rule findings, with the numbers and the source in force for the 2021 ratings:
    # three of its 11 members rated that year were reprimanded and rated KHTNV.
    assert ("Năm 2021: Chi bộ Khối Kiểm sát tư pháp được xếp loại Hoàn thành tốt nhiệm vụ nhưng 8/11 đảng viên "
            "(72,7 %) đạt Hoàn thành nhiệm vụ trở lên; cần 100 %.") in shown
    assert "Căn cứ: Quy định 132-QĐ/TW (2018); Hướng dẫn 16-HD/BTCTW, 21-HD/BTCTW" in shown


def test_the_sample_triggers_the_findings_it_was_built_for_and_the_pages_show_them(sample_db):
    found = rules.collect(functools.partial(queries.run, cur=store.cursor(sample_db)),
                          list(NAMES), __import__("datetime").date(2026, 11, 26))
    store.close_all()
    # Not in the sample (each is tested on hand-made data in test_rules.py): disciplined_rated_high,
    # which the upload refuses; disciplined_above_cap, cell_excellent_share,
    # cell_committee_disciplined and level_above_band, which would need another cell rated
    # HTXSNV, and the sample breaks the quota in one year only.
    expected = {r.code for r in rules.RULES} - {"disciplined_rated_high", "disciplined_above_cap",
                                                "cell_excellent_share", "cell_committee_disciplined",
                                                "level_above_band"}
    assert set(found["rule"]) == expected
    shown = ""
    for year in sorted(set(found["year"])):
        at = open_page("pages/xep_hang.py", {"ky": str(year)}) if str(year) in sample_periods(sample_db) else None
        if at is not None:
            shown += "\n".join(at.dataframe[-1].value["Nội dung"])
    meetings = open_page("pages/sinh_hoat.py", {"ky": "2024"})
    shown += "\n".join(meetings.dataframe[-1].value["Nội dung"])
    # Local mode is an administrator, who also sees members' names beside their codes.
    shown = re.sub(r" \(Đảng viên mẫu \d+\)", "", shown)
    for rule in expected:
        message = found[found["rule"] == rule].iloc[0]["message"]
        if rule in ("meeting_attendance", "meeting_unexcused", "meeting_too_short"):
            continue  # many per year; checked through the meetings page below
        assert message in shown, rule
    assert "Chi bộ Khối Dân sự – Hành chính sinh hoạt thường kỳ 11 buổi, ít hơn 12 buổi" in shown
    assert "buổi sinh hoạt ngày" in shown


def test_meetings_page_shows_the_year_against_the_rules(sample_db):
    at = open_page("pages/sinh_hoat.py", {"ky": "2025"})
    table = at.dataframe[0].value.set_index("Chi bộ")
    assert table.loc[NAMES["CB04"], "Chuyên đề"] == "3/4"
    assert table.loc[NAMES["CB04"], "Chuyên đề theo quý (I · II · III · IV)"].split(" · ")[1] == "0"
    criticism = {n: float(v.split(" ")[0].replace(",", ".")) for n, v in table["Có tự phê bình và phê bình"].items()}
    assert criticism[NAMES["CB03"]] < 50 < min(v for n, v in criticism.items() if n != NAMES["CB03"])
    calendar = [c for c in at.get("vega_lite_chart")]
    assert calendar, "the month-by-month strip is drawn"
    at2 = open_page("pages/sinh_hoat.py", {"ky": "2024", "chi_bo": "CB04"})
    assert at2.dataframe[0].value.iloc[0]["Thường kỳ"] == "11/12"


@pytest.mark.parametrize("page, title, findings", [("pages/xep_hang.py", "Cell rankings", "Rule findings, 2025"),
                                                    ("pages/sinh_hoat.py", "Cell meetings", "Meeting findings, 2025")])
def test_english(sample_db, page, title, findings):
    at = open_page(page, {"lang": "en", "chi_bo": "CB02"})
    assert not at.exception
    assert [t.value for t in at.title] == [title]
    assert findings in [s.value for s in at.subheader]   # the latest year, 2025, by default
