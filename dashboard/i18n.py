"""The message catalog: every string a user reads, Vietnamese first, English alongside.

``t(key, lang, **params)`` returns the message in the language asked for
(Vietnamese when a key has no English yet). Numbers and dates are formatted
the Vietnamese way (1.234,5 and dd/mm/yyyy) in both languages' date order, and
with the English separators in English.
"""

from __future__ import annotations

import datetime as dt
import math

LANGS = ("vi", "en")
DEFAULT_LANG = "vi"

MESSAGES: dict[str, dict[str, str]] = {
    # Organisation and navigation
    "app.org": {"vi": "Đảng bộ Viện kiểm sát nhân dân tỉnh Lai Châu",
                "en": "Party Committee of the People's Procuracy of Lai Châu"},
    "app.short": {"vi": "Bảng điều hành Đảng bộ", "en": "Party Committee dashboard"},
    "page.overview": {"vi": "Tổng quan", "en": "Overview"},
    "page.ranking": {"vi": "Xếp hạng chi bộ", "en": "Cell rankings"},
    "page.solutions": {"vi": "Tiến độ giải pháp", "en": "Solution progress"},
    "page.solutions.title": {"vi": "Tiến độ thực hiện giải pháp", "en": "Progress of the six solutions"},
    "page.meetings": {"vi": "Sinh hoạt chi bộ", "en": "Cell meetings"},
    "page.upload": {"vi": "Tải dữ liệu lên", "en": "Upload data"},
    "page.history": {"vi": "Lịch sử tải lên", "en": "Upload history"},
    # Shared filters
    "filter.heading": {"vi": "Bộ lọc", "en": "Filters"},
    "filter.branch": {"vi": "Chi bộ", "en": "Cell"},
    "filter.branch.all": {"vi": "Tất cả chi bộ", "en": "All cells"},
    "filter.branch.help": {"vi": "Để trống để xem tất cả chi bộ.",
                           "en": "Leave empty to see every cell."},
    "filter.period": {"vi": "Kỳ đánh giá", "en": "Period"},
    "filter.lang": {"vi": "Ngôn ngữ", "en": "Language"},
    "filter.unknown_branch": {
        "vi": "Đường dẫn có mã chi bộ không tồn tại, đã bỏ qua: {codes}.",
        "en": "The link names cell codes that do not exist; ignored: {codes}."},
    "filter.unknown_period": {
        "vi": "Đường dẫn có kỳ đánh giá không có dữ liệu, đã bỏ qua: {value}.",
        "en": "The link names a period with no data; ignored: {value}."},
    "filter.showing": {"vi": "Đang xem: {names}.", "en": "Showing: {names}."},
    "filter.clear": {"vi": "Xem tất cả chi bộ", "en": "Show every cell"},
    "filter.no_periods": {"vi": "Chưa có kỳ đánh giá nào có dữ liệu.",
                          "en": "No period has data yet."},
    "sample.badge": {"vi": "Dữ liệu mẫu — không phải số liệu thật",
                     "en": "Sample data — not real figures"},
    "data.updated": {"vi": "Dữ liệu cập nhật lần cuối: {when}",
                     "en": "Data last updated: {when}"},
    "empty.branch": {"vi": "Chi bộ đã chọn chưa có dữ liệu cho mục này.",
                     "en": "The selected cells have no data for this section."},
    "error.generic": {
        "vi": "Đã xảy ra lỗi khi hiển thị trang. Chi tiết đã được ghi vào nhật ký máy chủ; vui lòng thử lại hoặc báo quản trị viên.",
        "en": "Something went wrong drawing this page. The details are in the server log; try again or tell the administrator."},
    "error.db_missing": {
        "vi": "Chưa có cơ sở dữ liệu. Hãy chạy 'make run' (hoặc 'python -m dashboard build-sample') để tạo dữ liệu mẫu.",
        "en": "There is no database yet. Run 'make run' (or 'python -m dashboard build-sample') to build the sample data."},
    # Signing in
    "auth.title": {"vi": "Đăng nhập", "en": "Sign in"},
    "auth.login": {"vi": "Tên đăng nhập", "en": "User name"},
    "auth.password": {"vi": "Mật khẩu", "en": "Password"},
    "auth.submit": {"vi": "Đăng nhập", "en": "Sign in"},
    "auth.failed": {"vi": "Sai tên đăng nhập hoặc mật khẩu.", "en": "Wrong user name or password."},
    "auth.delay": {"vi": "Đã nhập sai nhiều lần: lần thử tiếp theo phải đợi {seconds} giây.",
                   "en": "Too many failed attempts: the next attempt must wait {seconds} seconds."},
    "auth.wait": {"vi": "Tài khoản này tạm khóa do nhập sai nhiều lần. Vui lòng thử lại sau {seconds} giây.",
                  "en": "This account is locked for a while after failed attempts. Try again in {seconds} seconds."},
    "auth.expired": {"vi": "Phiên làm việc đã hết hạn do không hoạt động. Vui lòng đăng nhập lại.",
                     "en": "Your session expired after a period of inactivity. Please sign in again."},
    "auth.logout": {"vi": "Đăng xuất", "en": "Sign out"},
    "auth.signed_in": {"vi": "Đăng nhập: {name} ({role})", "en": "Signed in: {name} ({role})"},
    "auth.local_mode": {"vi": "Chế độ cục bộ: chưa cấu hình người dùng, chỉ truy cập được từ máy này, mọi người dùng đều có quyền quản trị.",
                        "en": "Local mode: no users configured, reachable from this computer only, everyone is an administrator."},
    "auth.public_without_users": {
        "vi": "Ứng dụng đang mở cho cả mạng nhưng chưa cấu hình người dùng, nên từ chối phục vụ. Hãy thêm người dùng vào .streamlit/secrets.toml (xem README, mục Người dùng) hoặc chạy với server.address = 127.0.0.1.",
        "en": "The app listens on the network but no users are configured, so it refuses to serve. Add users to .streamlit/secrets.toml (README, Users) or run with server.address = 127.0.0.1."},
    "auth.users_file_broken": {
        "vi": "Cấu hình người dùng bị lỗi (tệp người dùng không đọc được hoặc thiếu mục bắt buộc), nên ứng dụng tạm ngừng phục vụ. Quản trị viên hãy xem nhật ký máy chủ và sửa tệp cấu hình.",
        "en": "The user configuration is broken (the users file cannot be read or lacks a required entry), so the app refuses to serve. The administrator should read the server log and fix the file."},
    "auth.denied": {"vi": "Vai trò của bạn không được phép thực hiện việc này.",
                    "en": "Your role does not allow this."},
    # Issue 11: access that holds against an insider (one block, to ease merging)
    "auth.users_file_key": {"vi": "Khóa không hợp lệ: '{name}' (mỗi người dùng là một mục [users.tên_đăng_nhập] với các khóa name, role, branches, password_hash).",
                            "en": "Invalid key: '{name}' (each user is a [users.login_name] table with the keys name, role, branches, password_hash)."},
    "auth.busy": {"vi": "Đang có nhiều lần đăng nhập cùng lúc. Vui lòng thử lại sau {seconds} giây.",
                  "en": "Too many sign-in attempts at once. Try again in {seconds} seconds."},
    "auth.denied_scope": {"vi": "Tệp này ghi vào chi bộ ngoài phạm vi của bạn nên không được ghi. Hãy tải lại tệp để xem các dòng bị từ chối.",
                          "en": "This file writes to cells outside your scope, so nothing was written. Upload it again to see the rows refused."},
    "ranking.rank_hidden": {"vi": "Bạn chỉ được xem một số chi bộ, nên thứ hạng trong Đảng bộ không được hiển thị.",
                            "en": "You see only some cells, so ranks in the Party Committee are not shown."},
    "ranking.trend_unranked": {"vi": "Tổng điểm qua các kỳ", "en": "Total score over time"},
    "why.summary_unranked": {"vi": "Tổng điểm {total}/100, {level}.", "en": "Total {total}/100, {level}."},
    "tq.s.one_cell_unranked": {"vi": "{period}: {cell} đạt {score} điểm{change}.",
                               "en": "{period}: {cell} scored {score}{change}."},
    "history.other_user": {"vi": "Người dùng khác", "en": "Another user"},
    "history.hidden_file": {"vi": "(tệp có dữ liệu của chi bộ khác)", "en": "(a file with other cells' data)"},
    "cli.unlocked": {"vi": "Đã gỡ khóa đăng nhập của {user}; ứng dụng đang chạy áp dụng từ lần đăng nhập tiếp theo.",
                     "en": "Sign-in unlocked for {user}; the running app applies it at the next sign-in attempt."},
    "cli.unknown_user": {"vi": "Không có người dùng {user} trong cấu hình người dùng.",
                         "en": "There is no user {user} in the user configuration."},
    "cli.users_broken": {"vi": "Cấu hình người dùng bị lỗi: {error}", "en": "The user configuration is broken: {error}"},
    "role.viewer": {"vi": "Người xem", "en": "Viewer"},
    "role.editor": {"vi": "Người nhập liệu", "en": "Editor"},
    "role.admin": {"vi": "Quản trị", "en": "Administrator"},
    "p.out_of_scope": {"vi": "dòng này không thuộc chi bộ bạn được phép nhập ({allowed}), nên không được kiểm tra và sẽ không được ghi.",
                       "en": "this row is not in the cells you may upload ({allowed}), so it was not checked and will not be written."},
    "p.criteria_admin_only": {"vi": "chỉ quản trị viên hoặc người nhập liệu của toàn Đảng bộ được thay đổi tiêu chí.",
                              "en": "only an administrator or an editor for the whole Đảng bộ may change the criteria."},
    "audit.title": {"vi": "Nhật ký truy cập và thao tác", "en": "Audit trail"},
    "audit.action.login": {"vi": "Đăng nhập", "en": "Sign in"},
    "audit.action.login_failed": {"vi": "Đăng nhập thất bại", "en": "Failed sign-in"},
    "audit.action.logout": {"vi": "Đăng xuất", "en": "Sign out"},
    "audit.action.expired": {"vi": "Hết phiên", "en": "Session expired"},
    "audit.action.upload": {"vi": "Tải dữ liệu lên", "en": "Upload"},
    "audit.action.upload_rejected": {"vi": "Tải lên bị từ chối", "en": "Upload refused"},
    "audit.action.undo": {"vi": "Hoàn tác", "en": "Undo"},
    "audit.action.export": {"vi": "Xuất tệp", "en": "Export"},
    "col.action": {"vi": "Thao tác", "en": "Action"},
    "col.detail": {"vi": "Chi tiết", "en": "Detail"},
    # Overview
    "overview.cells": {"vi": "Chi bộ", "en": "Cells"},
    "overview.members": {"vi": "Đảng viên", "en": "Members"},
    "overview.avg_score": {"vi": "Điểm bình quân", "en": "Average score"},
    "overview.overdue": {"vi": "Nhiệm vụ quá hạn", "en": "Overdue actions"},
    # Common column labels
    "col.rank": {"vi": "Thứ hạng", "en": "Rank"},
    "col.branch": {"vi": "Chi bộ", "en": "Cell"},
    "col.total": {"vi": "Tổng điểm", "en": "Total"},
    "col.common": {"vi": "Chung (30)", "en": "Common (30)"},
    "col.tasks": {"vi": "Kết quả (70)", "en": "Tasks (70)"},
    "col.level": {"vi": "Mức theo điểm", "en": "Level by score"},
    "col.decided": {"vi": "Kết quả xếp loại được công nhận", "en": "Rating decided"},
    "col.share_of_max": {"vi": "% điểm tối đa", "en": "% of maximum"},
    "col.solution": {"vi": "Giải pháp", "en": "Solution"},
    "col.actions": {"vi": "Số nhiệm vụ", "en": "Actions"},
    "col.progress": {"vi": "% hoàn thành", "en": "% done"},
    "col.overdue": {"vi": "Quá hạn", "en": "Overdue"},
    "col.description": {"vi": "Nội dung thực hiện", "en": "Action"},
    "col.owner": {"vi": "Người phụ trách", "en": "Owner"},
    "col.due": {"vi": "Hạn hoàn thành", "en": "Due date"},
    "col.last_report": {"vi": "Cập nhật gần nhất", "en": "Last report"},
    "col.status": {"vi": "Trạng thái", "en": "Status"},
    "col.year": {"vi": "Năm", "en": "Year"},
    "col.month": {"vi": "Tháng", "en": "Month"},
    "col.severity": {"vi": "Mức độ", "en": "Severity"},
    "col.sheet": {"vi": "Sheet", "en": "Sheet"},
    "col.row": {"vi": "Dòng", "en": "Row"},
    "col.column": {"vi": "Cột", "en": "Column"},
    "col.value": {"vi": "Giá trị", "en": "Value"},
    "col.message": {"vi": "Nội dung", "en": "Message"},
    "col.regular": {"vi": "Thường kỳ", "en": "Regular"},
    "col.thematic": {"vi": "Chuyên đề", "en": "Thematic"},
    "col.meetings": {"vi": "Số buổi", "en": "Meetings"},
    "col.attendance": {"vi": "Tỷ lệ dự sinh hoạt", "en": "Attendance"},
    "col.unexcused": {"vi": "Vắng không lý do", "en": "Unexcused absences"},
    "col.criticism": {"vi": "Có tự phê bình và phê bình", "en": "With self-criticism"},
    "col.minutes": {"vi": "Phút / buổi", "en": "Minutes per meeting"},
    "col.upload_id": {"vi": "Số", "en": "No."},
    "col.file": {"vi": "Tệp", "en": "File"},
    "col.who": {"vi": "Người tải", "en": "By"},
    "col.when": {"vi": "Thời điểm", "en": "When"},
    "col.source": {"vi": "Nguồn", "en": "Source"},
    "col.rows": {"vi": "Số dòng", "en": "Rows"},
    "col.state": {"vi": "Tình trạng", "en": "State"},
    "col.score": {"vi": "Điểm", "en": "Score"},
    "col.period": {"vi": "Kỳ đánh giá", "en": "Period"},
    "col.criterion": {"vi": "Tiêu chí", "en": "Criterion"},
    "yes": {"vi": "Có", "en": "Yes"},
    "no": {"vi": "Không", "en": "No"},
    # Ranking page
    "ranking.caption": {
        "vi": "Tổng điểm = nhóm tiêu chí chung (30 điểm) + nhóm kết quả thực hiện nhiệm vụ (70 điểm). Chi bộ thiếu tiêu chí không được xếp hạng.",
        "en": "Total = common criteria (30 points) + task results (70 points). A cell missing criteria is not ranked."},
    "ranking.incomplete": {"vi": "Chưa đủ tiêu chí", "en": "Incomplete"},
    "ranking.bands": {"vi": "Mức theo điểm: từ {htxsnv} Hoàn thành xuất sắc, từ {httnv} Hoàn thành tốt, từ {htnv} Hoàn thành nhiệm vụ, dưới {htnv} Không hoàn thành ({source}).",
                      "en": "Level by score: from {htxsnv} HTXSNV, from {httnv} HTTNV, from {htnv} HTNV, below {htnv} KHTNV ({source})."},
    "ranking.chart": {"vi": "Tổng điểm theo chi bộ", "en": "Total score by cell"},
    "ranking.chart_help": {"vi": "Bấm vào một cột hoặc một dòng của bảng để xem riêng chi bộ đó.",
                           "en": "Click a bar or a table row to look at that cell alone."},
    "ranking.trend": {"vi": "Tổng điểm và thứ hạng qua các kỳ", "en": "Total score and rank over time"},
    "ranking.compare": {"vi": "So sánh", "en": "Compare with"},
    "ranking.compare.previous": {"vi": "So với kỳ trước", "en": "Previous period"},
    "ranking.compare.year_before": {"vi": "So với cùng kỳ năm trước", "en": "Same period last year"},
    "ranking.sort": {"vi": "Sắp xếp theo", "en": "Sort by"},
    "ranking.sort.score": {"vi": "Tổng điểm", "en": "Total score"},
    "ranking.sort.change": {"vi": "Mức thay đổi", "en": "Change"},
    "ranking.compared_with": {"vi": "So sánh với {period}.", "en": "Compared with {period}."},
    "ranking.no_comparison": {"vi": "Không có dữ liệu của kỳ so sánh ({period}).",
                              "en": "No data for the comparison period ({period})."},
    "ranking.heatmap": {"vi": "Điểm từng tiêu chí (% điểm tối đa)", "en": "Score per criterion (% of maximum)"},
    "ranking.flags": {"vi": "Cảnh báo", "en": "Flags"},
    "ranking.flags.errors": {"vi": "{n} lỗi", "en": "{n} errors"},
    "ranking.flags.warnings": {"vi": "{n} cảnh báo", "en": "{n} warnings"},
    "ranking.rank_axis": {"vi": "Thứ hạng", "en": "Rank"},
    "why.title": {"vi": "Vì sao? — {branch}, {period}", "en": "Why? — {branch}, {period}"},
    "why.pick": {"vi": "Chọn một chi bộ (bấm vào biểu đồ, bảng, hoặc bộ lọc Chi bộ) để xem vì sao chi bộ đó xếp ở vị trí này.",
                 "en": "Pick one cell (click the chart, the table or the Cell filter) to see why it ranks where it does."},
    "why.summary": {"vi": "Tổng điểm {total}/100, {level}, thứ hạng {rank} trong {count} chi bộ.",
                    "en": "Total {total}/100, {level}, rank {rank} of {count} cells."},
    "why.incomplete": {"vi": "Chưa đủ tiêu chí: có điểm {scored}/{expected} tiêu chí, nên chưa được xếp hạng.",
                       "en": "Incomplete: {scored} of {expected} criteria scored, so not ranked."},
    "why.breakdown": {"vi": "Điểm từng tiêu chí so với bình quân Đảng bộ", "en": "Each criterion against the Đảng bộ average"},
    "why.gains": {"vi": "Tăng nhiều nhất so với kỳ so sánh", "en": "Biggest gains since the comparison period"},
    "why.losses": {"vi": "Giảm nhiều nhất so với kỳ so sánh", "en": "Biggest losses since the comparison period"},
    "why.none": {"vi": "Không có.", "en": "None."},
    "why.rules": {"vi": "Cảnh báo theo quy định của chi bộ năm {year}", "en": "Rule findings for the cell in {year}"},
    "why.no_rules": {"vi": "Không có cảnh báo nào theo quy định.", "en": "No rule findings."},
    "why.cell_label": {"vi": "Chi bộ", "en": "Cell"},
    "why.average_label": {"vi": "Bình quân Đảng bộ", "en": "Đảng bộ average"},
    "why.change_item": {"vi": "{criterion} — {name}: {change} điểm (từ {before} lên {after})",
                        "en": "{criterion} — {name}: {change} points (from {before} to {after})"},
    "why.loss_item": {"vi": "{criterion} — {name}: {change} điểm (từ {before} xuống {after})",
                      "en": "{criterion} — {name}: {change} points (from {before} to {after})"},
    "members.title": {"vi": "Xếp loại đảng viên", "en": "Member ratings"},
    "members.distribution": {"vi": "Số đảng viên theo mức xếp loại, từng chi bộ và năm",
                             "en": "Members by level, per cell and year"},
    "members.quota": {"vi": "Số đảng viên Hoàn thành xuất sắc so với số tối đa tỷ lệ cho phép (rê chuột vào cột để xem phép tính)",
                      "en": "Members rated HTXSNV against the most the quota allows (hover a bar for the arithmetic)"},
    "members.allowed": {"vi": "Tối đa được phép", "en": "Most allowed"},
    "members.excellent": {"vi": "Số đảng viên Hoàn thành xuất sắc", "en": "Members rated HTXSNV"},
    "members.good": {"vi": "Số đảng viên Hoàn thành tốt", "en": "Members rated HTTNV"},
    "members.allowed_arithmetic": {"vi": "{allowed} ({share} của {base} là {raw})",
                                   "en": "{allowed} ({share} of {base} is {raw})"},
    "findings.title": {"vi": "Cảnh báo theo quy định", "en": "Rule findings"},
    "findings.title_year": {"vi": "Cảnh báo theo quy định năm {year}", "en": "Rule findings, {year}"},
    "findings.none": {"vi": "Không có cảnh báo nào theo quy định cho lựa chọn này.",
                      "en": "No rule findings for this selection."},
    "col.rule_source": {"vi": "Căn cứ", "en": "Source"},
    "col.members_count": {"vi": "Số đảng viên", "en": "Members"},
    "col.max": {"vi": "Điểm tối đa", "en": "Maximum"},
    # Solutions page
    "committee": {"vi": "Đảng ủy", "en": "Party Committee"},
    # Meetings page
    "meetings.summary": {"vi": "Sinh hoạt chi bộ năm {year}", "en": "Cell meetings in {year}"},
    "meetings.requirements": {
        "vi": "Yêu cầu ({source}): {regular} buổi thường kỳ trong năm (mỗi tháng một buổi), ít nhất {thematic} buổi chuyên đề mỗi quý, tỷ lệ dự trên {attendance}, không vắng không lý do, ít nhất {minutes} phút; buổi kết hợp thường kỳ và chuyên đề ít nhất {combined} phút.",
        "en": "Required ({source}): {regular} regular meetings a year (one a month), at least {thematic} thematic meeting each quarter, attendance above {attendance}, no unexcused absence, at least {minutes} minutes; a combined regular and thematic meeting at least {combined} minutes."},
    "meetings.year_running": {"vi": "Năm đang diễn ra: số buổi tính đến hết tháng {month}.",
                              "en": "The year is still running: counts up to month {month}."},
    "meetings.l3": {"vi": "Cột \"Có tự phê bình và phê bình\" đo hạn chế \"{limitation}\" mà Đảng ủy đã chỉ ra.",
                    "en": "The self-criticism column measures the limitation \"{limitation}\" the Đảng ủy named."},
    "meetings.calendar": {"vi": "Lịch sinh hoạt từng tháng năm {year}", "en": "Meetings month by month, {year}"},
    "meetings.calendar_help": {"vi": "Xanh: có sinh hoạt thường kỳ; đỏ: tháng đã qua mà không có; xám: tháng chưa qua. CĐ: có sinh hoạt chuyên đề.",
                               "en": "Green: a regular meeting held; red: a past month without one; grey: month not over. T: a thematic meeting."},
    "meetings.findings": {"vi": "Cảnh báo về sinh hoạt chi bộ năm {year}", "en": "Meeting findings, {year}"},
    "calendar.held": {"vi": "Đã sinh hoạt", "en": "Held"},
    "calendar.missed": {"vi": "Không sinh hoạt", "en": "Missed"},
    "calendar.not_yet": {"vi": "Chưa đến", "en": "Not yet"},
    "col.thematic_quarters": {"vi": "Chuyên đề theo quý (I · II · III · IV)", "en": "Thematic by quarter (I · II · III · IV)"},
    "col.low_attendance": {"vi": "Buổi chưa đạt tỷ lệ dự", "en": "Meetings under the attendance"},
    "col.speakers": {"vi": "Ý kiến phát biểu / buổi", "en": "Speakers per meeting"},
    "col.too_short": {"vi": "Buổi thiếu thời lượng", "en": "Too short"},
    # Upload and history pages
    "upload.intro": {
        "vi": "Tải lên tệp Excel (.xlsx, .xls) hoặc CSV theo mẫu nhập liệu. Dữ liệu được kiểm tra toàn bộ trước khi ghi.",
        "en": "Upload an Excel (.xlsx, .xls) or CSV file in the template's shape. Everything is checked before anything is written."},
    "upload.template": {"vi": "Tải mẫu nhập liệu", "en": "Download the template"},
    "upload.files": {"vi": "Chọn tệp dữ liệu", "en": "Choose data files"},
    "upload.preview": {"vi": "Xem trước", "en": "Preview"},
    "upload.confirm": {"vi": "Xác nhận ghi dữ liệu", "en": "Write the data"},
    "upload.has_errors": {"vi": "Tệp có {n} lỗi; chưa ghi gì vào cơ sở dữ liệu. Hãy sửa và tải lên lại.",
                          "en": "The file has {n} errors; nothing was written. Fix them and upload again."},
    "upload.ok": {"vi": "Đã ghi dữ liệu (lần tải lên số {id}).", "en": "Data written (upload no. {id})."},
    "upload.unchanged": {"vi": "Tệp này không làm thay đổi dữ liệu nào (đã tải lên trước đó).",
                         "en": "This file changes nothing (it was loaded before)."},
    "upload.sheet_summary": {"vi": "Sheet {sheet}: {rows} dòng — {new} mới, {changed} thay đổi, {same} không đổi.",
                             "en": "Sheet {sheet}: {rows} rows — {new} new, {changed} changed, {same} unchanged."},
    "upload.sheet_detail": {"vi": "Chi tiết sheet {sheet} (bảng {table}): cột và vài dòng đầu",
                            "en": "Details of sheet {sheet} (table {table}): columns and first rows"},
    "upload.read_only": {"vi": "Cơ sở dữ liệu đang ở chế độ chỉ đọc; không thể tải lên.",
                         "en": "The database is read-only; uploads are disabled."},
    "upload.problems_count": {"vi": "Lỗi và cảnh báo: {errors} lỗi, {warnings} cảnh báo",
                              "en": "Errors and warnings: {errors} errors, {warnings} warnings"},
    "upload.more_problems": {"vi": "Còn {n} mục nữa trong tệp tải về.", "en": "{n} more in the downloadable file."},
    "upload.download_problems": {"vi": "Tải danh sách lỗi (Excel)", "en": "Download the problems (Excel)"},
    "upload.help": {
        "vi": "Chọn một hoặc nhiều tệp .xlsx, .xls, .csv (tối đa {limit} MB mỗi tệp). Bấm nút \"Upload\" (tải lên) hoặc kéo tệp thả vào ô bên dưới.",
        "en": "Choose one or more .xlsx, .xls or .csv files (at most {limit} MB each). Click \"Upload\" or drop files below."},
    "upload.ignored": {"vi": "(không dùng — cột không có trong mẫu)", "en": "(ignored — not a template column)"},
    "upload.header_written": {"vi": "Tiêu đề trong tệp", "en": "Header in the file"},
    "upload.header_understood": {"vi": "Được hiểu là", "en": "Understood as"},
    "upload.sample_rows": {"vi": "Vài dòng đầu, như sẽ được ghi:", "en": "First rows, as they will be written:"},
    "history.explain": {
        "vi": "Mỗi lần tải lên được ghi lại. Hoàn tác trả dữ liệu về đúng trạng thái trước lần tải lên đó. Nếu một lần tải lên sau đã sửa lại cùng dữ liệu, hãy hoàn tác lần sau trước (theo thứ tự từ mới đến cũ).",
        "en": "Every upload is recorded. Undo returns the data to exactly the state before that upload. If a later upload changed the same rows, undo the later one first (newest to oldest)."},
    "history.empty": {"vi": "Chưa có lần tải lên nào.", "en": "No uploads yet."},
    "history.undone": {"vi": "Đã hoàn tác", "en": "Undone"},
    "history.active": {"vi": "Đang dùng", "en": "In use"},
    "source.system": {"vi": "Hệ thống", "en": "System"},
    "source.sample": {"vi": "Dữ liệu mẫu", "en": "Sample data"},
    "source.page": {"vi": "Trang tải lên", "en": "Upload page"},
    "source.cli": {"vi": "Dòng lệnh", "en": "Command line"},
    # Problems found in an upload (sheet, row, column, value are filled in by the renderer)
    "problem.where": {"vi": "Sheet {sheet}, dòng {row}, cột '{column}'", "en": "Sheet {sheet}, row {row}, column '{column}'"},
    "problem.where_sheet": {"vi": "Sheet {sheet}", "en": "Sheet {sheet}"},
    "problem.where_row": {"vi": "Sheet {sheet}, dòng {row}", "en": "Sheet {sheet}, row {row}"},
    "severity.error": {"vi": "Lỗi", "en": "Error"},
    "severity.warning": {"vi": "Cảnh báo", "en": "Warning"},
    "severity.info": {"vi": "Thông tin", "en": "Information"},
    "p.required": {"vi": "thiếu giá trị bắt buộc.", "en": "a required value is missing."},
    "p.not_date": {"vi": "giá trị {value} không phải ngày hợp lệ (cần dd/mm/yyyy, ví dụ 05/03/2025).",
                   "en": "{value} is not a valid date (expected dd/mm/yyyy, e.g. 05/03/2025)."},
    "p.future_date": {"vi": "ngày {value} ở tương lai.", "en": "the date {value} is in the future."},
    "p.not_number": {"vi": "giá trị {value} không phải số.", "en": "{value} is not a number."},
    "p.not_integer": {"vi": "giá trị {value} không phải số nguyên.", "en": "{value} is not a whole number."},
    "p.below_min": {"vi": "giá trị {value} nhỏ hơn mức tối thiểu {limit}.", "en": "{value} is below the minimum {limit}."},
    "p.not_positive": {"vi": "giá trị {value} phải lớn hơn {limit}.", "en": "{value} must be greater than {limit}."},
    "p.above_max": {"vi": "giá trị {value} vượt mức tối đa {limit}.", "en": "{value} exceeds the maximum {limit}."},
    "p.not_yesno": {"vi": "giá trị {value} không phải Có/Không.", "en": "{value} is not yes/no."},
    "p.not_period": {"vi": "giá trị {value} không phải kỳ đánh giá (ví dụ 2025, Quý I/2025, 6 tháng đầu năm 2025).",
                     "en": "{value} is not a period (e.g. 2025, 2025-Q1, 2025-H1)."},
    "p.not_year": {"vi": "giá trị {value} không phải năm (ví dụ 2025).", "en": "{value} is not a year (e.g. 2025)."},
    "p.bad_enum": {"vi": "giá trị {value} không hợp lệ; cần một trong: {allowed}.",
                   "en": "{value} is not allowed; expected one of: {allowed}."},
    "p.score_above_criterion": {"vi": "giá trị {value} vượt điểm tối đa {limit} của tiêu chí {criterion}.",
                                "en": "{value} exceeds the maximum {limit} of criterion {criterion}."},
    "p.unknown_branch": {"vi": "mã chi bộ {value} không có trong dữ liệu hoặc trong tệp.",
                         "en": "cell code {value} exists neither in the data nor in the file."},
    "p.unknown_member": {"vi": "mã đảng viên {value} không có trong dữ liệu hoặc trong tệp.",
                         "en": "member code {value} exists neither in the data nor in the file."},
    "p.unknown_criterion": {"vi": "mã tiêu chí {value} không có trong dữ liệu hoặc trong tệp.",
                            "en": "criterion code {value} exists neither in the data nor in the file."},
    "p.criterion_not_in_period": {"vi": "tiêu chí {value} không thuộc bộ tiêu chí áp dụng cho kỳ {period}.",
                                  "en": "criterion {value} is not in the criteria set in force for {period}."},
    "p.unknown_action": {"vi": "mã hành động {value} không có trong dữ liệu hoặc trong tệp.",
                         "en": "action code {value} exists neither in the data nor in the file."},
    "p.unknown_meeting": {"vi": "chi bộ {branch} không có buổi sinh hoạt ngày {value}.",
                          "en": "cell {branch} has no meeting on {value}."},
    "p.unknown_meeting_kind": {"vi": "chi bộ {branch} không có buổi sinh hoạt loại {value} ngày {date}.",
                               "en": "cell {branch} has no {value} meeting on {date}."},
    "p.absence_kind_required": {
        "vi": "chi bộ {branch} có {n} buổi sinh hoạt ngày {date}: hãy ghi cột Loại để biết đảng viên vắng buổi nào.",
        "en": "cell {branch} held {n} meetings on {date}: fill in the kind to say which one the member missed."},
    "p.member_not_in_branch": {"vi": "đảng viên {value} không thuộc chi bộ {branch} vào ngày {date}.",
                               "en": "member {value} was not in cell {branch} on {date}."},
    "p.duplicate_key": {"vi": "trùng khóa với dòng {other} ({values}).", "en": "same key as row {other} ({values})."},
    "p.counts_mismatch": {
        "vi": "có mặt {present} + vắng có lý do {excused} + vắng không lý do {unexcused} + miễn {exempt} = {sum}, khác tổng số {total}.",
        "en": "present {present} + excused {excused} + unexcused {unexcused} + exempt {exempt} = {sum}, not the total {total}."},
    "p.absences_mismatch": {
        "vi": "danh sách vắng có {listed_excused} có lý do và {listed_unexcused} không lý do, khác số ghi ở buổi sinh hoạt ({excused} và {unexcused}).",
        "en": "the absence list has {listed_excused} excused and {listed_unexcused} unexcused, unlike the meeting's counts ({excused} and {unexcused})."},
    "p.left_before_joined": {"vi": "ngày rời {value} sớm hơn ngày vào {other}.",
                             "en": "left on {value}, before joining on {other}."},
    "p.due_before_start": {"vi": "hạn hoàn thành {value} sớm hơn ngày bắt đầu {other}.",
                           "en": "due on {value}, before the start {other}."},
    "p.done_not_100": {"vi": "trạng thái hoàn thành nhưng tiến độ là {value} %, cần 100 %.",
                       "en": "status is done but progress is {value} %; expected 100 %."},
    "p.100_not_done": {"vi": "tiến độ 100 % nhưng trạng thái là {value}, cần hoan_thanh.",
                       "en": "progress is 100 % but status is {value}; expected hoan_thanh."},
    "p.progress_backwards": {"vi": "tiến độ {value} % thấp hơn báo cáo trước ({other} % ngày {date}).",
                             "en": "progress {value} % is lower than the earlier report ({other} % on {date})."},
    "p.discipline_form_missing": {"vi": "bị kỷ luật nhưng chưa ghi hình thức kỷ luật.",
                                  "en": "disciplined, but no form of discipline given."},
    "p.discipline_form_not_allowed": {"vi": "hình thức {value} không áp dụng cho {subject}.",
                                      "en": "the form {value} does not apply to {subject}."},
    "p.discipline_without_flag": {"vi": "có hình thức kỷ luật {value} nhưng cột bị kỷ luật là Không.",
                                  "en": "a discipline form {value} is given but 'disciplined' is no."},
    "p.disciplined_rated_high": {
        "vi": "đảng viên bị kỷ luật trong năm không được xếp loại {value} (tối đa {limit}, theo {regime}).",
        "en": "a member disciplined in the year cannot be rated {value} (at most {limit}, per {regime})."},
    "p.unknown_column": {"vi": "cột '{column}' không có trong mẫu; đã bỏ qua.",
                         "en": "column '{column}' is not in the template; ignored."},
    "p.missing_column": {"vi": "thiếu cột bắt buộc '{column}'.", "en": "the required column '{column}' is missing."},
    "p.duplicate_column": {"vi": "cột '{column}' xuất hiện hai lần (cột {first} và {second}).",
                           "en": "column '{column}' appears twice (columns {first} and {second})."},
    "p.unknown_sheet": {"vi": "không nhận ra sheet '{value}'; đã bỏ qua. Tên sheet cần theo mẫu nhập liệu.",
                        "en": "sheet '{value}' is not recognised; ignored. Sheet names must follow the template."},
    "p.no_header": {"vi": "không tìm thấy dòng tiêu đề cột trong {rows} dòng đầu (cần các cột {columns}). Hãy chép dòng tiêu đề từ mẫu nhập liệu vào trên dòng dữ liệu đầu tiên.",
                    "en": "no header row in the first {rows} rows (the columns {columns} are needed). Copy the header row from the template above the first data row."},
    "p.empty_sheet": {"vi": "sheet không có dòng dữ liệu nào.", "en": "the sheet has no data rows."},
    "p.hidden_sheet": {"vi": "sheet '{value}' đang bị ẩn; đã bỏ qua.", "en": "sheet '{value}' is hidden; ignored."},
    "p.criteria_group_total": {"vi": "tổng điểm tối đa của nhóm {value} là {sum}, cần {limit}.",
                               "en": "the maxima of group {value} add up to {sum}; expected {limit}."},
    "p.text_too_long": {"vi": "nội dung dài {value} ký tự, vượt giới hạn {limit}.",
                        "en": "the text is {value} characters long, over the limit of {limit}."},
    # Files that cannot be read
    "file.unreadable": {"vi": "Không đọc được tệp {file}: {reason}", "en": "Cannot read {file}: {reason}"},
    "file.no_tables": {"vi": "Tệp {file} không có sheet nào theo mẫu nhập liệu. Hãy dùng mẫu nhập liệu.",
                       "en": "{file} has no sheet in the template's shape. Please use the template."},
    "reason.empty": {"vi": "tệp rỗng, không có dữ liệu. Hãy kiểm tra đã lưu tệp trước khi tải lên.",
                     "en": "the file is empty. Check that it was saved before uploading."},
    "reason.corrupt": {"vi": "tệp bị hỏng hoặc không phải tệp Excel hợp lệ. Hãy mở tệp bằng Excel và lưu lại dạng .xlsx.",
                       "en": "the file is damaged or not a valid Excel file. Open it in Excel and save it again as .xlsx."},
    "reason.password": {"vi": "tệp được đặt mật khẩu. Hãy gỡ mật khẩu (Excel: Tệp → Thông tin → Bảo vệ sổ làm việc) rồi tải lên lại.",
                        "en": "the file is password-protected. Remove the password in Excel and upload again."},
    "reason.not_spreadsheet": {"vi": "đây không phải tệp bảng tính hay CSV. Hãy tải lên tệp .xlsx, .xls hoặc .csv theo mẫu nhập liệu.",
                               "en": "this is not a spreadsheet or CSV file. Upload an .xlsx, .xls or .csv file made from the template."},
    "reason.not_spreadsheet_zip": {"vi": "tệp nén này không phải sổ Excel. Hãy tải lên tệp .xlsx theo mẫu nhập liệu.",
                                   "en": "this compressed file is not an Excel workbook. Upload an .xlsx made from the template."},
    "reason.text_as_excel": {"vi": "tệp có đuôi Excel nhưng thực chất là văn bản (CSV đổi tên). Hãy đổi đuôi thành .csv hoặc mở bằng Excel và lưu dạng .xlsx.",
                             "en": "the file has an Excel name but holds plain text (a renamed CSV). Rename it to .csv, or open it in Excel and save as .xlsx."},
    "reason.encoding": {"vi": "không nhận ra bảng mã của tệp. Hãy lưu lại dạng \"CSV UTF-8\" trong Excel.",
                        "en": "the file's text encoding is not recognised. Save it again as \"CSV UTF-8\" in Excel."},
    "reason.too_large": {"vi": "tệp lớn hơn giới hạn {limit} MB. Hãy chia nhỏ tệp rồi tải lên từng phần.",
                         "en": "the file is larger than the {limit} MB limit. Split it and upload the parts."},
    "reason.too_many_rows": {"vi": "sheet {sheet} có hơn {limit} dòng, vượt giới hạn. Hãy chia nhỏ dữ liệu.",
                             "en": "sheet {sheet} has more than {limit} rows, over the limit. Split the data."},
    "subject.official": {"vi": "đảng viên chính thức", "en": "an official member"},
    "subject.probationary": {"vi": "đảng viên dự bị", "en": "a probationary member"},
    "subject.organisation": {"vi": "tổ chức đảng (chi bộ)", "en": "a party organisation (cell)"},
    "undo.button": {"vi": "Hoàn tác", "en": "Undo"},
    "undo.done": {"vi": "Đã hoàn tác lần tải lên số {id}.", "en": "Upload no. {id} has been undone."},
    "undo.not_found": {"vi": "Không có lần tải lên số {id}.", "en": "There is no upload no. {id}."},
    "undo.already": {"vi": "Lần tải lên số {id} đã được hoàn tác trước đó.", "en": "Upload no. {id} was already undone."},
    "undo.dependent": {"vi": "Không thể hoàn tác lần tải lên số {id}: lần tải lên số {later} có dữ liệu dựa vào những gì lần {id} đã thêm (ví dụ tiến độ của một nhiệm vụ mới). Hãy hoàn tác lần số {later} trước.",
                       "en": "Upload no. {id} cannot be undone: upload no. {later} has rows that rely on what no. {id} added (such as progress of a new action). Undo no. {later} first."},
    "undo.later": {"vi": "Không thể hoàn tác lần tải lên số {id}: lần tải lên số {later} đã sửa lại dữ liệu của nó. Hãy hoàn tác lần số {later} trước.",
                   "en": "Upload no. {id} cannot be undone: upload no. {later} changed its rows since. Undo no. {later} first."},
    "cli.busy": {"vi": "Cơ sở dữ liệu {db} đang được ứng dụng web giữ (đang chạy). Hãy tải tệp lên qua trang \"Tải dữ liệu lên\", hoặc dừng ứng dụng rồi chạy lại lệnh này.",
                 "en": "The database {db} is held by the running web app. Upload through the \"Upload data\" page, or stop the app and run this command again."},
    "cli.no_file": {"vi": "Không mở được tệp {file}.", "en": "Cannot open the file {file}."},
    "cli.built": {"vi": "Đã tạo cơ sở dữ liệu mẫu {db}.", "en": "Built the sample database {db}."},
    "cli.exists": {"vi": "Cơ sở dữ liệu {db} đã có; không tạo lại.", "en": "The database {db} exists; left as it is."},
    "cli.password": {"vi": "Mật khẩu: ", "en": "Password: "},
    "cli.password_again": {"vi": "Nhập lại mật khẩu: ", "en": "Password again: "},
    "cli.password_mismatch": {"vi": "Hai lần nhập không khớp.", "en": "The two entries differ."},
    "cli.password_short": {"vi": "Mật khẩu cần ít nhất 8 ký tự.", "en": "A password needs at least 8 characters."},
    "cli.migrated": {"vi": "Lược đồ cơ sở dữ liệu ở phiên bản {version}.", "en": "The database schema is at version {version}."},
    "p.bad_code": {"vi": "mã {value} không hợp lệ: chỉ gồm chữ, số và các dấu - _ . /, tối đa 64 ký tự.",
                   "en": "the code {value} is invalid: letters, digits and - _ . / only, at most 64 characters."},
    "p.rows_above_header": {"vi": "đã bỏ qua dòng {rows} phía trên dòng tiêu đề cột (dòng {header}).",
                            "en": "rows {rows} above the header row (row {header}) were skipped."},
    "p.merged_header": {"vi": "dòng tiêu đề cột có ô gộp {value}. Hãy bỏ gộp ô (Merge & Center) để mỗi cột có một tiêu đề riêng.",
                        "en": "the header row has merged cells {value}. Unmerge them so that each column has its own header."},
    "p.merged_filled": {"vi": "các ô gộp {value} đã được hiểu là cùng một giá trị cho mọi dòng trong vùng gộp.",
                        "en": "merged cells {value} were read as the same value on every row they span."},
    "p.legacy_encoding": {"vi": "văn bản trong sheet dùng bảng mã cũ {value} (phông .Vn hoặc VNI), không phải Unicode. Hãy chuyển mã sang Unicode (ví dụ Unikey → Công cụ chuyển mã) rồi tải lên lại.",
                          "en": "the text in this sheet uses the legacy {value} encoding (.Vn or VNI fonts), not Unicode. Convert it to Unicode (e.g. Unikey's converter) and upload again."},
    "p.formula_uncalculated": {"vi": "ô {value} chứa công thức chưa được tính (tệp do chương trình tạo ra). Hãy mở tệp bằng Excel, lưu lại rồi tải lên.",
                               "en": "cell {value} holds a formula that was never calculated (the file was written by a program). Open it in Excel, save it, and upload again."},
    "p.percent_fraction": {"vi": "giá trị {value} được hiểu là {value} %; nếu ý là {percent} % thì hãy nhập {percent}.",
                           "en": "{value} is read as {value} %; if {percent} % was meant, enter {percent}."},
    "p.cach_chuc_without_post": {"vi": "hình thức cách chức chỉ áp dụng với đảng viên giữ chức vụ, nhưng chức vụ đảng của người này trống hoặc là Đảng viên.",
                                 "en": "removal from post applies only to a member holding a post, but this member's party role is empty or 'Đảng viên'."},
    # ---- ingest (issue 10B)
    "undo.read_only": {"vi": "Cơ sở dữ liệu đang ở chế độ chỉ đọc; không thể hoàn tác lần tải lên số {id}.",
                       "en": "The database is read-only; upload no. {id} cannot be undone."},
    "reason.zip_bomb": {"vi": "tệp nén giải nén ra dung lượng bất thường (có thể là tệp độc hại). Hãy mở bằng Excel và lưu lại.",
                        "en": "the file inflates to an abnormal size (possibly malicious). Open it in Excel and save it again."},
    "reason.corrupt_text": {"vi": "tệp văn bản bị hỏng (dấu ngoặc kép không đóng). Hãy mở bằng Excel và lưu lại dạng CSV UTF-8.",
                            "en": "the text file is damaged (an unclosed quote). Open it in Excel and save it as CSV UTF-8."},
    "quota.base.httnv": {"vi": "Hoàn thành tốt nhiệm vụ", "en": "HTTNV"},
    "quota.base.httnv_or_better": {"vi": "Hoàn thành tốt nhiệm vụ trở lên", "en": "HTTNV or better"},
    "quota.rounding.floor": {"vi": "làm tròn xuống", "en": "rounded down"},
    "quota.rounding.round": {"vi": "làm tròn", "en": "rounded"},
    "quota.rounding.ceil": {"vi": "làm tròn lên", "en": "rounded up"},
    "quota.in_cell": {"vi": ", {branch}", "en": ", {branch}"},
    "rule.unverified": {"vi": "ngưỡng này giữ theo văn bản trước, chưa xác minh trong văn bản này",
                        "en": "threshold carried over from an earlier text, not verified in this one"},
    "rule.quota_members": {
        "vi": "Năm {year}{where}: {value} đảng viên được xếp loại Hoàn thành xuất sắc nhiệm vụ, vượt tỷ lệ: được tối đa {limit} vì {share} của {base} đảng viên {base_level} là {raw} ({rounding}).",
        "en": "{year}{where}: {value} members rated HTXSNV, over the quota: at most {limit}, since {share} of the {base} members rated {base_level} is {raw} ({rounding})."},
    "rule.quota_cells": {
        "vi": "Năm {year}: {value} chi bộ được xếp loại Hoàn thành xuất sắc nhiệm vụ, vượt tỷ lệ: được tối đa {limit} chi bộ vì {share} của {base} chi bộ {base_level} là {raw} ({rounding}).",
        "en": "{year}: {value} cells rated HTXSNV, over the quota: at most {limit} cells, since {share} of the {base} cells rated {base_level} is {raw} ({rounding})."},
    "rule.disciplined_rated_high": {
        "vi": "Năm {year}: đảng viên {subject} ({branch}) bị kỷ luật trong năm nhưng được xếp loại {level}; đảng viên bị kỷ luật không được xếp loại từ Hoàn thành tốt nhiệm vụ trở lên (cao nhất là {best}).",
        "en": "{year}: member {subject} ({branch}) was disciplined in the year yet rated {level}; a disciplined member may not be rated HTTNV or better (at most {best})."},
    "rule.disciplined_above_cap": {
        "vi": "Năm {year}: đảng viên {subject} ({branch}) bị kỷ luật trong năm và được xếp loại {level}; theo quy định của năm này, đảng viên bị kỷ luật được xếp loại cao nhất là {best}.",
        "en": "{year}: member {subject} ({branch}) was disciplined in the year and rated {level}; the rules of that year allow a disciplined member at most {best}."},
    "rule.cell_excellent_share": {
        "vi": "Năm {year}: {branch} được xếp loại {level} nhưng chỉ {count}/{rated} đảng viên ({share}) được xếp loại Hoàn thành tốt nhiệm vụ trở lên; cần ít nhất {limit}.",
        "en": "{year}: {branch} is rated {level} but only {count}/{rated} members ({share}) are rated HTTNV or better; at least {limit} needed."},
    "rule.cell_pass_share": {
        "vi": "Năm {year}: {branch} được xếp loại {level} nhưng {count}/{rated} đảng viên ({share}) đạt Hoàn thành nhiệm vụ trở lên; cần {limit}.",
        "en": "{year}: {branch} is rated {level} but {count}/{rated} members ({share}) reach HTNV or better; {limit} needed."},
    "rule.cell_committee_disciplined": {
        "vi": "Năm {year}: {branch} được xếp loại {level} nhưng có chi ủy viên bị kỷ luật trong năm ({members}); chi bộ có cấp ủy viên bị kỷ luật không được xếp loại Hoàn thành xuất sắc nhiệm vụ.",
        "en": "{year}: {branch} is rated {level} but a member of its committee was disciplined in the year ({members}); such a cell may not be rated HTXSNV."},
    "rule.level_above_band": {
        "vi": "Năm {year}: {branch} được xếp loại {decided}, cao hơn mức {computed} mà tổng điểm {score} cho phép.",
        "en": "{year}: {branch} is rated {decided}, above the level {computed} that its total of {score} allows."},
    "rule.level_differs_from_band": {
        "vi": "Năm {year}: {branch} được xếp loại {decided}, khác mức {computed} theo tổng điểm {score}.",
        "en": "{year}: {branch} is rated {decided}, unlike the level {computed} of its total of {score}."},
    "rule.meetings_regular": {
        "vi": "Năm {year}: {branch} sinh hoạt thường kỳ {value} buổi, ít hơn {limit} buổi (mỗi tháng một buổi).",
        "en": "{year}: {branch} held {value} regular meetings, fewer than {limit} (one a month)."},
    "rule.meetings_thematic": {
        "vi": "{quarter}: {branch} sinh hoạt chuyên đề {value} buổi; cần ít nhất {limit} buổi mỗi quý.",
        "en": "{quarter}: {branch} held {value} thematic meetings; at least {limit} a quarter needed."},
    "rule.meeting_attendance": {
        "vi": "{branch}, buổi sinh hoạt ngày {date}: tỷ lệ dự {value}, chưa đạt yêu cầu trên {limit}.",
        "en": "{branch}, meeting of {date}: attendance {value}, not above the required {limit}."},
    "rule.meeting_unexcused": {
        "vi": "{branch}, buổi sinh hoạt ngày {date}: {value} đảng viên vắng không lý do.",
        "en": "{branch}, meeting of {date}: {value} members absent without a reason."},
    "rule.meeting_too_short": {
        "vi": "{branch}, buổi sinh hoạt ngày {date}{combined}: {value} phút, dưới {limit} phút.",
        "en": "{branch}, meeting of {date}{combined}: {value} minutes, under {limit}."},
    "rule.meeting_too_short.combined": {"vi": " (kết hợp thường kỳ và chuyên đề)",
                                        "en": " (regular and thematic combined)"},
    "rule.removal_unexcused_months": {
        "vi": "Năm {year}: đảng viên {subject} ({branch}) vắng sinh hoạt không lý do trong {value} tháng (tháng {months}; đủ {limit} tháng ngày {reached}): chi bộ xem xét, đề nghị xóa tên.",
        "en": "{year}: member {subject} ({branch}) missed meetings without a reason in {value} months (months {months}; {limit} reached on {reached}): the cell is to consider proposing removal."},
}


def t(key: str, lang: str = DEFAULT_LANG, **params: object) -> str:
    """The message ``key`` in ``lang``, with ``params`` filled in."""
    entry = MESSAGES[key]
    text = entry.get(lang) or entry["vi"]
    return text.format(**params) if params else text


def fmt_number(value: float | int | None, decimals: int = 1, lang: str = DEFAULT_LANG) -> str:
    """1234.5 → '1.234,5' (vi) or '1,234.5' (en); None/NaN → '—'."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "—"
    text = f"{value:,.{decimals}f}"
    if lang == "vi":
        text = text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
    return text


def fmt_percent(value: float | None, lang: str = DEFAULT_LANG, decimals: int = 1, fixed: bool = False) -> str:
    """A ratio as the app writes every percentage: 0.853 → '85,3 %', and in a sentence 0.85 →
    '85 %' (a trailing ',0' is dropped; ``fixed`` keeps it, for a table column whose figures
    line up, as a spreadsheet's 0,0 % format shows them); '85.3 %' in English; None → '—'."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "—"
    return fmt_points_percent(value * 100, lang, decimals, fixed)


def fmt_points_percent(value: float | None, lang: str = DEFAULT_LANG, decimals: int = 1,
                       fixed: bool = False) -> str:
    """A percentage already on the 0–100 scale (progress of an action): 62.5 → '62,5 %'."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "—"
    text = fmt_number(value, decimals, lang)
    if decimals and not fixed:
        text = text.rstrip("0").rstrip(",." if lang == "vi" else ".")
    return f"{text} %"


def fmt_date(value: dt.date | dt.datetime | None) -> str:
    """dd/mm/yyyy, in every language (the office's convention)."""
    if value is None:
        return "—"
    try:
        return value.strftime("%d/%m/%Y")
    except (AttributeError, ValueError):
        return "—"


def fmt_datetime(value: dt.datetime | None) -> str:
    if value is None:
        return "—"
    try:
        return value.strftime("%d/%m/%Y %H:%M")
    except (AttributeError, ValueError):
        return "—"


def _merge_catalogs() -> None:
    """The catalog is one dictionary; some pages keep their messages in their own module."""
    from .messages_documents import MESSAGES as documents
    from .messages_progress import MESSAGES as progress

    for extra in (progress, documents):
        clash = MESSAGES.keys() & extra.keys()
        if clash:
            raise KeyError(f"message keys defined twice: {sorted(clash)}")
        MESSAGES.update(extra)


_merge_catalogs()
