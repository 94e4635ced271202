-- The four limitations the Đảng ủy named, measured per cell and period. Every query returns
-- counts (never only shares), so that the Đảng bộ's figure is the sum of its cells', for
-- $period and the periods of the same kind before it ($periods of them: the trend).

-- name: uptake
-- Limitation 1 (resolutions into plans), per resolution and unit: every active cell given (and
-- the Đảng ủy when $include_committee) is expected to take up every resolution received. The
-- plan is due on the resolution's plan_due_on, else received (else issued) + $plan_days days.
-- Late: no plan by the due date (counted up to $today while none is issued); days_to_plan from
-- received to plan; attendance: members at the study session ÷ members of the unit that day.
-- Per cell: each row is one cell's; run for every cell, then narrowed.
WITH units AS (
    SELECT branch_code FROM v_branches WHERE active AND branch_code = ANY($branches)
    UNION ALL SELECT 'DANG_UY' WHERE $include_committee
),
docs AS (
    SELECT doc_number, title, issuer, issued_on, coalesce(received_on, issued_on) AS received_on,
           coalesce(plan_due_on, coalesce(received_on, issued_on) + to_days(CAST($plan_days AS INTEGER)))
               AS due_on, solution
    FROM v_resolutions
    WHERE coalesce(received_on, issued_on) <= CAST($today AS DATE)
),
pairs AS (
    SELECT d.*, u.branch_code, x.studied_on, x.attended, x.plan_number, x.plan_issued_on, x.made_concrete,
           x.reviewed_on
    FROM docs d CROSS JOIN units u
    LEFT JOIN v_resolution_uptake x ON x.doc_number = d.doc_number AND x.branch_code = u.branch_code
),
members_then AS (
    SELECT p.doc_number, p.branch_code, count(m.member_code) AS members
    FROM pairs p
    LEFT JOIN v_members m ON p.branch_code <> 'DANG_UY' AND m.branch_code = p.branch_code
          AND (m.joined_on IS NULL OR m.joined_on <= p.studied_on) AND (m.left_on IS NULL OR m.left_on >= p.studied_on)
    WHERE p.studied_on IS NOT NULL
    GROUP BY ALL
)
SELECT p.doc_number, p.title, p.issuer, p.solution, p.received_on, p.due_on, p.branch_code, b.branch_name,
       p.studied_on, p.attended, t.members AS members_at_study,
       p.attended / nullif(t.members, 0) AS attendance,
       p.plan_number, p.plan_issued_on, p.made_concrete,
       datediff('day', p.received_on, p.plan_issued_on) AS days_to_plan,
       p.plan_issued_on IS NOT NULL AND p.plan_issued_on <= p.due_on AS on_time,
       CASE WHEN p.plan_issued_on > p.due_on THEN datediff('day', p.due_on, p.plan_issued_on)
            WHEN p.plan_issued_on IS NULL AND p.due_on < CAST($today AS DATE)
                THEN datediff('day', p.due_on, CAST($today AS DATE)) ELSE 0 END AS days_late,
       p.plan_issued_on IS NULL AND p.due_on >= CAST($today AS DATE) AS not_yet_due
FROM pairs p
LEFT JOIN members_then t USING (doc_number, branch_code)
LEFT JOIN v_branches b ON b.branch_code = p.branch_code
ORDER BY p.received_on DESC, p.doc_number, CASE WHEN p.branch_code = 'DANG_UY' THEN 0 ELSE 1 END,
         b.branch_name COLLATE vi;

-- name: l1_by_unit
-- Limitation 1 per unit and period (the period of the plan's due date): resolutions due, plans
-- issued on time, plans made concrete for the unit, total days from receipt to plan, late ones.
-- Per cell: each row is one cell's; run for every cell, then narrowed.
WITH periods AS (SELECT * FROM recent_periods($period, $periods)),
units AS (
    SELECT branch_code FROM v_branches WHERE active AND branch_code = ANY($branches)
    UNION ALL SELECT 'DANG_UY' WHERE $include_committee
),
docs AS (
    SELECT doc_number,
           coalesce(received_on, issued_on) AS received_on,
           coalesce(plan_due_on, coalesce(received_on, issued_on) + to_days(CAST($plan_days AS INTEGER))) AS due_on
    FROM v_resolutions
    WHERE coalesce(received_on, issued_on) <= CAST($today AS DATE)
),
pairs AS (
    SELECT p.period, p.ord, u.branch_code, d.doc_number, d.received_on, d.due_on, x.plan_issued_on, x.made_concrete
    FROM periods p
    JOIN docs d ON d.due_on BETWEEN p.starts_on AND p.ends_on
    CROSS JOIN units u
    LEFT JOIN v_resolution_uptake x ON x.doc_number = d.doc_number AND x.branch_code = u.branch_code
)
SELECT period, ord, branch_code,
       count(*) AS due,
       count(*) FILTER (WHERE plan_issued_on <= due_on) AS on_time,
       count(*) FILTER (WHERE made_concrete) AS concrete,
       count(*) FILTER (WHERE plan_issued_on > due_on
                        OR (plan_issued_on IS NULL AND due_on < CAST($today AS DATE))) AS late,
       sum(datediff('day', received_on, plan_issued_on)) AS days_to_plan_total,
       count(plan_issued_on) AS plans
FROM pairs
GROUP BY ALL
ORDER BY ord, branch_code;

-- name: l2_by_cell
-- Limitation 2 (cell committees) per cell and period: committee meetings, the months of the
-- period already begun by $today, committee attendance (present and seats, summed), meetings
-- that decided how to lead the political task; cell meetings whose resolution set concrete
-- political-task targets (of those where it was recorded); committee members rated HTTNV or
-- better in the period's year (of those rated).
-- Per cell: each row is one cell's; run for every cell, then narrowed.
WITH periods AS (SELECT * FROM recent_periods($period, $periods)),
cells AS (SELECT branch_code FROM v_branches WHERE active AND branch_code = ANY($branches)),
committee AS (
    SELECT p.period, c.branch_code,
           count(m.held_on) AS committee_meetings,
           coalesce(sum(m.present), 0) AS committee_present,
           coalesce(sum(m.committee_size), 0) AS committee_seats,
           count(m.held_on) FILTER (WHERE m.political_task_discussed) AS political_task
    FROM periods p CROSS JOIN cells c
    LEFT JOIN v_committee_meetings m ON m.branch_code = c.branch_code AND m.held_on BETWEEN p.starts_on AND p.ends_on
    GROUP BY ALL
),
targets AS (
    SELECT p.period, c.branch_code,
           count(m.held_on) FILTER (WHERE m.concrete_targets IS NOT NULL) AS meetings_recorded,
           count(m.held_on) FILTER (WHERE m.concrete_targets) AS with_targets
    FROM periods p CROSS JOIN cells c
    LEFT JOIN v_meetings m ON m.branch_code = c.branch_code AND m.held_on BETWEEN p.starts_on AND p.ends_on
    GROUP BY ALL
),
ratings AS (
    SELECT p.period, r.branch_code,
           count(*) AS committee_rated,
           count(*) FILTER (WHERE r.ordinal <= 2) AS committee_good
    FROM periods p
    JOIN mart_member_ratings r ON r.year = period_year(p.period) AND r.on_committee
    GROUP BY ALL
)
SELECT p.period, p.ord, k.branch_code,
       greatest(0, least(period_months(p.period),
                         datediff('month', p.starts_on, CAST($today AS DATE)) + 1)) AS months_begun,
       k.committee_meetings, k.committee_present, k.committee_seats, k.political_task,
       t.meetings_recorded, t.with_targets,
       coalesce(r.committee_rated, 0) AS committee_rated, coalesce(r.committee_good, 0) AS committee_good
FROM periods p
JOIN committee k USING (period)
JOIN targets t USING (period, branch_code)
LEFT JOIN ratings r USING (period, branch_code)
ORDER BY p.ord, k.branch_code;

-- name: l3_by_cell
-- Limitation 3 (self-criticism and criticism) per cell and period: meetings, those where
-- self-criticism was recorded and held, criticism of heads of the unit or committee (opinions,
-- summed over the meetings where it was recorded).
-- Per cell: each row is one cell's; run for every cell, then narrowed.
WITH periods AS (SELECT * FROM recent_periods($period, $periods)),
cells AS (SELECT branch_code FROM v_branches WHERE active AND branch_code = ANY($branches))
SELECT p.period, p.ord, c.branch_code,
       count(m.held_on) AS meetings,
       count(m.held_on) FILTER (WHERE m.self_criticism IS NOT NULL) AS criticism_recorded,
       count(m.held_on) FILTER (WHERE m.self_criticism) AS with_self_criticism,
       count(m.held_on) FILTER (WHERE m.criticism_of_heads IS NOT NULL) AS heads_recorded,
       coalesce(sum(m.criticism_of_heads), 0) AS criticism_of_heads
FROM periods p CROSS JOIN cells c
LEFT JOIN v_meetings m ON m.branch_code = c.branch_code AND m.held_on BETWEEN p.starts_on AND p.ends_on
GROUP BY ALL
ORDER BY p.ord, c.branch_code;

-- name: l4_by_cell
-- Limitation 4 (setting an example) per cell and year of the periods: members in the cell at
-- the year's end (or $today), those who made their yearly commitment, those whose result was
-- "tốt" or "đạt" (kept) of those whose result is known (judged), the same for members holding
-- a post; members disciplined in the year;
-- the cell's criterion A2 (ethics, lifestyle, example) as a share of its maximum.
-- Per cell: each row is one cell's; run for every cell, then narrowed.
WITH periods AS (SELECT * FROM recent_periods($period, $periods)),
cells AS (SELECT branch_code FROM v_branches WHERE active AND branch_code = ANY($branches)),
members AS (
    SELECT p.period, m.branch_code, m.member_code, holds_post(m.party_role) AS holds_post
    FROM periods p
    JOIN v_members m ON (m.joined_on IS NULL OR m.joined_on <= least(p.ends_on, CAST($today AS DATE)))
                    AND (m.left_on IS NULL OR m.left_on >= least(p.ends_on, CAST($today AS DATE)))
),
kept AS (
    SELECT m.period, m.branch_code,
           count(*) AS members,
           count(*) FILTER (WHERE c.committed) AS committed,
           count(*) FILTER (WHERE c.kept IN ('tot', 'dat')) AS kept,
           count(*) FILTER (WHERE c.kept = 'chua_dat') AS not_kept,
           count(*) FILTER (WHERE c.kept IS NOT NULL) AS judged,
           count(*) FILTER (WHERE m.holds_post AND c.kept IS NOT NULL) AS post_judged,
           count(*) FILTER (WHERE m.holds_post) AS post_members,
           count(*) FILTER (WHERE m.holds_post AND c.committed) AS post_committed,
           count(*) FILTER (WHERE m.holds_post AND c.kept IN ('tot', 'dat')) AS post_kept
    FROM members m
    LEFT JOIN v_commitments c ON c.member_code = m.member_code AND c.year = period_year(m.period)
    GROUP BY ALL
),
disciplined AS (
    SELECT p.period, r.branch_code, count(*) FILTER (WHERE r.disciplined) AS disciplined
    FROM periods p JOIN mart_member_ratings r ON r.year = period_year(p.period)
    GROUP BY ALL
),
a2 AS (
    SELECT s.period, s.branch_code, s.score / pc.max_points AS a2_share
    FROM v_scores s JOIN mart_period_criteria pc ON pc.period = s.period AND pc.criterion_code = s.criterion_code
    WHERE s.criterion_code = 'A2'
)
SELECT p.period, p.ord, c.branch_code,
       coalesce(k.members, 0) AS members, coalesce(k.committed, 0) AS committed, coalesce(k.kept, 0) AS kept,
       coalesce(k.not_kept, 0) AS not_kept, coalesce(k.judged, 0) AS judged,
       coalesce(k.post_judged, 0) AS post_judged, coalesce(k.post_members, 0) AS post_members,
       coalesce(k.post_committed, 0) AS post_committed, coalesce(k.post_kept, 0) AS post_kept,
       coalesce(d.disciplined, 0) AS disciplined, a.a2_share
FROM periods p CROSS JOIN cells c
LEFT JOIN kept k ON k.period = p.period AND k.branch_code = c.branch_code
LEFT JOIN disciplined d ON d.period = p.period AND d.branch_code = c.branch_code
LEFT JOIN a2 a ON a.period = p.period AND a.branch_code = c.branch_code
ORDER BY p.ord, c.branch_code;

-- name: links
-- The solutions and criteria that bear on each limitation (the office's own reading), a
-- criterion with its name in the latest criteria set.
SELECT l.code, l.ordinal, k.link_kind, k.link,
       (SELECT arg_max(c.criterion_name, coalesce(period_order(c.valid_from), 0)) FROM v_criteria c
        WHERE k.link_kind = 'criterion' AND c.criterion_code = k.link) AS criterion_name
FROM limitations l JOIN limitation_links k USING (code)
ORDER BY l.ordinal, k.link_kind DESC, k.link;

-- name: not_kept
-- Limitation 4: members whose commitment of $year was judged "chưa đạt", those holding a post
-- (Bí thư, Phó Bí thư, Chi ủy viên) first, then by cell and member code.
-- Per cell: each row is one cell's; run for every cell, then narrowed.
SELECT c.year, c.member_code, m.branch_code, m.party_role, holds_post(m.party_role) AS holds_post
FROM v_commitments c
JOIN v_members m USING (member_code)
WHERE c.year = $year AND c.kept = 'chua_dat' AND m.branch_code = ANY($branches)
ORDER BY holds_post DESC, m.branch_code, c.member_code;
