"""Every chart of the dashboard and the report, in one style (``common``), by page group.

``spec(chart)`` turns a chart into the Vega-Lite dict the pages cache and draw, and that
``documents.charts`` renders to PNG or SVG.
"""

from .common import (INCOMPLETE_COLOUR, LEVEL_COLOURS, SOLUTION_COLOURS, kept_spec, spec, with_arrow_datasets,
                     with_row_datasets)
from .meetings import calendar
from .overview import ranking_bars, solution_bars
from .ranking import criteria_heat, history_lines, level_labels, member_levels, member_quota, totals_bar, why_breakdown
from .solutions import matrix, on_time, timeline

__all__ = ["INCOMPLETE_COLOUR", "LEVEL_COLOURS", "SOLUTION_COLOURS", "kept_spec", "spec", "with_arrow_datasets", "with_row_datasets", "calendar", "ranking_bars",
           "solution_bars", "criteria_heat", "history_lines", "level_labels", "member_levels", "member_quota",
           "totals_bar", "why_breakdown", "matrix", "on_time", "timeline"]
