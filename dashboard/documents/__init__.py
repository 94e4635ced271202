"""Documents that leave the dashboard: charts as images, the report to the higher committee.

* ``charts``  — a chart's Vega-Lite spec rendered to PNG or SVG on this machine (vl-convert).
* ``report``  — the report's content (plain dataclasses) and its assembly from the dashboard's data.
* ``docx``    — the report as an editable Word document (python-docx).
* ``pdf``     — the report as PDF, typeset by Typst with the fonts in ``fonts/`` embedded.

Tables go out as spreadsheets from ``dashboard.export`` (the template and error reports live
there too); backups are ``dashboard.backup``. Nothing here reaches the network: fonts come
from ``fonts/`` (Liberation 2.1.5, SIL OFL 1.1, see ``fonts/OFL.txt``), scripts and
renderers ship inside the wheels.
"""

from pathlib import Path

FONTS_DIR = Path(__file__).resolve().parent / "fonts"
