"""Spreadsheets the dashboard hands out: the template, error reports, every page's tables.

Every cell is written as a value, never as a formula: text that begins like a
formula (= + - @, tab, CR) is written as a string with Excel's quote prefix, so
Excel shows it as text and keeps it text when the cell is edited. In CSV, where
there is no such prefix, the text gets a leading apostrophe (``neutralise``).

A page's table goes out as the page shows it (``table_xlsx``, ``table_csv``): the
same column list as ``tables.display`` (source, label key, kind), numbers rounded
as shown but kept as numbers (Excel formats them: 85,5 · 85,3 % · ▲ 2,8), dates as
dates shown dd/mm/yyyy, the title and the filters above the table, the header
frozen. ``export_file_name`` names the file after what and when.

``writer`` (the safe workbook writer), ``tables`` (a page's table), ``template`` (the upload
template), ``problems`` (an upload's error report).
"""

from ..fmt import is_formula_like, neutralise
from .problems import problems_workbook
from .tables import (DECIMALS, PERCENT_KINDS, XLSX_FORMATS, export_file_name, slug, table_csv, table_xlsx,
                     typed_value)
from .template import template_workbook
from .writer import FIXED_CREATED, KIND_VI, safe_sheet_name, table_workbook

__all__ = ["is_formula_like", "neutralise", "problems_workbook", "DECIMALS", "PERCENT_KINDS", "XLSX_FORMATS",
           "export_file_name", "slug", "table_csv", "table_xlsx", "typed_value", "template_workbook",
           "FIXED_CREATED", "KIND_VI", "safe_sheet_name", "table_workbook"]
