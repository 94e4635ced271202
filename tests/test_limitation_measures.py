"""The limitation measures and findings on hand-made counts (the columns of queries/limitations.sql):
the whole is Σ counts ÷ Σ bases, the change is against the period before, the findings are
ranked by urgency."""

import pandas as pd

from dashboard import limitation_findings, limitations

PERIODS = ["2024", "2025"]
# L3: X1 held 4 meetings in 2024 (2 with self-criticism), 10 in 2025 (9 with); X2 6 then 10,
# with self-criticism in 3 of 2025's and never a head criticised.
L3 = pd.DataFrame({
    "period": ["2024", "2024", "2025", "2025"], "ord": [202400, 202400, 202500, 202500],
    "branch_code": ["X1", "X2", "X1", "X2"], "meetings": [4, 6, 10, 10],
    "criticism_recorded": [4, 6, 10, 10], "with_self_criticism": [2, 6, 9, 3],
    "heads_recorded": [4, 6, 10, 10], "criticism_of_heads": [2, 0, 5, 0]})
EMPTY = pd.DataFrame(columns=["period", "branch_code"])


def frames(**given):
    base = {"l1": EMPTY, "l2": EMPTY, "l3": EMPTY, "l4": EMPTY,
            "uptake": pd.DataFrame(columns=["plan_issued_on", "days_late"]), "not_kept": pd.DataFrame()}
    return {**base, **given}


def test_the_whole_is_the_sum_of_counts_and_each_cell_shows_its_change():
    board = limitations.table(frames(l3=L3), "L3", PERIODS, [("X1", "Một"), ("X2", "Hai")], "Đảng bộ", "vi")
    row = board.set_index("Số đo").loc["Buổi sinh hoạt có tự phê bình và phê bình"]
    # 2025: (9 + 3) / (10 + 10) = 60 %; 2024: (2 + 6) / (4 + 6) = 80 % → ▼ 20 points (an average of
    # shares would say 60 % and 75 %).
    assert (row["Đảng bộ"], row["So với kỳ trước"]) == ("60,0 %", "▼ 20,0")
    assert row["Xu hướng"] == [80.0, 60.0]
    assert (row["Một"], row["Hai"]) == ("90,0 % (▲ 40,0)", "30,0 % (▼ 70,0)")
    heads = board.set_index("Số đo").loc["Ý kiến phê bình người đứng đầu mỗi buổi"]
    assert (heads["Đảng bộ"], heads["So với kỳ trước"]) == ("0,25", "▲ 0,05")   # 5/20 against 2/10


def test_findings_are_ranked_and_the_most_urgent_goes_first():
    uptake = pd.DataFrame({"doc_number": ["57-NQ/TW"], "branch_code": ["X1"], "plan_issued_on": [pd.NaT],
                           "days_late": [12], "due_on": [pd.Timestamp(2025, 12, 19)]})
    found = limitation_findings.findings(frames(l3=L3, uptake=uptake), "2025", {"X1": "Một", "X2": "Hai"}.get,
                                         "vi", 30)
    assert [(f.code, f.rank, f.unit) for f in found] == [("L1", 0, "Một"), ("L3", 1, "Hai"), ("L3", 3, "Hai")]
    assert found[0].text == "Một chưa ban hành kế hoạch thực hiện 57-NQ/TW, đã quá hạn 12 ngày (hạn 19/12/2025)."
    assert found[1].text == ("Hai: không có ý kiến phê bình người đứng đầu nào trong 16 buổi sinh hoạt "
                             "từ năm 2022 đến năm 2025.")    # 6 + 10 recorded; 2022 and 2023 had none
    assert limitation_findings.most_urgent(found) is found[0]
    assert limitation_findings.brief(found[1], "Tự phê bình và phê bình", "vi") == "“Tự phê bình và phê bình” ở Hai"
    assert limitation_findings.window("2026-Q1") == ["2025-Q2", "2025-Q3", "2025-Q4", "2026-Q1"]


def test_a_mean_skips_cells_without_a_value_and_a_count_adds_up():
    # A2 as a share of its maximum: X1 6/8 in 2025, X2 not scored → the mean of the known, 75 %;
    # 2024: 4/8 and 8/8 → 75 % too. Disciplined: 1 + 2 = 3 in 2025, 0 in 2024.
    l4 = pd.DataFrame({"period": ["2024", "2024", "2025", "2025"], "branch_code": ["X1", "X2", "X1", "X2"],
                       "members": [10, 10, 10, 10], "committed": [10, 10, 10, 10], "kept": [0, 0, 0, 0],
                       "judged": [0, 0, 0, 0], "post_kept": [0, 0, 0, 0], "post_judged": [0, 0, 0, 0],
                       "a2_share": [0.5, 1.0, 0.75, None], "disciplined": [0, 0, 1, 2]})
    board = limitations.table(frames(l4=l4), "L4", PERIODS, [("X1", "Một"), ("X2", "Hai")], "Đảng bộ", "vi")
    a2 = board.set_index("Số đo").loc["Tiêu chí A2 (đạo đức, lối sống, nêu gương), tỷ lệ điểm"]
    assert (a2["Đảng bộ"], a2["So với kỳ trước"], a2["Một"], a2["Hai"]) == ("75,0 %", "= 0,0", "75,0 % (▲ 25,0)", "—")
    disciplined = board.set_index("Số đo").loc["Đảng viên bị kỷ luật trong năm"]
    assert (disciplined["Đảng bộ"], disciplined["Một"], disciplined["Hai"]) == ("3", "1 (▲ 1)", "2 (▲ 2)")
