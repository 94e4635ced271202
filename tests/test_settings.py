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


def test_secrets_toml_is_parsed_again_only_when_its_bytes_change(tmp_path, monkeypatch):
    """settings read .streamlit/secrets.toml on every call; the file is parsed again whenever its
    bytes differ (a rewrite of the same size within the same clock tick included), and a file
    that does not parse is never kept."""
    import tomllib

    import pytest

    monkeypatch.setattr(settings, "ROOT", tmp_path)
    secrets = tmp_path / ".streamlit" / "secrets.toml"
    secrets.parent.mkdir()
    assert settings.get("DASHBOARD_STALE_DAYS") == 45                      # no file: the default
    secrets.write_text("DASHBOARD_STALE_DAYS = 30\n")
    assert settings.get("DASHBOARD_STALE_DAYS") == 30
    first = settings.read_toml(secrets)
    assert settings.read_toml(secrets) is first                             # the same bytes: kept
    secrets.write_text("DASHBOARD_STALE_DAYS = 31\n")                       # the same size at once
    assert settings.get("DASHBOARD_STALE_DAYS") == 31
    secrets.write_text("DASHBOARD_STALE_DAYS = = 1\n")
    with pytest.raises(tomllib.TOMLDecodeError):
        settings.read_toml(secrets)
    assert settings.get("DASHBOARD_STALE_DAYS") == 45                      # unreadable: the default
    secrets.write_text("DASHBOARD_STALE_DAYS = 31\n")
    assert settings.get("DASHBOARD_STALE_DAYS") == 31
    secrets.unlink()
    assert settings.get("DASHBOARD_STALE_DAYS") == 45
