"""Đảng viên: the member register (filled in by the next commit)."""

from dashboard import ui

ctx = ui.page_setup("members")
