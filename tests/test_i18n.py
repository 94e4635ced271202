"""The message catalog: put together explicitly, every key once, Vietnamese and English, and every
key the code uses — written out, or built from data with an f-string — exists.

A key is found in the code in three ways: the first argument of a call to ``t`` (``t(…)``,
``ctx.t(…)``, ``i18n.t(…)``); any string in the code that has the form of a key and starts like
a key of the catalog (column labels in a table's column list, a key chosen by ``… if … else …``,
a problem code given to the ingest); and a key built from data (``f"rule.{rule.code}"``,
``"severity." + s``): each such pattern must be listed in ``dynamic_keys`` below, which
enumerates its values from the same data the code uses.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pandas as pd
import pytest

from dashboard import (audit, auth, history, i18n, limitations, messages, queries, rankings, review, rules, settings,
                       store, summary, tables)
from dashboard.charts import meetings as meeting_charts
from dashboard.ui import sidebar

ROOT = Path(__file__).resolve().parent.parent
CODE = sorted(p for p in (ROOT / "dashboard").rglob("*.py") if "messages" not in p.parts) + \
    sorted((ROOT / "pages").glob("*.py")) + [ROOT / "app.py"]
KEY = re.compile(r"[a-z][a-z0-9_]*(\.[a-z0-9_]+)+")
KEY_HEAD = re.compile(r"[a-z][a-z0-9_]*(\.[a-z0-9_]+)*\.")
NOT_KEYS = re.compile(r".*\.(py|xlsx|xls|csv|txt|tsv|duckdb|toml|typ|sql|ttf|png|svg|pdf|docx)")
PREFIXES = {key.split(".")[0] for key in i18n.MESSAGES}

# Each module's keys start with its page group's English name(s).
MODULE_PREFIXES = {
    "common": ("app.", "page.", "filter.", "sample.", "data.", "empty.", "error.", "committee", "severity.",
               "findings.", "col.", "yes", "no", "chart.", "table."),
    "auth": ("auth.", "role.", "audit."), "overview": ("overview.", "summary."),
    "ranking": ("ranking.", "why.", "members."), "solutions": ("solutions.",), "meetings": ("meetings.", "calendar."),
    "upload": ("upload.",), "history": ("history.", "undo.", "source."), "rules": ("rule.", "quota."),
    "ingest": ("p.", "reason.", "file.", "problem.", "subject."), "cli": ("cli.",),
    "documents": ("report.", "backup.", "restore.", "download."), "projection": ("projection.",),
    "limitations": ("lim.",),
    "yearend": ("yearend.",), "members": ("roster.",),
}


def dynamic_keys(tmp_path: Path) -> dict[str, set[str]]:
    """Every key pattern built from data in the code, with the values it takes."""
    store.connect(tmp_path / "reference.duckdb")   # the reference tables the migrations fill
    subjects = {row[0] for row in store.cursor(tmp_path / "reference.duckdb").execute(
        "SELECT DISTINCT subject FROM discipline_forms").fetchall()}
    return {
        "page.": {key.split(".", 1)[1] for _, key, _ in sidebar.PAGES},
        "rule.": {rule.code for rule in rules.RULES},
        "severity.": set(rules.SEVERITY_ORDER),
        "role.": set(auth.ROLES),
        "source.": set(history.SOURCES),
        "audit.action.": set(audit.ACTIONS),
        "audit.detail.": set(audit.DETAIL_PARTS),
        "audit.reason.": set(audit.REASONS),
        "audit.from.": set(audit.FROM),
        "audit.entry.": set(audit.ENTRIES),
        "quota.base.": set(settings.choices("DASHBOARD_QUOTA_BASE")),
        "quota.rounding.": set(settings.choices("DASHBOARD_QUOTA_ROUNDING")),
        "subject.": subjects,
        "overview.help.": set(summary.CARD_FORMATS),
        "overview.urgent.kind.": set(summary.KIND_ORDER),
        "ranking.compare.": set(rankings.COMPARE),
        "ranking.sort.": set(rankings.SORTS),
        "calendar.": set(meeting_charts.CALENDAR_STATES),
        "lim.m.": {m.key for m in limitations.MEASURES},
        "yearend.step.": {step for _, step in review.STEPS},
        "roster.list.": {"excellent", "excellent_run", "failed_run", "removal", "disciplined", "probation"},
        "roster.probation.": {"due", "past"},
    }


def _strings(tree: ast.AST) -> tuple[set[str], set[str], set[str]]:
    """(keys given to t(), key-like string constants, heads of keys built at run time)."""
    called, constants, built = set(), set(), set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and node.args:
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            first = node.args[0]
            if name == "t" and isinstance(first, ast.Constant) and isinstance(first.value, str):
                called.add(first.value)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and KEY.fullmatch(node.value):
            constants.add(node.value)
        head = None
        if isinstance(node, ast.JoinedStr) and node.values and isinstance(node.values[0], ast.Constant):
            head = node.values[0].value
        elif (isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add) and isinstance(node.left, ast.Constant)
              and isinstance(node.left.value, str)):
            head = node.left.value
        if head and KEY_HEAD.fullmatch(head) and head.split(".")[0] in PREFIXES:
            built.add(head)
    return called, constants, built


def used_in_code() -> tuple[set[str], set[str]]:
    """(keys the code names, heads of keys it builds)."""
    query_names = set(queries.load_all()) | set(queries.load_internal())
    keys, heads = set(), set()
    for path in CODE:
        called, constants, built = _strings(ast.parse(path.read_text(encoding="utf-8")))
        keys |= called
        keys |= {c for c in constants if c.split(".")[0] in PREFIXES and c not in query_names
                 and not NOT_KEYS.fullmatch(c)}
        heads |= built
    return keys, heads


def test_the_code_is_scanned():
    keys, heads = used_in_code()
    # A few keys of each kind, as a check that the scan sees them at all.
    assert {"overview.no_period", "col.cell", "undo.dependent", "p.required", "cli.busy", "why.title"} <= keys
    assert {"rule.", "severity.", "overview.urgent.kind.", "page."} <= heads


def test_every_key_used_in_the_code_exists():
    keys, _ = used_in_code()
    assert sorted(keys - set(i18n.MESSAGES)) == []


def test_every_key_built_from_data_exists_for_every_value(tmp_path):
    _, heads = used_in_code()
    known = dynamic_keys(tmp_path)
    assert sorted(heads - set(known)) == [], "a key built at run time: enumerate its values in dynamic_keys"
    assert sorted(set(known) - heads) == [], "dynamic_keys lists a pattern the code no longer builds"
    missing = sorted(head + value for head, values in known.items() for value in values
                     if head + value not in i18n.MESSAGES)
    assert missing == []
    assert all(known.values()), {head: values for head, values in known.items() if not values}


def test_the_catalog_is_the_union_of_its_modules_and_a_clash_raises():
    assert sum(len(m.MESSAGES) for m in messages.MODULES) == len(i18n.MESSAGES)
    assert i18n.MESSAGES is messages.MESSAGES
    with pytest.raises(KeyError, match="defined twice"):
        messages.merged((messages.common, messages.auth, messages.common))


def test_each_module_holds_its_page_groups_keys_with_english_prefixes():
    assert set(MODULE_PREFIXES) == {m.__name__.rsplit(".", 1)[1] for m in messages.MODULES}
    for module in messages.MODULES:
        prefixes = MODULE_PREFIXES[module.__name__.rsplit(".", 1)[1]]
        strays = [k for k in module.MESSAGES if not any(k == p or k.startswith(p if p.endswith(".") else p + ".")
                                                        for p in prefixes)]
        assert strays == [], module.__name__
    assert not [k for k in i18n.MESSAGES if k.startswith(("tq.", "gp."))]


def test_no_message_key_is_written_twice_in_a_module():
    # A dict literal keeps the last of two equal keys silently: read the source.
    for path in (ROOT / "dashboard" / "messages").glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Dict) and node.keys and all(isinstance(k, ast.Constant) for k in node.keys):
                keys = [k.value for k in node.keys]
                assert sorted({k for k in keys if keys.count(k) > 1}) == [], path.name


def test_every_message_has_vietnamese_and_english_with_the_same_placeholders():
    for key, entry in i18n.MESSAGES.items():
        assert set(entry) == {"vi", "en"} and entry["vi"] and entry["en"], key
        assert set(re.findall(r"{(\w+)}", entry["vi"])) == set(re.findall(r"{(\w+)}", entry["en"])), key


def test_a_missing_key_or_language_raises_instead_of_showing_raw_text():
    with pytest.raises(i18n.MissingMessage, match="no.such.key"):
        i18n.t("no.such.key")
    with pytest.raises(i18n.MissingMessage):
        i18n.t("app.org", "fr")
    with pytest.raises(KeyError):   # a placeholder not given
        i18n.t("filter.showing")
    with pytest.raises(i18n.MissingMessage):   # a table's column label is a key, never shown as written
        tables.display(pd.DataFrame({"a": [1]}), [("a", "Chi bộ", "text")], "vi")
    assert i18n.t("filter.showing", "en", names="A") == "Showing: A."
