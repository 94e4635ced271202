"""The report as an editable Word document (.docx), with python-docx.

Laid out per Hướng dẫn 36-HD/VPTW: A4, margins top 20 mm, bottom 20 mm, left 30 mm, right
15 mm; Times New Roman (the guide's font; Word on the office's PCs has it, and LibreOffice
shows the metric-compatible Liberation Serif in its place) at 14 pt for the body, 15 pt for
"ĐẢNG CỘNG SẢN VIỆT NAM" and 16 pt for "BÁO CÁO"; the page number at the top centre from the
second page on. The heading block and the closing are two-column tables without borders,
the way the guide's samples are typed in Word. Text is stored as Unicode, so every
Vietnamese letter survives whatever font the reader's machine has.
"""

from __future__ import annotations

import datetime as dt
import io

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt

from .model import Image, Paragraph, Report, Section, Table

FONT = "Times New Roman"
BODY_PT, TABLE_PT, LIST_PT = 14, 12, 12
TEXT_WIDTH_CM = 16.5          # 210 mm − 30 mm − 15 mm
ALIGN = {"left": WD_ALIGN_PARAGRAPH.LEFT, "right": WD_ALIGN_PARAGRAPH.RIGHT, "center": WD_ALIGN_PARAGRAPH.CENTER}


def _fonts(element, name: str = FONT) -> None:
    """Name the font for every script (Word picks eastAsia/cs for some Vietnamese runs)."""
    rpr = element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), name)
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), "vi-VN")


def _para(container, text: str = "", *, size: float = BODY_PT, bold: bool = False, italic: bool = False,
          underline: bool = False, align=WD_ALIGN_PARAGRAPH.JUSTIFY, indent: bool = False, after: float = 6,
          before: float = 0, keep_with_next: bool = False):
    p = container.add_paragraph()
    p.alignment = align
    fmt = p.paragraph_format
    fmt.space_after, fmt.space_before = Pt(after), Pt(before)
    fmt.first_line_indent = Cm(1) if indent else None
    fmt.keep_with_next = keep_with_next or None
    if text:
        run = p.add_run(text)
        run.font.size, run.bold, run.italic, run.underline = Pt(size), bold, italic, underline
    return p


def _no_borders(table) -> None:
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "nil")
        borders.append(element)
    table._tbl.tblPr.append(borders)


def _widths(table, widths_cm: list[float]) -> None:
    """Column widths in the table's grid (LibreOffice reads it) and in every cell (Word does)."""
    table.autofit = False
    for column, width in zip(table.columns, widths_cm):
        column.width = Cm(width)
    for row in table.rows:
        for cell, width in zip(row.cells, widths_cm):
            cell.width = Cm(width)


def _two_columns(doc, widths_cm: tuple[float, float]):
    """A borderless one-row table: the guide's samples place the heading and closing this way."""
    table = doc.add_table(rows=1, cols=2)
    _no_borders(table)
    _widths(table, list(widths_cm))
    return table.rows[0].cells


def _fill(cell, lines: list[tuple[str, dict]]) -> None:
    """Paragraphs in a table cell, one a line (centred, no space after unless given)."""
    empty = cell.paragraphs[0]
    for text, style in lines:
        _para(cell, text, **{"align": WD_ALIGN_PARAGRAPH.CENTER, "after": 0, **style})
    empty._p.getparent().remove(empty._p)      # the paragraph every new cell starts with


def _heading(doc, report: Report) -> None:
    h = report.heading
    left, right = _two_columns(doc, (7.0, 9.5))
    _fill(left, [(h.parent, {}), (h.organisation, {"bold": True}), ("*", {}), (h.number, {})])
    _fill(right, [(h.party, {"size": 15, "bold": True, "underline": True}), ("", {"after": 6}),
                  (h.place_date, {"italic": True})])


def _page_numbers(section) -> None:
    """The page number at the top centre, from the second page on (the guide's rule)."""
    section.different_first_page_header_footer = True
    p = section.header.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = p.add_run()
    run.font.size = Pt(BODY_PT)
    for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        else:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        run._r.append(element)


def _table(doc, block: Table) -> None:
    columns = len(block.header)
    weights = block.widths or [1.0] * columns
    widths = [TEXT_WIDTH_CM * w / sum(weights) for w in weights]
    align = block.align or ["left"] * columns
    table = doc.add_table(rows=1 + len(block.rows), cols=columns)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    _widths(table, widths)
    header_row = table.rows[0]
    marker = OxmlElement("w:tblHeader")      # repeat the header on every page
    marker.set(qn("w:val"), "true")
    header_row._tr.get_or_add_trPr().append(marker)
    for r, values in enumerate([block.header] + block.rows):
        table.rows[r]._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))   # a row stays on one page
        for c, value in enumerate(values):
            p = table.rows[r].cells[c].paragraphs[0]
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER if r == 0 else ALIGN.get(align[c], WD_ALIGN_PARAGRAPH.LEFT)
            p.paragraph_format.space_after = Pt(0)
            run = p.add_run(str(value))
            run.font.size = Pt(TABLE_PT)
            run.bold = r == 0
    _para(doc, "", after=0)


def _image(doc, block: Image) -> None:
    p = _para(doc, align=WD_ALIGN_PARAGRAPH.CENTER, after=2, before=6)
    p.add_run().add_picture(io.BytesIO(block.png), width=Cm(min(block.width_cm, TEXT_WIDTH_CM)))
    if block.caption:
        _para(doc, block.caption, size=TABLE_PT, italic=True, align=WD_ALIGN_PARAGRAPH.CENTER)


def _section(doc, section: Section, level: int = 0) -> None:
    _para(doc, section.title, bold=True, italic=level > 0, indent=True, before=6 if level == 0 else 0,
          align=WD_ALIGN_PARAGRAPH.LEFT, keep_with_next=True)
    for block in section.blocks:
        if isinstance(block, Paragraph):
            _para(doc, block.text, bold=block.bold, italic=block.italic, indent=block.indent,
                  keep_with_next=block.keep_with_next)
        elif isinstance(block, Table):
            _table(doc, block)
        elif isinstance(block, Image):
            _image(doc, block)
    for sub in section.subsections:
        _section(doc, sub, level + 1)


def _closing(doc, report: Report) -> None:
    c = report.closing
    left, right = _two_columns(doc, (8.0, 8.5))
    flush = {"align": WD_ALIGN_PARAGRAPH.LEFT}
    _fill(left, [(c.recipients_label, {"underline": True, **flush})]
          + [(line, {"size": LIST_PT, **flush}) for line in c.recipients])
    # Room for the signature and the seal between the title and the name.
    _fill(right, [(c.authority, {"bold": True}), (c.position, {"bold": True})] + [("", {})] * 4
          + [(c.signer, {"bold": True})])


def render_docx(report: Report) -> bytes:
    """The report as .docx bytes."""
    doc = Document()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    section.header_distance = Mm(10)
    normal = doc.styles["Normal"]
    normal.font.name, normal.font.size = FONT, Pt(BODY_PT)
    _fonts(normal.element)
    normal.paragraph_format.line_spacing = 1.15
    properties = doc.core_properties
    properties.title = f"{report.title} {report.subject}"
    properties.author = report.heading.organisation
    properties.language = "vi-VN" if report.lang == "vi" else "en-GB"
    properties.created = dt.datetime(report.date.year, report.date.month, report.date.day, 12)
    _page_numbers(section)

    _heading(doc, report)
    _para(doc, report.title, size=16, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, before=18, after=0)
    _para(doc, report.subject, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, after=12)
    for p in report.intro:
        _para(doc, p.text, bold=p.bold, italic=p.italic, indent=p.indent)
    for s in report.sections:
        _section(doc, s)
    for p in report.conclusion:
        _para(doc, p.text, bold=p.bold, italic=p.italic, indent=p.indent, after=12)
    _closing(doc, report)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()
