"""Counts, sums and maxima per group, with numpy.

pandas' grouping costs one to two milliseconds a call whatever the rows, and the pages group a
few dozen rows on every new choice of cells (the progress page's projected finishes and on-time
shares: 15 ms of a view on the sample). ``Groups`` factorises the keys once and sums with
``numpy.bincount``; groups come in the order of their keys' sorted values, as pandas'
``groupby(keys, sort=True)`` gives them. Rows with a missing key belong to no group, as in pandas.

``is_in``: pandas' ``isin`` for a column of Arrow strings, by Arrow's own hash lookup.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc


class Groups:
    def __init__(self, frame: pd.DataFrame, keys: list[str]):
        codes, uniques = zip(*(pd.factorize(frame[key], sort=True) for key in keys))
        rows = np.all([c >= 0 for c in codes], axis=0)            # a missing key: no group
        self.rows = np.flatnonzero(rows)
        shape = tuple(len(u) for u in uniques)
        combined = np.ravel_multi_index([c[self.rows] for c in codes], shape) if self.rows.size else np.array([], int)
        present, self.index = np.unique(combined, return_inverse=True)
        self.size = len(present)
        positions = np.unravel_index(present, shape) if self.size else [np.array([], int)] * len(keys)
        self.keys = {key: unique.take(position) for key, unique, position in zip(keys, uniques, positions)}

    def first(self, values) -> np.ndarray:
        """The value of a column on each group's first row."""
        _, first = np.unique(self.index, return_index=True)
        return np.asarray(values, dtype=object)[self.rows[first]]

    def count(self) -> np.ndarray:
        return np.bincount(self.index, minlength=self.size)

    def sum(self, values) -> np.ndarray:
        """Sums of a numeric column (missing values count as 0, as pandas' sum skips them)."""
        values = np.nan_to_num(np.asarray(values, dtype="float64")[self.rows])
        return np.bincount(self.index, weights=values, minlength=self.size)

    def max(self, values) -> np.ndarray:
        """Largest value of a numeric column; NaN for a group with none."""
        values = np.asarray(values, dtype="float64")[self.rows]
        out = np.full(self.size, -np.inf)
        seen = ~np.isnan(values)
        np.maximum.at(out, self.index[seen], values[seen])
        return np.where(np.isneginf(out), np.nan, out)

    def latest(self, dates) -> pd.DatetimeIndex:
        """Latest date of a date column; NaT for a group with none."""
        dates = pd.DatetimeIndex(pd.to_datetime(dates))
        ticks = dates.asi8[self.rows]
        out = np.full(self.size, np.iinfo("int64").min)
        seen = ~dates.isna()[self.rows]
        np.maximum.at(out, self.index[seen], ticks[seen])
        return pd.DatetimeIndex(out.view(f"datetime64[{dates.unit}]"))   # int64 min is NaT


def is_in(series: pd.Series, values: Iterable[str]) -> pd.Series:
    """``series.isin(values)``: which rows hold one of ``values`` (a missing one never does).

    For Arrow strings (the queries' texts) pandas asks Arrow about each value in turn: 13,6 ms
    for the sector's 46.000 findings and 2.000 cells, 25 ms for 18.000 actions and 6.000 codes;
    Arrow's ``is_in`` of the whole set (its texts) takes 1 ms. Another column goes pandas' way."""
    if not isinstance(series.dtype, pd.StringDtype) or series.dtype.storage != "pyarrow":
        return series.isin(list(values))
    column = series.array.__arrow_array__()
    texts = pa.array([v for v in values if isinstance(v, str)], type=column.type)
    found = pc.is_in(column, value_set=texts).fill_null(False)
    return pd.Series(found.to_numpy(zero_copy_only=False), index=series.index, dtype=bool)
