"""Shared fixtures: real DuckDB files in temp dirs, the sample database, clean caches."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from dashboard import cli, settings, store

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_WORKBOOK = ROOT / "data" / "sample" / "du-lieu-mau.xlsx"


@pytest.fixture(autouse=True)
def _isolation(monkeypatch):
    """Each test closes what it opened and starts with empty Streamlit caches."""
    yield
    store.close_all()
    try:
        import streamlit as st
        st.cache_data.clear()
        st.cache_resource.clear()
    except Exception:  # pragma: no cover - streamlit always importable here
        pass


@pytest.fixture
def empty_db(tmp_path, monkeypatch) -> Path:
    """A new, migrated database file, set as DASHBOARD_DB."""
    path = tmp_path / "empty.duckdb"
    store.connect(path)
    monkeypatch.setenv("DASHBOARD_DB", str(path))
    return path


@pytest.fixture(scope="session")
def sample_db_master(tmp_path_factory) -> Path:
    """The sample database, built once per test session through the real ingest path."""
    path = tmp_path_factory.mktemp("sample") / "sample.duckdb"
    cli.build_sample(path, SAMPLE_WORKBOOK)
    store.close_all()
    return path


@pytest.fixture
def sample_db(sample_db_master, tmp_path, monkeypatch) -> Path:
    """A private copy of the sample database (tests may write to it), set as DASHBOARD_DB."""
    path = tmp_path / "sample.duckdb"
    shutil.copy(sample_db_master, path)
    monkeypatch.setenv("DASHBOARD_DB", str(path))
    return path


@pytest.fixture
def today() -> dt.date:
    return dt.date(2026, 11, 26)
