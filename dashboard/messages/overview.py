"""Messages of the overview (Tổng quan): ``overview.*`` the cards, charts, movers and the
list of what needs attention; ``summary.*`` the written summary (dashboard/summary.py).

Vietnamese first, with full diacritics; English alongside.
"""

MESSAGES: dict[str, dict[str, str]] = {
    "overview.cells": {"vi": "Chi bộ", "en": "Cells"},
    "overview.members": {"vi": "Đảng viên", "en": "Members"},
    "overview.avg_score": {"vi": "Điểm bình quân", "en": "Average score"},
    "overview.overdue": {"vi": "Nhiệm vụ quá hạn", "en": "Overdue actions"},
    "overview.progress": {"vi": "Tiến độ giải pháp", "en": "Solution progress"},
    "overview.good_or_better": {"vi": "Chi bộ HTTNV trở lên (theo điểm)", "en": "Cells HTTNV or better (by score)"},
    "overview.meetings": {"vi": "Sinh hoạt đủ buổi", "en": "Enough meetings"},
    "overview.help.cells": {"vi": "Số chi bộ trực thuộc đang hoạt động trong phạm vi đang xem.",
                            "en": "Active party cells in the current view."},
    "overview.help.members": {"vi": "Đảng viên tại ngày {date}; so sánh với ngày {compared}.",
                              "en": "Members on {date}, compared with {compared}."},
    "overview.help.avg_score": {
        "vi": "Tổng điểm bình quân (thang 100) của các chi bộ đủ tiêu chí, {period}, so với {compared}; đường nhỏ: các kỳ cùng loại.",
        "en": "Average total (out of 100) of the cells with every criterion scored, {period}, against {compared}; sparkline: periods of the same kind."},
    "overview.help.good_or_better": {
        "vi": "Số chi bộ có mức theo điểm Hoàn thành tốt nhiệm vụ trở lên / số chi bộ, {period}, so với {compared}.",
        "en": "Cells whose score puts them at HTTNV or better / cells, {period}, against {compared}."},
    "overview.help.progress": {
        "vi": "Bình quân tiến độ của sáu giải pháp (mỗi giải pháp: % hoàn thành bình quân các nhiệm vụ theo báo cáo gần nhất), hôm nay {date}, so với ngày {compared}; đường nhỏ: cuối mỗi tháng.",
        "en": "Mean progress of the six solutions (each: average % done of its actions at their latest report), today {date}, against {compared}; sparkline: each month end."},
    "overview.help.overdue": {
        "vi": "Nhiệm vụ đã quá hạn hoàn thành mà chưa hoàn thành, hôm nay {date}, so với ngày {compared}. Giảm là tốt.",
        "en": "Actions past their due date and not done, today {date}, against {compared}. Lower is better."},
    "overview.help.meetings": {
        "vi": "Số chi bộ sinh hoạt đủ số buổi thường kỳ (mỗi tháng) và chuyên đề (mỗi quý), {period} / số chi bộ, so với {compared}. Buổi kết hợp tính cho cả hai.",
        "en": "Cells holding enough regular (monthly) and thematic (quarterly) meetings, {period} / cells, against {compared}. A combined meeting counts for both."},
    "overview.summary.title": {"vi": "Tóm tắt", "en": "Summary"},
    "overview.ranking.title": {"vi": "Xếp hạng {period}", "en": "Ranking, {period}"},
    "overview.solutions.title": {"vi": "Tiến độ sáu giải pháp", "en": "Progress of the six solutions"},
    "overview.movers.title": {"vi": "Thay đổi so với {previous}", "en": "Change since {previous}"},
    "overview.movers.rise": {"vi": "Tăng mạnh nhất", "en": "Biggest riser"},
    "overview.movers.fall": {"vi": "Giảm mạnh nhất", "en": "Biggest faller"},
    "overview.movers.none_up": {"vi": "Không chi bộ nào tăng", "en": "No cell rose"},
    "overview.movers.none_down": {"vi": "Không chi bộ nào giảm", "en": "No cell fell"},
    "overview.movers.no_compare": {"vi": "Chưa có kỳ trước đủ điểm để so sánh.", "en": "No complete previous period to compare with."},
    "overview.urgent.title": {"vi": "Việc cần xử lý", "en": "Needs attention"},
    "overview.urgent.more": {"vi": "Còn {n} mục khác — xem các trang Tiến độ giải pháp và Xếp hạng chi bộ.",
                             "en": "{n} more — see the Solution progress and Cell rankings pages."},
    "overview.urgent.none": {"vi": "Không có nhiệm vụ quá hạn, lỗi theo quy định hay dữ liệu còn thiếu.",
                             "en": "No overdue action, regulation error or missing data."},
    "overview.urgent.overdue": {"vi": "{code} · {unit}: quá hạn {days} ngày (hạn {due}), đạt {percent}.",
                                "en": "{code} · {unit}: {days} days overdue (due {due}), {percent} done."},
    "overview.urgent.scores": {"vi": "{unit} chưa đủ điểm {period}: {scored}/{expected} tiêu chí.",
                               "en": "{unit} is missing scores for {period}: {scored}/{expected} criteria."},
    "overview.urgent.no_scores": {"vi": "{unit} chưa có điểm {period}.", "en": "{unit} has no score for {period}."},
    "overview.urgent.stale": {"vi": "{code} · {unit}: chưa cập nhật {days} ngày (lần cuối {last}).",
                              "en": "{code} · {unit}: not reported for {days} days (last {last})."},
    "overview.urgent.never": {"vi": "{code} · {unit}: chưa có báo cáo tiến độ sau {days} ngày.",
                              "en": "{code} · {unit}: no progress report in {days} days."},
    "overview.urgent.kind.rule": {"vi": "Lỗi theo quy định", "en": "Regulation error"},
    "overview.urgent.kind.overdue": {"vi": "Quá hạn", "en": "Overdue"},
    "overview.urgent.kind.scores": {"vi": "Thiếu điểm", "en": "Missing scores"},
    "overview.urgent.kind.stale": {"vi": "Chưa cập nhật", "en": "Not reported"},
    "overview.no_period": {
        "vi": "Chi bộ đã chọn chưa có điểm đánh giá của kỳ nào, nên chưa có số liệu tổng quan.",
        "en": "The selected cells have no score in any period yet, so there is no overview."},
    "summary.and": {"vi": " và ", "en": " and "},
    "summary.lead": {
        "vi": "{period}: {leaders} dẫn đầu với {score} điểm; điểm bình quân {avg}{change}.",
        "en": "{period}: {leaders} leads with {score} points; the average is {avg}{change}."},
    "summary.lead_tie": {
        "vi": "{period}: {leaders} cùng dẫn đầu với {score} điểm; điểm bình quân {avg}{change}.",
        "en": "{period}: {leaders} share the lead with {score} points; the average is {avg}{change}."},
    "summary.one_cell": {
        "vi": "{period}: {cell} đạt {score} điểm{change}, xếp thứ {rank} trong Đảng bộ.",
        "en": "{period}: {cell} scored {score}{change}, ranked {rank} in the Party Committee."},
    "summary.one_cell_unranked": {"vi": "{period}: {cell} đạt {score} điểm{change}.",
                                  "en": "{period}: {cell} scored {score}{change}."},
    "summary.no_scores": {"vi": "{period}: chưa có chi bộ nào đủ điểm để xếp hạng.",
                          "en": "{period}: no cell has every criterion scored yet, so none is ranked."},
    "summary.change_up": {"vi": " (tăng {delta} điểm so với {previous})", "en": " (up {delta} on {previous})"},
    "summary.change_down": {"vi": " (giảm {delta} điểm so với {previous})", "en": " (down {delta} on {previous})"},
    "summary.change_same": {"vi": " (không đổi so với {previous})", "en": " (unchanged on {previous})"},
    "summary.points": {"vi": "{points} điểm", "en": "{points} points"},
    "summary.points_rank_up": {"vi": "{points} điểm, lên {n} bậc", "en": "{points} points, up {n} places"},
    "summary.points_rank_down": {"vi": "{points} điểm, xuống {n} bậc", "en": "{points} points, down {n} places"},
    "summary.moves_both": {
        "vi": "So với {previous}, {riser} tăng nhiều nhất ({rise}), {faller} giảm nhiều nhất ({fall}).",
        "en": "Since {previous}, {riser} rose most ({rise}) and {faller} fell most ({fall})."},
    "summary.moves_up": {
        "vi": "So với {previous}, {riser} tăng nhiều nhất ({rise}); không chi bộ nào giảm điểm.",
        "en": "Since {previous}, {riser} rose most ({rise}); no cell fell."},
    "summary.moves_down": {
        "vi": "So với {previous}, {faller} giảm nhiều nhất ({fall}); không chi bộ nào tăng điểm.",
        "en": "Since {previous}, {faller} fell most ({fall}); no cell rose."},
    "summary.moves_flat": {"vi": "So với {previous}, điểm các chi bộ không thay đổi.",
                           "en": "Since {previous}, no cell's score has changed."},
    "summary.one_rank_up": {"vi": "So với {previous}, {cell} lên {n} bậc.", "en": "Since {previous}, {cell} rose {n} places."},
    "summary.one_rank_down": {"vi": "So với {previous}, {cell} xuống {n} bậc.", "en": "Since {previous}, {cell} fell {n} places."},
    "summary.solutions": {
        "vi": "Tiến độ bình quân sáu giải pháp đạt {overall}; chậm nhất là giải pháp {n} “{title}” ({percent}).",
        "en": "The six solutions average {overall}; solution {n} “{title}” lags most ({percent})."},
    "summary.solutions_some": {
        "vi": "Tiến độ bình quân {k} giải pháp có nhiệm vụ đạt {overall}; chậm nhất là giải pháp {n} “{title}” ({percent}).",
        "en": "The {k} solutions with actions average {overall}; solution {n} “{title}” lags most ({percent})."},
    "summary.solutions_one": {"vi": "Chỉ giải pháp {n} “{title}” có nhiệm vụ, đạt {percent}.",
                              "en": "Only solution {n} “{title}” has actions, at {percent}."},
    "summary.no_actions": {"vi": "Chưa có nhiệm vụ nào thuộc sáu giải pháp trong phạm vi đang xem.",
                           "en": "No action under the six solutions in the current view."},
    "summary.overdue_many": {"vi": "{n} nhiệm vụ quá hạn, lâu nhất là {code} của {unit} (quá hạn {days} ngày).",
                             "en": "{n} actions are overdue, the longest {code} of {unit} ({days} days)."},
    "summary.overdue_one": {"vi": "{n} nhiệm vụ quá hạn: {code} của {unit} (quá hạn {days} ngày).",
                            "en": "{n} action is overdue: {code} of {unit} ({days} days)."},
    "summary.overdue_none": {"vi": "Không có nhiệm vụ nào quá hạn.", "en": "No action is overdue."},
    "summary.meetings": {
        "vi": "{share} chi bộ sinh hoạt đủ số buổi {period} (chưa đủ: {names}).",
        "en": "{share} cells held enough meetings in {period} (short: {names})."},
    "summary.cell_scored": {"vi": "{cell} ({scored}/{expected} tiêu chí)", "en": "{cell} ({scored}/{expected} criteria)"},
    "summary.missing_scores": {"vi": "{cells} chưa đủ điểm {period}", "en": "{cells} lack scores for {period}"},
    "summary.missing_reports": {"vi": "{n} nhiệm vụ chưa cập nhật từ {days} ngày trở lên ({codes})",
                                "en": "open actions not reported for {days} days or more: {n} ({codes})"},
    "summary.missing": {"vi": "Còn thiếu dữ liệu: {parts}.", "en": "Data still missing: {parts}."},
    "summary.missing_none": {
        "vi": "Dữ liệu đầy đủ: mọi chi bộ có đủ điểm {period}, mọi nhiệm vụ đang thực hiện đều được cập nhật trong {days} ngày qua.",
        "en": "No data missing: every cell is fully scored for {period} and every open action was reported in the last {days} days."},
}
