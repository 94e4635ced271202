"""The report as PDF, typeset by Typst (the ``typst`` wheel) from ``report.typ``.

Why Typst: the PDF must be made offline on a fresh machine by what ``make run`` installs, so a
system office suite (LibreOffice, Word) is out. The ``typst`` wheel is the Typst compiler
itself: it typesets (justification, line breaking, tables that break across pages with their
header repeated), embeds subsets of the fonts it uses, and never reaches the network unless a
document imports a package, which ``report.typ`` does not.

Fonts: Times New Roman, the guide's font, may not be redistributed; Liberation Serif 2.1.5
(``fonts/``, SIL OFL 1.1) has the same metrics and every Vietnamese letter. The compiler is
given that folder only (``ignore_system_fonts``), so the output is the same on every machine
and no glyph comes from whatever the machine happens to have.

The report's content goes in as JSON data that the template reads as strings; nothing a user
typed (a cell's name, an action's description) is ever read as Typst markup.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import shutil
import tempfile
from pathlib import Path

import typst

from . import FONTS_DIR
from .model import Image, Paragraph, Report, Section, Table

TEMPLATE = Path(__file__).resolve().parent / "report.typ"


def _block(block, images: dict[str, bytes]) -> dict:
    if isinstance(block, Paragraph):
        return {"kind": "paragraph", **dataclasses.asdict(block)}
    if isinstance(block, Table):
        return {"kind": "table", "header": [str(h) for h in block.header],
                "rows": [[str(c) for c in row] for row in block.rows],
                "widths": block.widths, "align": block.align}
    if isinstance(block, Image):
        name = f"image-{len(images) + 1}.png"
        images[name] = block.png
        return {"kind": "image", "path": name, "caption": block.caption, "width_cm": block.width_cm}
    raise TypeError(f"not a report block: {type(block).__name__}")


def _section(section: Section, images: dict[str, bytes]) -> dict:
    return {"title": section.title, "blocks": [_block(b, images) for b in section.blocks],
            "subsections": [_section(s, images) for s in section.subsections]}


def content(report: Report) -> tuple[dict, dict[str, bytes]]:
    """The JSON the template reads, and the images it names."""
    images: dict[str, bytes] = {}
    data = {
        "lang": report.lang,
        "heading": dataclasses.asdict(report.heading),
        "title": report.title,
        "subject": report.subject,
        "intro": [dataclasses.asdict(p) for p in report.intro],
        "sections": [_section(s, images) for s in report.sections],
        "conclusion": [dataclasses.asdict(p) for p in report.conclusion],
        "closing": dataclasses.asdict(report.closing),
    }
    return data, images


def render_pdf(report: Report, created: dt.datetime | None = None) -> bytes:
    """The report as PDF bytes (fonts embedded). ``created`` is the PDF's creation time."""
    data, images = content(report)
    with tempfile.TemporaryDirectory(prefix="bao-cao-") as folder:
        root = Path(folder)
        shutil.copyfile(TEMPLATE, root / "report.typ")
        (root / "content.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        for name, png in images.items():
            (root / name).write_bytes(png)
        when = (created or dt.datetime.now()).replace(microsecond=0)
        if when.tzinfo is None:
            when = when.astimezone()
        return typst.compile(str(root / "report.typ"), root=str(root), font_paths=[str(FONTS_DIR)],
                             ignore_system_fonts=True, format="pdf", timestamp=when,
                             package_path=str(root), package_cache_path=str(root))
