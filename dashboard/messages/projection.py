"""Messages of the projections (where actions and solutions will land at their pace)."""

MESSAGES: dict[str, dict[str, str]] = {
    "projection.done": {"vi": "Đã hoàn thành ngày {date}.", "en": "Done on {date}."},
    "projection.too_few": {"vi": "Chưa đủ hai lần báo cáo để ước tính tốc độ.",
                           "en": "Fewer than two reports: no pace yet."},
    "projection.stalled": {"vi": "Không tiến triển: {n} lần báo cáo gần nhất không tăng (đang ở {percent}).",
                           "en": "Not moving: the last {n} reports did not rise (at {percent})."},
    "projection.late": {
        "vi": "Theo tốc độ hiện nay ({pace} điểm phần trăm mỗi tháng), đạt 100 % ngày {date}: chậm {late} tháng so với hạn.",
        "en": "At the current pace ({pace} points a month) it reaches 100 % on {date}: {late} months late."},
    "projection.late_days": {
        "vi": "Theo tốc độ hiện nay ({pace} điểm phần trăm mỗi tháng), đạt 100 % ngày {date}: chậm {days} ngày so với hạn.",
        "en": "At the current pace ({pace} points a month) it reaches 100 % on {date}: {days} days late."},
    "projection.on_time": {
        "vi": "Theo tốc độ hiện nay ({pace} điểm phần trăm mỗi tháng), đạt 100 % ngày {date}, kịp hạn.",
        "en": "At the current pace ({pace} points a month) it reaches 100 % on {date}, in time."},
    "projection.group_unknown": {
        "vi": "Chưa dự kiến được ngày xong: {n} nhiệm vụ chưa ước tính được tốc độ ({stalled} không tiến triển).",
        "en": "No finish date yet: {n} actions have no pace ({stalled} not moving)."},
    "projection.group_late": {"vi": "Dự kiến xong ngày {date}, chậm {late} tháng ({days} ngày) so với hạn cuối.",
                              "en": "Expected to finish on {date}, {late} months ({days} days) after the last due date."},
    "projection.group_on_time": {"vi": "Dự kiến xong ngày {date}, kịp hạn.",
                                 "en": "Expected to finish on {date}, in time."},
}
