"""Turning query results into tables a Vietnamese reader reads: labels, numbers, dates.

Each column is (source column, label key, kind); the kinds and how they are written are
``fmt.FORMATS``. Numbers are formatted as text (1.234,5) so that every browser shows them the
same way, whatever its own locale.
"""

from __future__ import annotations

import pandas as pd

from . import fmt, i18n


def display(frame: pd.DataFrame, columns: list[tuple[str, str, str]], lang: str) -> pd.DataFrame:
    """Select, format and label columns: ``columns`` = [(source, label key, kind)]."""
    # made at once (a column set one by one re-blocks the frame each time: twice the cost)
    return pd.DataFrame(_formatted(frame, columns, lang), index=pd.RangeIndex(len(frame)))


def display_table(frame: pd.DataFrame, columns: list[tuple[str, str, str]], lang: str):
    """``display`` as an Arrow table of texts, the form ``st.dataframe`` sends: made straight
    from the formatted values. Through pandas, each column of texts was made into Arrow once
    by pandas and again by Streamlit's conversion of the frame (a third of a table's cost, on
    every page view)."""
    import pyarrow as pa

    return pa.table({label: pa.array(values, type=pa.string())
                     for label, values in _formatted(frame, columns, lang).items()})


def _formatted(frame: pd.DataFrame, columns: list[tuple[str, str, str]], lang: str) -> dict[str, list[str]]:
    """Each column's label and its values as text (``fmt.FORMATS``), in the order given."""
    return {i18n.t(label_key, lang): [fmt.FORMATS[kind](v, lang) for v in frame[source]]
            for source, label_key, kind in columns}


def plain_text(frame: pd.DataFrame) -> pd.DataFrame:
    """Every cell as text a spreadsheet will not run: blanks for missing values, and formula-like
    text (= + - @ …) with a leading apostrophe, as in every other table (``fmt.cell_text``)."""
    return pd.DataFrame({column: [fmt.cell_text(v) for v in frame[column]] for column in frame.columns},
                        index=frame.index).reset_index(drop=True)
