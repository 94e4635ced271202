"""grouping.Groups on hand-made rows: each figure below is worked out by hand."""

import numpy as np
import pytest
import pandas as pd

from dashboard.grouping import Groups


def test_counts_sums_maxima_and_latest_dates_per_group_in_the_order_of_the_keys():
    frame = pd.DataFrame({
        "solution": [2, 1, 2, 1, 2, None],
        "unit": ["B", "A", "A", "A", "B", "A"],
        "days": [3.0, np.nan, 5.0, 7.0, np.nan, 100.0],
        "due": pd.to_datetime(["2026-03-31", None, "2026-01-31", "2026-02-28", "2026-06-30", "2026-12-31"]),
    })
    groups = Groups(frame, ["solution", "unit"])
    # (1, A): rows 1 and 3; (2, A): row 2; (2, B): rows 0 and 4; row 5 has no solution: no group.
    assert list(groups.keys["solution"]) == [1, 2, 2] and list(groups.keys["unit"]) == ["A", "A", "B"]
    assert list(groups.count()) == [2, 1, 2]
    assert list(groups.sum(frame["days"])) == [7.0, 5.0, 3.0]          # a missing value counts 0
    assert list(groups.max(frame["days"])) == [7.0, 5.0, 3.0]
    assert [str(d.date()) for d in groups.latest(frame["due"])] == ["2026-02-28", "2026-01-31", "2026-06-30"]
    only_missing = Groups(frame.iloc[[1]], ["unit"])
    assert np.isnan(only_missing.max(frame["days"].iloc[[1]]))[0]
    assert pd.isna(only_missing.latest(frame["due"].iloc[[1]])[0])
    assert Groups(frame.iloc[:0], ["unit"]).size == 0


@pytest.mark.parametrize("dtype", [pd.StringDtype("pyarrow", na_value=float("nan")), "string[pyarrow]", object])
def test_is_in_says_which_rows_hold_one_of_the_values_and_never_a_missing_one(dtype):
    from dashboard.grouping import is_in

    codes = pd.Series(["CB01", None, "CB03", "CB02", "CB01"], index=[10, 11, 12, 13, 14], dtype=dtype)
    found = is_in(codes, {"CB01", "CB02", "DU"})
    assert found.tolist() == [True, False, False, True, True]      # by hand
    assert found.index.tolist() == [10, 11, 12, 13, 14] and found.dtype == bool
    assert is_in(codes, []).tolist() == [False] * 5
    assert is_in(codes.iloc[:0], ["CB01"]).tolist() == []


def test_is_in_of_a_column_of_numbers_is_pandas_isin():
    from dashboard.grouping import is_in

    assert is_in(pd.Series([1, 2, 3]), {1, 2}).tolist() == [True, True, False]
