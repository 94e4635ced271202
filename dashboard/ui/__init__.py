"""What every page stands on: setup, cached data, the address, sign-in, the sidebar, widgets.

Every page file starts with ``ctx = ui.page_setup("key")`` and then reads its data through
``ctx`` (queries, findings, charts, all cached per data version) and draws with Streamlit and
the widgets here.

* ``context`` — ``PageContext`` and the caches (queries, rule findings, chart specs);
* ``url``     — the address as state: ``resolve`` (pure), ``remembered``, ``write`` (the only
  writer of ``st.query_params``), the solution page's matrix focus;
* ``login``   — the login gate and form, sign-out, the audit of what users do;
* ``sidebar`` — the menu and the shared filters; ``page`` — ``page_setup``;
* ``widgets`` — safe text, clearing the cell filter, choices kept in the address, findings;
* ``downloads`` — every table as .xlsx and CSV, key charts as PNG and SVG (``table``,
  ``table_downloads``, ``chart_downloads``), audited; ``report`` — “Xuất báo cáo” (``report_button``);
* ``why``, ``uploads``, ``history``, ``backups`` — the larger parts of the ranking, upload and history
  pages (``backups``: backup and restore, administrators only).
"""

from . import backups, downloads, history, report, uploads, url, why
from .context import PageContext, db_path, today
from .downloads import chart_downloads, table, table_downloads
from .report import report_button
from .login import audit_event
from .page import page_setup
from .paging import page_of
from .widgets import (clear_filter_button, empty_notice, findings_table, plain, select_cells, selection_key,
                      url_choice, user_errors)

__all__ = ["backups", "downloads", "history", "report", "uploads", "url", "why", "PageContext", "db_path", "today",
           "audit_event", "chart_downloads", "table", "table_downloads", "report_button",
           "page_setup", "clear_filter_button", "empty_notice", "findings_table", "page_of", "plain", "select_cells",
           "selection_key", "url_choice", "user_errors"]
