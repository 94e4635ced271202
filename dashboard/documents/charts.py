"""A chart's Vega-Lite spec as an image file, rendered on this machine.

The page draws a chart in the browser from the very spec given here, so the PNG and the SVG
show what the page shows. vl-convert (a PyPI wheel embedding Deno with Vega and Vega-Lite)
renders them without a browser and without the network: ``allowed_base_urls=[]`` refuses
any data URL, and no font or script is fetched. Its own built-in font and the machine's fonts
are looked up by family name, and an older system "Liberation Sans" lacks Vietnamese, so
the charts are set in "Dashboard Sans" (Liberation Sans 2.1.5 renamed, ``fonts/``), which no
system has under that name: the lookup always lands on our copy, on any machine.
"""

from __future__ import annotations

import copy
import threading

import vl_convert as vlc

from ..charts import with_row_datasets
from . import FONTS_DIR

FONT = "Dashboard Sans"
# The SVG names fallbacks for a reader's machine without our font (the PNG has the glyphs).
FONT_STACK = f"{FONT}, Arial, Helvetica, sans-serif"
DEFAULT_WIDTH = 640
# d3-format locales: the Vietnamese separators of the pages (1.234,5).
NUMBER_LOCALES = {"vi": {"decimal": ",", "thousands": ".", "grouping": [3], "currency": ["", " ₫"]}}
TIME_LOCALES = {"vi": "vi-VN"}

_lock = threading.Lock()
_fonts_registered = False


def _register_fonts() -> None:
    global _fonts_registered
    if not _fonts_registered:
        vlc.register_font_directory(str(FONTS_DIR))
        _fonts_registered = True


def prepared(spec: dict, width: int = DEFAULT_WIDTH) -> dict:
    """The spec ready for a file: a fixed width where the page lets the browser size it, and a
    white background (a page's chart sits on white; a transparent PNG would not)."""
    out = copy.deepcopy(with_row_datasets(spec))
    single_view = "mark" in out or "layer" in out
    if out.get("width") == "container" or (single_view and "width" not in out):
        out["width"] = width
    out.setdefault("background", "#ffffff")
    return out


def _options(lang: str) -> dict:
    options = {"config": {"font": FONT_STACK}, "allowed_base_urls": [],
               "time_format_locale": TIME_LOCALES.get(lang, "en-US")}
    if lang in NUMBER_LOCALES:
        options["format_locale"] = NUMBER_LOCALES[lang]
    return options


def chart_svg(spec: dict, lang: str = "vi", width: int = DEFAULT_WIDTH) -> str:
    """The chart as SVG text (text stays text: searchable, and sharp at any size)."""
    with _lock:
        _register_fonts()
        return vlc.vegalite_to_svg(prepared(spec, width), **_options(lang))


def chart_png(spec: dict, lang: str = "vi", width: int = DEFAULT_WIDTH, scale: float = 2.0) -> bytes:
    """The chart as PNG, ``scale`` pixels per CSS pixel (2: sharp on paper at 16 cm wide)."""
    with _lock:
        _register_fonts()
        return vlc.vegalite_to_png(prepared(spec, width), scale=scale, **_options(lang))
