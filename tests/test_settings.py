"""Settings: each has a default, is read from the environment, and is in the README."""

from pathlib import Path

from dashboard import settings

README = Path(__file__).resolve().parent.parent / "README.md"


def test_readme_documents_every_setting_with_its_default():
    text = README.read_text(encoding="utf-8")
    for setting in settings.SETTINGS:
        assert f"`{setting.name}`" in text, setting.name
        row = next((ln for ln in text.splitlines() if ln.startswith(f"| `{setting.name}` |")), None)
        assert row is not None, f"{setting.name} has no row in the settings table"
        assert f"`{setting.default}`" in row, f"{setting.name}: default {setting.default} not in {row}"


def test_environment_overrides_default(monkeypatch):
    monkeypatch.setenv("DASHBOARD_MAX_ROWS", "123")
    assert settings.get("DASHBOARD_MAX_ROWS") == 123
    monkeypatch.setenv("DASHBOARD_MAX_ROWS", "not a number")
    assert settings.get("DASHBOARD_MAX_ROWS") == 200_000
    monkeypatch.delenv("DASHBOARD_MAX_ROWS")
    assert settings.get("DASHBOARD_MAX_ROWS") == 200_000
