-- The year-end review (Đánh giá cuối năm): self-ratings, the cells' proposals and the Đảng ủy's
-- decisions of one year, side by side, for the cells given.

-- name: years
-- Years with a proposal or a decided rating in the cells given, latest first.
WITH subjects AS (
    SELECT 'chi_bo' AS subject_kind, branch_code AS subject_code, branch_code FROM v_branches
    UNION ALL SELECT 'dang_vien', member_code, branch_code FROM v_members
)
SELECT DISTINCT x.year
FROM (SELECT year, subject_kind, subject_code FROM v_rating_proposals
      UNION ALL SELECT year, subject_kind, subject_code FROM v_ratings) x
JOIN subjects s USING (subject_kind, subject_code)
WHERE s.branch_code = ANY($branches)
ORDER BY x.year DESC;

-- name: subjects
-- Every cell given and every member of those cells in $year (in the cell on 31/12, or named by a
-- proposal or a rating of the year), with the self-rating, the cell's proposal and the decision.
-- Full names only when $show_names (administrators).
-- Per cell: each row is one cell's; run for every cell, then narrowed.
WITH year_end AS (SELECT make_date($year, 12, 31) AS d),
subjects AS (
    SELECT 'chi_bo' AS subject_kind, b.branch_code AS subject_code, b.branch_code, NULL AS full_name,
           NULL AS member_kind, NULL AS party_role, NULL::DATE AS joined_on
    FROM v_branches b WHERE b.active
    UNION ALL
    SELECT 'dang_vien', m.member_code, m.branch_code, m.full_name, m.kind, m.party_role, m.joined_on
    FROM v_members m, year_end
    WHERE (coalesce(m.joined_on, DATE '1900-01-01') <= year_end.d AND (m.left_on IS NULL OR m.left_on >= year_end.d))
       OR EXISTS (SELECT 1 FROM v_rating_proposals p WHERE p.year = $year AND p.subject_kind = 'dang_vien'
                                                        AND p.subject_code = m.member_code)
       OR EXISTS (SELECT 1 FROM v_ratings r WHERE r.year = $year AND r.subject_kind = 'dang_vien'
                                               AND r.subject_code = m.member_code)
),
proposed AS (
    SELECT subject_kind, subject_code,
           max(level) FILTER (WHERE step = 'tu_danh_gia') AS self_level,
           max(level) FILTER (WHERE step = 'chi_bo_de_xuat') AS proposed_level,
           max(note) FILTER (WHERE step = 'chi_bo_de_xuat') AS note
    FROM v_rating_proposals WHERE year = $year GROUP BY ALL
)
SELECT s.subject_kind, s.subject_code, s.branch_code, b.branch_name,
       CASE WHEN $show_names THEN s.full_name END AS full_name,
       s.member_kind, s.party_role, s.joined_on,
       p.self_level, p.proposed_level, p.note, r.level AS decided_level,
       coalesce(r.disciplined, FALSE) AS disciplined, r.discipline_form, r.decided_on
FROM subjects s
JOIN v_branches b ON b.branch_code = s.branch_code
LEFT JOIN proposed p USING (subject_kind, subject_code)
LEFT JOIN v_ratings r ON r.year = $year AND r.subject_kind = s.subject_kind AND r.subject_code = s.subject_code
WHERE s.branch_code = ANY($branches)
ORDER BY b.branch_name COLLATE vi, s.branch_code, s.subject_kind, s.subject_code;   -- cells the Vietnamese way

-- name: cell_scores
-- Each cell's score for the year (the annual period) and the level its band implies, with the
-- source of the bands (366-QĐ/TW from 2025; the office's own framework before).
-- Per cell: each row is one cell's; run for every cell, then narrowed.
SELECT s.branch_code, s.total_score, s.complete, s.computed_level, s.score_source, src.citation_vi,
       src.citation_en
FROM mart_branch_period_scores s
JOIN sources src ON src.source = s.score_source
WHERE s.period = CAST($year AS VARCHAR) AND s.branch_code = ANY($branches)
ORDER BY s.branch_code;

-- name: quota_share
-- The share of the 20 % quota for the ratings of $year and the source it comes from.
SELECT quota_excellent_share AS share, source FROM mart_rating_rules WHERE year = $year;
