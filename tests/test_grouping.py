"""grouping.Groups on hand-made rows: each figure below is worked out by hand."""

import numpy as np
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
