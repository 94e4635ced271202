"""Messages of the Party's rules (dashboard/rules.py): ``rule.<code>`` one finding sentence
per rule of ``rules.RULES``, ``quota.*`` the words of the 20 % quota's arithmetic.

Vietnamese first, with full diacritics; English alongside.
"""

MESSAGES: dict[str, dict[str, str]] = {
    "quota.base.httnv": {"vi": "Hoàn thành tốt nhiệm vụ", "en": "HTTNV"},
    "quota.base.httnv_or_better": {"vi": "Hoàn thành tốt nhiệm vụ trở lên", "en": "HTTNV or better"},
    "quota.rounding.floor": {"vi": "làm tròn xuống", "en": "rounded down"},
    "quota.rounding.round": {"vi": "làm tròn", "en": "rounded"},
    "quota.rounding.ceil": {"vi": "làm tròn lên", "en": "rounded up"},
    "quota.in_cell": {"vi": ", {cell}", "en": ", {cell}"},
    "rule.unverified": {"vi": "ngưỡng này giữ theo văn bản trước, chưa xác minh trong văn bản này",
                        "en": "threshold carried over from an earlier text, not verified in this one"},
    "rule.quota_members": {
        "vi": "Năm {year}{where}: {value} đảng viên được xếp loại Hoàn thành xuất sắc nhiệm vụ, vượt tỷ lệ: được tối đa {limit} vì {share} của {base} đảng viên {base_level} là {raw} ({rounding}).",
        "en": "{year}{where}: {value} members rated HTXSNV, over the quota: at most {limit}, since {share} of the {base} members rated {base_level} is {raw} ({rounding})."},
    "rule.quota_cells": {
        "vi": "Năm {year}: {value} chi bộ được xếp loại Hoàn thành xuất sắc nhiệm vụ, vượt tỷ lệ: được tối đa {limit} chi bộ vì {share} của {base} chi bộ {base_level} là {raw} ({rounding}).",
        "en": "{year}: {value} cells rated HTXSNV, over the quota: at most {limit} cells, since {share} of the {base} cells rated {base_level} is {raw} ({rounding})."},
    "rule.disciplined_rated_high": {
        "vi": "Năm {year}: đảng viên {subject} ({cell}) bị kỷ luật trong năm nhưng được xếp loại {level}; đảng viên bị kỷ luật không được xếp loại từ Hoàn thành tốt nhiệm vụ trở lên (cao nhất là {best}).",
        "en": "{year}: member {subject} ({cell}) was disciplined in the year yet rated {level}; a disciplined member may not be rated HTTNV or better (at most {best})."},
    "rule.disciplined_above_cap": {
        "vi": "Năm {year}: đảng viên {subject} ({cell}) bị kỷ luật trong năm và được xếp loại {level}; theo quy định của năm này, đảng viên bị kỷ luật được xếp loại cao nhất là {best}.",
        "en": "{year}: member {subject} ({cell}) was disciplined in the year and rated {level}; the rules of that year allow a disciplined member at most {best}."},
    "rule.cell_excellent_share": {
        "vi": "Năm {year}: {cell} được xếp loại {level} nhưng chỉ {count}/{rated} đảng viên ({share}) được xếp loại Hoàn thành tốt nhiệm vụ trở lên; cần ít nhất {limit}.",
        "en": "{year}: {cell} is rated {level} but only {count}/{rated} members ({share}) are rated HTTNV or better; at least {limit} needed."},
    "rule.cell_pass_share": {
        "vi": "Năm {year}: {cell} được xếp loại {level} nhưng {count}/{rated} đảng viên ({share}) đạt Hoàn thành nhiệm vụ trở lên; cần {limit}.",
        "en": "{year}: {cell} is rated {level} but {count}/{rated} members ({share}) reach HTNV or better; {limit} needed."},
    "rule.cell_committee_disciplined": {
        "vi": "Năm {year}: {cell} được xếp loại {level} nhưng có chi ủy viên bị kỷ luật trong năm ({members}); chi bộ có cấp ủy viên bị kỷ luật không được xếp loại Hoàn thành xuất sắc nhiệm vụ.",
        "en": "{year}: {cell} is rated {level} but a member of its committee was disciplined in the year ({members}); such a cell may not be rated HTXSNV."},
    "rule.level_above_band": {
        "vi": "Năm {year}: {cell} được xếp loại {decided}, cao hơn mức {computed} mà tổng điểm {score} cho phép.",
        "en": "{year}: {cell} is rated {decided}, above the level {computed} that its total of {score} allows."},
    "rule.level_differs_from_band": {
        "vi": "Năm {year}: {cell} được xếp loại {decided}, khác mức {computed} theo tổng điểm {score}.",
        "en": "{year}: {cell} is rated {decided}, unlike the level {computed} of its total of {score}."},
    "rule.meetings_regular": {
        "vi": "Năm {year}: {cell} sinh hoạt thường kỳ {value} buổi, ít hơn {limit} buổi (mỗi tháng một buổi).",
        "en": "{year}: {cell} held {value} regular meetings, fewer than {limit} (one a month)."},
    "rule.meetings_thematic": {
        "vi": "{quarter}: {cell} sinh hoạt chuyên đề {value} buổi; cần ít nhất {limit} buổi mỗi quý.",
        "en": "{quarter}: {cell} held {value} thematic meetings; at least {limit} a quarter needed."},
    "rule.meeting_attendance": {
        "vi": "{cell}, buổi sinh hoạt ngày {date}: tỷ lệ dự {value}, chưa đạt yêu cầu trên {limit}.",
        "en": "{cell}, meeting of {date}: attendance {value}, not above the required {limit}."},
    "rule.meeting_unexcused": {
        "vi": "{cell}, buổi sinh hoạt ngày {date}: {value} đảng viên vắng không lý do.",
        "en": "{cell}, meeting of {date}: {value} members absent without a reason."},
    "rule.meeting_too_short": {
        "vi": "{cell}, buổi sinh hoạt ngày {date}{combined}: {value} phút, dưới {limit} phút.",
        "en": "{cell}, meeting of {date}{combined}: {value} minutes, under {limit}."},
    "rule.meeting_too_short.combined": {"vi": " (kết hợp thường kỳ và chuyên đề)",
                                        "en": " (regular and thematic combined)"},
    "rule.removal_unexcused_months": {
        "vi": "Năm {year}: đảng viên {subject} ({cell}) vắng sinh hoạt không lý do trong {value} tháng (tháng {months}; đủ {limit} tháng ngày {reached}): chi bộ xem xét, đề nghị xóa tên.",
        "en": "{year}: member {subject} ({cell}) missed meetings without a reason in {value} months (months {months}; {limit} reached on {reached}): the cell is to consider proposing removal."},
}
