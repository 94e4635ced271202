"""The written summary and the urgent list on hand-made query results: exact sentences.

The frames below have the columns the named queries return; the numbers are chosen so
that each expected figure can be checked by hand (the comments show the arithmetic).
"""

import datetime as dt

import pandas as pd
import pytest

from dashboard import summary

TODAY = dt.date(2026, 11, 26)
NAN = float("nan")


def board(rows):
    columns = ["rank", "branch_code", "branch_name", "total_score", "complete", "n_scored", "n_expected",
               "computed_level", "prev_total", "prev_rank", "total_change", "rank_change"]
    return pd.DataFrame(rows, columns=columns)


# 2025: Văn phòng first with 92 (88 and 2nd in 2024), Hình sự 85 (89 and 1st in 2024),
# Dân sự scored on 8 criteria of 10 only.
BOARD = board([
    [1, "CB01", "Chi bộ Văn phòng", 92.0, True, 10, 10, "HTXSNV", 88.0, 2, 4.0, 1],
    [2, "CB02", "Chi bộ Hình sự", 85.0, True, 10, 10, "HTTNV", 89.0, 1, -4.0, -1],
    [None, "CB03", "Chi bộ Dân sự", 60.0, False, 8, 10, None, NAN, None, NAN, NAN],
])
# Average of the complete cells: (92 + 85) / 2 = 88,5; in 2024 86,0 → +2,5.
SCORES = pd.DataFrame({"period": ["2024", "2025"], "ord": [202400, 202500], "cells": [3, 3],
                       "complete_cells": [3, 2], "avg_score": [86.0, 88.5], "good_or_better": [3, 2]})
MEETINGS = pd.DataFrame({"period": ["2024", "2025"], "ord": [202400, 202500], "cells": [3, 3],
                         "compliant": [3, 2], "months": [12, 12], "short_cells": [None, ["CB03"]]})
MEMBERS = pd.DataFrame({"on_date": pd.to_datetime(["2026-10-31", "2026-11-26"]), "members": [30, 31]})
# GP1 80 %, GP2 25 %, GP3–GP6 100 %: mean (80 + 25 + 400) / 6 = 84,17 → "84 %"; GP2 lags.
BY_SOLUTION = pd.DataFrame({"solution": [1, 2, 3, 4, 5, 6], "percent": [80.0, 25.0, 100, 100, 100, 100],
                            "actions": [2, 2, 1, 1, 1, 1], "overdue": [0, 1, 0, 0, 0, 0],
                            "short_vi": [f"Giải pháp ngắn {n}." for n in range(1, 7)],
                            "short_en": [f"Short {n}." for n in range(1, 7)],
                            "title_vi": ["GP"] * 6, "title_en": ["S"] * 6})
# On 31/10 every solution stood 6 points lower (78,17 %) with no action overdue.
TIMELINE = pd.DataFrame({
    "on_date": pd.to_datetime(["2026-10-31"] * 6 + ["2026-11-26"] * 6),
    "solution": list(range(1, 7)) * 2, "branch_code": ["CB01"] * 12,
    "actions": [2, 2, 1, 1, 1, 1] * 2,
    "percent_sum": [148, 38, 94, 94, 94, 94, 160, 50, 100, 100, 100, 100],
    "overdue": [0] * 6 + [0, 1, 0, 0, 0, 0],
})


def actions(rows):
    columns = ["action_code", "branch_code", "branch_name", "solution", "percent", "status", "due_on",
               "overdue", "days_late", "last_reported_on", "days_since_report"]
    return pd.DataFrame(rows, columns=columns)


ACTIONS = actions([
    ["A1", "CB01", "Chi bộ Văn phòng", 1, 100.0, "hoan_thanh", pd.Timestamp(2026, 6, 30), False, 10,
     pd.Timestamp(2026, 7, 10), 139],
    ["A2", "CB01", "Chi bộ Văn phòng", 2, 50.0, "dang_thuc_hien", pd.Timestamp(2026, 8, 31), True, 87,
     pd.Timestamp(2026, 6, 20), 159],
    ["A4", "CB02", "Chi bộ Hình sự", 2, 0.0, "chua_bat_dau", pd.Timestamp(2026, 12, 31), False, 0, pd.NaT, 86],
    ["A5", "DANG_UY", None, 3, 100.0, "hoan_thanh", pd.Timestamp(2026, 3, 31), False, 0,
     pd.Timestamp(2026, 3, 31), 240],
])
FINDINGS = pd.DataFrame({"rule": ["quota_cells", "meetings_thematic"], "severity": ["error", "warning"],
                         "message": ["Năm 2025: vượt tỷ lệ 20 %.", "Cảnh báo không thuộc danh sách."]})


def make(**changes):
    args = dict(period="2025", board=BOARD, score_history=SCORES, meetings=MEETINGS, members=MEMBERS, cells=3,
                by_solution=BY_SOLUTION, timeline=TIMELINE, actions=ACTIONS, findings=FINDINGS, stale_days=45,
                today=TODAY)
    args.update(changes)
    return summary.figures(**args)


def test_the_exact_sentences():
    assert summary.sentences(make()) == [
        "Năm 2025: Chi bộ Văn phòng dẫn đầu với 92,0 điểm; điểm bình quân 88,5 (tăng 2,5 điểm so với năm 2024).",
        "So với năm 2024, Chi bộ Văn phòng tăng nhiều nhất (+4,0 điểm, lên 1 bậc), "
        "Chi bộ Hình sự giảm nhiều nhất (−4,0 điểm, xuống 1 bậc).",
        "Tiến độ bình quân sáu giải pháp đạt 84 %; chậm nhất là giải pháp 2 “Giải pháp ngắn 2” (25 %).",
        "1 nhiệm vụ quá hạn: A2 của Chi bộ Văn phòng (quá hạn 87 ngày).",
        "2/3 chi bộ sinh hoạt đủ số buổi năm 2025 (chưa đủ: Chi bộ Dân sự).",
        "Còn thiếu dữ liệu: Chi bộ Dân sự (8/10 tiêu chí) chưa đủ điểm năm 2025; "
        "2 nhiệm vụ chưa cập nhật từ 45 ngày trở lên (A2, A4).",
    ]


def test_the_cards_say_the_same_numbers():
    fig = make()
    texts = {name: summary.value_text(fig, name, "vi")
             for name in ("members", "avg_score", "good_or_better", "progress", "overdue", "meetings")}
    assert texts == {"members": "31", "avg_score": "88,5", "good_or_better": "2/3", "progress": "84 %",
                     "overdue": "1", "meetings": "2/3"}
    # Changes: members 31 − 30; score 88,5 − 86,0; good 2 − 3; meetings 2 − 3;
    # progress 84,17 − 78,17 = 6; overdue 1 − 0.
    assert {name: summary.delta_text(fig, name, "vi") for name in texts} == {
        "members": "+1", "avg_score": "+2,5", "good_or_better": "-1", "progress": "+6", "overdue": "+1",
        "meetings": "-1"}
    assert summary.compared_label(fig, "avg_score", "vi") == "năm 2024"
    assert summary.compared_label(fig, "progress", "vi") == "31/10/2026"
    assert fig.progress.series == pytest.approx((78 + 1 / 6, 84 + 1 / 6))


def test_english_alongside():
    assert summary.sentences(make(), "en")[0] == (
        "Year 2025: Chi bộ Văn phòng leads with 92.0 points; the average is 88.5 (up 2.5 on year 2024).")


def test_three_sentences_at_least_when_little_is_known():
    empty_actions = actions([])
    no_solutions = BY_SOLUTION.assign(actions=0, percent=NAN, overdue=0)
    fig = make(board=BOARD.iloc[:0], score_history=SCORES.iloc[:0], meetings=MEETINGS.iloc[:0],
               by_solution=no_solutions, timeline=TIMELINE.iloc[:0], actions=empty_actions,
               findings=FINDINGS.iloc[:0])
    assert summary.sentences(fig) == [
        "Năm 2025: chưa có chi bộ nào đủ điểm để xếp hạng.",
        "Chưa có nhiệm vụ nào thuộc sáu giải pháp trong phạm vi đang xem.",
        "Không có nhiệm vụ nào quá hạn.",
        "Dữ liệu đầy đủ: mọi chi bộ có đủ điểm năm 2025, mọi nhiệm vụ đang thực hiện đều được cập nhật "
        "trong 45 ngày qua.",
    ]
    assert summary.urgent(fig) == []


def test_tied_leaders_and_no_faller():
    tied = board([
        [1, "CB01", "Chi bộ Văn phòng", 90.0, True, 10, 10, "HTXSNV", 88.0, 2, 2.0, 1],
        [1, "CB02", "Chi bộ Hình sự", 90.0, True, 10, 10, "HTXSNV", 89.0, 1, 1.0, 0],
    ])
    fig = make(board=tied)
    lines = summary.sentences(fig)
    assert lines[0].startswith("Năm 2025: Chi bộ Văn phòng và Chi bộ Hình sự cùng dẫn đầu với 90,0 điểm;")
    assert lines[1] == ("So với năm 2024, Chi bộ Văn phòng tăng nhiều nhất (+2,0 điểm, lên 1 bậc); "
                        "không chi bộ nào giảm điểm.")


def test_no_previous_period_means_no_comparison():
    first = BOARD.assign(prev_total=NAN, prev_rank=None, total_change=NAN, rank_change=NAN)
    fig = make(board=first, score_history=SCORES[SCORES["period"] == "2025"])
    lines = summary.sentences(fig)
    assert lines[0] == "Năm 2025: Chi bộ Văn phòng dẫn đầu với 92,0 điểm; điểm bình quân 88,5."
    assert not any(line.startswith("So với") for line in lines)
    assert summary.delta_text(fig, "avg_score", "vi") is None


def test_one_cell_in_view():
    one = BOARD.iloc[[1]].reset_index(drop=True)
    scores = SCORES.assign(avg_score=[89.0, 85.0], cells=1, good_or_better=1)
    fig = make(board=one, score_history=scores)
    lines = summary.sentences(fig)
    assert lines[0] == ("Năm 2025: Chi bộ Hình sự đạt 85,0 điểm (giảm 4,0 điểm so với năm 2024), "
                        "xếp thứ 2 trong Đảng bộ.")
    assert lines[1] == "So với năm 2024, Chi bộ Hình sự xuống 1 bậc."
    assert summary.delta_text(fig, "avg_score", "vi") == "-4,0"   # a leading "-": Streamlit draws it red


def test_a_change_that_rounds_to_zero_is_zero_not_minus_zero():
    scores = SCORES.assign(avg_score=[88.52, 88.5])
    fig = make(score_history=scores)
    assert summary.delta_text(fig, "avg_score", "vi") == 0
    assert "(không đổi so với năm 2024)" in summary.sentences(fig)[0]


def test_urgent_items_most_urgent_first():
    items = summary.urgent(make())
    assert [i.kind for i in items] == ["rule", "overdue", "scores", "stale", "stale"]
    assert [i.text for i in items] == [
        "Năm 2025: vượt tỷ lệ 20 %.",
        "A2 · Chi bộ Văn phòng: quá hạn 87 ngày (hạn 31/08/2026), đạt 50 %.",
        "Chi bộ Dân sự chưa đủ điểm năm 2025: 8/10 tiêu chí.",
        "A2 · Chi bộ Văn phòng: chưa cập nhật 159 ngày (lần cuối 20/06/2026).",
        "A4 · Chi bộ Hình sự: chưa có báo cáo tiến độ sau 86 ngày.",
    ]


def test_limitation_and_projections_join_the_urgent_list_and_the_summary():
    # A2 (overdue) is stuck at 50 %; A4 (due 31/12/2026) moves 0,5 points a day from 40 % on
    # 20/11/2026: 60 points more take 120 days → 20/03/2027, 79 days after its due date.
    projections = pd.DataFrame({
        "action_code": ["A2", "A4"], "branch_code": ["CB01", "CB02"], "solution": [2, 2],
        "due_on": [pd.Timestamp(2026, 8, 31), pd.Timestamp(2026, 12, 31)], "percent": [50.0, 40.0],
        "status": ["dang_thuc_hien"] * 2, "done_on": [pd.NaT] * 2, "reports_used": [3, 3],
        "per_day": [0.0, 0.5], "pace_kind": ["stalled", "moving"],
        "projected_on": [pd.NaT, pd.Timestamp(2027, 3, 20)], "days_late_projected": [None, 79]})
    fig = make(projections=projections, limitation="Chi bộ Hình sự: không có ý kiến phê bình người đứng đầu.",
               limitation_brief="“Tự phê bình và phê bình” ở Chi bộ Hình sự")
    items = summary.urgent(fig)
    assert [i.kind for i in items] == ["rule", "limitation", "overdue", "projection", "scores", "stale", "stale"]
    assert items[2].text == ("A2 · Chi bộ Văn phòng: quá hạn 87 ngày (hạn 31/08/2026), đạt 50 %. "
                             "Không tiến triển: 3 lần báo cáo gần nhất không tăng (đang ở 50 %).")
    assert items[3].text == ("A4 · Chi bộ Hình sự: theo tốc độ hiện nay (15,2 điểm phần trăm mỗi tháng), "
                             "đạt 100 % ngày 20/03/2027: chậm 2,6 tháng so với hạn.")   # 0,5 × 30,44; 79 ÷ 30,44
    assert summary.sentences(fig)[-2] == "Hạn chế cần khắc phục trước tiên: “Tự phê bình và phê bình” ở Chi bộ Hình sự."


def test_the_riser_and_the_faller():
    fig = make()
    assert (fig.riser.branch_code, fig.riser.total_change, fig.riser.rank_change) == ("CB01", 4.0, 1)
    assert (fig.faller.branch_code, fig.faller.total_change, fig.faller.rank_change) == ("CB02", -4.0, -1)
    assert summary.move_text(fig.faller, "vi") == "−4,0 điểm, xuống 1 bậc"


def test_the_riser_is_chosen_by_rank_then_total_and_the_first_on_a_tie():
    ties = board([
        [1, "CB01", "Chi bộ Văn phòng", 92.0, True, 10, 10, "HTXSNV", 90.0, 1, 2.0, 0],      # only the total rose
        [2, "CB02", "Chi bộ Hình sự", 85.0, True, 10, 10, "HTTNV", 82.0, 4, 3.0, 2],        # up 2 places, +3
        [3, "CB03", "Chi bộ Dân sự", 84.0, True, 10, 10, "HTTNV", 75.0, 5, 9.0, 2],         # up 2 places, +9
        [4, "CB04", "Chi bộ Khối Nội chính", 83.0, True, 10, 10, "HTTNV", 80.0, 6, 3.0, 2],  # as CB02
        [5, "CB05", "Chi bộ Tổng hợp", 70.0, True, 10, 10, "HTNV", 75.0, 3, -5.0, -2],
        [6, "CB06", "Chi bộ Kiểm sát", 69.0, True, 10, 10, "HTNV", 74.0, 4, -5.0, -2],      # as CB05
        [None, "CB07", "Chi bộ Thi hành án", 60.0, False, 8, 10, None, 90.0, 2, -30.0, NAN],  # incomplete
    ])
    fig = make(board=ties)
    # Rank first (+2 for CB02, CB03, CB04), then the total (+9): CB03. The faller: −2 places and
    # −5 for CB05 and CB06, the first of them in the board's order; CB07 is not complete.
    assert fig.riser.branch_code == "CB03" and fig.faller.branch_code == "CB05"
    nobody = make(board=ties.assign(total_change=NAN))
    assert nobody.riser is None and nobody.faller is None


def test_the_short_list_shows_one_of_each_kind_first():
    more = pd.concat([ACTIONS, actions([
        ["A6", "CB02", "Chi bộ Hình sự", 4, 10.0, "dang_thuc_hien", pd.Timestamp(2026, 1, 31), True, 299,
         pd.Timestamp(2026, 11, 20), 6]])], ignore_index=True)
    items = summary.urgent(make(actions=more))
    # Two overdue actions (A6 299 days, A2 87 days): the longest comes with the first of each
    # other kind; the second overdue action waits its turn after them.
    assert [(i.kind, i.text.split(" ")[0]) for i in items] == [
        ("rule", "Năm"), ("overdue", "A6"), ("scores", "Chi"), ("stale", "A2"), ("overdue", "A2"), ("stale", "A4")]


def test_every_message_of_these_pages_is_in_both_languages_with_the_same_blanks():
    import string

    from dashboard.messages import overview, solutions

    def blanks(text):
        return {name for _, name, _, _ in string.Formatter().parse(text) if name}

    for key, entry in {**overview.MESSAGES, **solutions.MESSAGES}.items():
        assert entry.get("vi") and entry.get("en"), key
        assert blanks(entry["vi"]) == blanks(entry["en"]), key
