"""The four limitations measured: each measure per cell and for the Đảng bộ, with its change
against the previous period and its trend, from the counts of ``queries/limitations.sql``.

Every measure is a ratio of two counts (or a count), so that the whole is the sum of the cells'
counts divided by the sum of their bases, never an average of shares. No Streamlit here: the page
(pages/han_che.py) lays out what these functions return.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from . import fmt, i18n

CODES = ("L1", "L2", "L3", "L4")
TREND_PERIODS = 4          # the period shown and the three of the same kind before it
MAX_UNIT_COLUMNS = 20     # cells a measure table shows side by side (the page says when there are more)
WHOLE = "_whole"           # the column of the Đảng bộ (or of the cells shown) in a measure table


@dataclass(frozen=True)
class Measure:
    code: str              # the limitation: L1 … L4
    key: str               # message key suffix: lim.m.<key>
    source: str            # which query's counts: l1 | l2 | l3 | l4
    numerator: str
    denominator: str | None  # None: a plain count (or, with kind "mean", the mean of a share)
    kind: str              # share | rate | days | count | mean
    higher_is_better: bool = True


MEASURES: tuple[Measure, ...] = (
    Measure("L1", "plans_on_time", "l1", "on_time", "due", "share"),
    Measure("L1", "plans_concrete", "l1", "concrete", "due", "share"),
    Measure("L1", "days_to_plan", "l1", "days_to_plan_total", "plans", "days", higher_is_better=False),
    Measure("L2", "committee_per_month", "l2", "committee_meetings", "months_begun", "rate"),
    Measure("L2", "committee_attendance", "l2", "committee_present", "committee_seats", "share"),
    Measure("L2", "political_task", "l2", "political_task", "committee_meetings", "share"),
    Measure("L2", "concrete_targets", "l2", "with_targets", "meetings_recorded", "share"),
    Measure("L2", "committee_rated_good", "l2", "committee_good", "committee_rated", "share"),
    Measure("L3", "self_criticism", "l3", "with_self_criticism", "criticism_recorded", "share"),
    Measure("L3", "heads_per_meeting", "l3", "criticism_of_heads", "heads_recorded", "rate"),
    Measure("L4", "committed", "l4", "committed", "members", "share"),
    Measure("L4", "kept", "l4", "kept", "judged", "share"),          # of those whose result is known
    Measure("L4", "post_kept", "l4", "post_kept", "post_judged", "share"),
    Measure("L4", "a2", "l4", "a2_share", None, "mean"),
    Measure("L4", "disciplined", "l4", "disciplined", None, "count", higher_is_better=False),
)


def _ratio(agg: tuple[dict, dict] | None, measure: Measure) -> float | None:
    """The measure over some rows (one cell's, or every cell's), from their column sums and
    non-blank counts (``Split``): Σ numerator ÷ Σ base; a mean over the rows that have a value;
    None when there are no rows."""
    if agg is None:
        return None
    sums, counts = agg
    if measure.kind == "mean":
        n = counts[measure.numerator]
        return float(sums[measure.numerator]) / n if n else None
    top = float(sums[measure.numerator])
    if measure.denominator is None:
        return top
    base = float(sums[measure.denominator])
    return top / base if base else None


class Split:
    """A measure source's counts summed once per period and per (cell, period): a table of 60
    cells × 15 measures filtered and summed the frame 1.800 times (2,8 s a rerun at 60 cells)."""

    def __init__(self, frame: pd.DataFrame):
        self.units = set(frame["branch_code"])
        numbers = list(frame.drop(columns=["ord"], errors="ignore").select_dtypes("number").columns)
        self.by_period = self._sums(frame, "period", numbers)
        self.by_unit = self._sums(frame, ["branch_code", "period"], numbers)

    @staticmethod
    def _sums(frame: pd.DataFrame, keys, numbers: list[str]) -> dict:
        """{key: ({column: sum}, {column: count of values})} per group of ``keys`` (a column or a
        list of them; rows whose key is missing are left out), in the order keys first appear.

        Counted with numpy (``bincount`` per column) rather than a pandas ``groupby``: the same sums
        at any size, and 1,4 ms instead of 4–9 ms a source on the sample's sixteen rows (four
        sources on each rerun of Hạn chế và khắc phục, twice each)."""
        if frame.empty:
            return {}
        keys = [keys] if isinstance(keys, str) else list(keys)
        columns = [frame[k].tolist() for k in keys]
        found: dict = {}
        codes = np.fromiter((-1 if any(fmt.is_missing(v) for v in key)
                             else found.setdefault(key if len(keys) > 1 else key[0], len(found))
                             for key in zip(*columns)), dtype=np.intp, count=len(frame))
        keep = codes >= 0
        codes, groups = codes[keep], len(found)
        values = frame[numbers].to_numpy(dtype="float64", na_value=np.nan)[keep]
        present = ~np.isnan(values)
        values = np.where(present, values, 0.0)
        sums = {c: np.bincount(codes, weights=values[:, i], minlength=groups).tolist() for i, c in enumerate(numbers)}
        counts = {c: np.bincount(codes, minlength=groups, weights=present[:, i]).astype(int).tolist()
                  for i, c in enumerate(numbers)}
        return {label: ({c: sums[c][i] for c in numbers}, {c: counts[c][i] for c in numbers})
                for label, i in found.items()}


def series(split: Split, measure: Measure, periods: list[str], unit: str | None = None) -> list[float | None]:
    """The measure in each period (oldest first), for one unit or (``unit=None``) all of them."""
    if unit is None:
        return [_ratio(split.by_period.get(p), measure) for p in periods]
    return [_ratio(split.by_unit.get((unit, p)), measure) for p in periods]


def value_text(value: float | None, kind: str, lang: str) -> str:
    if value is None:
        return fmt.MISSING
    if kind in ("share", "mean"):
        return fmt.fmt_percent(value, lang, 1, fixed=True)
    if kind == "rate":
        return fmt.fmt_number(value, 2, lang)
    return fmt.fmt_number(value, 1 if kind == "days" else 0, lang)


def change_text(now: float | None, before: float | None, kind: str, lang: str) -> str:
    """▲ 5,0 (points of a share, or units of the measure) against the previous period."""
    if now is None or before is None:
        return fmt.MISSING
    scale, decimals = {"share": (100, 1), "mean": (100, 1), "rate": (1, 2), "days": (1, 1)}.get(kind, (1, 0))
    return fmt.signed_change(round((now - before) * scale, decimals), lang, decimals)


def table(frames: dict[str, pd.DataFrame], code: str, periods: list[str], units: list[tuple[str, str]],
          whole_label: str, lang: str) -> pd.DataFrame:
    """One row a measure of limitation ``code``: its name, the whole's value in the last period,
    its change against the period before, its trend (a list, oldest first) and each unit's value
    with its change ("72,7 % (▲ 9,1)"). ``units``: [(code, name)] in the order shown."""
    rows, splits = [], {}
    for m in (m for m in MEASURES if m.code == code):
        frame = splits.get(m.source) or splits.setdefault(m.source, Split(frames[m.source]))
        whole = series(frame, m, periods)
        row = {i18n.t("lim.col.measure", lang): i18n.t(f"lim.m.{m.key}", lang),
               whole_label: value_text(whole[-1], m.kind, lang),
               i18n.t("lim.col.change", lang): change_text(whole[-1], whole[-2] if len(whole) > 1 else None,
                                                            m.kind, lang),
               i18n.t("lim.col.trend", lang): [None if v is None else round(v * (100 if m.kind in ("share", "mean")
                                                                                 else 1), 2) for v in whole]}
        for unit, name in units:
            if unit not in frame.units:
                continue
            values = series(frame, m, periods[-2:], unit)
            now = values[-1]
            before = values[0] if len(values) > 1 else None
            change = change_text(now, before, m.kind, lang)
            row[name] = value_text(now, m.kind, lang) + ("" if change == fmt.MISSING else f" ({change})")
        rows.append(row)
    return pd.DataFrame(rows)


def board_file(board: pd.DataFrame, trend: str, lang: str) -> pd.DataFrame:
    """The board as its file holds it: every cell as shown, the trend (a line on the page) as
    its values, oldest first ("61,0 → 72,7")."""
    if board.empty:
        return board
    return board.assign(**{trend: [" → ".join(fmt.fmt_number(v, 1, lang) if v is not None else fmt.MISSING
                                              for v in values) for values in board[trend]]})


def on_time_actions(actions: pd.DataFrame) -> tuple[int, int]:
    """(on time, actions) of ``solutions.actions``: the second measure of L1, the actions under
    the solutions done by their due date or not yet due."""
    if actions.empty:
        return 0, 0
    return int(actions["on_time"].astype(bool).sum()), len(actions)


def late_plans(uptake: pd.DataFrame, since, until) -> pd.DataFrame:
    """Plans issued after their due date, or not issued past it, due between ``since`` and
    ``until``: the longest late first (then the resolution, then the unit)."""
    if uptake.empty:
        return uptake
    due = pd.to_datetime(uptake["due_on"])
    late = uptake[(uptake["days_late"] > 0) & (due >= pd.Timestamp(since)) & (due <= pd.Timestamp(until))]
    return late.sort_values(["days_late", "doc_number"], ascending=[False, True], kind="stable").reset_index(drop=True)


def uptake_view(uptake: pd.DataFrame, names, lang: str) -> pd.DataFrame:
    """``limitations.uptake`` with each unit's name and the plan's date, or "not issued"."""
    return uptake.assign(unit=[names(c) for c in uptake["branch_code"]],
                         plan_text=[i18n.t("lim.not_issued", lang) if pd.isna(d) else fmt.fmt_date(d)
                                    for d in uptake["plan_issued_on"]])
