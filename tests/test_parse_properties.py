"""Properties of the value parsers (dashboard/ingest/spellings.py), checked with hypothesis."""

from __future__ import annotations

import calendar
import datetime as dt
import unicodedata

import pytest
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

from dashboard.ingest import spellings

settings.register_profile("parse", max_examples=150, deadline=None)
settings.load_profile("parse")

ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"


# ---------------------------------------------------------------- dates

DATE_FORMATS = [
    lambda d, s: f"{d.day:02d}{s}{d.month:02d}{s}{d.year:04d}",   # 05/03/2025
    lambda d, s: f"{d.day}{s}{d.month}{s}{d.year:04d}",           # 5/3/2025
    lambda d, s: f"{d.day:02d}{s}{d.month}{s}{d.year:04d}",       # 05/3/2025
    lambda d, s: f"{d.day}{s}{d.month:02d}{s}{d.year:04d}",       # 5/03/2025
]


@given(st.dates(), st.sampled_from(DATE_FORMATS), st.sampled_from("/.-"), st.sampled_from(["", " ", "\u00a0"]))
@example(dt.date(2025, 3, 5), DATE_FORMATS[0], "/", "")
@example(dt.date(2025, 4, 3), DATE_FORMATS[0], "/", "")
def test_day_first_text_dates_parse_back(date, fmt, sep, pad):
    assert spellings.parse_date(pad + fmt(date, sep) + pad) == date


@given(st.dates())
def test_iso_dates_parse_back(date):
    assert spellings.parse_date(date.isoformat()) == date
    assert spellings.parse_date(f"{date.isoformat()} 00:00:00") == date
    assert spellings.parse_date(dt.datetime.combine(date, dt.time(13, 45))) == date
    assert spellings.parse_date(date) == date


@given(st.integers(1, 12), st.integers(1, 12), st.integers(1000, 9999))
def test_day_always_comes_first(day, month, year):
    assert spellings.parse_date(f"{day:02d}/{month:02d}/{year}") == dt.date(year, month, day)


@given(st.dates(dt.date(1900, 3, 1), dt.date(2199, 12, 31)))
def test_excel_serial_numbers_parse_back(date):
    serial = (date - spellings.EXCEL_EPOCH).days
    assert spellings.parse_date(serial) == date
    assert spellings.parse_date(float(serial)) == date


@st.composite
def impossible_days(draw):
    """(year, month, day) with a day past the month's end: 31/02, 29/02 of a common year, 31/04 …"""
    year, month = draw(st.integers(1, 9999)), draw(st.integers(1, 12))
    last = calendar.monthrange(year, month)[1]
    assume(last < 31)
    return year, month, draw(st.integers(last + 1, 31))


@given(impossible_days(), st.sampled_from("/.-"))
@example((2025, 2, 31), "/")
@example((2024, 2, 30), "/")
@example((2025, 2, 29), ".")
@example((2025, 4, 31), "-")
def test_impossible_dates_raise(date, sep):
    year, month, day = date
    with pytest.raises(ValueError):
        spellings.parse_date(f"{day:02d}{sep}{month:02d}{sep}{year:04d}")


@given(st.integers(0, 99).filter(lambda m: m == 0 or m > 12), st.integers(0, 99), st.integers(1000, 9999))
def test_impossible_months_and_day_zero_raise(month, day, year):
    with pytest.raises(ValueError):
        spellings.parse_date(f"{day:02d}/{month:02d}/{year}")
    with pytest.raises(ValueError):
        spellings.parse_date(f"00/{(month % 12) + 1:02d}/{year}")


# ---------------------------------------------------------------- numbers

def english(x: float, decimals: int) -> str:
    return f"{x:,.{decimals}f}"                                   # 1,234,567.89


def vietnamese(x: float, decimals: int) -> str:
    return english(x, decimals).translate(str.maketrans(",.", ".,"))  # 1.234.567,89


def plain_comma(x: float, decimals: int) -> str:
    return f"{x:.{decimals}f}".replace(".", ",")                  # 1234567,89


def plain(x: float, decimals: int) -> str:
    return f"{x:.{decimals}f}"                                    # 1234567.89


@given(st.floats(-1e12, 1e12, allow_nan=False), st.integers(0, 6),
       st.sampled_from([english, vietnamese, plain_comma, plain]))
@example(1234.5, 1, english)
@example(1234.5, 1, vietnamese)
@example(1234567.0, 0, english)
@example(1234567.0, 0, vietnamese)
@example(85.5, 1, plain_comma)
def test_formatted_numbers_parse_back(x, decimals, style):
    text = style(x, decimals)
    # One group of thousands and no decimals ("1.234", "1,234") reads as a decimal mark: 85.5 is 85,5.
    assume(not (decimals == 0 and text.count(",") + text.count(".") == 1))
    assert spellings.parse_number(text) == float(f"{x:.{decimals}f}")


@given(st.integers(0, 100), st.sampled_from(["", ",5", ".5", ",25"]), st.sampled_from(["%", " %"]))
@example(85, "", "%")
def test_percent_sign(number, fraction, sign):
    text = f"{number}{fraction}{sign}"
    expected = float(f"{number}{fraction.replace(',', '.')}")
    assert spellings.parse_number(text, percent=True) == expected
    with pytest.raises(ValueError):
        spellings.parse_number(text)


@given(st.one_of(st.integers(-10**12, 10**12), st.floats(allow_nan=False, allow_infinity=False)))
def test_numbers_from_cells_are_kept(number):
    assert spellings.parse_number(number) == float(number)


@given(st.text(alphabet="abcxyz!?#", min_size=1))
def test_words_are_not_numbers(text):
    with pytest.raises(ValueError):
        spellings.parse_number(text, percent=True)


# ---------------------------------------------------------------- yes / no

YES = ["có", "co", "x", "1", "yes", "y", "true", "đúng", "dung", "v", "✓", "✔"]
NO = ["không", "khong", "0", "no", "n", "false", "sai", "-"]


@st.composite
def spelled(draw, words):
    """One accepted spelling in any letter case, NFC or NFD, with spaces around."""
    word = draw(st.sampled_from(words))
    word = "".join(ch.upper() if draw(st.booleans()) else ch for ch in word)
    form = draw(st.sampled_from(["NFC", "NFD"]))
    pad = draw(st.sampled_from(["", " ", "  ", "\u00a0"]))
    return pad + unicodedata.normalize(form, word) + pad


@given(spelled(YES))
@example("CÓ")
@example("Đúng")
def test_every_yes_spelling(text):
    assert spellings.parse_yesno(text) is True


@given(spelled(NO))
@example("KHÔNG")
@example("Không")
def test_every_no_spelling(text):
    assert spellings.parse_yesno(text) is False


# ---------------------------------------------------------------- text normalisation

SPACES = " \t\n\r\u00a0\u2003\u3000" + ZERO_WIDTH
vietnamese_text = st.text(alphabet="aăâeêioôơuưyđAĂÂĐ \u0300\u0301\u0303\u0309\u0323bcnghtđ", max_size=30)
messy_text = st.one_of(
    st.text(max_size=40),
    st.builds(lambda a, b, c: a + b + c, st.text(SPACES, max_size=4), vietnamese_text, st.text(SPACES, max_size=4)),
)


@given(messy_text)
@example("e\x00\u0301")            # a control character between a letter and its accent
@example("\u2003Chi bộ\u3000")     # em space and ideographic space around
@example("\u200b CB01 \ufeff")
def test_clean_text_is_idempotent_nfc_and_trimmed(text):
    once = spellings.clean_text(text)
    assert spellings.clean_text(once) == once
    if once is not None:
        assert unicodedata.is_normalized("NFC", once)
        assert not (once[0].isspace() or once[0] in ZERO_WIDTH)
        assert not (once[-1].isspace() or once[-1] in ZERO_WIDTH)


@given(messy_text)
@example("Đảng ủy")
def test_clean_text_same_for_nfd_and_nfc_input(text):
    assert spellings.clean_text(unicodedata.normalize("NFD", text)) == spellings.clean_text(
        unicodedata.normalize("NFC", text))


@given(st.one_of(st.integers(-10**9, 10**9), st.floats(-1e9, 1e9).filter(float.is_integer)))
def test_whole_numbers_lose_the_decimal_point(number):
    assert spellings.clean_text(number) == str(int(number))


# ---------------------------------------------------------------- codes

code_like = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=12)
ascii_codes = st.from_regex(r"[A-Za-z0-9][A-Za-z0-9_\-./]{0,20}", fullmatch=True)


@given(st.one_of(code_like, ascii_codes, st.builds(lambda s: " " + s.lower() + "\u200b", ascii_codes)))
@example("cb01")
@example("dang_uy")
@example("ǰ1")
@example("ß")
def test_parse_code_matches_its_pattern_and_is_idempotent(text):
    try:
        code = spellings.parse_code(text)
    except ValueError:
        return
    assert spellings.CODE.fullmatch(code) and len(code) <= 64
    assert code == code.upper() and unicodedata.is_normalized("NFC", code)
    assert spellings.parse_code(code) == code


@given(ascii_codes)
def test_ascii_codes_are_accepted_in_any_case(text):
    assert spellings.parse_code(f"  {text.lower()}\u00a0") == text.upper()


@pytest.mark.parametrize("space", [ch for ch in map(chr, range(0x3001)) if ch.isspace()] + list(ZERO_WIDTH))
def test_every_unicode_space_is_trimmed(space):
    assert spellings.clean_text(f"{space}{space}Chi bộ{space}") == "Chi bộ"


def test_trimming_a_long_run_of_spaces_is_fast():
    text = "a" + " " * 1_000_000 + "b"
    assert spellings.clean_text(text) == text  # inner spaces stay; linear time, not quadratic


def _clean_text_by_definition(text: str) -> str | None:
    """clean_text's text rule written out character by character: drop every control character
    (Unicode category Cc) but line breaks and tabs, CRLF to LF, no-break space to space, NFC,
    trim every Unicode space and zero-width character."""
    kept = "".join(ch for ch in text if ch in "\n\t" or unicodedata.category(ch) != "Cc")
    kept = unicodedata.normalize("NFC", kept.replace("\r\n", "\n").replace("\u00a0", " "))
    return kept.strip(spellings._TRIM) or None


@given(st.one_of(messy_text, st.text(alphabet=st.characters(min_codepoint=0, max_codepoint=0x2100)),
                 st.text(alphabet=st.characters(max_codepoint=0x7f))))
@example("a\r\nb\x85c\x7f\x9fd\x1fe\tf")
@example(" CB01 ")
def test_clean_text_keeps_its_definition_on_every_path(text):
    assert spellings.clean_text(text) == _clean_text_by_definition(text)


@given(st.lists(st.text(alphabet=st.characters(min_codepoint=0x20, max_codepoint=0x1EFF), max_size=12), max_size=30))
@example(["§¶ng", "uû ban"])
@example(["Ñaûng", "Ñoàng"])
@example(["Đảng ủy", "Chi bộ"])
def test_legacy_encoding_counts_as_its_definition(texts):
    from dashboard.ingest.locate import _TCVN3, _VI_LATIN1, _VNI, legacy_encoding

    strange = tcvn = vni = vietnamese = 0
    for text in texts:
        for ch in text:
            if 0xA0 < ord(ch) <= 0xFF and ch not in _VI_LATIN1:
                strange, tcvn, vni = strange + 1, tcvn + (ch in _TCVN3), vni + (ch in _VNI)
            elif ord(ch) > 0xFF and unicodedata.category(ch).startswith("L"):
                vietnamese += 1
    expected = None if strange < 3 or strange <= vietnamese else ("TCVN3" if tcvn >= vni else "VNI")
    assert legacy_encoding(texts) == expected


@given(st.one_of(st.none(), st.floats(allow_nan=True, allow_infinity=True), st.integers(), st.booleans(),
                 st.dates(), st.datetimes(), messy_text, st.text()))
@example(float("nan"))
@example("\u200b\u3000")
def test_a_value_is_blank_exactly_when_its_clean_text_is_empty(value):
    assert spellings.is_blank(value) == (spellings.clean_text(value) is None)
