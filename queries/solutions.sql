-- name: actions
-- Actions with their latest report; committee (DANG_UY) actions when asked for.
-- Overdue: due date before $today and not done.
SELECT a.action_code, a.branch_code, coalesce(b.branch_name, a.branch_code) AS branch_name,
       a.solution, a.description, a.owner, a.starts_on, a.due_on, a.last_reported_on,
       a.percent, a.status,
       a.due_on < $today AND a.status <> 'hoan_thanh' AS overdue
FROM v_action_latest a
LEFT JOIN v_branches b USING (branch_code)
WHERE list_contains($branches, a.branch_code) OR ($include_committee AND a.branch_code = 'DANG_UY')
ORDER BY a.solution, a.due_on, a.action_code;

-- name: matrix
-- Solution × cell: average latest progress, number of actions, overdue count.
SELECT a.solution, a.branch_code, coalesce(b.branch_name, a.branch_code) AS branch_name,
       avg(a.percent) AS percent, count(*) AS actions,
       count(*) FILTER (WHERE a.due_on < $today AND a.status <> 'hoan_thanh') AS overdue
FROM v_action_latest a
LEFT JOIN v_branches b USING (branch_code)
WHERE list_contains($branches, a.branch_code) OR ($include_committee AND a.branch_code = 'DANG_UY')
GROUP BY ALL
ORDER BY a.solution, branch_name COLLATE vi;

-- name: by_solution
-- Each solution's average latest progress and overdue count.
SELECT s.solution, s.title_vi, s.title_en,
       avg(a.percent) AS percent, count(a.action_code) AS actions,
       count(a.action_code) FILTER (WHERE a.due_on < $today AND a.status <> 'hoan_thanh') AS overdue
FROM solutions s
LEFT JOIN v_action_latest a
       ON a.solution = s.solution
      AND (list_contains($branches, a.branch_code) OR ($include_committee AND a.branch_code = 'DANG_UY'))
GROUP BY ALL
ORDER BY s.solution;
