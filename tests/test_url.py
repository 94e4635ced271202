"""The address as the page's state, without a page: ``split`` and ``resolve`` on hand-made cases,
and ``write`` as the only code that changes ``st.query_params``."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from dashboard.ui.url import resolve, split

ROOT = Path(__file__).resolve().parent.parent
CELLS = ["CB01", "CB02", "CB03", "CB04"]
PERIODS = ["2025", "2025-Q4", "2024"]
LANGS = ("vi", "en")


def up(text: str) -> str:
    return text.upper()


def period_code(text: str) -> str:
    """A hand-made normaliser: '2025q4' → '2025-Q4'; anything that is not a year or a quarter raises."""
    year, _, quarter = text.upper().partition("Q")
    if not (year.rstrip("-").isdigit() and quarter in ("", "1", "2", "3", "4")):
        raise ValueError(text)
    return year.rstrip("-") + (f"-Q{quarter}" if quarter else "")


# ---------------------------------------------------------------- split: what the address says

@pytest.mark.parametrize("written, expected", [
    (["CB01,CB03"], ["CB01", "CB03"]),                       # comma-separated
    (["CB01", "CB03"], ["CB01", "CB03"]),                    # repeated
    (["CB01, CB03", "CB04"], ["CB01", "CB03", "CB04"]),      # both, spaces around
    ([""], []), ([",", " "], []), ([], []),                  # present, but empty
])
def test_split_reads_repeated_and_comma_separated_values(written, expected):
    assert split(written) == expected


# ---------------------------------------------------------------- the cell filter (several values)

def test_the_address_wins_over_what_was_remembered():
    assert resolve(["CB01"], ["CB03"], CELLS, many=True) == (["CB01"], [])


def test_without_the_parameter_the_remembered_cells_still_allowed_apply():
    assert resolve(None, ["CB03", "CB09"], CELLS, many=True) == (["CB03"], [])
    assert resolve(None, None, CELLS, many=True) == ([], [])


def test_unknown_codes_are_dropped_with_a_notice_naming_them():
    assert resolve(["cb02", "ZZ99", "<script>"], ["CB01"], CELLS, many=True, normalise=up) == (
        ["CB02"], ["ZZ99", "<SCRIPT>"])
    # Nothing known at all: every cell, and the notice.
    assert resolve(["ZZ99"], ["CB01"], CELLS, many=True) == ([], ["ZZ99"])


def test_repeated_and_comma_separated_codes_count_once_in_their_order():
    assert resolve(split(["CB03,CB01", "CB03", "cb01"]), [], CELLS, many=True, normalise=up) == (["CB03", "CB01"], [])


def test_an_empty_parameter_means_every_cell_even_after_a_choice():
    assert resolve(split([""]), ["CB02"], CELLS, many=True) == ([], [])


# ---------------------------------------------------------------- one value (period, language, choices)

def test_one_value_from_the_address_over_memory_and_default():
    assert resolve(["2024"], "2025-Q4", PERIODS, default="2025") == ("2024", [])
    assert resolve(["2025q4"], None, PERIODS, default="2025", normalise=period_code) == ("2025-Q4", [])
    assert resolve(["EN"], "vi", LANGS, default="vi", normalise=str.lower) == ("en", [])


def test_one_value_only_the_first_is_read():
    assert resolve(["en", "vi"], None, LANGS, default="vi") == ("en", [])


def test_an_unknown_value_is_dropped_with_a_notice_and_memory_or_default_applies():
    assert resolve(["2099"], "2024", PERIODS, default="2025") == ("2024", ["2099"])
    assert resolve(["2099"], None, PERIODS, default="2025") == ("2025", ["2099"])
    # A value the normaliser cannot read is named as written.
    assert resolve(["năm ngoái"], None, PERIODS, default="2025", normalise=period_code) == ("2025", ["năm ngoái"])


def test_no_value_in_the_address_keeps_memory_unless_it_is_no_longer_allowed():
    assert resolve(None, "2025-Q4", PERIODS, default="2025") == ("2025-Q4", [])
    assert resolve([], "en", LANGS, default="vi") == ("en", [])          # ?lang= with nothing
    assert resolve(None, "2019", PERIODS, default="2025") == ("2025", [])   # a period with no data now
    assert resolve(None, None, [], default=None) == (None, [])              # no period at all


# ---------------------------------------------------------------- one writer

def _writes_query_params(node: ast.AST) -> bool:
    def is_params(target: ast.AST) -> bool:
        return isinstance(target, ast.Attribute) and target.attr == "query_params"

    if isinstance(node, (ast.Assign, ast.AugAssign, ast.Delete)):
        targets = node.targets if isinstance(node, (ast.Assign, ast.Delete)) else [node.target]
        return any(isinstance(t, ast.Subscript) and is_params(t.value) for t in targets)
    return (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and is_params(node.func.value)
            and node.func.attr in ("clear", "update", "pop", "from_dict", "setdefault", "__setitem__"))


def test_only_the_url_module_writes_the_address():
    files = sorted((ROOT / "dashboard").rglob("*.py")) + sorted((ROOT / "pages").glob("*.py")) + [ROOT / "app.py"]
    writers = {path.relative_to(ROOT).as_posix() for path in files
               if any(_writes_query_params(n) for n in ast.walk(ast.parse(path.read_text(encoding="utf-8"))))}
    assert writers == {"dashboard/ui/url.py"}
