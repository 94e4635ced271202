"""Messages of the page "Hạn chế và khắc phục" (pages/han_che.py): the four limitations the
Đảng ủy named, their measures and findings."""

MESSAGES: dict[str, dict[str, str]] = {
    "lim.intro": {
        "vi": "Bốn hạn chế Đảng ủy đã chỉ ra, mỗi hạn chế một khối: câu chữ như đã công bố, các số đo theo "
              "từng chi bộ và toàn Đảng bộ ({period}, so với {previous}; xu hướng {n} kỳ), các giải pháp và "
              "tiêu chí liên quan, và những điểm cần chú ý.",
        "en": "The four limitations the Đảng ủy named, one block each: the published sentence, the measures per "
              "cell and for the whole Đảng bộ ({period}, against {previous}; trend over {n} periods), the "
              "solutions and criteria that bear on it, and what needs attention."},
    "lim.empty": {"vi": "Chưa có dữ liệu để đo các hạn chế. Hãy tải lên các sheet nghi_quyet, thuc_hien_nghi_quyet, "
                        "sinh_hoat_cap_uy, cam_ket_neu_guong (xem trang Tải dữ liệu lên).",
                  "en": "No data to measure the limitations yet. Upload the sheets nghi_quyet, thuc_hien_nghi_quyet, "
                        "sinh_hoat_cap_uy, cam_ket_neu_guong (see the upload page)."},
    "lim.whole": {"vi": "Đảng bộ", "en": "Đảng bộ"},
    "lim.shown": {"vi": "Các chi bộ đang xem", "en": "Cells shown"},
    "lim.col.measure": {"vi": "Số đo", "en": "Measure"},
    "lim.col.change": {"vi": "So với kỳ trước", "en": "Change"},
    "lim.col.trend": {"vi": "Xu hướng", "en": "Trend"},
    "lim.table.help": {
        "vi": "Mỗi ô: giá trị {period} và thay đổi so với {previous} (▲ tăng, ▼ giảm; tỷ lệ tính bằng điểm phần "
              "trăm). Cột {whole}: tổng số đếm của các đơn vị chia cho tổng cơ sở, không phải trung bình các tỷ lệ.",
        "en": "Each cell: the value in {period} and the change against {previous} (▲ up, ▼ down; shares in "
              "percentage points). Column {whole}: the units' counts summed over their summed bases, not an "
              "average of shares."},
    "lim.links": {"vi": "Giải pháp liên quan: {solutions}. Tiêu chí liên quan: {criteria}.",
                  "en": "Solutions that bear on it: {solutions}. Criteria: {criteria}."},
    "lim.findings": {"vi": "Cần chú ý", "en": "Needs attention"},
    "lim.findings.none": {"vi": "Không có điểm nào cần chú ý trong kỳ này.", "en": "Nothing needs attention in this period."},
    "lim.actions_on_time": {
        "vi": "Số đo thứ hai: {on_time}/{actions} nhiệm vụ thực hiện giải pháp đúng hạn tính đến {today} ({share}).",
        "en": "Second measure: {on_time} of {actions} actions under the solutions on time as of {today} ({share})."},
    "lim.file.board": {"vi": "Hạn chế {number}", "en": "Limitation {number}"},
    "lim.file.late": {"vi": "Kế hoạch chậm hạn", "en": "Late plans"},
    "lim.file.uptake": {"vi": "Tiếp thu nghị quyết", "en": "Resolution uptake"},
    "lim.late.title": {"vi": "Kế hoạch chậm hạn (chậm nhất trước)", "en": "Late plans (longest first)"},
    "lim.uptake.title": {"vi": "Từng nghị quyết, từng đơn vị: nhận → học tập → ban hành kế hoạch",
                         "en": "Each resolution and unit: received → studied → plan issued"},
    "lim.col.doc": {"vi": "Nghị quyết", "en": "Resolution"},
    "lim.col.received": {"vi": "Ngày nhận", "en": "Received"},
    "lim.col.studied": {"vi": "Học tập, quán triệt", "en": "Studied"},
    "lim.col.attendance": {"vi": "Tỷ lệ dự học tập", "en": "Attendance at study"},
    "lim.col.due": {"vi": "Hạn kế hoạch", "en": "Plan due"},
    "lim.col.plan": {"vi": "Ban hành kế hoạch", "en": "Plan issued"},
    "lim.col.days_to_plan": {"vi": "Số ngày đến kế hoạch", "en": "Days to plan"},
    "lim.col.days_late": {"vi": "Số ngày chậm", "en": "Days late"},
    "lim.col.concrete": {"vi": "Cụ thể hóa", "en": "Made concrete"},
    "lim.not_issued": {"vi": "chưa ban hành", "en": "not issued"},
    # the measures
    "lim.m.plans_on_time": {"vi": "Kế hoạch ban hành đúng hạn", "en": "Plans issued on time"},
    "lim.m.plans_concrete": {"vi": "Kế hoạch cụ thể hóa cho đơn vị", "en": "Plans made concrete for the unit"},
    "lim.m.days_to_plan": {"vi": "Số ngày bình quân từ nhận đến kế hoạch", "en": "Average days from receipt to plan"},
    "lim.m.committee_per_month": {"vi": "Số buổi họp chi ủy mỗi tháng", "en": "Committee meetings a month"},
    "lim.m.committee_attendance": {"vi": "Tỷ lệ ủy viên dự họp chi ủy", "en": "Committee attendance"},
    "lim.m.political_task": {"vi": "Họp chi ủy có bàn nhiệm vụ chính trị", "en": "Committee meetings on the political task"},
    "lim.m.concrete_targets": {"vi": "Nghị quyết sinh hoạt có chỉ tiêu nhiệm vụ chính trị",
                               "en": "Cell resolutions with political-task targets"},
    "lim.m.committee_rated_good": {"vi": "Ủy viên chi ủy xếp loại từ HTTNV trở lên",
                                   "en": "Committee members rated HTTNV or better"},
    "lim.m.self_criticism": {"vi": "Buổi sinh hoạt có tự phê bình và phê bình", "en": "Meetings with self-criticism"},
    "lim.m.heads_per_meeting": {"vi": "Ý kiến phê bình người đứng đầu mỗi buổi", "en": "Criticism of heads per meeting"},
    "lim.m.committed": {"vi": "Đảng viên đăng ký cam kết nêu gương", "en": "Members who made their commitment"},
    "lim.m.kept": {"vi": "Thực hiện đạt cam kết (trong số đã đánh giá)", "en": "Kept their commitment (of those judged)"},
    "lim.m.post_kept": {"vi": "Người giữ chức vụ thực hiện đạt cam kết", "en": "Post holders who kept their commitment"},
    "lim.m.a2": {"vi": "Tiêu chí A2 (đạo đức, lối sống, nêu gương), tỷ lệ điểm", "en": "Criterion A2 (ethics, example), share of points"},
    "lim.m.disciplined": {"vi": "Đảng viên bị kỷ luật trong năm", "en": "Members disciplined in the year"},
    "lim.l4.year": {"vi": "Các số đo của hạn chế này tính theo năm ({year}, so với {previous}).",
                    "en": "This limitation is measured by year ({year}, against {previous})."},
    # findings
    "lim.brief_unit": {"vi": "“{title}” ở {unit}", "en": "“{title}” at {unit}"},
    "lim.brief": {"vi": "“{title}”", "en": "“{title}”"},
    "lim.f.open_late": {"vi": "{unit} chưa ban hành kế hoạch thực hiện {doc}, đã quá hạn {days} ngày (hạn {due}).",
                        "en": "{unit} has not issued its plan for {doc}, {days} days past the due date ({due})."},
    "lim.f.late": {"vi": "{unit}: {late}/{due} kế hoạch ban hành chậm hạn trong {period}; bình quân {days} ngày từ khi "
                         "nhận đến khi có kế hoạch (hạn {plan_days} ngày).",
                   "en": "{unit}: {late} of {due} plans late in {period}; on average {days} days from receipt to plan "
                         "(due in {plan_days} days)."},
    "lim.f.not_concrete": {"vi": "{unit}: {n} kế hoạch chưa cụ thể hóa vào điều kiện của đơn vị trong {period}.",
                           "en": "{unit}: {n} plans not made concrete for the unit in {period}."},
    "lim.f.committee_rare": {"vi": "Chi ủy {unit} họp {n} lần trong {months} tháng của {period}, ít hơn mỗi tháng một lần.",
                             "en": "The committee of {unit} met {n} times in the {months} months of {period}, less than monthly."},
    "lim.f.political_task": {"vi": "{unit}: chỉ {k}/{n} buổi họp chi ủy bàn lãnh đạo nhiệm vụ chính trị trong {period}.",
                             "en": "{unit}: only {k} of {n} committee meetings decided on the political task in {period}."},
    "lim.f.targets": {"vi": "{unit}: chỉ {k}/{n} nghị quyết sinh hoạt chi bộ có chỉ tiêu nhiệm vụ chính trị cụ thể trong {period}.",
                      "en": "{unit}: only {k} of {n} cell meeting resolutions set concrete political-task targets in {period}."},
    "lim.f.no_head_criticism": {
        "vi": "{unit}: không có ý kiến phê bình người đứng đầu nào trong {n} buổi sinh hoạt từ {first} đến {last}.",
        "en": "{unit}: no criticism of the head in any of {n} meetings from {first} to {last}."},
    "lim.f.self_criticism": {"vi": "{unit}: tự phê bình và phê bình chỉ ở {k}/{n} buổi sinh hoạt trong {period}.",
                             "en": "{unit}: self-criticism in only {k} of {n} meetings in {period}."},
    "lim.f.not_kept": {"vi": "{n} đảng viên chưa đạt cam kết nêu gương năm {year}, trong đó {posts} người giữ chức vụ: {people}.",
                       "en": "{n} members did not keep their commitment in {year}, {posts} of them holding a post: {people}."},
    "lim.f.person": {"vi": "{code} ({role}, {unit})", "en": "{code} ({role}, {unit})"},
    "lim.f.disciplined": {"vi": "{n} đảng viên bị kỷ luật trong năm {year}.", "en": "{n} members disciplined in {year}."},
}
