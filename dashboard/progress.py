"""Progress of the six solutions: the arithmetic that needs no Streamlit and no SQL text.

The per-action arithmetic (latest report on or before a day, overdue, days late, drops
between reports, days since the last report) and the carry-forward over time are SQL:
``action_state_on`` and ``month_spine`` in ``migrations/0005_progress.sql``, read through
``queries/solutions.sql``. This module takes those frames and

* flags stale actions against the ``DASHBOARD_STALE_DAYS`` setting,
* narrows every frame of the page to one cell of the solution × unit matrix,
* aggregates: progress over time per solution and overall, the on-time share per unit
  (limitation L1), and the overall progress of the six solutions.

"Overall progress of the six solutions" is the mean of the solutions' progress (each
solution weighs the same, whatever its number of actions); a solution with no action in
scope is left out rather than counted as 0 %.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from . import fmt, i18n
from .contract import COMMITTEE_CODE
from .grouping import Groups

DONE = "hoan_thanh"


def unit_names(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """``branch_name`` filled in for the Đảng ủy (the queries leave it NULL). A unit is a cell or
    the Đảng ủy, whose own actions belong to the whole Đảng bộ's view."""
    if frame.empty or "branch_name" not in frame:
        return frame
    committee = i18n.t("committee", lang)
    # Column-wise: a loop over 120.000 actions cost 0,5 s a rerun at sector scale.
    names = frame["branch_name"].astype(object).where(frame["branch_name"].notna(), frame["branch_code"])
    names = names.mask(frame["branch_code"] == COMMITTEE_CODE, committee)
    return frame.assign(branch_name=names.astype(str))


def with_stale(actions: pd.DataFrame, stale_days: int) -> pd.DataFrame:
    """Add ``stale``: not done, and no report for ``stale_days`` days or more.

    An action never reported counts from its start date; one not started yet is never stale.
    """
    days = pd.to_numeric(actions["days_since_report"], errors="coerce")
    stale = (actions["status"] != DONE) & days.ge(stale_days).fillna(False).astype(bool)
    return actions.assign(stale=stale.astype(bool))


@dataclass(frozen=True)
class Focus:
    """A cell of the solution × unit matrix the reader clicked (None: everything)."""

    solution: int | None = None
    unit: str | None = None

    @property
    def active(self) -> bool:
        return self.solution is not None or self.unit is not None


def narrow(frame: pd.DataFrame, focus: Focus) -> pd.DataFrame:
    """The rows of ``frame`` that belong to the focused solution and unit."""
    keep = pd.Series(True, index=frame.index)
    if focus.solution is not None and "solution" in frame:
        keep &= frame["solution"] == focus.solution
    if focus.unit is not None and "branch_code" in frame:
        keep &= frame["branch_code"] == focus.unit
    return frame[keep].reset_index(drop=True)


# Up to this many cells in scope, the timeline is read per cell for every cell and summed here
# (solutions.timeline_by_cell: a new choice of cells reads no query); beyond, it is summed in SQL
# over the cells shown (the sector's 2.000 cells would be 1,57 million rows a view).
TIMELINE_BY_CELL_MAX = 100


def timeline_read(cells_in_scope: int, today, unit: str | None = None) -> tuple[str, dict]:
    """The query (name, parameters) that gives the progress over time of the cells shown, when
    ``cells_in_scope`` cells may be chosen: per cell when they are few, summed in SQL (over
    ``unit`` alone when given) otherwise. Its rows go through ``timeline_rows``."""
    if cells_in_scope <= TIMELINE_BY_CELL_MAX:
        return "solutions.timeline_by_cell", {"today": today}
    return "solutions.timeline", {"unit": unit, "today": today}


def timeline_rows(rows: pd.DataFrame, focus: Focus = Focus()) -> pd.DataFrame:
    """The rows of a ``timeline_read`` that belong to ``focus`` (``narrow``), for
    ``series_by_solution``: per-cell rows start at the earliest first date of the units left, as
    solutions.timeline over those units does."""
    if "from_date" not in rows.columns:
        return narrow(rows, focus) if focus.active else rows
    # The first date is the units' over every solution: a focus on one solution shows that
    # solution's line over the same dates as the summed read does.
    units = narrow(rows, Focus(unit=focus.unit)) if focus.unit is not None else rows
    first = units["from_date"].min() if len(units) else None
    if first is None or pd.isna(first):
        return rows.iloc[:0].reset_index(drop=True)
    rows = units[units["on_date"] >= first]
    return (narrow(rows, Focus(solution=focus.solution)) if focus.solution is not None
            else rows.reset_index(drop=True))


def series_by_solution(timeline: pd.DataFrame) -> pd.DataFrame:
    """Per date and solution, by date then solution: actions, progress (%), overdue — summed over
    the rows given (a timeline may hold several rows of one date and solution, one per unit).
    Counted with ``Groups``: pandas' grouping and sort cost 5 ms of every new view of the
    progress page and the overview, on a hundred rows."""
    if timeline.empty:
        return pd.DataFrame(columns=["on_date", "solution", "actions", "overdue", "percent"])
    groups = Groups(timeline, ["on_date", "solution"])
    actions = groups.sum(timeline["actions"])
    return pd.DataFrame({**groups.keys, "actions": actions.astype("int64"),
                         "overdue": groups.sum(timeline["overdue"]).astype("int64"),
                         "percent": groups.sum(timeline["percent_sum"]) / actions})


def overall_series(timeline: pd.DataFrame) -> pd.DataFrame:
    """Per date, oldest first: overall progress (mean of the solutions' progress) and overdue
    actions."""
    per_solution = series_by_solution(timeline)
    if per_solution.empty:
        return pd.DataFrame(columns=["on_date", "percent", "overdue"])
    dates = Groups(per_solution, ["on_date"])
    return pd.DataFrame({**dates.keys, "percent": dates.sum(per_solution["percent"]) / dates.count(),
                         "overdue": dates.sum(per_solution["overdue"]).astype("int64")})


BY_SOLUTION_SUMS = ["percent_sum", "actions", "overdue", "done"]


def by_solution(rows: pd.DataFrame, solutions: pd.DataFrame) -> pd.DataFrame:
    """The six solutions (``solutions``: reference.solutions) with the actions of the units in
    ``rows`` (solutions.by_solution: a row per unit and solution) summed: average latest progress
    (NaN for a solution with no action), actions, overdue, done. Summed here rather than in SQL,
    from rows kept per unit, so that choosing cells reads no query (binding that query cost
    7 ms of every new choice on the sample)."""
    groups = Groups(rows, ["solution"])
    sums = pd.DataFrame({c: groups.sum(rows[c]) for c in BY_SOLUTION_SUMS},
                        index=pd.Index(groups.keys["solution"], dtype="int64"))
    out = solutions.join(sums, on="solution")
    counts = {c: out[c].fillna(0).astype("int64") for c in BY_SOLUTION_SUMS[1:]}
    percent = (out["percent_sum"] / counts["actions"].where(counts["actions"] > 0)).astype("float64")
    return out.drop(columns="percent_sum").assign(percent=percent, **counts).reset_index(drop=True)


def overall_progress(by_solution: pd.DataFrame) -> float | None:
    """Mean progress of the solutions that have actions in scope; None when none has."""
    with_actions = by_solution[by_solution["actions"] > 0]
    if with_actions.empty:
        return None
    return float(with_actions["percent"].mean())


def lagging_solution(by_solution: pd.DataFrame) -> tuple[int, float] | None:
    """The solution with the lowest progress (the lower number on a tie)."""
    with_actions = by_solution[by_solution["actions"] > 0]
    if with_actions.empty:
        return None
    row = with_actions.sort_values(["percent", "solution"], kind="stable").iloc[0]
    return int(row["solution"]), float(row["percent"])


ON_TIME_COLUMNS = ["branch_code", "branch_name", "actions", "on_time", "on_time_share", "done_late",
                   "overdue", "days_late_total", "days_late_max"]


def on_time_by_unit(actions: pd.DataFrame, order: list[str]) -> pd.DataFrame:
    """Limitation L1 per unit: actions, on time (done by the due date, or not yet due), the
    share on time, done late, overdue, total and largest days late.

    ``order`` lists the unit codes in display order (the matrix query's Vietnamese order);
    units without actions are left out.
    """
    if actions.empty:
        return pd.DataFrame(columns=ON_TIME_COLUMNS)
    groups = Groups(actions, ["branch_code"])      # numpy: pandas' grouping cost 7 ms a view
    days = actions["days_late"].to_numpy(dtype="float64", na_value=np.nan)
    counted, on_time = groups.count(), groups.sum(actions["on_time"].astype(bool))
    total, largest = groups.sum(days), groups.max(days)
    if not np.isnan(days).any():      # whole days, as the query gives them
        total, largest = total.astype("int64"), largest.astype("int64")
    codes = groups.keys["branch_code"]
    rank = {code: i for i, code in enumerate(order)}
    shown = np.lexsort((np.asarray(codes, dtype=object),
                        np.array([rank.get(code, len(rank)) for code in codes])))   # the order given
    columns = {"branch_code": np.asarray(codes, dtype=object), "branch_name": groups.first(actions["branch_name"]),
               "actions": counted, "on_time": on_time.astype("int64"), "on_time_share": on_time / counted,
               "done_late": groups.sum((actions["status"] == DONE).to_numpy() & (days > 0)).astype("int64"),
               "overdue": groups.sum(actions["overdue"].astype(bool)).astype("int64"),
               "days_late_total": total, "days_late_max": largest}
    return pd.DataFrame({name: columns[name][shown] for name in ON_TIME_COLUMNS})


def flag_words(row: dict, lang: str) -> str:
    """The flags of one action in words: overdue, done late, stale, went backwards."""
    words = []
    if bool(row.get("overdue")):
        words.append(i18n.t("solutions.flag.overdue", lang, days=fmt.count_text(row["days_late"], lang)))
    elif row.get("status") == DONE and row.get("days_late", 0) > 0:
        words.append(i18n.t("solutions.flag.done_late", lang, days=fmt.count_text(row["days_late"], lang)))
    if bool(row.get("stale")):
        if pd.isna(row.get("last_reported_on")):
            words.append(i18n.t("solutions.flag.never_reported", lang,
                                days=fmt.count_text(row["days_since_report"], lang)))
        else:
            words.append(i18n.t("solutions.flag.stale", lang, days=fmt.count_text(row["days_since_report"], lang)))
    if bool(row.get("went_backwards")):
        words.append(i18n.t("solutions.flag.backwards", lang, points=fmt.count_text(row["largest_drop"], lang),
                            date=fmt.fmt_date(row.get("last_drop_on"))))
    return " · ".join(words)
