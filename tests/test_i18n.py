"""The message catalog: every key once, Vietnamese everywhere, English alongside."""

import ast
import re
from pathlib import Path

from dashboard import i18n

ROOT = Path(__file__).resolve().parent.parent


def test_no_message_key_is_defined_twice():
    for path in (ROOT / "dashboard" / "i18n.py", ROOT / "dashboard" / "messages_progress.py",
                 ROOT / "dashboard" / "messages_documents.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Dict) and node.keys and all(isinstance(k, ast.Constant) for k in node.keys):
                keys = [k.value for k in node.keys]
                duplicates = {k for k in keys if keys.count(k) > 1}
                assert not duplicates, f"{path.name}: {sorted(duplicates)}"


def test_every_message_has_vietnamese_and_english_with_the_same_placeholders():
    for key, entry in i18n.MESSAGES.items():
        assert entry.get("vi") and entry.get("en"), key
        assert set(re.findall(r"{(\w+)}", entry["vi"])) == set(re.findall(r"{(\w+)}", entry["en"])), key


def test_every_key_used_in_the_code_exists():
    used = set()
    for path in list((ROOT / "dashboard").rglob("*.py")) + list((ROOT / "pages").glob("*.py")) + [ROOT / "app.py"]:
        text = path.read_text(encoding="utf-8")
        used |= set(re.findall(r"""\bt\(\s*["']([a-z_]+\.[a-z_.0-9]+)["']""", text))
    missing = sorted(k for k in used if not k.endswith(".") and k not in i18n.MESSAGES)  # f-strings end in "."
    assert not missing, missing


def test_numbers_and_dates_the_vietnamese_way():
    import datetime as dt
    assert i18n.fmt_number(1234.5) == "1.234,5" and i18n.fmt_number(1234.5, lang="en") == "1,234.5"
    assert i18n.fmt_percent(0.853) == "85,3 %"
    assert i18n.fmt_date(dt.date(2025, 3, 5)) == "05/03/2025"
