"""The architecture page names real files: a move that forgets it fails here."""

import re

from dashboard import settings

DOC = settings.ROOT / "docs" / "architecture.md"


def test_every_module_the_architecture_page_names_exists():
    text = DOC.read_text(encoding="utf-8")
    named = set(re.findall(r"`((?:dashboard/|queries/|pages/|docs/|ingest/)[\w/.<>-]*)`", text))
    named |= {f"dashboard/{m}" for m in re.findall(r"`(\w+\.py)`", text)}
    assert len(named) > 20
    missing = []
    for path in sorted(named):
        path = path.replace("ingest/", "dashboard/ingest/") if path.startswith("ingest/") else path
        if "<" in path or "NNNN" in path:
            path = path.split("<")[0].split("NNNN")[0]
        if not (settings.ROOT / path).exists():
            missing.append(path)
    assert missing == []
