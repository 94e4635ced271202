-- Thresholds of the regime in force for each year, so rule queries join on the year.

CREATE VIEW v_year_regime AS
SELECT y.year,
       coalesce((SELECT r.regime FROM regimes r WHERE r.effective_from <= make_date(y.year, 12, 31)
                 ORDER BY r.effective_from DESC LIMIT 1),
                (SELECT r.regime FROM regimes r ORDER BY r.effective_from LIMIT 1)) AS regime
FROM (SELECT CAST(range AS INTEGER) AS year FROM range(1990, 2101)) y;

CREATE VIEW v_year_thresholds AS
SELECT yr.year, yr.regime, t.rule, t.value, t.source
FROM v_year_regime yr JOIN regime_thresholds t USING (regime);

-- Member ratings with the member's cell.
CREATE VIEW v_member_ratings AS
SELECT r.year, r.subject_code AS member_code, m.branch_code, r.level, r.disciplined, r.discipline_form,
       r.regime, l.ordinal
FROM v_ratings r
JOIN v_members m ON m.member_code = r.subject_code
JOIN levels l ON l.code = r.level
WHERE r.subject_kind = 'dang_vien';
