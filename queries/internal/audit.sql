-- name: record
-- Append one event of the audit trail, with the cells of the user behind it.
INSERT INTO audit (happened_at, user_name, action, detail, branches)
VALUES ($happened_at, $user_name, $action, $detail, $cells);
