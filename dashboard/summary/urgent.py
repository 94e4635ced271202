"""What needs attention on the overview: regulation errors, the most urgent finding of the four
limitations, overdue actions (with where their pace leads), actions projected to finish late,
missing scores, actions not reported."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass

import pandas as pd

from .. import fmt, i18n, periods
from .figures import Figures, projection_words


@dataclass(frozen=True)
class Item:
    kind: str        # one of KIND_ORDER
    text: str


KIND_ORDER = ("rule", "limitation", "overdue", "projection", "scores", "stale")


def urgent(fig: Figures, lang: str = "vi", limit: int | None = None) -> list[Item]:
    """Everything that needs action, most urgent first (the first ``limit`` items only).

    Within a kind: regulation errors in the order the rules give, overdue actions longest
    overdue first, cells missing scores for the period, actions not reported longest first.
    Across kinds, the first item of each kind comes first (in that order), then the rest in the
    same order: a short list ("the three most urgent") shows one of each kind there is, rather
    than three overdue actions hiding a cell that has no scores. Only the items returned are
    written: at sector scale there are thousands, and the overview shows three and a count
    (``urgent_count``).
    """
    kinds = {kind: iter(items) for kind, items in _items_by_kind(fig, lang).items()}
    firsts = [item for item in (next(kinds[kind], None) for kind in KIND_ORDER) if item is not None]
    rest = itertools.chain.from_iterable(kinds[kind] for kind in KIND_ORDER)
    if limit is None:
        return firsts + list(rest)
    return (firsts + list(itertools.islice(rest, max(0, limit - len(firsts)))))[:limit]


def urgent_count(fig: Figures) -> int:
    """How many items ``urgent`` would list without a limit (nothing written)."""
    return (len(fig.errors) + bool(fig.limitation) + len(fig.overdue_actions) + len(fig.projected_late)
            + len(fig.incomplete) + len(fig.stale_actions))


def _rows(frame: pd.DataFrame) -> Iterator[pd.Series]:
    """The frame's rows one at a time, each made when taken: ``iterrows`` first makes the whole
    frame one array of Python objects (the sector's 18.115 actions: ~30 ms a list, for the few
    the overview writes)."""
    for i in range(len(frame)):
        yield frame.iloc[i]


def _items_by_kind(fig: Figures, lang: str) -> dict[str, Iterator[Item]]:
    """One lazy stream of items per kind: an item is written when it is taken."""
    period = fmt.mid_sentence(periods.label(fig.period, lang))

    def rules() -> Iterator[Item]:
        for message in fig.errors["message"] if len(fig.errors) else ():
            yield Item("rule", str(message))

    def limitation() -> Iterator[Item]:
        if fig.limitation:
            yield Item("limitation", fig.limitation)

    def overdue() -> Iterator[Item]:
        for row in _rows(fig.overdue_actions):
            text = i18n.t("overview.urgent.overdue", lang, code=row["action_code"], unit=row["branch_name"],
                          days=fmt.count_text(row["days_late"], lang), due=fmt.fmt_date(row["due_on"]),
                          percent=fmt.percent_text(row["percent"], lang))
            words = projection_words(fig, row["action_code"], lang)
            yield Item("overdue", f"{text} {words}" if words else text)

    def projection() -> Iterator[Item]:
        for row in _rows(fig.projected_late):
            yield Item("projection", i18n.t("overview.urgent.projection", lang, code=row["action_code"],
                                            unit=row["branch_name"],
                                            words=fmt.mid_sentence(projection_words(fig, row["action_code"], lang))))

    def scores() -> Iterator[Item]:
        for row in _rows(fig.incomplete):
            key = "overview.urgent.no_scores" if int(row["n_scored"]) == 0 else "overview.urgent.scores"
            yield Item("scores", i18n.t(key, lang, unit=row["branch_name"], period=period,
                                        scored=int(row["n_scored"]), expected=int(row["n_expected"])))

    def stale() -> Iterator[Item]:
        for row in _rows(fig.stale_actions):
            if pd.isna(row["last_reported_on"]):
                text = i18n.t("overview.urgent.never", lang, code=row["action_code"], unit=row["branch_name"],
                              days=fmt.count_text(row["days_since_report"], lang))
            else:
                text = i18n.t("overview.urgent.stale", lang, code=row["action_code"], unit=row["branch_name"],
                              days=fmt.count_text(row["days_since_report"], lang),
                              last=fmt.fmt_date(row["last_reported_on"]))
            yield Item("stale", text)

    return {"rule": rules(), "limitation": limitation(), "overdue": overdue(), "projection": projection(),
            "scores": scores(), "stale": stale()}
