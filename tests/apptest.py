"""Opening pages with Streamlit's AppTest the way a browser deep link does."""

from __future__ import annotations

import re
from pathlib import Path

import streamlit.testing.v1.app_test as app_test
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parent.parent
PAGE_FILES = ("app.py", "pages/han_che.py", "pages/xep_hang.py", "pages/giai_phap.py", "pages/sinh_hoat.py",
              "pages/danh_gia_cuoi_nam.py", "pages/dang_vien.py", "pages/tai_len.py", "pages/lich_su.py")


def open_page(page: str, query: dict[str, str] | None = None, run: bool = True) -> AppTest:
    """The page file run on its own, app.py being the entry point (pages-directory mode)."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
    if page != "app.py":
        at.switch_page(page)
    for key, value in (query or {}).items():
        at.query_params[key] = value
    return at.run() if run else at


def texts(at: AppTest) -> str:
    """Everything the page wrote as text (titles, markdown, captions, alerts, metrics).

    Markdown escapes are removed, so the result is what a reader sees.
    """
    parts = [e.value for kind in ("title", "header", "subheader", "markdown", "caption", "info",
                                  "warning", "error", "success") for e in getattr(at, kind)]
    parts += [f"{m.label} {m.value}" for m in at.metric]
    return re.sub(r"\\(.)", r"\1", "\n".join(str(p) for p in parts))


def _keep(monkeypatch, name: str) -> list:
    """Keep every instance AppTest makes of ``app_test.<name>`` (it drops them after each run)."""
    kept = []
    base = getattr(app_test, name)

    class Kept(base):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            kept.append(self)

    monkeypatch.setattr(app_test, name, Kept)
    return kept


def keep_served_files(monkeypatch) -> list:
    """Keep the in-memory media storage of every run, so a test can read what a download button
    serves (AppTest drops it after each run)."""
    return _keep(monkeypatch, "MemoryMediaFileStorage")


def served(kept: list, button) -> tuple[str, bytes]:
    """(file name, bytes) that a download button of the last run serves, as the browser gets them."""
    found = kept[-1].get_file(button.proto.url.rsplit("/", 1)[-1])
    return found.filename, bytes(found.content)


def keep_deferred(monkeypatch) -> list:
    """Keep the media file manager of every run, so a test can make what a deferred download
    button (``data`` a callable: the file is made on the click) hands the browser."""
    return _keep(monkeypatch, "MediaFileManager")


def downloaded(kept: list, button) -> tuple[str, bytes]:
    """(file name, bytes) of a deferred download of the last run, made as a click makes them."""
    manager = kept[-1]
    url = manager.execute_deferred(button.proto.deferred_file_id)
    found = manager._storage.get_file(url.rsplit("/", 1)[-1].split(".")[0])
    return found.filename, bytes(found.content)
