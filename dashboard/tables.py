"""Turning query results into tables a Vietnamese reader reads: labels, numbers, dates.

Numbers are formatted as text (1.234,5) so that every browser shows them the
same way, whatever its own locale.
"""

from __future__ import annotations

import pandas as pd

from . import export, i18n

# column kind → formatter(value, lang)
def _text(value: object) -> str:
    # Formula-like text stays inert wherever a table's text ends up (copied into a spreadsheet,
    # or exported): the tables' own CSV download is off (client.disableDataExport), but not relied on.
    if value is None or (not isinstance(value, (str, list, tuple, dict)) and pd.isna(value)):
        return ""
    return str(export.neutralise(str(value)))


FORMATS = {
    "text": lambda v, lang: _text(v),
    "int": lambda v, lang: i18n.fmt_number(v, 0, lang) if pd.notna(v) else "—",
    "score": lambda v, lang: i18n.fmt_number(v, 1, lang) if pd.notna(v) else "—",
    "ratio": lambda v, lang: i18n.fmt_percent(v, lang, fixed=True) if pd.notna(v) else "—",
    "percent": lambda v, lang: i18n.fmt_points_percent(v, lang, 0) if pd.notna(v) else "—",
    "date": lambda v, lang: i18n.fmt_date(v) if pd.notna(v) else "—",
    "datetime": lambda v, lang: i18n.fmt_datetime(v) if pd.notna(v) else "—",
    "yesno": lambda v, lang: (i18n.t("yes", lang) if v else i18n.t("no", lang)) if pd.notna(v) else "—",
    "delta": lambda v, lang: ("—" if pd.isna(v) else ("▲ " if v > 0 else "▼ " if v < 0 else "= ")
                              + i18n.fmt_number(abs(v), 1, lang)),
    "rank_delta": lambda v, lang: ("—" if pd.isna(v) else ("▲ " if v > 0 else "▼ " if v < 0 else "= ")
                                   + str(int(abs(v)))),
}


def display(frame: pd.DataFrame, columns: list[tuple[str, str, str]], lang: str) -> pd.DataFrame:
    """Select, format and label columns: ``columns`` = [(source, label key, kind)]."""
    out = pd.DataFrame(index=frame.index)
    for source, label_key, kind in columns:
        label = i18n.t(label_key, lang) if label_key in i18n.MESSAGES else label_key
        out[label] = [FORMATS[kind](v, lang) for v in frame[source]] if len(frame) else []
    return out.reset_index(drop=True)


def plain_text(frame: pd.DataFrame) -> pd.DataFrame:
    """Every cell as text a spreadsheet will not run: blanks for missing values, and formula-like
    text (= + - @ …) with a leading apostrophe, as in every other table (see ``_text``)."""
    return pd.DataFrame({column: [_text(v) for v in frame[column]] for column in frame.columns},
                        index=frame.index).reset_index(drop=True)


def rank_with_change(rank: object, change: object) -> str:
    """'2 ▲1' (rose one place), '3 ▼2', '1' (no change or nothing to compare), '—' (not ranked)."""
    if rank is None or pd.isna(rank):
        return "—"
    text = str(int(rank))
    if change is not None and not pd.isna(change) and change != 0:
        text += f" {'▲' if change > 0 else '▼'}{int(abs(change))}"
    return text
