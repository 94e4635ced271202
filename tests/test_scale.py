"""What keeps the pages usable at province and sector scale (issue 12): charts drawn for 2,000
cells stay within Altair's 5,000 rows and say what they leave out; lookups are built once per
rerun, not once per row; the overview writes only the urgent items it shows; the rules cite
each source once."""

import datetime as dt
import functools

import pandas as pd
import pytest

from dashboard import auth, charts, queries, rules, store, summary
from dashboard.ui.context import PageContext

CELLS = 2000
NAMES = [f"Chi bộ số {i:04d}" for i in range(1, CELLS + 1)]
CODES = [f"C{i:04d}" for i in range(1, CELLS + 1)]


def spec_rows(spec: dict) -> int:
    """Rows of data inline in a Vega-Lite spec (Altair puts them under "datasets")."""
    inline = (spec.get("data") or {}).get("values") or []
    return len(inline) + sum(len(rows) for rows in (spec.get("datasets") or {}).values())


def drawn_names(spec: dict) -> set[str]:
    return {row.get("branch_name") for rows in spec["datasets"].values() for row in rows}


def note_of(spec: dict) -> str:
    title = spec.get("title") or {}
    text = title.get("subtitle") or title.get("text") or ""
    return " ".join(text) if isinstance(text, list) else text


# criteria × cells: 12 criteria for 2,000 cells is 24,000 rows in
HEAT = pd.DataFrame({
    "branch_name": [n for n in NAMES for _ in range(12)],
    "criterion_code": [f"A{k}" for _ in NAMES for k in range(12)],
    "criterion_name": ["Tiêu chí"] * (12 * CELLS), "share": [0.8] * (12 * CELLS),
    "score": [4.0] * (12 * CELLS), "max_points": [5] * (12 * CELLS)})
CALENDAR = pd.DataFrame({
    "branch_name": [n for n in NAMES for _ in range(12)], "month": list(range(1, 13)) * CELLS,
    "regular": [1] * (12 * CELLS), "thematic": [0] * (12 * CELLS), "month_over": [True] * (12 * CELLS)})
MATRIX = pd.DataFrame({
    "branch_name": [n for n in NAMES for _ in range(6)], "branch_code": [c for c in CODES for _ in range(6)],
    "solution": list(range(1, 7)) * CELLS, "percent": [50.0] * (6 * CELLS), "overdue": [0] * (6 * CELLS),
    "actions": [3] * (6 * CELLS)})
ON_TIME = pd.DataFrame({"branch_name": NAMES, "on_time_share": [0.5] * CELLS, "on_time": [1] * CELLS,
                        "actions": [2] * CELLS, "days_late_total": [3] * CELLS})
BOARD = pd.DataFrame({"branch_name": NAMES, "branch_code": CODES, "computed_level": ["HTTNV"] * CELLS,
                      "total_score": [75.0] * CELLS})
HISTORY = pd.DataFrame({
    "branch_name": [n for n in NAMES for _ in range(10)], "period": [str(y) for _ in NAMES for y in range(2016, 2026)],
    "ord": [y * 100 for _ in NAMES for y in range(2016, 2026)], "total_score": [80.0] * (10 * CELLS),
    "rank": [1] * (10 * CELLS)})
MEMBER_LEVELS = pd.DataFrame({
    "branch_name": [n for n in NAMES for _ in range(20)],
    "year": [y for _ in NAMES for y in range(2021, 2026) for _ in range(4)],
    "level": ["HTXSNV", "HTTNV", "HTNV", "KHTNV"] * (5 * CELLS), "members": [3] * (20 * CELLS),
    "ordinal": [1, 2, 3, 4] * (5 * CELLS)})
LEVELS = pd.DataFrame({"code": ["HTTNV"], "short_vi": ["Tốt"], "short_en": ["Good"]})


@pytest.mark.parametrize("build, first_rows", [
    # 40 cells down the side: 40 × 12 months or criteria; 15 units across the matrix: 15 × 6
    (lambda: charts.criteria_heat(HEAT, "vi"), 40 * 12),
    (lambda: charts.calendar(CALENDAR, "vi"), 40 * 12),
    (lambda: charts.matrix(MATRIX, "vi", {n: f"GP{n}" for n in range(1, 7)}, "pick"), 15 * 6),
    (lambda: charts.on_time(ON_TIME, "vi"), 40),
    (lambda: charts.totals_bar(BOARD, LEVELS, "vi", (50, 70, 90), "pick"), 40 + 3),   # and the 3 band lines
    (lambda: charts.ranking_bars(BOARD, {"HTTNV": "Tốt"}, "vi", 190, "Xếp hạng"), 10),
    # 10 lines over 10 years; 5 small charts of 5 years × 4 levels
    (lambda: charts.history_lines(HISTORY, "vi", {}), 10 * 10),
    (lambda: charts.member_levels(MEMBER_LEVELS, "vi", {"HTXSNV": "Xuất sắc", "HTTNV": "Tốt", "HTNV": "Hoàn thành",
                                                        "KHTNV": "Không hoàn thành"}), 5 * 20),
], ids=["criteria_heat", "calendar", "matrix", "on_time", "totals_bar", "ranking_bars", "history", "member_levels"])
def test_a_chart_of_2000_cells_draws_the_first_and_says_so(build, first_rows):
    spec = charts.spec(build())
    assert spec_rows(spec) == first_rows
    assert "Chi bộ số 0001" in drawn_names(spec) and "Chi bộ số 2000" not in drawn_names(spec)
    assert "trong 2.000 chi bộ" in note_of(spec)


def test_a_chart_within_the_limit_draws_every_cell_and_no_note():
    spec = charts.spec(charts.calendar(CALENDAR[CALENDAR["branch_name"].isin(NAMES[:40])], "vi"))
    assert spec_rows(spec) == 480
    assert note_of(spec) == ""


def context(frames: dict[str, pd.DataFrame], calls: list[str]) -> PageContext:
    ctx = PageContext(page="ranking", lang="vi", user=auth.LOCAL_USER, version=1, is_sample=False,
                      cell_options=pd.DataFrame({"branch_code": CODES, "branch_name": NAMES}))
    ctx.query = lambda name, **params: calls.append(name) or frames[name]
    return ctx


def test_labels_and_names_are_looked_up_once_per_rerun_not_once_per_row():
    calls: list[str] = []
    enum_labels = pd.DataFrame({"domain": ["level", "level", "action_status"], "code": ["HTXSNV", "HTTNV", "x"],
                                "name_vi": ["Hoàn thành xuất sắc nhiệm vụ", "Hoàn thành tốt nhiệm vụ", "X"],
                                "short_vi": ["Xuất sắc", "Tốt", "X"], "name_en": ["a", "b", "c"],
                                "short_en": ["a", "b", "c"]})
    sources = pd.DataFrame({"source": ["QD366"], "citation_vi": ["Quy định 366-QĐ/TW"], "citation_en": ["366"]})
    ctx = context({"reference.enum_labels": enum_labels, "reference.sources": sources}, calls)
    words = [ctx.label("level", code, short=True) for code in ["HTXSNV", "HTTNV", "KHTNV"] * 1000]
    assert words[:3] == ["Xuất sắc", "Tốt", "KHTNV"]
    assert [ctx.cell_name(c) for c in CODES[-2:]] == ["Chi bộ số 1999", "Chi bộ số 2000"]
    assert [ctx.citation(s) for s in ["QD366", "QD9"] * 500][:2] == ["Quy định 366-QĐ/TW", "QD9"]
    assert calls == ["reference.enum_labels", "reference.sources"]


def test_the_overview_writes_only_the_urgent_items_it_shows(monkeypatch):
    import sys

    urgent_module = sys.modules["dashboard.summary.urgent"]

    overdue = pd.DataFrame({"action_code": [f"A{i}" for i in range(5000)], "branch_name": ["Chi bộ A"] * 5000,
                            "days_late": [10] * 5000, "due_on": [pd.Timestamp(2026, 1, 31)] * 5000,
                            "percent": [50.0] * 5000})
    fig = summary.Figures.__new__(summary.Figures)
    fig.__dict__.update(period="2025", errors=pd.DataFrame(), overdue_actions=overdue, incomplete=pd.DataFrame(),
                        stale_actions=pd.DataFrame(), limitation=None, projected_late=pd.DataFrame(),
                        projections=pd.DataFrame({"action_code": overdue["action_code"], "pace_kind": "too_few"})
                        .set_index("action_code", drop=False))
    written = []
    real_t = urgent_module.i18n.t
    monkeypatch.setattr(urgent_module.i18n, "t", lambda *a, **k: written.append(a[0]) or real_t(*a, **k))
    items = summary.urgent(fig, "vi", limit=3)
    assert [i.text.split(" ")[0] for i in items] == ["A0", "A1", "A2"]
    assert summary.urgent_count(fig) == 5000
    assert len([key for key in written if key.startswith("overview.urgent")]) == 3
    # Where each one's pace leads is worded for those three only, not for the 5.000.
    assert [key for key in written if key.startswith("projection.")] == ["projection.too_few"] * 3
    assert items[0].text.endswith(real_t("projection.too_few", "vi"))


def test_rules_cite_each_source_once_not_once_per_finding(sample_db, monkeypatch):
    cited = []
    real = rules.citation
    monkeypatch.setattr(rules, "citation", lambda rule, source, *a: cited.append((rule.code, source)) or real(
        rule, source, *a))
    run = functools.partial(queries.run, cur=store.cursor(sample_db))
    found = rules.collect(run, ["CB01", "CB02", "CB03", "CB04"], dt.date(2026, 11, 26), quota=rules.QuotaSettings())
    assert len(found) > len(cited)
    assert len(cited) == len(set(cited))


def _paged_table_script():
    import pandas as pd
    import streamlit as st

    from dashboard import auth, ui
    from dashboard.ui.context import PageContext

    ctx = PageContext(page="solutions", lang="vi", user=auth.LOCAL_USER, version=1, is_sample=False,
                      cell_options=pd.DataFrame({"branch_code": [], "branch_name": []}))
    st.dataframe(ui.page_of(ctx, pd.DataFrame({"n": range(2500)}), "big"))
    st.dataframe(ui.page_of(ctx, pd.DataFrame({"n": range(1000)}), "small"))


def test_a_long_table_is_sent_a_page_at_a_time():
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_function(_paged_table_script, default_timeout=30).run()
    big, small = at.dataframe
    assert (len(big.value), big.value["n"].iloc[0]) == (1000, 0)
    assert len(small.value) == 1000 and len(at.number_input) == 1
    assert at.caption[0].value == "Dòng 1–1.000 trong 2.500 dòng."
    at.number_input(key="big_page").set_value(3).run()
    assert (len(at.dataframe[0].value), at.dataframe[0].value["n"].iloc[0]) == (500, 2000)
    assert at.caption[0].value == "Dòng 2.001–2.500 trong 2.500 dòng."


def test_the_command_line_prints_the_first_50_problems_and_a_count():
    from dashboard import cli
    from dashboard.ingest import Problem

    problems = ([Problem("error", "file.no_tables", params={"file": "a.csv"})] * 2
                + [Problem("warning", "file.no_tables", params={"file": "b.csv"})] * 898)
    lines = cli.problem_lines(problems, "vi")
    assert len(lines) == 51
    assert lines[0].startswith("[Lỗi] ") and lines[49].startswith("[Cảnh báo] ")
    assert lines[50] == "… và 850 vấn đề khác (0 lỗi); xem đủ bằng --json."


def test_a_query_stops_when_its_session_has_gone(tmp_path):
    import time

    import duckdb

    from dashboard.ui import cancel

    cur = duckdb.connect(str(tmp_path / "x.duckdb")).cursor()
    started = time.perf_counter()
    with pytest.raises(duckdb.InterruptException), cancel.watch(cur, alive=lambda: False):
        # minutes of work on two cores, unless interrupted
        cur.execute("SELECT sum(a.i * b.i) FROM range(100000000) a(i), range(1000) b(i)").fetchall()
    assert time.perf_counter() - started < 5 * cancel.CHECK_SECONDS + 5


def test_a_query_of_a_live_session_is_left_alone(tmp_path):
    import duckdb

    from dashboard.ui import cancel

    cur = duckdb.connect(str(tmp_path / "x.duckdb")).cursor()
    with cancel.watch(cur, alive=lambda: True):
        assert cur.execute("SELECT count(*) FROM range(30000000)").fetchall() == [(30000000,)]


def test_readers_share_one_kept_frame_and_no_reader_s_change_reaches_another(sample_db):
    cells = queries.run("reference.branch_options", cur=store.cursor(sample_db), branches=None)
    ctx = PageContext(page="ranking", lang="vi", user=auth.LOCAL_USER, version=1, is_sample=True,
                      cell_options=cells)
    runs = queries.stats["runs"]
    first = ctx.query("rankings.leaderboard", period="2025", compare="previous")
    expected = first.copy(deep=True)
    first["total_score"] = -1.0                 # a page writing into what it was given
    first.loc[0, "branch_name"] = "đổi"
    first["extra"] = 1
    second = ctx.query("rankings.leaderboard", period="2025", compare="previous")
    assert queries.stats["runs"] - runs == 1    # read once, kept
    pd.testing.assert_frame_equal(second, expected)
    assert "extra" not in second.columns and (second["total_score"] >= 0).all()


def test_after_a_commit_the_reads_readers_made_are_computed_before_anyone_asks(sample_db):
    import dataclasses

    from dashboard.ui import warm

    warm.forget()
    cells = queries.run("reference.branch_options", cur=store.cursor(sample_db), branches=None)
    ctx = PageContext(page="ranking", lang="vi", user=auth.LOCAL_USER, version=1, is_sample=True,
                      cell_options=cells)
    ctx.query("rankings.leaderboard", period="2025", compare="previous")
    ctx.findings(years={2025})
    # the leaderboard, and the findings (which read 15 queries of their own through ctx.query)
    assert warm.warm(sample_db, version=2) >= 2
    runs = queries.stats["runs"]
    later = dataclasses.replace(ctx, version=2, _memo={})
    board = later.query("rankings.leaderboard", period="2025", compare="previous")
    later.findings(years={2025})
    assert queries.stats["runs"] == runs
    assert len(board) == 4


def test_pages_skip_the_schema_check_of_a_chart_and_get_the_same_spec():
    chart = charts.calendar(CALENDAR.head(48), "vi")
    assert charts.spec(chart, validate=False) == charts.spec(chart)


@pytest.mark.page
def test_a_rerun_runs_no_query_and_the_view_after_a_commit_shows_the_new_data(sample_db):
    from dashboard import ingest
    from tests.apptest import open_page
    from tests.workbooks import scores, xlsx_bytes

    at = open_page("pages/xep_hang.py", {"chi_bo": "CB01", "ky": "2025"})
    runs, statements = queries.stats["runs"], queries.stats["statements"]
    at.run()
    assert queries.stats["runs"] == runs                # no page query
    assert queries.stats["statements"] - statements == 1   # but the data version (store.data_version)
    # CB01's 2025 scores at half of each maximum: 4 + 4 + 3,5 + 3,5 + 12,5 + 7,5 + 4 + 3 + 5 + 3 = 50,0
    batch = ingest.prepare([("diem.xlsx", xlsx_bytes({"diem_danh_gia": scores("2025", "CB01", 0.5)}))],
                           store.cursor(sample_db), today=dt.date(2026, 11, 26))
    assert batch.ok, [p.message() for p in batch.problems]
    ingest.commit(batch, who="kiểm thử", source="cli", path=sample_db)
    at.run()
    assert list(at.dataframe[0].value["Tổng điểm"]) == ["50,0"]


def test_a_chart_is_kept_with_its_data_as_arrow_and_its_files_read_the_same_rows():
    """Cached chart specs hold their datasets as Arrow bytes (Streamlit sends bytes as they are
    instead of converting rows on every draw); the PNG/SVG renderer reads back the very rows."""
    import altair as alt

    frame = pd.DataFrame({"branch_name": ["Chi bộ 1", "Chi bộ 2", None], "share": [0.5, None, 0.75],
                          "month": pd.to_datetime(["2025-01-31", "2025-02-28", "2025-03-31"]), "n": [1, 2, 3]})
    plain = charts.spec(alt.Chart(frame).mark_bar().encode(x="branch_name:N", y="share:Q"))
    kept = charts.with_arrow_datasets(plain)
    assert all(isinstance(v, bytes) for v in kept["datasets"].values())
    assert all(isinstance(v, list) for v in plain["datasets"].values())       # the input is left alone
    rows = charts.with_row_datasets(kept)["datasets"]
    assert list(rows.values()) == [[
        {"branch_name": "Chi bộ 1", "share": 0.5, "month": "2025-01-31T00:00:00", "n": 1},
        {"branch_name": "Chi bộ 2", "share": None, "month": "2025-02-28T00:00:00", "n": 2},
        {"branch_name": None, "share": 0.75, "month": "2025-03-31T00:00:00", "n": 3}]]


def _altair_rows(frame: pd.DataFrame) -> list[dict]:
    """What Altair itself puts in a spec for a frame: its sanitised rows (the independent method)."""
    import altair as alt

    chart = alt.Chart(frame).mark_point()
    return list(chart.to_dict(validate=False)["datasets"].values())[0]


KINDS = pd.DataFrame({
    "text": pd.array(["Chi bộ 1", None, "Đảng ủy"], dtype="str"),
    "share": [0.5, float("nan"), float("inf")],
    "whole": [1, 2, 3],
    "maybe": pd.array([1, None, 3], dtype="Int64"),
    "flag": [True, False, True],
    "day": pd.to_datetime(["2025-01-31", None, "2025-03-31"]),
    "obj": pd.Series(["a", "b", "c"], dtype=object),
})


def test_a_chart_s_frame_goes_to_arrow_with_the_values_altair_would_have_written():
    import pyarrow as pa

    from dashboard.charts import common

    table = common.arrow_table(KINDS)
    assert table.to_pylist() == _altair_rows(KINDS)
    # and typed as Arrow types the rows would have been (no float where Altair wrote an int)
    assert table.schema == pa.Table.from_pylist(_altair_rows(KINDS)).schema
    assert table.to_pylist()[1] == {"text": None, "share": None, "whole": 2, "maybe": None, "flag": False,
                                    "day": "", "obj": "b"}
    # Other kinds pages' frames hold: narrower numbers, nullable flags and floats, categories,
    # dates with a time of day, a fraction of a second or a time zone.
    more = pd.DataFrame({
        "n32": pd.array([1, 2, 3], dtype="int32"), "f32": pd.array([0.5, float("nan"), 2], dtype="float32"),
        "maybe_flag": pd.array([True, None, False], dtype="boolean"),
        "maybe_share": pd.array([0.25, None, 1.5], dtype="Float64"),
        "level": pd.Categorical(["HTXSNV", None, "HTNV"]),
        "at": pd.to_datetime(["2025-01-31 08:30:05", None, "2025-03-31 00:00:00"]),
        "fine": pd.to_datetime(["2025-01-31 08:30:05.250", "2025-02-01 00:00:00.000", None]),
        "zoned": pd.to_datetime(["2025-01-31 08:30", "2025-02-01 00:00", "2025-02-02 00:00"]).tz_localize("Asia/Ho_Chi_Minh"),
    })
    assert common.arrow_table(more).to_pylist() == _altair_rows(more)
    # A missing value in a column of Python objects is null (Altair on pandas 3 leaves NaN there,
    # which JSON cannot carry; Arrow could not type the column and Streamlit wrote "nan").
    assert common.arrow_table(pd.DataFrame({"obj": pd.Series(["a", None], dtype=object)})).to_pylist() == \
        [{"obj": "a"}, {"obj": None}]


def test_a_kept_chart_names_each_frame_once_and_reads_back_altair_s_rows():
    import altair as alt

    bands = pd.DataFrame({"band": [50, 70]})
    layer = alt.layer(alt.Chart().mark_bar().encode(x="share:Q"),
                      alt.Chart(bands).mark_rule().encode(x="band:Q"), data=KINDS)
    chart = alt.vconcat(layer, alt.Chart(KINDS).mark_point().encode(x="whole:Q"))
    kept = charts.kept_spec(chart)
    assert all(isinstance(v, bytes) for v in kept["datasets"].values())
    assert len(kept["datasets"]) == 2           # the same frame in two panels is one dataset
    rows = charts.with_row_datasets(kept)["datasets"]
    assert sorted(map(len, rows.values())) == [2, 3]
    assert _altair_rows(KINDS) in rows.values() and _altair_rows(bands) in rows.values()
    # both panels draw the same frame: Altair lifts it to the top, as it does with the frame itself
    assert rows[kept["data"]["name"]] == _altair_rows(KINDS)
    assert rows[kept["vconcat"][0]["layer"][1]["data"]["name"]] == _altair_rows(bands)


def test_a_frame_arrow_cannot_type_column_by_column_goes_altair_s_way():
    from dashboard.charts import common

    mixed = pd.DataFrame({"v": pd.Series([1, "một"], dtype=object)})
    assert common.arrow_table(mixed) is None
    assert charts.with_row_datasets({"datasets": {"d": common.frame_arrow_bytes(mixed)}})["datasets"]["d"] == \
        [{"v": "1"}, {"v": "một"}]


def test_rows_arrow_cannot_type_go_through_streamlit_s_own_conversion():
    mixed = {"datasets": {"d": [{"v": 1}, {"v": "một"}]}}     # an int and a text in one column
    assert charts.with_row_datasets(charts.with_arrow_datasets(mixed))["datasets"]["d"] == [{"v": "1"}, {"v": "một"}]


def test_a_list_of_cells_goes_into_the_cache_key_as_one_string_and_comes_back_whole():
    from dashboard.ui import context as ui_context

    cells = [f"CB{i:04d}" for i in range(2000)]
    frozen = ui_context._frozen(cells)
    assert isinstance(frozen, ui_context._Codes) and ui_context._thawed(frozen) == cells
    assert frozen != ui_context._frozen(cells[:-1]) and hash(frozen) == hash(ui_context._frozen(list(cells)))
    assert ui_context._thawed(ui_context._frozen([])) == []
    assert ui_context._frozen([2025, 2024]) == (2025, 2024) and ui_context._thawed((2025, 2024)) == [2025, 2024]
    assert ui_context._frozen("2025") == "2025" and ui_context._thawed("2025") == "2025"


_PAGE_KEEPING_A_FUNCTION = """
import weakref

import streamlit as st

from dashboard.ui import page


class Held:
    pass


held = Held()


def uses_held():      # a function in the page: its globals now form a reference cycle
    return held


page._release_last_run(globals())
st.session_state.setdefault("held", []).append(weakref.ref(held))
"""


def test_a_page_run_s_globals_are_freed_when_the_next_run_starts(monkeypatch):
    """With the garbage collector off (as it mostly is for a big process between full
    collections), the first run's objects outlive it unless its globals are emptied."""
    import gc

    from streamlit.testing.v1 import AppTest

    from dashboard.ui import page

    monkeypatch.setattr(page, "_collect_if_grown", lambda new_session=False: None)
    gc.collect()
    gc.disable()
    try:
        at = AppTest.from_string(_PAGE_KEEPING_A_FUNCTION)
        at.run()
        assert at.session_state["held"][0]() is not None
        at.run()
        held = at.session_state["held"]
        assert len(held) == 2
        assert held[0]() is None, "the first run's globals outlived it"
        assert held[1]() is not None, "the current run's globals were emptied"
    finally:
        gc.enable()


def test_what_a_gone_session_left_is_collected_before_a_new_session_s_first_view(monkeypatch):
    """A session that has gone (a closed tab) leaves its last run's globals in a reference cycle
    that nothing empties; a new session's first view collects it, though the process has not
    grown (the size test alone left up to three views' worth at sector scale)."""
    import gc

    from streamlit.testing.v1 import AppTest

    from dashboard.ui import page

    monkeypatch.setattr(page, "_since", {"rss": page._rss()})    # not the process's first page
    monkeypatch.setattr(page, "_GROWTH", 1 << 50)                 # and no growth ever calls for one
    monkeypatch.setattr(page.gc, "freeze", lambda: None)
    gc.collect()
    gc.disable()
    try:
        gone = AppTest.from_string(_PAGE_KEEPING_A_FUNCTION)
        gone.run()
        held = gone.session_state["held"][0]
        del gone                           # the tab is closed: its last run's globals are a cycle
        assert held() is not None          # (with the collector off, they are still there)
        AppTest.from_string(_PAGE_KEEPING_A_FUNCTION).run()
        assert held() is None, "a gone session's last run outlived the next session's first view"
    finally:
        gc.enable()


def test_a_rerun_collects_nothing_unless_the_process_has_grown(monkeypatch):
    from dashboard.ui import page

    collected = []
    monkeypatch.setattr(page, "_rss", lambda: 600 * 1024 * 1024)
    monkeypatch.setattr(page.gc, "collect", lambda: collected.append(1))
    monkeypatch.setattr(page, "_since", {"rss": 590 * 1024 * 1024})
    page._collect_if_grown()
    assert collected == []
    page._collect_if_grown(new_session=True)
    assert collected == [1]


def test_a_full_collection_runs_only_after_the_process_has_grown(monkeypatch):
    from dashboard.ui import page

    # the sizes read, in order: one per call, and one more after each collection
    sizes = iter([520, 596, 597, 590, 600, 690, 650])
    collected = []
    monkeypatch.setattr(page, "_rss", lambda: next(sizes) * 1024 * 1024)
    monkeypatch.setattr(page.gc, "collect", lambda: collected.append(1))
    monkeypatch.setattr(page, "_since", {"rss": 500 * 1024 * 1024})
    calls = []
    for _ in range(5):
        before = len(collected)
        page._collect_if_grown()
        calls.append(len(collected) - before)
    # from 500 MB: 520 (+20) none; 596 (+96, not over) none; 597 (+97) one, after it 590;
    # 600 (+10 over 590) none; 690 (+100) one, after it 650
    assert calls == [0, 0, 1, 0, 1]
    assert page._since["rss"] == 650 * 1024 * 1024


def test_a_process_s_first_page_sets_the_size_it_starts_from_and_collects_nothing(monkeypatch):
    from dashboard.ui import page

    collected, frozen = [], []
    monkeypatch.setattr(page, "_rss", lambda: 400 * 1024 * 1024)
    monkeypatch.setattr(page.gc, "collect", lambda: collected.append(1))
    monkeypatch.setattr(page.gc, "freeze", lambda: frozen.append(1))
    monkeypatch.setattr(page, "_since", {"rss": 0})
    page._collect_if_grown()
    assert collected == [] and page._since["rss"] == 400 * 1024 * 1024
    assert frozen == [1]           # what is loaded by the first page is left out of later collections
    page._collect_if_grown()
    assert frozen == [1]           # once a process


def test_the_server_runs_no_full_collection_after_every_page_view():
    """Streamlit's collection after each run held Python's lock ~70 ms a view (AppTest skips it,
    so only the server's own configuration can say it is off)."""
    import tomllib
    from pathlib import Path

    config = tomllib.loads((Path(__file__).parent.parent / ".streamlit" / "config.toml").read_text())
    assert config["runner"]["postScriptGC"] is False


def test_several_reads_run_side_by_side_and_return_what_each_read_alone_returns(sample_db, monkeypatch):
    import threading

    from dashboard.ui import context

    cells = queries.run("reference.branch_options", cur=store.cursor(sample_db), branches=None)
    ctx = PageContext(page="overview", lang="vi", user=auth.LOCAL_USER, version=1, is_sample=True,
                      cell_options=cells, selected_cells=("CB02", "CB03"))
    reads = (("overview.score_history", {"period": "2025"}), ("overview.cells", {}),
             ("solutions.by_solution", {"today": dt.date(2026, 11, 26)}))
    alone = [queries.run(name, cur=store.cursor(sample_db), branches=["CB02", "CB03"], **params)
             for name, params in reads]
    # Each read waits at a barrier for the other two: read one after another, none would pass it.
    barrier, real = threading.Barrier(3, timeout=10), queries.run

    def waiting(name, **params):
        barrier.wait()
        return real(name, **params)

    monkeypatch.setattr(context.queries, "run", waiting)
    context.clear_query_cache()
    together = ctx.query_many(*reads)
    for got, want in zip(together, alone):
        pd.testing.assert_frame_equal(got.reset_index(drop=True), want.reset_index(drop=True))


def test_a_failed_read_among_several_fails_the_page_s_call(sample_db):
    cells = queries.run("reference.branch_options", cur=store.cursor(sample_db), branches=None)
    ctx = PageContext(page="overview", lang="vi", user=auth.LOCAL_USER, version=1, is_sample=True,
                      cell_options=cells)
    with pytest.raises(queries.QueryError):
        ctx.query_many(("overview.cells", {}), ("overview.score_history", {"period": "2025", "no_such": 1}))


def test_a_chart_frame_s_cache_key_changes_with_any_value_type_label_or_order():
    from dashboard.ui.context import _frame_digest

    frame = pd.DataFrame({"branch_name": ["Chi bộ 1", "Chi bộ 2"], "score": [80.5, 72.0], "rank": [1, 2]})
    same = pd.DataFrame({"branch_name": ["Chi bộ 1", "Chi bộ 2"], "score": [80.5, 72.0], "rank": [1, 2]})
    assert _frame_digest(frame) == _frame_digest(same)
    changed = [frame.assign(score=[80.5, 72.0000001]), frame.assign(rank=[1.0, 2.0]),
               frame.rename(columns={"rank": "hang"}), frame.iloc[::-1], frame.set_index("rank"),
               frame.assign(branch_name=["Chi bộ 1", "Chi bo 2"])]
    digests = {_frame_digest(f) for f in changed}
    assert len(digests) == len(changed) and _frame_digest(frame) not in digests


@pytest.mark.page
def test_every_chart_each_page_draws_is_valid_vega_lite(sample_db, monkeypatch):
    """Altair's check of each object as it is made is off for the pages (charts.common); the
    whole spec of every chart every page draws is checked here against the Vega-Lite schema.
    No chart is made from a string or a dict where Altair wants a channel: Altair then builds a
    lookup table of its 600 classes anew (``_FromDict``, 6,5 ms each time); and no part of a
    chart is checked against the schema as the pages keep it (2 ms a check)."""
    from altair.utils import schemapi

    from dashboard.ui import context
    from tests.apptest import PAGE_FILES, open_page

    from altair.vegalite.v6.schema import channels

    checked, kept, lookups = [], charts.kept_spec, []
    quicker = schemapi._todict, channels.parse_shorthand

    def altair_s_own(chart) -> dict:
        """The chart's dict by Altair's own functions (charts.common shortens two of them)."""
        with monkeypatch.context() as plain:
            plain.setattr(schemapi, "_todict", quicker[0].altair)
            plain.setattr(channels, "parse_shorthand", quicker[1].altair)
            return charts.spec(chart, validate=False)

    def checking(chart):
        checked.append(charts.spec(chart, validate=True))   # raises on a spec the schema refuses
        assert checked[-1] == charts.spec(chart, validate=False) == altair_s_own(chart)
        with monkeypatch.context() as watch:
            watch.setattr(schemapi.SchemaBase, "validate", classmethod(lambda *a, **k: lookups.append("check")))
            made = kept(chart)
        # the data named as the pages keep it: the same dict again, Altair's way and the short way
        assert charts.spec(chart, validate=False) == altair_s_own(chart)
        return made

    made = schemapi._FromDict.__init__

    def counted(self, *args, **kwargs):
        lookups.append(1)
        return made(self, *args, **kwargs)

    monkeypatch.setattr(context.charts, "kept_spec", checking)
    context._CHARTS.clear()
    for page in PAGE_FILES:
        with monkeypatch.context() as watch:
            watch.setattr(schemapi._FromDict, "__init__", counted)
            at = open_page(page)
        assert not at.exception, (page, [e.value for e in at.exception])
        assert not lookups, (page, lookups, "a chart made from a string or a dict (Altair's _FromDict), "
                                            "or checked against the schema as the pages keep it")
    assert len(checked) >= 11, len(checked)     # the charts of the nine pages as they open on the sample


def test_a_chart_made_in_one_step_gives_the_spec_altair_s_own_composition_gives():
    """``charts.common.layered`` makes a layered chart without Altair's repeated lifting; the
    reference is Altair's own way (``alt.layer``, then ``properties`` and ``resolve_scale``), with
    and without a selection to lift, and after the chart is copied."""
    import altair as alt

    from dashboard.charts import common

    frame = pd.DataFrame({"branch_code": ["CB01", "CB02"], "branch_name": ["Chi bộ 1", "Chi bộ 2"],
                          "score": [80.5, 72.0], "text_colour": ["#ffffff", "#222222"]})
    note = "Biểu đồ vẽ 1 chi bộ đầu tiên trong 2 chi bộ; chọn chi bộ ở bộ lọc để xem các chi bộ khác."

    def layers(with_selection: bool):
        base = alt.Chart().encode(y=alt.Y("branch_name:N", title=None))
        bars = base.mark_bar().encode(x=alt.X("score:Q"), color=alt.Color("score:Q"))
        if with_selection:
            bars = bars.add_params(alt.selection_point(name="pick", fields=["branch_code"], on="click"))
        text = base.mark_text().encode(x=alt.X("score:Q"), text=alt.Text("score:Q"),
                                       color=alt.Color("text_colour:N", scale=None))
        return bars, text

    for with_selection in (False, True):
        mine = common.layered(*layers(with_selection), data=frame, independent_colour=True, height=120,
                              **common.noted(note))
        theirs = alt.layer(*layers(with_selection), data=frame).resolve_scale(color="independent").properties(
            height=120).properties(**common.noted(note))
        want = common.spec(theirs)
        assert common.spec(mine) == want
        assert common.spec(mine.copy(deep=False)) == want and common.spec(mine.copy()) == want
        assert ("params" in want) == with_selection


def test_charts_stacked_in_one_step_give_the_spec_altair_s_own_concatenation_gives():
    """``charts.common.stacked`` puts charts one above the other on one frame without Altair's
    naming and copying; the reference is Altair's own (``alt.vconcat`` of charts that each hold
    the frame), before and after the chart is copied."""
    import altair as alt

    from dashboard.charts import common

    frame = pd.DataFrame({"period": ["2024", "2025"], "branch_name": ["Chi bộ 1", "Chi bộ 1"],
                          "total_score": [80.5, 72.0], "rank": [1, 2]})
    note = "Biểu đồ vẽ 1 chi bộ đầu tiên trong 2 chi bộ."

    def parts(data):
        x = alt.X("period:N", title=None)
        top = alt.Chart(data, height=220).mark_line(point=True).encode(x=x, y=alt.Y("total_score:Q"))
        bottom = alt.Chart(data, height=140).mark_line().encode(x=x, y=alt.Y("rank:Q", scale=alt.Scale(reverse=True)))
        return top, bottom

    theirs = alt.vconcat(*parts(frame)).properties(**common.noted(note))
    mine = common.stacked(*parts(alt.Undefined), data=frame, **common.noted(note))
    want = common.spec(theirs)
    assert "vconcat" in want and "data" not in want["vconcat"][0]
    assert common.spec(mine) == want
    assert common.spec(mine.copy(deep=False)) == want and common.spec(mine.copy()) == want


def test_a_selection_put_on_a_layer_in_one_step_gives_the_spec_altair_s_lifting_gives():
    """``layered(picks=…)`` puts each selection at the top of the spec with its layer as the view,
    without Altair's lifting; the reference is Altair's own (``add_params`` on the layer, then
    ``alt.layer``). Altair names the views with its own counter: both are named by the
    selection they carry before comparing."""
    import altair as alt

    from dashboard.charts import common

    frame = pd.DataFrame({"branch_code": ["CB01", "CB02"], "score": [80.5, 72.0]})

    def layers():
        base = alt.Chart().encode(y=alt.Y("branch_code:N", title=None))
        return base.mark_bar().encode(x=alt.X("score:Q")), base.mark_text().encode(text=alt.Text("score:Q"))

    def picks():
        return (alt.selection_point(name="pick", fields=["branch_code"], on="click", clear=False),
                alt.selection_point(name="pick_text", fields=["branch_code"], on="click", clear=False))

    def views_named_by_selection(spec: dict) -> dict:
        names = {p["views"][0]: "view_of_" + p["name"] for p in spec.get("params", [])}
        for layer in spec["layer"]:
            if "name" in layer:
                layer["name"] = names[layer["name"]]
        for p in spec.get("params", []):
            p["views"] = [names[v] for v in p["views"]]
        return spec

    bars, text = layers()
    pick, pick_text = picks()
    mine = common.layered(bars, text, data=frame, height=120, picks=((0, pick), (1, pick_text)))
    bars, text = layers()
    pick, pick_text = picks()
    theirs = alt.layer(bars.add_params(pick), text.add_params(pick_text), data=frame).properties(height=120)
    want = views_named_by_selection(common.spec(theirs))
    assert len(want["params"]) == 2
    assert views_named_by_selection(common.spec(mine)) == want
    assert views_named_by_selection(common.spec(mine.copy(deep=False))) == want
    assert views_named_by_selection(common.spec(mine.copy())) == want


@pytest.mark.page
def test_the_period_list_for_the_cells_chosen_is_the_one_sql_gives(sample_db):
    """The sidebar's periods are put together from each cell's (read once); the reference is
    ``reference.periods`` run for the cells chosen, which orders them in SQL."""
    from dashboard import periods as period_codes
    from dashboard import queries, ui
    from tests.apptest import open_page

    at = open_page("pages/xep_hang.py")
    cur = store.cursor(sample_db)
    for chosen in (["CB02"], ["CB01", "CB04"], []):
        at.multiselect(key=ui.widgets.CELLS_WIDGET).set_value(chosen).run()
        want = list(queries.run("reference.periods", cur=cur,
                                branches=chosen or ["CB01", "CB02", "CB03", "CB04"])["period"])
        shown = at.selectbox(key=ui.sidebar.PERIOD_WIDGET).options
        assert shown == [period_codes.label(p, "vi") for p in want]
        assert len(want) >= 10


@pytest.mark.page
def test_a_rerun_formats_no_kept_table_again_and_a_new_choice_of_cells_does(sample_db, monkeypatch):
    """The progress page's two tables are kept as shown (``downloads.table(kept=…)``): a rerun
    formats no row of them; another cell chosen formats them again, with only that cell's rows
    (counted in the sample's actions sheet: 6 of CB01, 6 of CB02, 7 of CB03, 6 of CB04, 11 of the
    Đảng ủy — 36 and five units for every cell; CB02 alone: its 6 and one unit)."""
    from dashboard import tables, ui
    from tests.apptest import open_page

    formatted = []
    real = tables.display_table

    def counting(frame, columns, lang):
        formatted.append(len(frame))
        return real(frame, columns, lang)

    monkeypatch.setattr(tables, "display_table", counting)
    at = open_page("pages/giai_phap.py")
    assert not at.exception, [e.value for e in at.exception]
    assert len(formatted) == 2
    at.run()
    assert len(formatted) == 2
    at.multiselect(key=ui.widgets.CELLS_WIDGET).set_value(["CB02"]).run()
    assert formatted == [5, 36, 1, 6], formatted
    shown = at.dataframe[-1].value
    assert len(shown) == 6 and set(shown[ui.context.i18n.t("col.cell", "vi")]) == {"Chi bộ Khối Hình sự"}   # CB02
