"""Application settings, declared once.

Each setting has a default that doubles as a budget or a limit. A value is read,
in order, from the environment, then from ``.streamlit/secrets.toml`` (top-level
keys, same names), then the default. The README lists every setting; a test
fails when one is undocumented.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Setting:
    name: str
    default: Any
    parse: Callable[[str], Any]
    doc: str


def _bool(text: str) -> bool:
    return str(text).strip().lower() in {"1", "true", "yes", "on", "có"}


def _choice(*allowed: str) -> Callable[[str], str]:
    """A parser that accepts one of ``allowed`` (any case) and refuses anything else."""
    def parse(text: str) -> str:
        value = str(text).strip().lower()
        if value not in allowed:
            raise ValueError(value)
        return value
    parse.choices = allowed   # what a page or a test may enumerate (e.g. the words for each)
    return parse


def _bands(text: str) -> str:
    """Three descending minimum scores 'HTXSNV,HTTNV,HTNV' between 0 and 100, e.g. '90,70,50'."""
    values = [float(v) for v in str(text).replace(";", ",").split(",")]
    if len(values) != 3 or not 100 >= values[0] > values[1] > values[2] >= 0:
        raise ValueError(text)
    return ",".join(f"{v:g}" for v in values)


SETTINGS: tuple[Setting, ...] = (
    Setting("DASHBOARD_DB", "data/dashboard.duckdb", str,
            "Path of the DuckDB database file (relative to the project root)."),
    Setting("DASHBOARD_SAMPLE_WORKBOOK", "data/sample/du-lieu-mau.xlsx", str,
            "Sample workbook loaded when no database exists."),
    Setting("DASHBOARD_LANG", "vi", str,
            "Default interface language: vi or en (a user can switch)."),
    Setting("DASHBOARD_MAX_UPLOAD_MB", 20, int,
            "Largest file accepted by the upload, in megabytes; a workbook may unpack to 16 times this (at least 512 MB)."),
    Setting("DASHBOARD_MAX_ROWS", 200_000, int,
            "Most data rows accepted in one sheet of an upload."),
    Setting("DASHBOARD_QUERY_BUDGET_MS", 1000, int,
            "A named query slower than this is logged as a warning."),
    Setting("DASHBOARD_CACHE_MB", 384, int,
            "Memory the server keeps query results, page views, findings and charts in, together, in megabytes; the least recently read go first."),
    Setting("DASHBOARD_STALE_DAYS", 45, int,
            "An action with no progress report for this many days is flagged stale."),
    Setting("DASHBOARD_PLAN_DAYS", 30, int,
            "Days after a resolution is received by which each unit's plan is due, unless the file gives a date."),
    Setting("DASHBOARD_PROJECTION_REPORTS", 3, int,
            "How many of an action's latest reports its pace is measured over (at least 2)."),
    # issue 14: the member register
    Setting("DASHBOARD_PROBATION_NOTICE_DAYS", 60, int,
            "Probationary members whose 12 months end within this many days are listed to be made official."),
    Setting("DASHBOARD_QUOTA_BASE", "httnv", _choice("httnv", "httnv_or_better"),
            "Denominator of the 20 % quota: httnv (those rated HTTNV) or httnv_or_better (HTTNV and HTXSNV)."),
    Setting("DASHBOARD_QUOTA_POOL", "dang_bo", _choice("dang_bo", "chi_bo"),
            "Where the members' quota is counted: dang_bo (across the whole Đảng bộ) or chi_bo (in each cell)."),
    Setting("DASHBOARD_QUOTA_ROUNDING", "floor", _choice("floor", "round", "ceil"),
            "How 20 % of the base becomes a number of people or cells: floor (strict: 0,6 allows 0), round, ceil."),
    Setting("DASHBOARD_SCORE_BANDS", "90,70,50", _bands,
            "Minimum scores of HTXSNV, HTTNV, HTNV in the Đảng bộ's own scale (scores before 2025, quarters)."),
    Setting("DASHBOARD_USERS_FILE", "", str,
            "TOML file with the [users.*] tables; empty: .streamlit/secrets.toml. No users: local mode."),
    Setting("DASHBOARD_IDLE_MINUTES", 30, int,
            "A signed-in session idle this long is signed out."),
    Setting("DASHBOARD_TODAY", "", str,
            "Pretend today is this date (dd/mm/yyyy) for overdue and stale flags; empty: the real date."),
    Setting("DASHBOARD_READ_ONLY", False, _bool,
            "Open the database read-only (uploads and undo disabled)."),
    Setting("DASHBOARD_ORG_PARENT", "ĐẢNG BỘ TỈNH LAI CHÂU", str,
            "The report's heading, upper line: the party organisation directly above the issuer."),
    Setting("DASHBOARD_ORG_NAME", "ĐẢNG ỦY VIỆN KIỂM SÁT NHÂN DÂN TỈNH", str,
            "The report's heading, the issuer's name (bold, with a * below)."),
    Setting("DASHBOARD_REPORT_NUMBER", "", str,
            "The report's number before -BC/ĐU; empty leaves a blank to be written in by hand."),
    Setting("DASHBOARD_PLACE", "Lai Châu", str,
            "The place in the report's date line (Lai Châu, ngày 30 tháng 11 năm 2026)."),
    Setting("DASHBOARD_REPORT_RECIPIENTS",
            "Đảng ủy cấp trên (để báo cáo);Các đồng chí Đảng ủy viên;Các chi bộ trực thuộc;Lưu Văn phòng Đảng ủy",
            str, "The report's Nơi nhận list, items separated by semicolons."),
)

_BY_NAME = {s.name: s for s in SETTINGS}


def choices(name: str) -> tuple[str, ...]:
    """The values a setting of fixed choices accepts (DASHBOARD_QUOTA_BASE: httnv, httnv_or_better)."""
    return _BY_NAME[name].parse.choices


_TOML: dict[Path, tuple[bytes, dict]] = {}


def read_toml(path: Path) -> dict[str, Any]:
    """A TOML file as parsed, parsed again only when its bytes change: the settings and the
    users are read on every run of every page, and parsing a secrets.toml of fifteen users cost
    0,6 ms a setting asked for (the overview's cell change: 18 ms; 1,5 ms now); reading its bytes
    costs 0,01 ms. The same dict is handed to every caller: read it, do not change it. Raises
    what opening and parsing raise (FileNotFoundError, tomllib.TOMLDecodeError, OSError,
    UnicodeDecodeError); nothing is kept of a file that does not parse."""
    raw = path.read_bytes()
    kept = _TOML.get(path)
    if kept is not None and kept[0] == raw:
        return kept[1]
    data = tomllib.loads(raw.decode("utf-8"))
    _TOML[path] = (raw, data)
    return data


def _secrets_file() -> dict[str, Any]:
    try:
        return read_toml(ROOT / ".streamlit" / "secrets.toml")
    except (FileNotFoundError, tomllib.TOMLDecodeError, OSError, UnicodeDecodeError):
        return {}


def get(name: str) -> Any:
    """The current value of a setting (environment, then secrets.toml, then default)."""
    setting = _BY_NAME[name]
    raw = os.environ.get(name)
    if raw is None:
        raw = _secrets_file().get(name)
    if raw is None or raw == "":
        return setting.default
    try:
        return setting.parse(raw) if isinstance(raw, str) else setting.parse(str(raw))
    except (TypeError, ValueError):
        return setting.default


def path_setting(name: str) -> Path:
    """A setting holding a path, resolved against the project root."""
    p = Path(get(name))
    return p if p.is_absolute() else ROOT / p
