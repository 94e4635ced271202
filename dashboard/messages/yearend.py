"""Messages of the year-end review (Đánh giá cuối năm): keys ``yearend.*``."""

MESSAGES: dict[str, dict[str, str]] = {
    "yearend.empty": {"vi": "Chưa có đề xuất hay kết quả xếp loại nào cho các chi bộ đang xem.",
                      "en": "No proposal or decided rating yet for the cells shown."},
    "yearend.year": {"vi": "Năm đánh giá", "en": "Year"},
    "yearend.intro": {
        "vi": "Năm {year}: đảng viên tự đánh giá, chi bộ đề xuất mức xếp loại cho từng đảng viên và cho chi bộ, "
              "Đảng ủy quyết định (sheet de_xuat_xep_loai và xep_loai).",
        "en": "{year}: members rate themselves, each cell proposes a level for each member and for itself, the Đảng "
              "ủy decides (sheets de_xuat_xep_loai and xep_loai)."},
    "yearend.step.self": {"vi": "Tự đánh giá", "en": "Self-rating"},
    "yearend.step.proposal": {"vi": "Chi bộ đề xuất", "en": "Cell's proposal"},
    "yearend.step.decision": {"vi": "Đảng ủy quyết định", "en": "Đảng ủy's decision"},
    "yearend.step.help": {"vi": "Số đảng viên và chi bộ đã có / cần có; còn thiếu {missing}.",
                          "en": "Members and cells done / expected; {missing} missing."},
    "yearend.file.cells": {"vi": "Đánh giá chi bộ", "en": "Cell review"},
    "yearend.file.members": {"vi": "Đánh giá đảng viên", "en": "Member review"},
    "yearend.cells.title": {"vi": "Chi bộ: điểm năm, mức theo điểm và ba bước",
                            "en": "Cells: the year's score, its band and the three steps"},
    "yearend.cells.help": {
        "vi": "Mức theo điểm: mức mà điểm năm của chi bộ rơi vào, theo khung điểm ghi ở cột “Căn cứ khung điểm”; "
              "để trống khi chi bộ chưa có đủ điểm năm. Ba cột cuối: số đảng viên của chi bộ còn thiếu ở mỗi bước.",
        "en": "Level by score: the band the cell's annual score falls in, by the bands named under “Bands from”; "
              "blank when the cell has no complete annual score. Last three columns: members still missing each step."},
    "yearend.col.band_source": {"vi": "Căn cứ khung điểm", "en": "Bands from"},
    "yearend.members.title": {"vi": "Đảng viên: tự đánh giá, đề xuất, quyết định",
                              "en": "Members: self-rating, proposal, decision"},
    "yearend.levels_legend": {
        "vi": "HTXSNV: Hoàn thành xuất sắc nhiệm vụ · HTTNV: Hoàn thành tốt nhiệm vụ · HTNV: Hoàn thành nhiệm vụ · "
              "KHTNV: Không hoàn thành nhiệm vụ.",
        "en": "HTXSNV: excellent · HTTNV: good · HTNV: completed · KHTNV: not completed."},
    "yearend.col.member": {"vi": "Đảng viên", "en": "Member"},
    "yearend.col.name": {"vi": "Họ và tên", "en": "Full name"},
    "yearend.col.kind": {"vi": "Loại", "en": "Kind"},
    "yearend.col.score": {"vi": "Điểm năm", "en": "Annual score"},
    "yearend.col.band": {"vi": "Mức theo điểm", "en": "Level by score"},
    "yearend.col.self": {"vi": "Tự đánh giá", "en": "Self-rating"},
    "yearend.col.proposal": {"vi": "Chi bộ đề xuất", "en": "Proposal"},
    "yearend.col.plan": {"vi": "Mức đề xuất (sửa được)", "en": "Proposed level (editable)"},
    "yearend.col.decision": {"vi": "Đảng ủy quyết định", "en": "Decision"},
    "yearend.col.members": {"vi": "Số đảng viên", "en": "Members"},
    "yearend.col.missing_self": {"vi": "Thiếu tự đánh giá", "en": "No self-rating"},
    "yearend.col.missing_proposal": {"vi": "Thiếu đề xuất", "en": "No proposal"},
    "yearend.col.missing_decision": {"vi": "Chưa quyết định", "en": "Not decided"},
    "yearend.col.disciplined": {"vi": "Kỷ luật trong năm", "en": "Disciplined"},
    "yearend.col.missing": {"vi": "Còn thiếu", "en": "Missing"},
    "yearend.plan.title": {"vi": "Dự kiến xếp loại (chưa ghi)", "en": "Planner (nothing written)"},
    "yearend.plan.help": {
        "vi": "Bảng bắt đầu từ đề xuất của chi bộ. Đổi mức ở cột “Mức đề xuất”: tỷ lệ và các điều kiện bên dưới "
              "được tính lại ngay, không ghi gì vào dữ liệu cho đến khi bấm nút lưu.",
        "en": "The table starts from the cells' proposals. Change a level in “Proposed level”: the quota and the "
              "checks below are recomputed at once; nothing is written until you press a save button."},
    "yearend.quota.line": {
        "vi": "{what}: {excellent} Hoàn thành xuất sắc nhiệm vụ, được tối đa {allowed} ({share} của {base} "
              "{base_level} là {raw}, {rounding}) — {verdict}.",
        "en": "{what}: {excellent} HTXSNV, at most {allowed} allowed ({share} of {base} {base_level} is {raw}, "
              "{rounding}) — {verdict}."},
    "yearend.quota.cells": {"vi": "Chi bộ", "en": "Cells"},
    "yearend.quota.members": {"vi": "Đảng viên", "en": "Members"},
    "yearend.quota.over": {"vi": "vượt tỷ lệ", "en": "over the quota"},
    "yearend.quota.within": {"vi": "trong tỷ lệ", "en": "within the quota"},
    "yearend.quota.if_raised_over": {"vi": "Nếu {cell} lên HTXSNV thì vượt tỷ lệ: được tối đa {allowed}.",
                                     "en": "If {cell} were raised to HTXSNV, over the quota: at most {allowed}."},
    "yearend.quota.if_raised_within": {"vi": "Nếu {cell} lên HTXSNV thì vẫn trong tỷ lệ: được tối đa {allowed}.",
                                       "en": "If {cell} were raised to HTXSNV, still within: at most {allowed}."},
    "yearend.quota.no_regime": {"vi": "Không có quy định xếp loại nào áp dụng cho năm này: không tính tỷ lệ.",
                                "en": "No rating regulation covers this year: no quota is counted."},
    "yearend.checks.title": {"vi": "Kiểm tra trước khi quyết định", "en": "Checks before deciding"},
    "yearend.checks.help": {
        "vi": "Mỗi mức trong bảng dự kiến được đối chiếu với các quy định xếp loại có hiệu lực cho năm này (tỷ lệ "
              "20 %, điều kiện của chi bộ theo mức của đảng viên, kỷ luật, khung điểm), như khi đã quyết định; mỗi "
              "kết quả có phép tính và căn cứ. Chi bộ, đảng viên chưa có mức dự kiến giữ mức đã ghi (nếu có).",
        "en": "Every level of the plan is judged by the rating rules in force for the year (the 20 % quota, a "
              "cell's conditions from its members' levels, discipline, score bands), as if decided; each finding "
              "gives its arithmetic and source. Subjects without a planned level keep what is stored."},
    "yearend.checks.read_only": {"vi": "Cơ sở dữ liệu đang ở chế độ chỉ đọc: không kiểm tra dự kiến được.",
                                 "en": "The database is read-only: the plan cannot be checked."},
    "yearend.write.title": {"vi": "Ghi đề xuất, ghi quyết định", "en": "Save proposals, record decisions"},
    "yearend.write.help": {
        "vi": "Bí thư chi bộ lưu đề xuất của chi bộ mình; quản trị viên ghi quyết định của Đảng ủy. Việc ghi đi "
              "qua cùng đường với tải dữ liệu lên: kiểm tra, một giao dịch, ghi vào Lịch sử tải lên là “Nhập trên "
              "trang” với người và thời điểm, hoàn tác được.",
        "en": "A cell's secretary saves the cell's proposals; an administrator records the Đảng ủy's decisions. "
              "Both go the way of an upload: checked, one transaction, in the upload history as “Entered on a "
              "page” with who and when, undoable."},
    "yearend.write.save": {"vi": "Lưu đề xuất của chi bộ", "en": "Save the cell's proposals"},
    "yearend.write.decide": {"vi": "Ghi quyết định của Đảng ủy", "en": "Record the Đảng ủy's decisions"},
    "yearend.write.view_only": {"vi": "Tài khoản chỉ xem: không ghi được đề xuất hay quyết định.",
                                "en": "A viewer account: proposals and decisions cannot be written."},
    "yearend.write.refused": {"vi": "Không ghi được: dữ liệu chưa hợp lệ. Không có gì được ghi.",
                              "en": "Not written: the data is not valid. Nothing was written."},
    "yearend.write.ok": {"vi": "Đã ghi (lần tải lên số {id}); xem và hoàn tác ở Lịch sử tải lên.",
                         "en": "Written (upload {id}); see or undo it in the upload history."},
    "yearend.write.unchanged": {"vi": "Không có gì thay đổi: dữ liệu đã như vậy.",
                                "en": "Nothing changed: the data was already so."},
    "yearend.entry.proposals_file": {"vi": "Nhập trên trang: đề xuất xếp loại năm {year}",
                                     "en": "Entered on a page: rating proposals {year}"},
    "yearend.entry.decisions_file": {"vi": "Nhập trên trang: quyết định xếp loại năm {year}",
                                     "en": "Entered on a page: rating decisions {year}"},
    "yearend.export.name": {"vi": "Đề xuất và quyết định xếp loại", "en": "Rating proposals and decisions"},
    "yearend.export.button": {"vi": "Xuất Excel (đề xuất và quyết định)", "en": "Export to Excel (proposals and decisions)"},
}
