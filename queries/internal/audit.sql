-- name: record
-- Append one event of the audit trail, with the cells of the user behind it.
INSERT INTO audit (happened_at, user_name, action, detail, branches)
VALUES ($happened_at, $user_name, $action, $detail, $cells);

-- name: last_event
-- How many events the trail holds and the last one's number: what the trail shown on a page is
-- kept by (a sign-in or an export does not change the data version).
SELECT count(*), coalesce(max(audit_id), 0) FROM audit;
