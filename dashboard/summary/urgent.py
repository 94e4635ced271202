"""What needs attention on the overview: regulation errors, the most urgent finding of the four
limitations, overdue actions (with where their pace leads), actions projected to finish late,
missing scores, actions not reported."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from .. import fmt, i18n, periods
from .figures import Figures


@dataclass(frozen=True)
class Item:
    kind: str        # one of KIND_ORDER
    text: str


KIND_ORDER = ("rule", "limitation", "overdue", "projection", "scores", "stale")


def urgent(fig: Figures, lang: str = "vi") -> list[Item]:
    """Everything that needs action, most urgent first.

    Within a kind: regulation errors in the order the rules give, overdue actions longest
    overdue first, cells missing scores for the period, actions not reported longest first.
    Across kinds, the first item of each kind comes first (in that order), then the rest in the
    same order: a short list ("the three most urgent") shows one of each kind there is, rather
    than three overdue actions hiding a cell that has no scores.
    """
    items = _all_items(fig, lang)
    firsts = [next(i for i in items if i.kind == kind) for kind in KIND_ORDER if any(i.kind == kind for i in items)]
    return firsts + [i for i in items if not any(i is first for first in firsts)]


def _all_items(fig: Figures, lang: str) -> list[Item]:
    items = [Item("rule", str(row["message"])) for _, row in fig.errors.iterrows()]
    if fig.limitation:
        items.append(Item("limitation", fig.limitation))
    for _, row in fig.overdue_actions.iterrows():
        text = i18n.t("overview.urgent.overdue", lang, code=row["action_code"], unit=row["branch_name"],
                      days=fmt.count_text(row["days_late"], lang), due=fmt.fmt_date(row["due_on"]),
                      percent=fmt.percent_text(row["percent"], lang))
        items.append(Item("overdue", f"{text} {row['projection']}" if row.get("projection") else text))
    for _, row in fig.projected_late.iterrows():
        items.append(Item("projection", i18n.t("overview.urgent.projection", lang, code=row["action_code"],
                                               unit=row["branch_name"],
                                               words=fmt.mid_sentence(row["projection"]))))
    period = fmt.mid_sentence(periods.label(fig.period, lang))
    for _, row in fig.incomplete.iterrows():
        key = "overview.urgent.no_scores" if int(row["n_scored"]) == 0 else "overview.urgent.scores"
        items.append(Item("scores", i18n.t(key, lang, unit=row["branch_name"], period=period,
                                           scored=int(row["n_scored"]), expected=int(row["n_expected"]))))
    for _, row in fig.stale_actions.iterrows():
        if pd.isna(row["last_reported_on"]):
            text = i18n.t("overview.urgent.never", lang, code=row["action_code"], unit=row["branch_name"],
                          days=fmt.count_text(row["days_since_report"], lang))
        else:
            text = i18n.t("overview.urgent.stale", lang, code=row["action_code"], unit=row["branch_name"],
                          days=fmt.count_text(row["days_since_report"], lang),
                          last=fmt.fmt_date(row["last_reported_on"]))
        items.append(Item("stale", text))
    return items

