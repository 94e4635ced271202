"""Make dashboard/documents/fonts/DashboardSans-*.ttf from Liberation Sans 2.1.5 (run once, by hand).

Charts are rendered by vl-convert, which looks fonts up by family name among the machine's
own fonts too. Debian-like systems often still carry Liberation Sans 1.07, whose "Liberation
Sans" lacks most Vietnamese letters and wins the lookup, so every label then falls back to
another font. A family name that no system has makes the lookup land on our copy. The SIL
Open Font License lets a modified version be distributed under a name other than the
reserved "Liberation"; nothing but the names changes (glyphs, metrics, licence untouched).

Needs fontTools, which the app itself does not use:
    pip install fonttools==4.68.0
    python scripts/rename_chart_font.py /usr/share/fonts/truetype/liberation2
(the folder of the Debian package fonts-liberation2 2.1.5-1).
"""

import sys
from pathlib import Path

from fontTools.ttLib import TTFont

FAMILY = "Dashboard Sans"
OUT = Path(__file__).resolve().parent.parent / "dashboard" / "documents" / "fonts"


def rename(source: Path, style: str) -> Path:
    font = TTFont(source)
    names = {1: FAMILY, 3: f"{FAMILY} {style}; renamed from Liberation Sans 2.1.5",
             4: f"{FAMILY} {style}" if style != "Regular" else FAMILY,
             5: "Version 2.1.5; Liberation Sans 2.1.5 renamed, otherwise unmodified",
             6: f"DashboardSans-{style}", 16: FAMILY, 17: style}
    table = font["name"]
    for record in list(table.names):
        if record.nameID in names:
            table.removeNames(nameID=record.nameID)
    for name_id, text in names.items():
        if name_id in (16, 17) and style in ("Regular", "Bold"):
            continue   # family and style are already the RIBBI pair: no typographic names needed
        table.setName(text, name_id, 3, 1, 0x409)
        table.setName(text, name_id, 1, 0, 0)
    target = OUT / f"DashboardSans-{style}.ttf"
    font.save(target)
    return target


if __name__ == "__main__":
    folder = Path(sys.argv[1])
    for style in ("Regular", "Bold"):
        print(rename(folder / f"LiberationSans-{style}.ttf", style))
