-- name: branches
-- Current cells in code order, with every column, to pre-fill the template's chi_bo sheet.
-- The secretary is a member's name: administrators only ($show_names, set by the runner).
-- Per cell: each row is one cell's; run for every cell, then narrowed.
SELECT branch_code, branch_name, CASE WHEN $show_names THEN secretary END AS secretary, founded_on, active
FROM v_branches
WHERE active AND branch_code = ANY($branches)
ORDER BY branch_code;

-- name: criteria
-- Current criteria in code order, to pre-fill the template's tieu_chi sheet.
SELECT criterion_code, criterion_name, "group", max_points, solution, valid_from
FROM v_criteria
ORDER BY criterion_code;
