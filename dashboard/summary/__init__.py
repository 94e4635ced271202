"""The overview's figures, the written summary and the urgent list, from query results.

No Streamlit, no SQL, no external service: plain rules over the same DataFrames the overview
draws its cards and charts from. ``figures`` (figures.py) computes every number once; the cards
(``value_text``/``delta_text``) and the sentences (sentences.py) format those very numbers with
the very same formatters (``dashboard.fmt``), so the two cannot disagree; ``urgent``
(urgent.py) lists what needs attention.
"""

from .figures import (CARD_FORMATS, Card, Figures, Mover, compared_label, delta_text, figures, rounded_delta,
                      share_text, value_text)
from .overview import overview_figures
from .sentences import MINUS, move_text, sentences
from .urgent import KIND_ORDER, Item, urgent, urgent_count

__all__ = ["CARD_FORMATS", "Card", "Figures", "Mover", "compared_label", "delta_text", "figures", "rounded_delta",
           "share_text", "value_text", "overview_figures", "MINUS", "move_text", "sentences", "KIND_ORDER", "Item",
           "urgent", "urgent_count"]
