"""Messages of the solution-progress and overview pages (merged into i18n.MESSAGES)."""

MESSAGES: dict[str, dict[str, str]] = {}
