"""Periods: every accepted spelling reaches the canonical form; order and neighbours."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dashboard import periods
from dashboard.periods import Period, normalise_period, parse_period, sort_key

ROMAN = ["I", "II", "III", "IV"]


@pytest.mark.parametrize("text, code", [
    ("2025", "2025"), ("Năm 2025", "2025"), (" năm  2025 ", "2025"), (2025, "2025"), (2025.0, "2025"),
    ("2025-Q1", "2025-Q1"), ("Quý I/2025", "2025-Q1"), ("Quý 1/2025", "2025-Q1"), ("quý iv/2024", "2024-Q4"),
    ("Q3/2025", "2025-Q3"), ("2025-H1", "2025-H1"), ("6 tháng đầu năm 2025", "2025-H1"),
    ("6 tháng cuối năm 2025", "2025-H2"), ("6 THÁNG CUỐI NĂM 2025", "2025-H2"),
])
def test_accepted_spellings(text, code):
    assert normalise_period(text) == code


@pytest.mark.parametrize("text", ["", "Quý V/2025", "2025-Q5", "13/2025", "hai nghìn", "2025.5", None, True])
def test_rejected_spellings(text):
    with pytest.raises(ValueError):
        parse_period(text)


periods_strategy = st.builds(
    lambda y, kind, n: Period(y, kind, 0 if kind == "year" else (n % (4 if kind == "quarter" else 2)) + 1),
    st.integers(1990, 2100), st.sampled_from(["year", "half", "quarter"]), st.integers(0, 10))


@given(periods_strategy)
def test_canonical_and_vietnamese_labels_round_trip(period):
    assert parse_period(period.code) == period
    assert parse_period(period.label("vi")) == period


@given(periods_strategy)
def test_previous_is_same_kind_and_earlier(period):
    prev = period.previous()
    assert prev.kind == period.kind
    assert prev.end < period.start
    assert (period.start - prev.end).days == 1


@given(st.integers(1991, 2100), st.integers(1, 4))
def test_quarter_labels_in_roman_numerals(year, q):
    assert normalise_period(f"Quý {ROMAN[q - 1]}/{year}") == f"{year}-Q{q}"
    assert sort_key(f"{year}-Q{q}") > sort_key(str(year))


# The SQL macros (dashboard/migrations/0003_marts.sql) against the Python class: one arithmetic.
_periods = st.builds(
    lambda year, kind, n: Period(year, kind, {"year": 0, "half": n % 2 + 1, "quarter": n % 4 + 1}[kind]),
    st.integers(1991, 2099), st.sampled_from(["year", "half", "quarter"]), st.integers(0, 3))


@pytest.fixture(scope="module")
def sql():
    from dashboard import store
    conn = store.open_database(":memory:")
    yield conn.cursor()
    conn.close()


@settings(deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(p=_periods, q=_periods)
def test_sql_period_macros_agree_with_periods_py(sql, p, q):
    row = sql.execute(
        "SELECT period_kind($p), period_year($p), period_start($p), period_end($p), period_previous($p), "
        "period_year_before($p), period_order($p) < period_order($q), period_order($p) = period_order($q)",
        {"p": p.code, "q": q.code}).fetchone()
    assert row[:6] == (p.kind, p.year, p.start, p.end, p.previous().code, p.year_before().code)
    assert row[6] == (sort_key(p.code) < sort_key(q.code)) and row[7] == (p == q)


def test_the_list_to_choose_from_puts_the_latest_year_first_then_its_quarters_then_its_halves():
    # Written out by hand, as reference.periods orders them in SQL (year DESC, the year itself
    # first, then period_order DESC: quarters 20 + n above halves 10 + n).
    codes = ["2024-H1", "2025-Q1", "2024", "2025", "2024-Q4", "2024-H2", "2025-Q3", "2023-Q2"]
    assert sorted(codes, key=periods.newest_first) == [
        "2025", "2025-Q3", "2025-Q1", "2024", "2024-Q4", "2024-H2", "2024-H1", "2023-Q2"]
