"""The upload and history pages, driven through AppTest on the sample database."""

import io

import openpyxl

from dashboard import queries, store
from tests.apptest import downloaded, keep_deferred, open_page, texts
from tests.workbooks import scores, xlsx_bytes

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def test_template_download_is_a_workbook_with_every_sheet_and_lists(sample_db, monkeypatch):
    kept = keep_deferred(monkeypatch)
    at = open_page("pages/tai_len.py")
    button = at.get("download_button")[0]
    assert button.proto.label == "Tải mẫu nhập liệu"
    name, raw = downloaded(kept, button)          # the bytes the browser gets, not a rebuilt copy
    assert name == "mau-nhap-lieu.xlsx"
    audit = queries.run("uploads.audit", cur=store.cursor(sample_db))
    assert [d for a, d in zip(audit["action"], audit["detail"]) if a == "export"] == [
        '{"file": "mau-nhap-lieu.xlsx", "page": "upload"}']     # recorded on the click
    wb = openpyxl.load_workbook(io.BytesIO(raw))
    assert wb.sheetnames[0] == "Hướng dẫn" and "Danh mục" in wb.sheetnames
    assert [c.value for c in wb["diem_danh_gia"][1]] == ["Kỳ đánh giá", "Mã chi bộ", "Mã tiêu chí", "Điểm", "Ghi chú"]
    assert [r[0].value for r in wb["chi_bo"].iter_rows(min_row=2)] == ["CB01", "CB02", "CB03", "CB04"]
    validations = {str(v.sqref).split(":")[0]: v for v in wb["xep_loai"].data_validations.dataValidation}
    assert "D2" in validations and "Danh mục" in validations["D2"].formula1


def test_uploading_the_template_unchanged_is_valid_and_changes_nothing(sample_db):
    from dashboard import ingest, queries, template
    cur = store.cursor(sample_db)
    raw = template.build(queries.run("template.branches", cur=cur), queries.run("template.criteria", cur=cur),
                         queries.run("reference.enum_labels", cur=cur))
    batch = ingest.prepare([("mau-nhap-lieu.xlsx", raw)], cur)
    assert batch.ok, [p.message() for p in batch.errors]
    assert all(d.counts["new"] == d.counts["changed"] == 0 for d in batch.sheets.values())


def test_valid_upload_previews_then_commits_and_rankings_show_it(sample_db):
    at = open_page("pages/tai_len.py")
    data = xlsx_bytes({"diem_danh_gia": scores("2026", "CB01", 0.99) + scores("2026", "CB02", 0.5)})
    at.file_uploader(key="upload_files").upload("diem-2026.xlsx", data, XLSX)
    at.run()
    assert not at.exception
    shown = texts(at)
    assert "Sheet diem_danh_gia: 20 dòng — 20 mới, 0 thay đổi, 0 không đổi." in shown
    confirm = at.button(key="upload_confirm")
    confirm.click().run()
    assert not at.exception
    assert "Đã ghi dữ liệu (lần tải lên số 2)." in texts(at)
    at.query_params["ky"] = "2026"
    at.switch_page("pages/xep_hang.py").run()
    board = at.dataframe[0].value
    assert list(board["Chi bộ"][:1]) == ["Chi bộ Văn phòng tổng hợp"]
    expected = sum(round(mx * 0.99, 1) for mx in (8, 8, 7, 7, 25, 15, 8, 6, 10, 6))
    assert f"{expected:.1f}".replace(".", ",") in set(board["Tổng điểm"])
    # Cells with no scores for the period show no total, not a zero.
    assert set(board.loc[board["Chi bộ"].isin(["Chi bộ Khối Kiểm sát tư pháp"]), "Tổng điểm"]) == {"—"}


def test_bad_upload_lists_errors_offers_the_report_and_no_confirm(sample_db):
    at = open_page("pages/tai_len.py")
    bad = scores("2026", "CB01", 0.9)
    bad[0][3] = 12
    at.file_uploader(key="upload_files").upload("loi.xlsx", xlsx_bytes({"diem_danh_gia": bad}), XLSX)
    at.run()
    assert not at.exception
    messages = "\n".join(str(v) for df in at.dataframe for v in df.value.get("Nội dung", []))
    assert "Sheet diem_danh_gia, dòng 2, cột 'Điểm': giá trị 12 vượt điểm tối đa 8 của tiêu chí A1." in messages
    assert "Tệp có 1 lỗi; chưa ghi gì vào cơ sở dữ liệu." in texts(at)
    assert [b.key for b in at.button] == []          # no confirmation while there is an error
    assert "problems_download" in [b.key for b in at.get("download_button")]


def test_unreadable_file_gets_one_plain_sentence(sample_db):
    at = open_page("pages/tai_len.py")
    at.file_uploader(key="upload_files").upload("bang.xlsx", b"ma,ten\nCB01,x\n", XLSX)
    at.run()
    assert not at.exception
    messages = "\n".join(str(v) for df in at.dataframe for v in df.value.get("Nội dung", []))
    assert messages.startswith("Không đọc được tệp bang.xlsx: tệp có đuôi Excel nhưng thực chất là văn bản")
    assert "Traceback" not in texts(at)


def test_history_lists_uploads_and_undo_restores(sample_db):
    from dashboard import ingest
    batch = ingest.prepare([("them.xlsx", xlsx_bytes({"diem_danh_gia": scores("2026", "CB03", 0.8)}))],
                           store.cursor(sample_db))
    result = ingest.commit(batch, who="thư ký", source="page", path=sample_db)
    store.close_all()
    at = open_page("pages/lich_su.py")
    table = at.dataframe[0].value
    assert list(table["Tệp"][:2]) == ["them.xlsx", "du-lieu-mau.xlsx"]
    assert list(table["Người tải"][:1]) == ["thư ký"]
    at.selectbox(key="undo_choice").set_value(result.upload_id)
    at.button(key="undo_button").click().run()
    assert not at.exception
    assert f"Đã hoàn tác lần tải lên số {result.upload_id}." in texts(at)
    assert store.cursor(sample_db).execute(
        "SELECT count(*) FROM v_scores WHERE period = '2026'").fetchall()[0][0] == 0


def test_the_page_says_and_the_browser_checks_the_upload_limit_the_server_takes(sample_db, monkeypatch):
    """DASHBOARD_MAX_UPLOAD_MB, within the server's own server.maxUploadSize (20 MB in
    .streamlit/config.toml; make run raises it to the setting)."""
    import streamlit as st

    for setting, server, shown in (("5", 20, 5), ("108", 20, 20), ("108", 108, 108)):
        monkeypatch.setenv("DASHBOARD_MAX_UPLOAD_MB", setting)
        monkeypatch.setattr(st, "get_option", lambda name, value=server, real=st.get_option:
                            value if name == "server.maxUploadSize" else real(name))
        at = open_page("pages/tai_len.py")
        assert f"tối đa {shown} MB mỗi tệp" in texts(at)
        assert at.file_uploader(key="upload_files").proto.max_upload_size_mb == shown
