-- name: branch_options
-- Active cells the caller may see, for the branch filter, in Vietnamese order.
-- Per cell: each row is one cell's; run for every cell, then narrowed.
SELECT branch_code, branch_name
FROM v_branches
WHERE active AND branch_code = ANY($branches)
ORDER BY branch_name COLLATE vi, branch_code;

-- name: periods
-- Periods that have scores for the given cells, newest first, years before quarters.
SELECT DISTINCT period, period_kind(period) AS kind, period_order(period) AS ord
FROM v_scores
WHERE branch_code = ANY($branches)
ORDER BY period_year(period) DESC, CASE period_kind(period) WHEN 'year' THEN 0 ELSE 1 END,
         ord DESC;

-- name: cell_periods
-- The periods each cell has scores for, one row a cell (the sidebar's list, put together for
-- the cells chosen in the same order as reference.periods; a row a period was 106.000 rows at
-- sector scale, 0,24 s to read back into Python).
-- Per cell: each row is one cell's; run for every cell, then narrowed.
SELECT branch_code, list(DISTINCT period ORDER BY period) AS periods
FROM v_scores
WHERE branch_code = ANY($branches)
GROUP BY branch_code
ORDER BY branch_code;

-- name: solutions
-- The six solutions: short title (charts, tables) and the Đảng ủy's published wording.
SELECT solution, short_vi, short_en, title_vi, title_en FROM solutions ORDER BY solution;

-- name: limitations
-- The four limitations the Đảng ủy named: short title and the published sentence.
SELECT code, ordinal, short_vi, short_en, title_vi, title_en FROM limitations ORDER BY ordinal;

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

-- name: sources
-- Every document a finding may cite, by topic and date, with the span of facts it judges.
SELECT source, topic, citation_vi, citation_en, issued_on, issued_year, in_force_from, in_force_to,
       scope_vi, scope_en
FROM sources
ORDER BY topic, in_force_from;

-- name: thresholds
-- Every rule's threshold, keyed by the source that sets it, and whether the number was found
-- in that source's own text (verified) or carried over from an earlier one.
SELECT t.source, t.threshold, t.value, t.unit, t.verified, s.topic, s.in_force_from
FROM rule_thresholds t JOIN sources s USING (source)
ORDER BY s.topic, s.in_force_from, t.threshold;
