-- A mart of the progress reports: each report of a current action with what its action's
-- earlier reports say of it, computed once per data change instead of on every page query.
--
-- At sector scale (120.000 actions, 1,85 million reports) every progress query sorted all the
-- reports per action to compare each with the ones before it (the best % so far, the change
-- since the last report): `solutions.timeline` 2,05 s, `solutions.actions` 1,07 s,
-- `projections.actions` 727 ms, on every new day or cell filter (issue 12). What a report's
-- earlier reports say does not depend on the day a page looks from — a report dated after that
-- day is simply not read — so it is kept as a table:
--   seq            1, 2, … : the report's place among its action's reports, by date;
--   best_before    the highest % of the action's earlier reports (NULL for the first);
--   percent_delta  this % minus the previous report's (minus 0 for the first);
--   done_delta     "hoàn thành" now (1/0) minus the same of the previous report.
-- The queries solutions.timeline and projections.actions read it with a filter on the date, and
-- action_state_in (0016) through each action's reports summed up; it is refilled with the other
-- marts (store.bump_version), per action after an upload.

CREATE VIEW v_progress_steps AS
SELECT p.action_code, a.branch_code, a.solution, a.due_on, p.reported_on, p.percent, p.status,
       CAST(row_number() OVER (PARTITION BY p.action_code ORDER BY p.reported_on) AS INTEGER) AS seq,
       max(p.percent) OVER (PARTITION BY p.action_code ORDER BY p.reported_on
                            ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS best_before,
       p.percent - coalesce(lag(p.percent) OVER (PARTITION BY p.action_code ORDER BY p.reported_on), 0)
           AS percent_delta,
       CAST(p.status = 'hoan_thanh' AS INTEGER)
           - coalesce(lag(CAST(p.status = 'hoan_thanh' AS INTEGER))
                      OVER (PARTITION BY p.action_code ORDER BY p.reported_on), 0) AS done_delta
FROM v_progress_reports p
JOIN v_actions a USING (action_code);

CREATE TABLE mart_progress_steps AS SELECT * FROM v_progress_steps;
