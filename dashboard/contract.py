"""The upload workbook's contract, as data.

Each sheet maps to one versioned table of the store; each column has the
Vietnamese header users see, the ASCII key, and the English key, which is also
the column's name in the database. A sheet also says which other sheets its rows
name (``refers``) and through which of them a row belongs to a cell (chi bộ).
The reader, the validator, the commit and undo, the template, the sample
generator and docs/data-contract.md all work from these definitions: the load
order, the undo's dependencies, the cells a row writes and the versioned tables
are derived here, not listed elsewhere.
"""

from __future__ import annotations

import re

from .contract_model import Column, Refers, Sheet, fold, header_aliases  # noqa: F401 (the contract's vocabulary)


C = Column
CELL_SHEET = "chi_bo"           # the sheet of the cells themselves


def _cell(*columns: str, sheet: str = CELL_SHEET, to: tuple[str, ...] = ("branch_code",),
          when: tuple[str, str] | None = None) -> Refers:
    return Refers(columns, sheet, to, when, cell=True)


# The columns a decided rating (xep_loai) and a proposed one (de_xuat_xep_loai) share.
RATING_SUBJECT = (
    C("Năm", "nam", "year", "year", True, True),
    C("Đối tượng", "doi_tuong", "subject_kind", "enum", True, True, enum="subject_kind",
      doc_vi="chi_bo hoặc dang_vien."),
    C("Mã", "ma", "subject_code", "code", True, True,
      doc_vi="Mã chi bộ hoặc mã đảng viên đã có."),
)
RATING_LEVEL = C("Mức xếp loại", "muc_xep_loai", "level", "enum", True, enum="level",
                 doc_vi="HTXSNV, HTTNV, HTNV hoặc KHTNV (hoặc tên đầy đủ).")


def _rating_subject() -> tuple[Refers, ...]:
    """A rating's subject (decided or proposed): a cell, or a member and through him his cell."""
    return (_cell("subject_code", when=("subject_kind", "chi_bo")),
            _cell("subject_code", sheet="dang_vien", to=("member_code",), when=("subject_kind", "dang_vien")))


SHEETS: tuple[Sheet, ...] = (
    Sheet("chi_bo", "branches", "Chi bộ", "Cells", (
        C("Mã chi bộ", "ma_chi_bo", "branch_code", "code", True, True,
          doc_vi="Mã duy nhất của chi bộ, ví dụ CB01."),
        C("Tên chi bộ", "ten_chi_bo", "branch_name", "text", True,
          doc_vi="Tên đầy đủ của chi bộ."),
        C("Bí thư", "bi_thu", "secretary", "text", doc_vi="Không bắt buộc."),
        C("Ngày thành lập", "ngay_thanh_lap", "founded_on", "date", not_future=True,
          doc_vi="Ngày/tháng/năm (dd/mm/yyyy). Không bắt buộc."),
        C("Đang hoạt động", "dang_hoat_dong", "active", "yesno", default=True,
          doc_vi="Có/Không; để trống là Có. Chi bộ không bị xóa, chỉ chuyển sang không hoạt động."),
    ), aliases=("chi bo", "chibo", "branches", "cells")),
    Sheet("dang_vien", "members", "Đảng viên", "Members", (
        C("Mã đảng viên", "ma_dang_vien", "member_code", "code", True, True,
          doc_vi="Mã bí danh của đảng viên, ví dụ DV001."),
        C("Họ và tên", "ho_ten", "full_name", "text",
          doc_vi="Không bắt buộc; dữ liệu cá nhân, chỉ quản trị viên được xem."),
        C("Mã chi bộ", "ma_chi_bo", "branch_code", "code", True,
          doc_vi="Phải là mã chi bộ đã có."),
        C("Loại", "loai", "kind", "enum", enum="member_kind",
          doc_vi="chinh_thuc (chính thức) hoặc du_bi (dự bị)."),
        C("Chức vụ đảng", "chuc_vu", "party_role", "text",
          doc_vi="Ví dụ: Bí thư, Phó Bí thư, Chi ủy viên, Đảng viên."),
        C("Ngày vào chi bộ", "ngay_vao", "joined_on", "date", not_future=True,
          doc_vi="dd/mm/yyyy. Không bắt buộc."),
        C("Ngày rời chi bộ", "ngay_roi", "left_on", "date",
          doc_vi="dd/mm/yyyy, không sớm hơn ngày vào chi bộ. Không bắt buộc."),
    ), aliases=("dang vien", "members"), refers=(_cell("branch_code"),)),
    Sheet("tieu_chi", "criteria", "Tiêu chí", "Criteria", (
        C("Mã tiêu chí", "ma_tieu_chi", "criterion_code", "code", True, True,
          doc_vi="Ví dụ A1 … B6."),
        C("Tên tiêu chí", "ten_tieu_chi", "criterion_name", "text", True),
        C("Nhóm", "nhom", "group", "enum", True, enum="criterion_group",
          doc_vi="chung (30 điểm) hoặc ket_qua (70 điểm)."),
        C("Điểm tối đa", "diem_toi_da", "max_points", "number", True, minimum=0, min_exclusive=True,
          doc_vi="Số dương; tổng điểm tối đa của một nhóm bằng điểm của nhóm."),
        C("Giải pháp", "giai_phap", "solution", "integer", minimum=1, maximum=6,
          doc_vi="1–6: giải pháp mà tiêu chí đo. Không bắt buộc."),
        C("Áp dụng từ kỳ", "ap_dung_tu", "valid_from", "period", natural_key=True,
          doc_vi="Kỳ bắt đầu áp dụng, ví dụ 2026 hoặc Quý I/2026. Không bắt buộc."),
    ), aliases=("tieu chi", "criteria")),
    Sheet("diem_danh_gia", "scores", "Điểm đánh giá", "Scores", (
        C("Kỳ đánh giá", "ky", "period", "period", True, True,
          doc_vi="2025, 2025-Q1 … hoặc Năm 2025, Quý I/2025, 6 tháng đầu năm 2025."),
        C("Mã chi bộ", "ma_chi_bo", "branch_code", "code", True, True),
        C("Mã tiêu chí", "ma_tieu_chi", "criterion_code", "code", True, True),
        C("Điểm", "diem", "score", "number", True, minimum=0,
          doc_vi="Từ 0 đến điểm tối đa của tiêu chí; dấu phẩy thập phân được chấp nhận."),
        C("Ghi chú", "ghi_chu", "note", "text"),
    ), aliases=("diem danh gia", "diem", "scores"),
       refers=(_cell("branch_code"), Refers(("criterion_code",), "tieu_chi", ("criterion_code",)))),
    Sheet("xep_loai", "ratings", "Xếp loại", "Ratings", (
        *RATING_SUBJECT, RATING_LEVEL,
        C("Điểm tự đánh giá", "diem", "score", "number", minimum=0, maximum=100),
        C("Bị kỷ luật trong năm", "bi_ky_luat", "disciplined", "yesno", default=False,
          doc_vi="Có/Không; để trống là Không."),
        C("Hình thức kỷ luật", "hinh_thuc_ky_luat", "discipline_form", "enum", enum="discipline_form",
          doc_vi="Bắt buộc khi bị kỷ luật: khien_trach, canh_cao, cach_chuc, khai_tru, giai_tan."),
        C("Ngày quyết định", "ngay_quyet_dinh", "decided_on", "date", not_future=True),
    ), aliases=("xep loai", "ratings"), refers=_rating_subject()),
    Sheet("sinh_hoat", "meetings", "Sinh hoạt chi bộ", "Meetings", (
        C("Mã chi bộ", "ma_chi_bo", "branch_code", "code", True, True),
        C("Ngày", "ngay", "held_on", "date", True, True, not_future=True),
        C("Loại", "loai", "kind", "enum", True, True, enum="meeting_kind",
          doc_vi="thuong_ky, chuyen_de, ket_hop hoặc bat_thuong."),
        C("Tổng số đảng viên", "tong_so", "members_total", "integer", True, minimum=0),
        C("Miễn sinh hoạt", "mien", "members_exempt", "integer", default=0, minimum=0),
        C("Có mặt", "co_mat", "present", "integer", True, minimum=0),
        C("Vắng có lý do", "vang_co_ly_do", "absent_excused", "integer", default=0, minimum=0),
        C("Vắng không lý do", "vang_khong_ly_do", "absent_unexcused", "integer", default=0, minimum=0),
        C("Thời lượng (phút)", "thoi_luong", "minutes", "integer", minimum=0, min_exclusive=True),
        C("Có tự phê bình và phê bình", "tu_phe_binh", "self_criticism", "yesno"),
        C("Số ý kiến phát biểu", "so_y_kien", "speakers", "integer", minimum=0),
        C("Chủ đề", "chu_de", "topic", "text"),
        C("Phê bình người đứng đầu", "phe_binh_nguoi_dung_dau", "criticism_of_heads", "integer", minimum=0,
          doc_vi="Số ý kiến trong buổi phê bình thủ trưởng đơn vị hoặc người đứng đầu cấp ủy. Không bắt buộc."),
        C("Nghị quyết có chỉ tiêu nhiệm vụ chính trị", "nq_chi_tieu", "concrete_targets", "yesno",
          doc_vi="Có/Không: nghị quyết của buổi sinh hoạt đặt chỉ tiêu cụ thể cho nhiệm vụ chuyên môn "
                 "(chính trị) của đơn vị. Không bắt buộc."),
    ), aliases=("sinh hoat", "meetings"), refers=(_cell("branch_code"),)),
    Sheet("vang_sinh_hoat", "absences", "Vắng sinh hoạt", "Absences", (
        C("Mã chi bộ", "ma_chi_bo", "branch_code", "code", True, True),
        C("Ngày", "ngay", "held_on", "date", True, True),
        C("Loại", "loai", "kind", "enum", False, True, enum="meeting_kind",
          doc_vi="Loại buổi sinh hoạt (như sheet sinh_hoat). Để trống khi chi bộ chỉ có một buổi ngày đó; "
                 "bắt buộc khi có hai buổi cùng ngày."),
        C("Mã đảng viên", "ma_dang_vien", "member_code", "code", True, True),
        C("Có lý do", "co_ly_do", "excused", "yesno", True),
    ), aliases=("vang sinh hoat", "vang", "absences"),
       refers=(_cell("branch_code", "held_on", "kind", sheet="sinh_hoat", to=("branch_code", "held_on", "kind")),
               Refers(("member_code",), "dang_vien", ("member_code",)))),
    Sheet("giai_phap", "actions", "Giải pháp — nhiệm vụ", "Actions", (
        C("Mã hành động", "ma_hanh_dong", "action_code", "code", True, True),
        C("Mã chi bộ", "ma_chi_bo", "branch_code", "code", True,
          doc_vi="Mã chi bộ, hoặc DANG_UY cho nhiệm vụ của Đảng ủy."),
        C("Giải pháp", "giai_phap", "solution", "integer", True, minimum=1, maximum=6),
        C("Nội dung", "noi_dung", "description", "text", True),
        C("Ngày bắt đầu", "ngay_bat_dau", "starts_on", "date"),
        C("Hạn hoàn thành", "han_hoan_thanh", "due_on", "date", True,
          doc_vi="dd/mm/yyyy, không sớm hơn ngày bắt đầu."),
        C("Người phụ trách", "phu_trach", "owner", "text"),
    ), aliases=("giai phap", "actions", "hanh dong"), refers=(_cell("branch_code"),)),
    Sheet("tien_do_giai_phap", "progress_reports", "Tiến độ giải pháp", "Progress", (
        C("Mã hành động", "ma_hanh_dong", "action_code", "code", True, True),
        C("Ngày cập nhật", "ngay_cap_nhat", "reported_on", "date", True, True, not_future=True),
        C("Tiến độ (%)", "tien_do", "percent", "percent", True, minimum=0, maximum=100),
        C("Trạng thái", "trang_thai", "status", "enum", True, enum="action_status",
          doc_vi="chua_bat_dau, dang_thuc_hien, hoan_thanh (= 100 %) hoặc tam_dung."),
        C("Kết quả / ghi chú", "ket_qua", "note", "text"),
    ), aliases=("tien do giai phap", "tien do", "progress"),
       refers=(_cell("action_code", sheet="giai_phap", to=("action_code",)),)),
    Sheet("nghi_quyet", "resolutions", "Nghị quyết, chỉ thị", "Resolutions", (
        C("Số hiệu", "so_hieu", "doc_number", "code", True, True,
          doc_vi="Ví dụ 57-NQ/TW, 05-CT/TW, 21-KL/TW."),
        C("Trích yếu", "trich_yeu", "title", "text", True),
        C("Cơ quan ban hành", "co_quan", "issuer", "text",
          doc_vi="Ví dụ Bộ Chính trị, Tỉnh ủy, Đảng ủy Khối. Không bắt buộc."),
        C("Ngày ban hành", "ngay_ban_hanh", "issued_on", "date", True, not_future=True),
        C("Ngày nhận", "ngay_nhan", "received_on", "date",
          doc_vi="dd/mm/yyyy, không sớm hơn ngày ban hành; để trống là ngày ban hành."),
        C("Hạn ban hành kế hoạch", "han_ke_hoach", "plan_due_on", "date",
          doc_vi="dd/mm/yyyy, không sớm hơn ngày nhận; để trống là ngày nhận cộng số ngày của thiết lập "
                 "DASHBOARD_PLAN_DAYS (mặc định 30)."),
        C("Giải pháp", "giai_phap", "solution", "integer", minimum=1, maximum=6,
          doc_vi="1–6: giải pháp mà văn bản phục vụ. Không bắt buộc."),
    ), aliases=("nghi quyet", "resolutions", "nghi quyet chi thi")),
    Sheet("thuc_hien_nghi_quyet", "resolution_uptake", "Thực hiện nghị quyết", "Resolution uptake", (
        C("Số hiệu nghị quyết", "so_hieu", "doc_number", "code", True, True),
        C("Đơn vị", "ma_chi_bo", "branch_code", "code", True, True,
          doc_vi="Mã chi bộ, hoặc DANG_UY cho Đảng ủy."),
        C("Ngày học tập, quán triệt", "ngay_quan_triet", "studied_on", "date",
          doc_vi="dd/mm/yyyy, không sớm hơn ngày nhận nghị quyết. Không bắt buộc."),
        C("Số đảng viên dự", "so_du", "attended", "integer", minimum=0,
          doc_vi="Không vượt số đảng viên của đơn vị vào ngày học tập. Không bắt buộc."),
        C("Số kế hoạch", "so_ke_hoach", "plan_number", "text", doc_vi="Ví dụ 12-KH/CB. Không bắt buộc."),
        C("Ngày ban hành kế hoạch", "ngay_ke_hoach", "plan_issued_on", "date", not_future=True,
          doc_vi="dd/mm/yyyy. Không bắt buộc; đơn vị chưa có kế hoạch khi quá hạn là chậm."),
        C("Cụ thể hóa cho đơn vị", "cu_the_hoa", "made_concrete", "yesno",
          doc_vi="Có/Không: kế hoạch đặt chỉ tiêu theo điều kiện của đơn vị. Không bắt buộc."),
        C("Ngày sơ kết, tổng kết", "ngay_so_ket", "reviewed_on", "date",
          doc_vi="dd/mm/yyyy. Không bắt buộc."),
    ), aliases=("thuc hien nghi quyet", "resolution uptake", "uptake"),
       refers=(_cell("branch_code"), Refers(("doc_number",), "nghi_quyet", ("doc_number",)))),
    Sheet("sinh_hoat_cap_uy", "committee_meetings", "Sinh hoạt cấp ủy", "Committee meetings", (
        C("Mã chi bộ", "ma_chi_bo", "branch_code", "code", True, True),
        C("Ngày", "ngay", "held_on", "date", True, True, not_future=True),
        C("Số ủy viên", "so_uy_vien", "committee_size", "integer", True, minimum=0, min_exclusive=True,
          doc_vi="Số ủy viên chi ủy (hoặc bí thư và phó bí thư ở chi bộ không có chi ủy)."),
        C("Có mặt", "co_mat", "present", "integer", True, minimum=0, doc_vi="Không vượt số ủy viên."),
        C("Bàn nhiệm vụ chính trị", "ban_nv_chinh_tri", "political_task_discussed", "yesno",
          doc_vi="Có/Không: buổi họp quyết định cách lãnh đạo nhiệm vụ chuyên môn của đơn vị. Không bắt buộc."),
        C("Nội dung", "noi_dung", "topic", "text"),
    ), aliases=("sinh hoat cap uy", "hop chi uy", "committee meetings"), refers=(_cell("branch_code"),)),
    Sheet("cam_ket_neu_guong", "commitments", "Cam kết nêu gương", "Commitments", (
        C("Năm", "nam", "year", "year", True, True),
        C("Mã đảng viên", "ma_dang_vien", "member_code", "code", True, True),
        C("Đã đăng ký cam kết", "da_cam_ket", "committed", "yesno", True, doc_vi="Có/Không."),
        C("Kết quả thực hiện", "ket_qua", "kept", "enum", enum="commitment_result",
          doc_vi="tot (thực hiện tốt), dat (đạt) hoặc chua_dat (chưa đạt); để trống đến khi kiểm điểm cuối năm."),
        C("Ghi chú", "ghi_chu", "note", "text"),
    ), aliases=("cam ket neu guong", "cam ket", "commitments"),
       refers=(_cell("member_code", sheet="dang_vien", to=("member_code",)),)),
    # ---- issue 14: the year-end review (self-ratings and the cells' proposals before the decision)
    Sheet("de_xuat_xep_loai", "rating_proposals", "Đề xuất xếp loại", "Rating proposals", (
        *RATING_SUBJECT,
        C("Bước", "buoc", "step", "enum", True, True, enum="proposal_step",
          doc_vi="tu_danh_gia (tự đánh giá) hoặc chi_bo_de_xuat (chi bộ đề xuất)."),
        RATING_LEVEL,
        C("Ghi chú", "ghi_chu", "note", "text"),
    ), aliases=("de xuat xep loai", "de xuat", "proposals", "rating proposals"), refers=_rating_subject()),
    # ---- end issue 14
)

SHEETS_BY_NAME = {s.name: s for s in SHEETS}
SHEETS_BY_TABLE = {s.table: s for s in SHEETS}

COMMITTEE_CODE = "DANG_UY"


# ---------------------------------------------------------------- derived from the sheets
# Functions of the module's SHEETS at call time, so that a sheet added to the contract
# (a test declares one) is loaded, committed and undone like the others.

def load_order() -> tuple[str, ...]:
    """Sheet names in the order they are validated and committed: a named sheet before the
    sheets naming it, otherwise in the contract's order."""
    left, order = list(SHEETS), []
    while left:
        ready = next(s for s in left if all(r.sheet in order or r.sheet == s.name for r in s.refers))
        order.append(ready.name)
        left.remove(ready)
    return tuple(order)


def versioned_tables() -> tuple[str, ...]:
    return tuple(SHEETS_BY_NAME[name].table for name in load_order())


_CELL_COLUMNS: dict[int, tuple[Sheet, str | None]] = {}


def cell_column(sheet: Sheet) -> str | None:
    """The sheet's own column holding the cell a row belongs to (None: there is none, or it
    depends on the row, or the cell comes through another sheet's row). Worked out once per
    sheet: an upload asks on every row."""
    known = _CELL_COLUMNS.get(id(sheet))
    if known is not None and known[0] is sheet:
        return known[1]
    found = _cell_column(sheet)
    _CELL_COLUMNS[id(sheet)] = (sheet, found)
    return found


def _cell_column(sheet: Sheet) -> str | None:
    if sheet.name == CELL_SHEET:
        return sheet.key_names[0]
    for ref in sheet.refers:
        if ref.cell and ref.when is None:
            target = cell_column(SHEETS_BY_NAME[ref.sheet])
            return ref.columns[ref.to.index(target)] if target in ref.to else None
    return None


def belongs_to_cells(sheet: Sheet) -> bool:
    """False for a sheet of the whole Đảng bộ (the criteria): only users of every cell write it."""
    return sheet.name == CELL_SHEET or any(r.cell for r in sheet.refers)


def sheet_for_name(name: str) -> Sheet | None:
    """The contract sheet a sheet or file name refers to (diem_danh_gia, "Điểm đánh giá" …)."""
    key = fold(re.sub(r"\.(csv|txt|tsv|xlsx|xls)$", "", str(name), flags=re.I))
    for sheet in SHEETS:
        names = {sheet.name, fold(sheet.title_vi), fold(sheet.title_en), sheet.table,
                 *(fold(a) for a in sheet.aliases)}
        if key in names:
            return sheet
    return None


def match_header(sheet: Sheet, header: str) -> Column | None:
    key = fold(header)
    if not key:
        return None
    for column in sheet.columns:
        if key in header_aliases(column):
            return column
    return None


def sheet_for_headers(headers: list[str]) -> Sheet | None:
    """The sheet whose required columns all appear among these headers (best match)."""
    best, best_score = None, 0
    for sheet in SHEETS:
        matched = {c.name for h in headers if (c := match_header(sheet, h))}
        required = {c.name for c in sheet.columns if c.required}
        if not required <= matched:
            continue
        score = len(matched) * 100 - len(sheet.columns)
        if score > best_score:
            best, best_score = sheet, score
    return best
