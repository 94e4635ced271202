"""Ranking helpers that need no Streamlit: sorting, flags per cell, gains and losses.

The scores, ranks and changes themselves come from SQL (``queries/rankings.sql``
over the ``mart_branch_period_scores`` table, migration 0014); this module arranges them.
"""

from __future__ import annotations

import pandas as pd

from . import i18n, periods

# What a period is compared with (previous period, same period a year before) and how the
# leaderboard is sorted (total score, change of score); the first of each is the default.
COMPARE = ("previous", "year_before")
SORTS = ("score", "change")


def leaderboard(run, period: str, compare: str = "previous", cells: list[str] | None = None) -> pd.DataFrame:
    """The ranked cells of a period (``run`` is a named-query runner; ``cells`` None: its default)."""
    params = {"period": period, "compare": compare}
    if cells is not None:
        params["branches"] = cells
    return run("rankings.leaderboard", **params)


def sort_board(board: pd.DataFrame, by: str) -> pd.DataFrame:
    """By total score (ranked cells first, by rank) or by change of score (biggest rise first)."""
    if by == "change":
        return board.sort_values(["complete", "total_change", "rank"], ascending=[False, False, True],
                                 na_position="last", kind="stable").reset_index(drop=True)
    return board.sort_values(["complete", "rank"], ascending=[False, True], na_position="last",
                             kind="stable").reset_index(drop=True)


RANK_COLUMNS = ("rank", "prev_rank", "rank_change")


def shows_ranks(scope: frozenset[str] | None) -> bool:
    """Whether a user sees ranks at all: only a user of every cell.

    A rank in the Đảng bộ tells where the other cells stand (2nd says one cell scored more),
    and a rank among one's own cells says little (1 of 1), so a user limited to some cells is
    shown no rank. The query runner computes ranks among the caller's cells anyway, so that a
    rank that slipped through could not reveal a cell the user does not see.
    """
    return scope is None


def without_ranks(frame: pd.DataFrame) -> pd.DataFrame:
    """The frame with its rank columns dropped (for charts whose data goes to the browser)."""
    return frame.drop(columns=[c for c in RANK_COLUMNS if c in frame.columns])


def flags(findings: pd.DataFrame, year: int) -> dict[str, tuple[int, int]]:
    """(errors, warnings) of each cell's rule findings in a year."""
    out: dict[str, tuple[int, int]] = {}
    if findings.empty:
        return out
    mine = findings[(findings["year"] == year) & findings["branch_code"].notna()]
    # One comparison over the column, then one sum per cell: comparing each of 2.000 cells'
    # findings apart cost 1 s of every rerun of the rankings page at sector scale.
    counted = pd.DataFrame({"branch_code": mine["branch_code"].astype(str),
                            "errors": (mine["severity"] == "error").to_numpy(dtype=int),
                            "warnings": (mine["severity"] == "warning").to_numpy(dtype=int)})
    sums = counted.groupby("branch_code", sort=True)[["errors", "warnings"]].sum()
    for code, errors, warnings in zip(sums.index, sums["errors"], sums["warnings"]):
        out[code] = (int(errors), int(warnings))
    return out


def flag_text(counts: tuple[int, int] | None, lang: str = "vi") -> str:
    """'1 lỗi · 2 cảnh báo', only the parts that are not zero; '' when there is nothing."""
    errors, warnings = counts or (0, 0)
    parts = ([i18n.t("ranking.flags.errors", lang, n=errors)] if errors else []) + \
            ([i18n.t("ranking.flags.warnings", lang, n=warnings)] if warnings else [])
    return " · ".join(parts)


def gains_and_losses(why: pd.DataFrame, n: int = 3) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The criteria that rose most and fell most since the comparison period."""
    moved = why.dropna(subset=["change"])
    gains = moved[moved["change"] > 0].sort_values(["change", "criterion_code"], ascending=[False, True]).head(n)
    losses = moved[moved["change"] < 0].sort_values(["change", "criterion_code"]).head(n)
    return gains.reset_index(drop=True), losses.reset_index(drop=True)


def comparison_period(period: str, compare: str) -> str:
    p = periods.parse_period(period)
    return (p.year_before() if compare == "year_before" else p.previous()).code


def bands_of(thresholds: pd.DataFrame, source: str) -> tuple[float, float, float]:
    """The minimum scores of HTNV, HTTNV and HTXSNV in a source's bands (low to high)."""
    mine = dict(zip(*(thresholds.loc[thresholds["source"] == source, c] for c in ("threshold", "value"))))
    return tuple(float(mine[k]) for k in ("band_htnv_min", "band_httnv_min", "band_htxsnv_min"))
