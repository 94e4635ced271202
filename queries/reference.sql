-- name: branch_options
-- Active cells the caller may see, for the branch filter, in Vietnamese order.
SELECT branch_code, branch_name
FROM v_branches
WHERE active AND list_contains($branches, branch_code)
ORDER BY branch_name COLLATE vi, branch_code;

-- name: periods
-- Periods that have scores for the given cells, newest first, years before quarters.
SELECT DISTINCT period, period_kind(period) AS kind, period_order(period) AS ord
FROM v_scores
WHERE list_contains($branches, branch_code)
ORDER BY period_year(period) DESC, CASE period_kind(period) WHEN 'year' THEN 0 ELSE 1 END,
         ord DESC;

-- name: solutions
-- The six solutions with their titles.
SELECT solution, title_vi, title_en FROM solutions ORDER BY solution;

-- name: levels
-- The four rating levels, best first.
SELECT code, ordinal, name_vi, name_en, short_vi, short_en FROM levels ORDER BY ordinal;

-- name: data_status
-- Whether sample data is loaded, when data last changed, and the data version.
SELECT
    EXISTS (SELECT 1 FROM uploads WHERE source = 'sample' AND undone_at IS NULL) AS is_sample,
    (SELECT max(coalesce(undone_at, uploaded_at)) FROM uploads WHERE source <> 'system') AS last_change,
    (SELECT version FROM data_state WHERE id = 1) AS version;

-- name: enum_labels
-- Vietnamese and English labels of every coded value (statuses, meeting kinds, levels …).
SELECT domain, code, name_vi, name_en, short_vi, short_en FROM (
    SELECT domain, code, name_vi, name_en, name_vi AS short_vi, name_en AS short_en, ordinal
    FROM enum_values
    UNION ALL
    SELECT 'level', code, name_vi, name_en, short_vi, short_en, ordinal FROM levels
)
ORDER BY domain, ordinal;

-- name: regimes
-- The regulations on annual review, oldest first, with their guidance documents.
SELECT regime, title_vi, issued_on, effective_from, guidance FROM regimes ORDER BY effective_from;
