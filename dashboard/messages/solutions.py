"""Messages of the solution progress page (Tiến độ giải pháp): the solution × unit matrix,
progress over time, actions on time (limitation L1) and the flags of an action.

Vietnamese first, with full diacritics; English alongside.
"""

MESSAGES: dict[str, dict[str, str]] = {
    "solutions.all_solutions": {"vi": "Tất cả giải pháp", "en": "Every solution"},
    "solutions.matrix.title": {"vi": "Tiến độ theo giải pháp và đơn vị", "en": "Progress by solution and unit"},
    "solutions.matrix.help": {
        "vi": "Số trong ô: % hoàn thành bình quân theo báo cáo gần nhất (đỏ: chậm, xanh: tốt); viền đỏ: có nhiệm vụ quá hạn; "
              "ô xám: chưa có nhiệm vụ. Bấm vào một ô để xem riêng giải pháp và đơn vị đó; bấm lại để bỏ chọn.",
        "en": "Figure in a cell: average % done at the latest report (red: behind, green: good); red border: overdue actions; "
              "grey: no action. Click a cell to see only that solution and unit; click it again to clear."},
    "solutions.matrix.aria": {"vi": "{unit}, {solution}: {percent}, {actions} nhiệm vụ, {overdue} quá hạn",
                              "en": "{unit}, {solution}: {percent}, {actions} actions, {overdue} overdue"},
    "solutions.focus": {"vi": "Đang xem riêng: {solution} — {unit}.", "en": "Showing only: {solution} — {unit}."},
    "solutions.focus.clear": {"vi": "Bỏ chọn, xem tất cả", "en": "Clear, show everything"},
    "solutions.focus.empty": {"vi": "Ô đã chọn chưa có nhiệm vụ nào.", "en": "The chosen cell has no action."},
    "solutions.empty": {
        "vi": "Chi bộ đã chọn chưa có nhiệm vụ nào thuộc sáu giải pháp. Nhiệm vụ được nhập ở sheet giai_phap, tiến độ ở sheet tien_do_giai_phap của mẫu nhập liệu.",
        "en": "The selected cells have no action under the six solutions yet. Actions go in the template's giai_phap sheet, progress in tien_do_giai_phap."},
    "solutions.timeline.title": {"vi": "Tiến độ theo thời gian", "en": "Progress over time"},
    "solutions.timeline.file": {"vi": "Tiến độ giải pháp theo thời gian", "en": "Solution progress over time"},
    "solutions.timeline.help": {
        "vi": "Mỗi điểm là % hoàn thành bình quân của các nhiệm vụ vào cuối tháng (điểm cuối: hôm nay), theo báo cáo gần nhất trước ngày đó: giữa hai lần báo cáo giữ nguyên kết quả lần trước; nhiệm vụ chưa có báo cáo tính 0 %.",
        "en": "Each point is the average % done of the actions at a month end (last point: today), from the latest report before that date: between two reports the earlier result holds; an action not yet reported counts as 0 %."},
    "solutions.l1.title": {"vi": "Nhiệm vụ đúng hạn", "en": "Actions on time"},
    "solutions.l1.file": {"vi": "Nhiệm vụ đúng hạn", "en": "Actions on time"},
    "solutions.l1.help": {
        "vi": "Đo hạn chế \"{limitation}\". Đúng hạn: hoàn thành trước hoặc đúng hạn, hoặc chưa đến hạn. Số ngày trễ: nhiệm vụ hoàn thành muộn tính đến ngày hoàn thành; nhiệm vụ quá hạn tính đến hôm nay ({today}).",
        "en": "Measures the limitation \"{limitation}\". On time: done by the due date, or not yet due. Days late: for an action done late, up to the day it was done; for an overdue action, up to today ({today})."},
    "solutions.actions.title": {"vi": "Nhiệm vụ cụ thể", "en": "Actions"},
    "solutions.actions.file": {"vi": "Nhiệm vụ giải pháp", "en": "Solution actions"},
    "solutions.actions.count": {
        "vi": "{n} nhiệm vụ: {overdue} quá hạn, {stale} chưa cập nhật từ {days} ngày trở lên, {backwards} có lần báo cáo giảm tiến độ.",
        "en": "{n} actions: {overdue} overdue, {stale} not reported for {days} days or more, {backwards} with a report lower than an earlier one."},
    "solutions.col.code": {"vi": "Mã", "en": "Code"},
    "solutions.col.projection": {"vi": "Dự kiến theo tốc độ hiện nay", "en": "Where its pace leads"},
    "solutions.projection.help": {
        "vi": "Hình thoi: ngày nhiệm vụ cuối cùng của giải pháp dự kiến đạt 100 % nếu giữ tốc độ hiện nay (đường thẳng "
              "qua {n} lần báo cáo gần nhất của mỗi nhiệm vụ); không có hình thoi khi một nhiệm vụ không tiến triển "
              "hoặc chưa đủ hai lần báo cáo.",
        "en": "Diamond: the day the solution's last action reaches 100 % at its current pace (a straight line "
              "through each action's last {n} reports); none while an action is not moving or has fewer than two "
              "reports."},
    "solutions.col.flags": {"vi": "Cảnh báo", "en": "Flags"},
    "solutions.col.date": {"vi": "Ngày", "en": "Date"},
    "solutions.col.on_time": {"vi": "Đúng hạn", "en": "On time"},
    "solutions.col.on_time_share": {"vi": "Tỷ lệ đúng hạn", "en": "Share on time"},
    "solutions.col.done_late": {"vi": "Hoàn thành muộn", "en": "Done late"},
    "solutions.col.days_late_total": {"vi": "Tổng số ngày trễ", "en": "Total days late"},
    "solutions.col.days_late_max": {"vi": "Trễ nhiều nhất (ngày)", "en": "Most days late"},
    "solutions.flag.overdue": {"vi": "Quá hạn {days} ngày", "en": "Overdue {days} days"},
    "solutions.flag.done_late": {"vi": "Hoàn thành muộn {days} ngày", "en": "Done {days} days late"},
    "solutions.flag.stale": {"vi": "Chưa cập nhật {days} ngày", "en": "Not reported for {days} days"},
    "solutions.flag.never_reported": {"vi": "Chưa có báo cáo sau {days} ngày", "en": "No report in {days} days"},
    "solutions.flag.backwards": {"vi": "Giảm tiến độ {points} điểm phần trăm ({date})", "en": "Went back {points} points ({date})"},
}
