"""Messages of the solution-progress and overview pages (merged into i18n.MESSAGES).

Keys: ``gp.*`` the solution-progress page (Tiến độ giải pháp), ``tq.*`` the overview
(Tổng quan), ``tq.s.*`` the written summary, ``tq.urgent.*`` the urgent list.
Vietnamese first, with full diacritics; English alongside.
"""

MESSAGES: dict[str, dict[str, str]] = {
    # ---------------------------------------------------------------- solution progress page
    "gp.all_solutions": {"vi": "Tất cả giải pháp", "en": "Every solution"},
    "gp.matrix.title": {"vi": "Tiến độ theo giải pháp và đơn vị", "en": "Progress by solution and unit"},
    "gp.matrix.help": {
        "vi": "Số trong ô: % hoàn thành bình quân theo báo cáo gần nhất (đỏ: chậm, xanh: tốt); viền đỏ: có nhiệm vụ quá hạn; "
              "ô xám: chưa có nhiệm vụ. Bấm vào một ô để xem riêng giải pháp và đơn vị đó; bấm lại để bỏ chọn.",
        "en": "Figure in a cell: average % done at the latest report (red: behind, green: good); red border: overdue actions; "
              "grey: no action. Click a cell to see only that solution and unit; click it again to clear."},
    "gp.matrix.aria": {"vi": "{unit}, {solution}: {percent}, {actions} nhiệm vụ, {overdue} quá hạn",
                       "en": "{unit}, {solution}: {percent}, {actions} actions, {overdue} overdue"},
    "gp.focus": {"vi": "Đang xem riêng: {solution} — {unit}.", "en": "Showing only: {solution} — {unit}."},
    "gp.focus.clear": {"vi": "Bỏ chọn, xem tất cả", "en": "Clear, show everything"},
    "gp.focus.empty": {"vi": "Ô đã chọn chưa có nhiệm vụ nào.", "en": "The chosen cell has no action."},
    "gp.empty": {
        "vi": "Chi bộ đã chọn chưa có nhiệm vụ nào thuộc sáu giải pháp. Nhiệm vụ được nhập ở sheet giai_phap, tiến độ ở sheet tien_do_giai_phap của mẫu nhập liệu.",
        "en": "The selected cells have no action under the six solutions yet. Actions go in the template's giai_phap sheet, progress in tien_do_giai_phap."},
    "gp.timeline.title": {"vi": "Tiến độ theo thời gian", "en": "Progress over time"},
    "gp.timeline.help": {
        "vi": "Mỗi điểm là % hoàn thành bình quân của các nhiệm vụ vào cuối tháng (điểm cuối: hôm nay), theo báo cáo gần nhất trước ngày đó: giữa hai lần báo cáo giữ nguyên kết quả lần trước; nhiệm vụ chưa có báo cáo tính 0 %.",
        "en": "Each point is the average % done of the actions at a month end (last point: today), from the latest report before that date: between two reports the earlier result holds; an action not yet reported counts as 0 %."},
    "gp.l1.title": {"vi": "Nhiệm vụ đúng hạn", "en": "Actions on time"},
    "gp.l1.help": {
        "vi": "Đo hạn chế \"{limitation}\". Đúng hạn: hoàn thành trước hoặc đúng hạn, hoặc chưa đến hạn. Số ngày trễ: nhiệm vụ hoàn thành muộn tính đến ngày hoàn thành; nhiệm vụ quá hạn tính đến hôm nay ({today}).",
        "en": "Measures the limitation \"{limitation}\". On time: done by the due date, or not yet due. Days late: for an action done late, up to the day it was done; for an overdue action, up to today ({today})."},
    "gp.actions.title": {"vi": "Nhiệm vụ cụ thể", "en": "Actions"},
    "gp.actions.count": {
        "vi": "{n} nhiệm vụ: {overdue} quá hạn, {stale} chưa cập nhật từ {days} ngày trở lên, {backwards} có lần báo cáo giảm tiến độ.",
        "en": "{n} actions: {overdue} overdue, {stale} not reported for {days} days or more, {backwards} with a report lower than an earlier one."},
    "gp.col.code": {"vi": "Mã", "en": "Code"},
    "gp.col.flags": {"vi": "Cảnh báo", "en": "Flags"},
    "gp.col.date": {"vi": "Ngày", "en": "Date"},
    "gp.col.on_time": {"vi": "Đúng hạn", "en": "On time"},
    "gp.col.on_time_share": {"vi": "Tỷ lệ đúng hạn", "en": "Share on time"},
    "gp.col.done_late": {"vi": "Hoàn thành muộn", "en": "Done late"},
    "gp.col.days_late_total": {"vi": "Tổng số ngày trễ", "en": "Total days late"},
    "gp.col.days_late_max": {"vi": "Trễ nhiều nhất (ngày)", "en": "Most days late"},
    "gp.flag.overdue": {"vi": "Quá hạn {days} ngày", "en": "Overdue {days} days"},
    "gp.flag.done_late": {"vi": "Hoàn thành muộn {days} ngày", "en": "Done {days} days late"},
    "gp.flag.stale": {"vi": "Chưa cập nhật {days} ngày", "en": "Not reported for {days} days"},
    "gp.flag.never_reported": {"vi": "Chưa có báo cáo sau {days} ngày", "en": "No report in {days} days"},
    "gp.flag.backwards": {"vi": "Giảm tiến độ {points} điểm phần trăm ({date})", "en": "Went back {points} points ({date})"},
    # ---------------------------------------------------------------- overview
    "tq.progress": {"vi": "Tiến độ giải pháp", "en": "Solution progress"},
    "tq.good_or_better": {"vi": "Chi bộ HTTNV trở lên (theo điểm)", "en": "Cells HTTNV or better (by score)"},
    "tq.meetings": {"vi": "Sinh hoạt đủ buổi", "en": "Enough meetings"},
    "tq.help.cells": {"vi": "Số chi bộ trực thuộc đang hoạt động trong phạm vi đang xem.",
                      "en": "Active party cells in the current view."},
    "tq.help.members": {"vi": "Đảng viên tại ngày {date}; so sánh với ngày {compared}.",
                        "en": "Members on {date}, compared with {compared}."},
    "tq.help.avg_score": {
        "vi": "Tổng điểm bình quân (thang 100) của các chi bộ đủ tiêu chí, {period}, so với {compared}; đường nhỏ: các kỳ cùng loại.",
        "en": "Average total (out of 100) of the cells with every criterion scored, {period}, against {compared}; sparkline: periods of the same kind."},
    "tq.help.good_or_better": {
        "vi": "Số chi bộ có mức theo điểm Hoàn thành tốt nhiệm vụ trở lên / số chi bộ, {period}, so với {compared}.",
        "en": "Cells whose score puts them at HTTNV or better / cells, {period}, against {compared}."},
    "tq.help.progress": {
        "vi": "Bình quân tiến độ của sáu giải pháp (mỗi giải pháp: % hoàn thành bình quân các nhiệm vụ theo báo cáo gần nhất), hôm nay {date}, so với ngày {compared}; đường nhỏ: cuối mỗi tháng.",
        "en": "Mean progress of the six solutions (each: average % done of its actions at their latest report), today {date}, against {compared}; sparkline: each month end."},
    "tq.help.overdue": {
        "vi": "Nhiệm vụ đã quá hạn hoàn thành mà chưa hoàn thành, hôm nay {date}, so với ngày {compared}. Giảm là tốt.",
        "en": "Actions past their due date and not done, today {date}, against {compared}. Lower is better."},
    "tq.help.meetings": {
        "vi": "Số chi bộ sinh hoạt đủ số buổi thường kỳ (mỗi tháng) và chuyên đề (mỗi quý), {period} / số chi bộ, so với {compared}. Buổi kết hợp tính cho cả hai.",
        "en": "Cells holding enough regular (monthly) and thematic (quarterly) meetings, {period} / cells, against {compared}. A combined meeting counts for both."},
    "tq.summary.title": {"vi": "Tóm tắt", "en": "Summary"},
    "tq.ranking.title": {"vi": "Xếp hạng {period}", "en": "Ranking, {period}"},
    "tq.solutions.title": {"vi": "Tiến độ sáu giải pháp", "en": "Progress of the six solutions"},
    "tq.movers.title": {"vi": "Thay đổi so với {previous}", "en": "Change since {previous}"},
    "tq.movers.rise": {"vi": "Tăng mạnh nhất", "en": "Biggest riser"},
    "tq.movers.fall": {"vi": "Giảm mạnh nhất", "en": "Biggest faller"},
    "tq.movers.none_up": {"vi": "Không chi bộ nào tăng", "en": "No cell rose"},
    "tq.movers.none_down": {"vi": "Không chi bộ nào giảm", "en": "No cell fell"},
    "tq.movers.no_compare": {"vi": "Chưa có kỳ trước đủ điểm để so sánh.", "en": "No complete previous period to compare with."},
    "tq.urgent.title": {"vi": "Việc cần xử lý", "en": "Needs attention"},
    "tq.urgent.more": {"vi": "Còn {n} mục khác — xem các trang Tiến độ giải pháp và Xếp hạng chi bộ.",
                       "en": "{n} more — see the Solution progress and Cell rankings pages."},
    "tq.urgent.none": {"vi": "Không có nhiệm vụ quá hạn, lỗi theo quy định hay dữ liệu còn thiếu.",
                       "en": "No overdue action, regulation error or missing data."},
    "tq.urgent.overdue": {"vi": "{code} · {unit}: quá hạn {days} ngày (hạn {due}), đạt {percent}.",
                          "en": "{code} · {unit}: {days} days overdue (due {due}), {percent} done."},
    "tq.urgent.scores": {"vi": "{unit} chưa đủ điểm {period}: {scored}/{expected} tiêu chí.",
                         "en": "{unit} is missing scores for {period}: {scored}/{expected} criteria."},
    "tq.urgent.no_scores": {"vi": "{unit} chưa có điểm {period}.", "en": "{unit} has no score for {period}."},
    "tq.urgent.stale": {"vi": "{code} · {unit}: chưa cập nhật {days} ngày (lần cuối {last}).",
                        "en": "{code} · {unit}: not reported for {days} days (last {last})."},
    "tq.urgent.never": {"vi": "{code} · {unit}: chưa có báo cáo tiến độ sau {days} ngày.",
                        "en": "{code} · {unit}: no progress report in {days} days."},
    "tq.urgent.kind.rule": {"vi": "Lỗi theo quy định", "en": "Regulation error"},
    "tq.urgent.kind.overdue": {"vi": "Quá hạn", "en": "Overdue"},
    "tq.urgent.kind.scores": {"vi": "Thiếu điểm", "en": "Missing scores"},
    "tq.urgent.kind.stale": {"vi": "Chưa cập nhật", "en": "Not reported"},
    "tq.no_period": {
        "vi": "Chi bộ đã chọn chưa có điểm đánh giá của kỳ nào, nên chưa có số liệu tổng quan.",
        "en": "The selected cells have no score in any period yet, so there is no overview."},
    # ---------------------------------------------------------------- the written summary
    "tq.s.and": {"vi": " và ", "en": " and "},
    "tq.s.lead": {
        "vi": "{period}: {leaders} dẫn đầu với {score} điểm; điểm bình quân {avg}{change}.",
        "en": "{period}: {leaders} leads with {score} points; the average is {avg}{change}."},
    "tq.s.lead_tie": {
        "vi": "{period}: {leaders} cùng dẫn đầu với {score} điểm; điểm bình quân {avg}{change}.",
        "en": "{period}: {leaders} share the lead with {score} points; the average is {avg}{change}."},
    "tq.s.one_cell": {
        "vi": "{period}: {cell} đạt {score} điểm{change}, xếp thứ {rank} trong Đảng bộ.",
        "en": "{period}: {cell} scored {score}{change}, ranked {rank} in the Party Committee."},
    "tq.s.no_scores": {"vi": "{period}: chưa có chi bộ nào đủ điểm để xếp hạng.",
                       "en": "{period}: no cell has every criterion scored yet, so none is ranked."},
    "tq.s.change_up": {"vi": " (tăng {delta} điểm so với {previous})", "en": " (up {delta} on {previous})"},
    "tq.s.change_down": {"vi": " (giảm {delta} điểm so với {previous})", "en": " (down {delta} on {previous})"},
    "tq.s.change_same": {"vi": " (không đổi so với {previous})", "en": " (unchanged on {previous})"},
    "tq.s.points": {"vi": "{points} điểm", "en": "{points} points"},
    "tq.s.points_rank_up": {"vi": "{points} điểm, lên {n} bậc", "en": "{points} points, up {n} places"},
    "tq.s.points_rank_down": {"vi": "{points} điểm, xuống {n} bậc", "en": "{points} points, down {n} places"},
    "tq.s.moves_both": {
        "vi": "So với {previous}, {riser} tăng nhiều nhất ({rise}), {faller} giảm nhiều nhất ({fall}).",
        "en": "Since {previous}, {riser} rose most ({rise}) and {faller} fell most ({fall})."},
    "tq.s.moves_up": {
        "vi": "So với {previous}, {riser} tăng nhiều nhất ({rise}); không chi bộ nào giảm điểm.",
        "en": "Since {previous}, {riser} rose most ({rise}); no cell fell."},
    "tq.s.moves_down": {
        "vi": "So với {previous}, {faller} giảm nhiều nhất ({fall}); không chi bộ nào tăng điểm.",
        "en": "Since {previous}, {faller} fell most ({fall}); no cell rose."},
    "tq.s.moves_flat": {"vi": "So với {previous}, điểm các chi bộ không thay đổi.",
                        "en": "Since {previous}, no cell's score has changed."},
    "tq.s.one_rank_up": {"vi": "So với {previous}, {cell} lên {n} bậc.", "en": "Since {previous}, {cell} rose {n} places."},
    "tq.s.one_rank_down": {"vi": "So với {previous}, {cell} xuống {n} bậc.", "en": "Since {previous}, {cell} fell {n} places."},
    "tq.s.solutions": {
        "vi": "Tiến độ bình quân sáu giải pháp đạt {overall}; chậm nhất là giải pháp {n} “{title}” ({percent}).",
        "en": "The six solutions average {overall}; solution {n} “{title}” lags most ({percent})."},
    "tq.s.solutions_some": {
        "vi": "Tiến độ bình quân {k} giải pháp có nhiệm vụ đạt {overall}; chậm nhất là giải pháp {n} “{title}” ({percent}).",
        "en": "The {k} solutions with actions average {overall}; solution {n} “{title}” lags most ({percent})."},
    "tq.s.solutions_one": {"vi": "Chỉ giải pháp {n} “{title}” có nhiệm vụ, đạt {percent}.",
                           "en": "Only solution {n} “{title}” has actions, at {percent}."},
    "tq.s.no_actions": {"vi": "Chưa có nhiệm vụ nào thuộc sáu giải pháp trong phạm vi đang xem.",
                        "en": "No action under the six solutions in the current view."},
    "tq.s.overdue_many": {"vi": "{n} nhiệm vụ quá hạn, lâu nhất là {code} của {unit} (quá hạn {days} ngày).",
                          "en": "{n} actions are overdue, the longest {code} of {unit} ({days} days)."},
    "tq.s.overdue_one": {"vi": "{n} nhiệm vụ quá hạn: {code} của {unit} (quá hạn {days} ngày).",
                         "en": "{n} action is overdue: {code} of {unit} ({days} days)."},
    "tq.s.overdue_none": {"vi": "Không có nhiệm vụ nào quá hạn.", "en": "No action is overdue."},
    "tq.s.meetings": {
        "vi": "{share} chi bộ sinh hoạt đủ số buổi {period} (chưa đủ: {names}).",
        "en": "{share} cells held enough meetings in {period} (short: {names})."},
    "tq.s.cell_scored": {"vi": "{cell} ({scored}/{expected} tiêu chí)", "en": "{cell} ({scored}/{expected} criteria)"},
    "tq.s.missing_scores": {"vi": "{cells} chưa đủ điểm {period}", "en": "{cells} lack scores for {period}"},
    "tq.s.missing_reports": {"vi": "{n} nhiệm vụ chưa cập nhật từ {days} ngày trở lên ({codes})",
                             "en": "open actions not reported for {days} days or more: {n} ({codes})"},
    "tq.s.missing": {"vi": "Còn thiếu dữ liệu: {parts}.", "en": "Data still missing: {parts}."},
    "tq.s.missing_none": {
        "vi": "Dữ liệu đầy đủ: mọi chi bộ có đủ điểm {period}, mọi nhiệm vụ đang thực hiện đều được cập nhật trong {days} ngày qua.",
        "en": "No data missing: every cell is fully scored for {period} and every open action was reported in the last {days} days."},
}
