"""Progress reports: the action exists; done ⇔ 100 %; a report lower than the one before is a warning."""

from __future__ import annotations

from . import register


@register("tien_do_giai_phap")
def check(batch, ctx) -> None:
    history = {k: list(v) for k, v in ctx.ref.progress.items()}
    for r in sorted(batch.rows("tien_do_giai_phap"), key=lambda r: (r["action_code"], r["reported_on"])):
        if r["action_code"] not in ctx.actions:
            batch.flag(r, "action_code", "p.unknown_action")
            continue
        if r["status"] == "hoan_thanh" and r["percent"] != 100:
            batch.flag(r, "percent", "p.done_not_100")
        elif r["percent"] == 100 and r["status"] != "hoan_thanh":
            batch.flag(r, "status", "p.100_not_done")
        earlier = [(d, p) for d, p in history.get(r["action_code"], []) if d < r["reported_on"]]
        if earlier:
            last_date, last_percent = max(earlier)
            if r["percent"] < last_percent:
                batch.flag(r, "percent", "p.progress_backwards", severity="warning",
                           other=last_percent, date=last_date)
        history.setdefault(r["action_code"], []).append((r["reported_on"], r["percent"]))
