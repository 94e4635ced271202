"""Progress reports: the action exists; done ⇔ 100 %; a report lower than the one before is a warning."""

from __future__ import annotations

from bisect import bisect_left, insort

from . import register


@register("tien_do_giai_phap")
def check(batch, ctx) -> None:
    # Per action, its reports (day, percent) kept in order: the stored ones, then each of the
    # upload's once checked (the upload's are checked day by day).
    history = {k: sorted(v) for k, v in ctx.ref.progress.items()}
    rows = batch.table("tien_do_giai_phap")
    actions, days, statuses, percents = (rows.column(c) for c in ("action_code", "reported_on", "status", "percent"))
    for j in sorted(range(len(rows)), key=lambda j: (actions[j], days[j])):
        action, day, status, percent = actions[j], days[j], statuses[j], percents[j]
        if action not in ctx.actions:
            batch.flag(rows.record(j), "action_code", "p.unknown_action")
            continue
        if status == "hoan_thanh" and percent != 100:
            batch.flag(rows.record(j), "percent", "p.done_not_100")
        elif percent == 100 and status != "hoan_thanh":
            batch.flag(rows.record(j), "status", "p.100_not_done")
        reports = history.setdefault(action, [])
        before = bisect_left(reports, (day,))   # the reports of earlier days end here
        if before:
            last_date, last_percent = reports[before - 1]   # the latest earlier day, its highest report
            if percent < last_percent:
                batch.flag(rows.record(j), "percent", "p.progress_backwards", severity="warning",
                           other=last_percent, date=last_date)
        insort(reports, (day, percent))
