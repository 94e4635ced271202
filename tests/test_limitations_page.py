"""Hạn chế và khắc phục through AppTest on the sample database ("today" pinned to 26/11/2026).

The sample's trouble (dashboard/sample/limitations.py): CB04 (Chi bộ Khối Dân sự – Hành chính)
issues its plans 45–75 days after receipt, due in 30; CB02's (Khối Hình sự) committee meets only
in the last month of each quarter; CB03 (Khối Kiểm sát tư pháp) never criticises its head;
DV029 (Phó Bí thư, CB03) and DV044 (CB04) did not keep their 2025 commitment.
"""

from tests.apptest import assert_equals_page, button, downloaded, keep_deferred, open_page, sheet_table, texts
from tests.test_access import sign_in, users  # noqa: F401 (users is a fixture)
from tests.test_overview_pages import today  # noqa: F401 (today is a fixture)

CB02, CB03, CB04 = "Chi bộ Khối Hình sự", "Chi bộ Khối Kiểm sát tư pháp", "Chi bộ Khối Dân sự – Hành chính"


def blocks(at):
    """The four measure tables, indexed by measure."""
    return [d.value.set_index("Số đo") for d in at.dataframe if "Số đo" in d.value.columns]


def test_the_page_shows_each_limitation_in_its_published_words_with_its_measures(sample_db, today):
    at = open_page("pages/han_che.py", {"ky": "2025"})
    assert not at.exception, [e.value for e in at.exception]
    shown = texts(at)
    assert [s.value for s in at.subheader] == ["1. Chậm cụ thể hóa nghị quyết", "2. Năng lực lãnh đạo của cấp ủy chi bộ",
                                                "3. Tự phê bình và phê bình", "4. Tính nêu gương"]
    assert "> Tính nêu gương của một số đảng viên chưa thực sự phát huy." in shown
    l1, l2, l3, l4 = blocks(at)
    # L1, 2025: one resolution due (M07, received 22/05, due 21/06); CB04 planned it 45+ days later.
    assert l1.loc["Kế hoạch ban hành đúng hạn", CB04].startswith("0,0 %")
    assert l1.loc["Kế hoạch ban hành đúng hạn", "Đảng ủy"].startswith("100,0 %")
    assert l1.loc["Kế hoạch cụ thể hóa cho đơn vị", CB04] == "0,0 % (▼ 100,0)"   # M07 not made concrete
    # L2: CB02's committee met 4 times in 12 months; the others monthly.
    assert l2.loc["Số buổi họp chi ủy mỗi tháng", CB02].startswith("0,33")
    assert l2.loc["Số buổi họp chi ủy mỗi tháng", CB03].startswith("1,00")
    # L3: CB03 never criticises its head.
    assert l3.loc["Ý kiến phê bình người đứng đầu mỗi buổi", CB03] == "0,00 (= 0,00)"
    # L4: 1 of CB03's 3 post holders (DV029) did not keep the 2025 commitment; all of 2024 did.
    assert l4.loc["Người giữ chức vụ thực hiện đạt cam kết", CB03] == "66,7 % (▼ 33,3)"
    assert len(l1.loc["Kế hoạch ban hành đúng hạn", "Xu hướng"]) == 4
    assert f"Chi ủy {CB02} họp 4 lần trong 12 tháng của năm 2025, ít hơn mỗi tháng một lần." in shown
    assert f"{CB03}: không có ý kiến phê bình người đứng đầu nào trong" in shown
    assert (f"2 đảng viên chưa đạt cam kết nêu gương năm 2025, trong đó 1 người giữ chức vụ: DV029 (Phó Bí thư, "
            f"{CB03}); DV044 (Đảng viên, {CB04}).") in shown
    assert "Tiêu chí liên quan: A1 (Giáo dục chính trị tư tưởng, học tập nghị quyết); B6" in shown
    # The late plans, longest first: CB04's plan for M02 (due 03/06/2022, issued 14/07/2022, 41 days).
    late = next(d.value for d in at.dataframe if "Số ngày chậm" in d.value.columns)
    assert late.iloc[0][["Nghị quyết", "Chi bộ", "Hạn kế hoạch", "Ban hành kế hoạch", "Số ngày chậm"]].tolist() == [
        "M02-CT/TW", CB04, "03/06/2022", "14/07/2022", "41"]
    assert list(late["Số ngày chậm"].astype(int)) == sorted(late["Số ngày chậm"].astype(int), reverse=True)


def test_results_not_yet_known_are_not_counted_as_broken_promises(sample_db, today):
    # 2026's commitments are judged at the year's review: no result yet, so no share, not 0 %.
    at = open_page("pages/han_che.py", {"ky": "2026-Q3"})
    l4 = blocks(at)[3]
    assert l4.loc["Thực hiện đạt cam kết (trong số đã đánh giá)", "Đảng bộ"] == "—"
    assert l4.loc["Thực hiện đạt cam kết (trong số đã đánh giá)", "So với kỳ trước"] == "—"


def test_a_scoped_user_sees_only_his_cell(sample_db, users, today):  # noqa: F811
    at = sign_in(open_page("pages/han_che.py", {"ky": "2025"}), "thuky")
    at.switch_page("pages/han_che.py").run()
    assert not at.exception, [e.value for e in at.exception]
    for table in blocks(at):
        assert set(table.columns) == {"Các chi bộ đang xem", "So với kỳ trước", "Xu hướng", CB02}
    shown = texts(at)
    assert CB03 not in shown and CB04 not in shown and "DV029" not in shown


def test_every_table_downloads_as_shown_and_the_report_button_is_there(sample_db, today, monkeypatch):  # noqa: F811
    kept = keep_deferred(monkeypatch)
    at = open_page("pages/han_che.py", {"ky": "2025"})
    assert not at.exception, [e.value for e in at.exception]
    keys = {b.key for b in at.get("download_button")}
    assert {f"lim_board_L{n}_{ext}" for n in range(1, 5) for ext in ("xlsx", "csv")} <= keys
    assert {"lim_late_xlsx", "lim_late_csv", "lim_uptake_xlsx", "lim_uptake_csv"} <= keys
    assert "report_make" in {b.key for b in at.button}
    # The late plans: the workbook's table is the page's, cell by cell.
    name, raw = downloaded(kept, button(at, "lim_late_xlsx"))
    assert name == "ke-hoach-cham-han-2025-ngay-26-11-2026.xlsx"
    late = next(d.value for d in at.dataframe if "Số ngày chậm" in d.value.columns)
    assert assert_equals_page(raw, late)[0] == "Kế hoạch chậm hạn (chậm nhất trước)"
    # Limitation 1's measures: every cell as shown, the trend line as its values, oldest first.
    name, raw = downloaded(kept, button(at, "lim_board_L1_xlsx"))
    assert name == "han-che-1-2025-ngay-26-11-2026.xlsx"
    board = next(d.value for d in at.dataframe if "Số đo" in d.value.columns)
    above, header, body, _ = sheet_table(raw)
    assert above[0] == "1. Chậm cụ thể hóa nghị quyết" and header == list(board.columns)
    trend = header.index("Xu hướng")
    for row, (_, shown) in zip(body, board.iterrows(), strict=True):
        assert [v for i, (v, _) in enumerate(row) if i != trend] == [
            None if t == "" else t for i, t in enumerate(shown) if i != trend]
        assert row[trend][0] == " → ".join("—" if v is None else f"{v:.1f}".replace(".", ",")
                                           for v in shown["Xu hướng"])


def test_a_scoped_users_files_hold_only_his_cell(sample_db, users, today, monkeypatch):  # noqa: F811
    kept = keep_deferred(monkeypatch)
    at = sign_in(open_page("pages/han_che.py", {"ky": "2025"}), "thuky")
    at.switch_page("pages/han_che.py").run()
    _, raw = downloaded(kept, button(at, "lim_board_L2_xlsx"))
    _, header, _, _ = sheet_table(raw)
    assert set(header) == {"Số đo", "Các chi bộ đang xem", "So với kỳ trước", "Xu hướng", CB02}


def test_past_the_column_limit_a_table_shows_the_first_cells_and_says_so(sample_db, today, monkeypatch):
    from dashboard import limitations

    monkeypatch.setattr(limitations, "MAX_UNIT_COLUMNS", 2)
    at = open_page("pages/han_che.py", {"ky": "2025"})
    assert not at.exception, [e.value for e in at.exception]
    l2 = blocks(at)[1]
    # Two cell columns of the four (the Đảng bộ's own column is "Đảng bộ", not a "Chi bộ …").
    assert len([c for c in l2.columns if c.startswith("Chi bộ")]) == 2
    assert texts(at).count("Bảng hiện 2 chi bộ đầu tiên trong 4 chi bộ; chọn chi bộ ở bộ lọc để xem các chi bộ khác.") == 4


def test_every_cell_chosen_by_hand_is_the_cells_shown_not_the_dang_bo_even_after_the_default_view(sample_db, today):
    """The measure tables' first column is "Đảng bộ" when no cell is chosen and "Các chi bộ đang
    xem" when cells are, even all four: the page's kept view tells the two apart (they were one
    entry, so whichever was made first was shown to both)."""
    from dashboard import i18n

    whole, shown = i18n.t("lim.whole", "vi"), i18n.t("lim.shown", "vi")
    default = open_page("pages/han_che.py", {"ky": "2025"})
    assert whole in blocks(default)[0].columns and shown not in blocks(default)[0].columns
    # every cell, in the order of the list (the names the Vietnamese way), as the default view has them
    chosen = open_page("pages/han_che.py", {"ky": "2025", "chi_bo": "CB04,CB02,CB03,CB01"})
    assert not chosen.exception, [e.value for e in chosen.exception]
    assert shown in blocks(chosen)[0].columns and whole not in blocks(chosen)[0].columns
