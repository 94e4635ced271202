"""Charts of the cell meetings page (Sinh hoạt chi bộ): the month-by-month calendar."""

from __future__ import annotations

import altair as alt
import pandas as pd

from .. import i18n
from .common import LEVEL_COLOURS, TEXT_LIGHT, first_cells, layered, noted

# Calendar states, in the legend's order, and their colours: held, missed, month not over.
CALENDAR_STATES = ("held", "missed", "not_yet")
CALENDAR_COLOURS = (LEVEL_COLOURS["HTTNV"], LEVEL_COLOURS["KHTNV"], "#e0e0e0")


def month_label(month: int, lang: str) -> str:
    return f"{'Th' if lang == 'vi' else 'M'}{month}"


def calendar(frame: pd.DataFrame, lang: str) -> alt.LayerChart:
    """Month-by-month strip per cell: regular meeting held, missed, or month not over; CĐ (T in
    English) = a thematic meeting that month."""
    def state(row) -> str:
        if row["regular"] > 0:
            return "held"
        return "missed" if row["month_over"] else "not_yet"

    words = {s: i18n.t(f"calendar.{s}", lang) for s in CALENDAR_STATES}
    frame, note = first_cells(frame, lang)
    data = frame.assign(status=[words[state(r)] for r in frame.to_dict("records")],
                        mark=["CĐ" if lang == "vi" and t else ("T" if t else "") for t in frame["thematic"]],
                        month_label=[month_label(m, lang) for m in frame["month"]])
    base = alt.Chart().encode(
        x=alt.X("month_label:N", title=None, sort=[month_label(m, lang) for m in range(1, 13)],
                axis=alt.Axis(labelAngle=0, orient="top")),
        y=alt.Y("branch_name:N", title=None, sort=list(dict.fromkeys(data["branch_name"])),
                axis=alt.Axis(labelLimit=260)),
    )
    rect = base.mark_rect(stroke="white", strokeWidth=2).encode(
        color=alt.Color("status:N", title=None, scale=alt.Scale(domain=list(words.values()),
                                                                 range=list(CALENDAR_COLOURS)),
                        legend=alt.Legend(orient="bottom")),
        tooltip=[alt.Tooltip("branch_name:N", title=i18n.t("col.cell", lang)),
                 alt.Tooltip("month:O", title=i18n.t("col.month", lang)),
                 alt.Tooltip("regular:Q", title=i18n.t("col.regular", lang)),
                 alt.Tooltip("thematic:Q", title=i18n.t("col.thematic", lang)),
                 alt.Tooltip("status:N", title=i18n.t("col.state", lang))])
    text = base.mark_text(fontSize=11, color=TEXT_LIGHT, fontWeight="bold").encode(text=alt.Text("mark:N"))
    return layered(rect, text, data=data, height=70 + 36 * data["branch_name"].nunique(), **noted(note))
