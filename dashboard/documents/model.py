"""What a document to the higher committee holds: plain dataclasses, drawn by ``docx`` and ``pdf``.

``report.assemble`` fills them from the dashboard's figures.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field



@dataclass
class Paragraph:
    text: str
    bold: bool = False
    italic: bool = False
    indent: bool = True           # the body's first-line indent; off for lists and notes
    keep_with_next: bool = False  # a line that leads into a table stays on the table's page


@dataclass
class Table:
    header: list[str]
    rows: list[list[str]]
    widths: list[float] | None = None      # relative column widths (default: equal)
    align: list[str] | None = None         # per column: left | right | center


@dataclass
class Image:
    png: bytes
    caption: str = ""
    width_cm: float = 16.0


Block = Paragraph | Table | Image


@dataclass
class Section:
    title: str
    blocks: list[Block] = field(default_factory=list)
    subsections: list["Section"] = field(default_factory=list)


@dataclass
class Heading:
    parent: str                   # ĐẢNG BỘ TỈNH LAI CHÂU
    organisation: str             # ĐẢNG ỦY VIỆN KIỂM SÁT NHÂN DÂN TỈNH
    number: str                   # Số 15-BC/ĐU
    party: str                    # ĐẢNG CỘNG SẢN VIỆT NAM
    place_date: str               # Lai Châu, ngày 30 tháng 11 năm 2026


@dataclass
class Closing:
    recipients_label: str
    recipients: list[str]
    authority: str                # T/M ĐẢNG ỦY
    position: str                 # BÍ THƯ
    signer: str = ""              # left empty: the signer writes the name


@dataclass
class Report:
    heading: Heading
    title: str
    subject: str
    intro: list[Paragraph]
    sections: list[Section]
    conclusion: list[Paragraph]
    closing: Closing
    lang: str = "vi"
    date: dt.date = field(default_factory=dt.date.today)

    def texts(self) -> list[str]:
        """Every piece of text, in reading order (what a reader or a test looks for)."""
        h = self.heading
        out = [h.parent, h.organisation, "*", h.number, h.party, h.place_date, self.title, self.subject]
        out += [p.text for p in self.intro]

        def walk(section: Section) -> None:
            out.append(section.title)
            for block in section.blocks:
                if isinstance(block, Paragraph):
                    out.append(block.text)
                elif isinstance(block, Table):
                    out.extend(block.header)
                    out.extend(cell for row in block.rows for cell in row)
                elif block.caption:
                    out.append(block.caption)
            for sub in section.subsections:
                walk(sub)

        for section in self.sections:
            walk(section)
        out += [p.text for p in self.conclusion]
        c = self.closing
        return out + [c.recipients_label, *c.recipients, c.authority, c.position] + ([c.signer] if c.signer else [])
