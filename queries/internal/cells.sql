-- name: all
-- Every current cell's code, in code order (the cells of a caller with no scope).
SELECT branch_code FROM v_branches ORDER BY branch_code;

-- name: active
-- The codes of the active cells (the Đảng ủy's own actions count when all of them are chosen).
SELECT branch_code FROM v_branches WHERE active ORDER BY branch_code;
