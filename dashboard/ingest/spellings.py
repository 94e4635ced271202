"""Spellings: single values the way Vietnamese offices write them.

Every parser takes what a reader returned (text, a number, a date, None) and
returns the typed value or raises ``ValueError``. Dates are day-first: a text
such as 03/04/2025 is 3 April 2025, never 4 March. The cell parser
(``parse.py``) picks one of these per column kind; docs/data-contract.md lists
what each accepts.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata

from ..contract import fold

EXCEL_EPOCH = dt.date(1899, 12, 30)


def clean_text(value: object) -> str | None:
    """Trimmed NFC text; None for empty cells. Numbers that are whole lose '.0'."""
    if value is None:
        return None
    if isinstance(value, float):
        if math.isnan(value):
            return None
        if value.is_integer():
            value = int(value)
    if isinstance(value, (dt.datetime, dt.date)):
        return value.strftime("%d/%m/%Y")
    text = str(value)
    if text.isascii() and text.isprintable():
        # Most cells: printable ASCII has no control character, nothing to compose, no odd space.
        return text.strip(_TRIM) or None
    # Control characters (Unicode's Cc: U+0000–U+001F, U+007F–U+009F) other than line breaks
    # and tabs never belong in a cell.
    text = _CONTROLS.sub("", text)
    text = text.replace("\r\n", "\n")
    # NFC after removing controls: "e\x00\u0301" must become "é", not "e\u0301".
    text = unicodedata.normalize("NFC", text.replace("\u00a0", " "))
    # Every Unicode space (em space, ideographic space …) and zero-width spaces count when trimming.
    text = text.strip(_TRIM)
    return text or None


# Every character str.isspace() accepts, and the zero-width ones.
_TRIM = ("\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006"
         "\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\u200b\u200c\u200d\u2060\ufeff")


_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


CODE = re.compile(r"^[^\W_][\w\-./]*$")


def parse_code(value: object) -> str:
    """A code (CB01, DV001, A1, DANG_UY): letters, digits and - _ . / only, upper-cased."""
    text = clean_text(value)
    if text is None:
        raise ValueError("empty")
    text = text.upper()
    if not CODE.match(text) or len(text) > 64:
        raise ValueError("not a code")
    return text


def is_blank(value: object) -> bool:
    """Whether ``clean_text`` leaves nothing (said without writing the text for a number or a day)."""
    if value is None:
        return True
    if isinstance(value, float):
        return math.isnan(value)
    if isinstance(value, (int, dt.date)):
        return False
    return clean_text(value) is None


_DATE_PATTERNS = (
    (re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})$"), "dmy"),
    (re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]00:00(?::00(?:\.0+)?)?)?$"), "ymd"),
)


def parse_date(value: object) -> dt.date:
    """A spreadsheet date, dd/mm/yyyy (also with . or -), or ISO yyyy-mm-dd."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, bool):
        raise ValueError("not a date")
    if isinstance(value, (int, float)):
        # An Excel serial number that lost its date format.
        if isinstance(value, float) and not value.is_integer():
            raise ValueError("not a date")
        if not 1 <= value <= 109_574:  # up to 31/12/2199
            raise ValueError("not a date")
        return EXCEL_EPOCH + dt.timedelta(days=int(value))
    text = clean_text(value)
    if text is None:
        raise ValueError("empty")
    for pattern, order in _DATE_PATTERNS:
        m = pattern.match(text)
        if m:
            a, b, c = (int(g) for g in m.groups())
            day, month, year = (a, b, c) if order == "dmy" else (c, b, a)
            return dt.date(year, month, day)  # raises ValueError when impossible
    raise ValueError("not a date")


_NUMBER = re.compile(r"^[+-]?(?:\d*(?:[.,]\d+)?"            # 85, 85.5, 85,5
                     r"|\d{1,3}(?:\.\d{3})+(?:,\d+)?"         # 1.234.567,5 (Vietnamese)
                     r"|\d{1,3}(?:,\d{3})+(?:\.\d+)?)$")       # 1,234,567.5 (English)


def parse_number(value: object, percent: bool = False) -> float:
    """85, 85.5, 85,5 (decimal comma), 1.234,5; with ``percent``, 85% and 0.85-as-85 % stay apart.

    A trailing '%' is accepted for percentages only; the number before it is
    the percentage (85% → 85).
    """
    if isinstance(value, bool):
        raise ValueError("not a number")
    if isinstance(value, (int, float)):
        number = float(value)
    else:
        text = clean_text(value)
        if text is None:
            raise ValueError("empty")
        text = text.replace(" ", "").replace("\u202f", "")
        if text.endswith("%"):
            if not percent:
                raise ValueError("not a number")
            text = text[:-1]
        if not text or not _NUMBER.match(text.replace(" ", "")):
            raise ValueError("not a number")
        if "," in text and "." in text:
            # 1.234,5 (Vietnamese) or 1,234.5 (English): the last one is the decimal mark.
            if text.rfind(",") > text.rfind("."):
                text = text.replace(".", "").replace(",", ".")
            else:
                text = text.replace(",", "")
        elif text.count(",") > 1:
            text = text.replace(",", "")  # 1,234,567 (English thousands)
        elif "," in text:
            text = text.replace(",", ".")
        elif text.count(".") > 1:
            text = text.replace(".", "")
        number = float(text)
    if math.isnan(number) or math.isinf(number):
        raise ValueError("not a number")
    return number


def parse_integer(value: object) -> int:
    number = parse_number(value)
    if not float(number).is_integer():
        raise ValueError("not an integer")
    return int(number)


_YES = {"co", "x", "1", "yes", "y", "true", "dung", "v", "✓", "✔"}
_NO = {"khong", "0", "no", "n", "false", "sai", "-"}


def parse_yesno(value: object) -> bool:
    """có/không, x, 1/0, yes/no, true/false (any case, with or without diacritics)."""
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)) and value in (0, 1):
        return bool(value)
    text = clean_text(value)
    if text is None:
        raise ValueError("empty")
    key = fold(text) or text.strip().lower()
    if key in _YES or text in _YES:
        return True
    if key in _NO or text in _NO:
        return False
    raise ValueError("not yes/no")


def parse_year(value: object) -> int:
    number = parse_number(value)
    if not number.is_integer() or not 1990 <= number <= 2100:
        raise ValueError("not a year")
    return int(number)


def fold_role(value: object) -> str:
    """A party role's matching key ('' when none)."""
    text = clean_text(value)
    return fold(text) if text else ""


def parse_enum(value: object, choices: dict[str, str]) -> str:
    """Match against ``choices`` (folded spelling → code)."""
    text = clean_text(value)
    if text is None:
        raise ValueError("empty")
    code = choices.get(fold(text))
    if code is None:
        raise ValueError("not allowed")
    return code
