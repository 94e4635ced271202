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
        for _, row in fig.overdue_actions.iterrows():
            text = i18n.t("overview.urgent.overdue", lang, code=row["action_code"], unit=row["branch_name"],
                          days=fmt.count_text(row["days_late"], lang), due=fmt.fmt_date(row["due_on"]),
                          percent=fmt.percent_text(row["percent"], lang))
            words = projection_words(fig, row["action_code"], lang)
            yield Item("overdue", f"{text} {words}" if words else text)

    def projection() -> Iterator[Item]:
        for _, row in fig.projected_late.iterrows():
            yield Item("projection", i18n.t("overview.urgent.projection", lang, code=row["action_code"],
                                            unit=row["branch_name"],
                                            words=fmt.mid_sentence(projection_words(fig, row["action_code"], lang))))

    def scores() -> Iterator[Item]:
        for _, row in fig.incomplete.iterrows():
            key = "overview.urgent.no_scores" if int(row["n_scored"]) == 0 else "overview.urgent.scores"
            yield Item("scores", i18n.t(key, lang, unit=row["branch_name"], period=period,
                                        scored=int(row["n_scored"]), expected=int(row["n_expected"])))

    def stale() -> Iterator[Item]:
        for _, row in fig.stale_actions.iterrows():
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
