"""Backup and restore on the history page: administrators only; a backup made while the app
runs comes back table for table; a foreign file is refused with nothing changed; a restore needs
a confirmation; both are in the audit trail.

The store is compared by reading the database files directly (``test_backup.table_rows``).
"""

from __future__ import annotations

import pytest

from dashboard import ingest, queries, store
from tests.apptest import downloaded, keep_deferred, open_page, texts
from tests.people import sign_in, users_file
from tests.test_backup import digest, table_rows

pytestmark = pytest.mark.slow      # writes and checks whole database files

CONTROLS = ("backup_make", "restore_button")


def actions(db) -> list[str]:
    return list(queries.run("uploads.audit", cur=store.cursor(db))["action"])


def test_an_administrator_backs_up_and_restores_with_a_confirmation(sample_db, monkeypatch):
    kept = keep_deferred(monkeypatch)
    before = table_rows(sample_db)
    at = open_page("pages/lich_su.py")
    at.button(key="backup_make").click().run()
    assert not at.exception
    assert "Bản sao lưu đã sẵn sàng" in texts(at)
    name, data = downloaded(kept, next(b for b in at.get("download_button") if b.key == "backup_download"))
    assert name.startswith("sao-luu-ngay-") and name.endswith(".duckdb") and len(data) > 100_000
    assert "backup" in actions(sample_db)

    ingest.undo(1, who="test", path=sample_db)       # the sample upload undone: no data shown any more
    assert table_rows(sample_db)["uploads"] != before["uploads"]

    at = open_page("pages/lich_su.py")
    at.get("file_uploader")[0].upload("sao-luu.duckdb", data, "application/octet-stream")
    at.run()
    assert "là bản sao lưu hợp lệ" in texts(at)
    assert at.button(key="restore_button").disabled            # nothing before the confirmation
    at.checkbox(key="restore_sure").check().run()
    at.button(key="restore_button").click().run()
    assert not at.exception
    assert "Đã khôi phục từ sao-luu.duckdb" in texts(at)
    after = table_rows(sample_db)
    for table, rows in before.items():
        if table not in ("audit", "data_state"):       # the trail records the restore; the data version moves on
            assert after[table] == rows, table
    assert "restore" in actions(sample_db)


def test_a_foreign_file_is_refused_and_nothing_changes(sample_db, tmp_path):
    at = open_page("pages/lich_su.py")
    store.close_all()
    before = digest(sample_db)
    at.get("file_uploader")[0].upload("sao-luu.duckdb", b"PK\x03\x04 not a database at all" * 100,
                                      "application/octet-stream")
    at.run()
    assert not at.exception
    assert "không thay đổi gì" in texts(at)
    assert not [b for b in at.button if b.key == "restore_button"]
    store.close_all()
    assert digest(sample_db) == before


@pytest.fixture
def users(tmp_path, monkeypatch):
    return users_file(tmp_path / "users.toml", monkeypatch)


# quantri_cb02 is an administrator limited to CB02: a backup holds every cell's data and a restore
# replaces every cell's (and the audit trail), so neither is his (found in review).
@pytest.mark.parametrize("login", ["xem", "thuky", "quantri_cb02"])
def test_no_one_but_an_administrator_of_every_cell_sees_backup_or_restore(sample_db, users, login):
    at = sign_in(open_page("pages/lich_su.py"), login)
    assert not at.exception
    keys = [b.key for b in at.button] + [b.key for b in at.get("download_button")]
    assert not set(CONTROLS) & set(keys)
    assert not at.get("file_uploader")
    assert "Sao lưu và khôi phục" not in texts(at)
    at.button(key="logout").click().run()
    sign_in(at, "admin")
    assert set(CONTROLS[:1]) <= {b.key for b in at.button} and at.get("file_uploader")
