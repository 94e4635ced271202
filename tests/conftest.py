"""Shared fixtures: real DuckDB files in temp dirs, the sample database, clean caches; and the
markers that keep `make test-fast` fast.

A test is marked ``page`` when it (or a helper of its module it calls) runs a page with
AppTest, and ``process`` when it starts another process (the command line, a commit killed
with SIGKILL); ``browser`` and ``slow`` are written on the tests themselves. `make test-fast`
runs the rest; `make test` runs everything.
"""

from __future__ import annotations

import datetime as dt
import shutil
import types
from pathlib import Path

import pytest

from dashboard import settings, store
from dashboard.sample.database import build_database

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_WORKBOOK = ROOT / "data" / "sample" / "du-lieu-mau.xlsx"


RUNS = {"page": {"open_page", "AppTest"}, "process": {"subprocess"}}


def _names(code: types.CodeType) -> set[str]:
    """Every global or attribute name a function's code (and the code nested in it) refers to."""
    found = set(code.co_names)
    for const in code.co_consts:
        if isinstance(const, types.CodeType):
            found |= _names(const)
    return found


def _reaches(function: types.FunctionType, wanted: set[str], module, seen: set) -> bool:
    names = _names(function.__code__)
    if names & wanted:
        return True
    for name in names - seen:
        seen.add(name)
        helper = getattr(module, name, None)
        if isinstance(helper, types.FunctionType) and helper.__module__ == module.__name__ \
                and _reaches(helper, wanted, module, seen):
            return True
    return False


def pytest_collection_modifyitems(items):
    for item in items:
        function = getattr(item, "function", None)
        if function is None:
            continue
        for marker, wanted in RUNS.items():
            if _reaches(function, wanted, item.module, set()):
                item.add_marker(marker)


@pytest.fixture(autouse=True)
def _isolation(monkeypatch):
    """Each test closes what it opened and starts with empty Streamlit caches."""
    yield
    store.close_all()
    try:
        import streamlit as st

        from dashboard.ui import kept
        st.cache_data.clear()
        st.cache_resource.clear()
        kept.clear_all()
    except Exception:  # pragma: no cover - streamlit always importable here
        pass


@pytest.fixture(scope="session")
def empty_db_master(tmp_path_factory) -> Path:
    """A new database with every migration applied, built once per test session."""
    path = tmp_path_factory.mktemp("empty") / "empty.duckdb"
    store.connect(path)
    store.close_all()
    return path


def private_copy(master: Path, folder: Path, monkeypatch, open_it: bool = True) -> Path:
    """A copy of a database built once (tests may write to it), set as DASHBOARD_DB."""
    path = folder / master.name
    shutil.copy(master, path)
    if open_it:
        store.connect(path)
    monkeypatch.setenv("DASHBOARD_DB", str(path))
    return path


@pytest.fixture
def empty_db(empty_db_master, tmp_path, monkeypatch) -> Path:
    """A new, migrated database file (a copy of one migrated once), set as DASHBOARD_DB."""
    return private_copy(empty_db_master, tmp_path, monkeypatch)


@pytest.fixture(scope="session")
def sample_db_master(tmp_path_factory) -> Path:
    """The sample database, built once per test session through the real ingest path."""
    path = tmp_path_factory.mktemp("sample") / "sample.duckdb"
    build_database(path, SAMPLE_WORKBOOK)
    store.close_all()
    return path


@pytest.fixture
def sample_db(sample_db_master, tmp_path, monkeypatch) -> Path:
    """A private copy of the sample database (tests may write to it), set as DASHBOARD_DB."""
    return private_copy(sample_db_master, tmp_path, monkeypatch, open_it=False)


@pytest.fixture
def today() -> dt.date:
    return dt.date(2026, 11, 26)
