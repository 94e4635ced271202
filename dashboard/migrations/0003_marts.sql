-- Period arithmetic and the marts that several pages share.

-- Periods are canonical text: 2025, 2025-Q1 … 2025-Q4, 2025-H1, 2025-H2.
CREATE MACRO period_kind(p) AS
    CASE WHEN p LIKE '%-Q%' THEN 'quarter' WHEN p LIKE '%-H%' THEN 'half' ELSE 'year' END;
CREATE MACRO period_year(p) AS TRY_CAST(left(p, 4) AS INTEGER);
CREATE MACRO period_number(p) AS CASE WHEN length(p) > 4 THEN TRY_CAST(right(p, 1) AS INTEGER) ELSE 0 END;
CREATE MACRO period_months(p) AS
    CASE period_kind(p) WHEN 'quarter' THEN 3 WHEN 'half' THEN 6 ELSE 12 END;
CREATE MACRO period_start(p) AS
    make_date(period_year(p), (greatest(period_number(p), 1) - 1) * period_months(p) + 1, 1);
CREATE MACRO period_end(p) AS
    CAST(period_start(p) + to_months(period_months(p)) - INTERVAL 1 DAY AS DATE);
-- Chronological order: a year before its halves, halves before quarters.
CREATE MACRO period_order(p) AS
    period_year(p) * 100 + CASE period_kind(p) WHEN 'year' THEN 0 WHEN 'half' THEN 10 ELSE 20 END
    + period_number(p);
-- The previous period of the same kind: 2025 → 2024, 2025-Q1 → 2024-Q4.
CREATE MACRO period_previous(p) AS
    CASE WHEN period_kind(p) = 'year' THEN CAST(period_year(p) - 1 AS VARCHAR)
         WHEN period_number(p) > 1 THEN left(p, 6) || CAST(period_number(p) - 1 AS VARCHAR)
         ELSE CAST(period_year(p) - 1 AS VARCHAR) || '-' || substr(p, 6, 1)
              || CASE period_kind(p) WHEN 'quarter' THEN '4' ELSE '2' END END;
CREATE MACRO period_year_before(p) AS CAST(period_year(p) - 1 AS VARCHAR) || substr(p, 5);

-- The regime in force at the end of a period (the latest one already effective).
CREATE VIEW v_period_regime AS
WITH periods AS (
    SELECT DISTINCT period FROM v_scores
    UNION SELECT DISTINCT CAST(year AS VARCHAR) FROM v_ratings
)
SELECT p.period,
       coalesce(max_by(r.regime, r.effective_from) FILTER (WHERE r.effective_from <= period_end(p.period)),
                (SELECT min_by(regime, effective_from) FROM regimes)) AS regime
FROM periods p CROSS JOIN regimes r
GROUP BY p.period;

-- The criteria that apply to each scored period: the set with the latest
-- valid_from on or before the period (NULL = the default set, from the start).
CREATE VIEW v_period_criteria AS
WITH periods AS (SELECT DISTINCT period FROM v_scores),
sets AS (
    SELECT p.period, max(coalesce(period_start(c.valid_from), DATE '1900-01-01')) AS set_from
    FROM periods p
    JOIN v_criteria c
      ON c.valid_from IS NULL OR period_start(c.valid_from) <= period_start(p.period)
    GROUP BY p.period
)
SELECT s.period, c.criterion_code, c.criterion_name, c."group", c.max_points, c.solution
FROM sets s
JOIN v_criteria c ON coalesce(period_start(c.valid_from), DATE '1900-01-01') = s.set_from;

-- One row per branch and scored period: group subtotals, total, completeness,
-- rank among complete branches, and the level the score band gives.
CREATE VIEW v_branch_period_scores AS
WITH grid AS (
    SELECT DISTINCT pc.period, b.branch_code, b.branch_name
    FROM v_period_criteria pc CROSS JOIN v_branches b
    WHERE b.active
),
scored AS (
    SELECT g.period, g.branch_code, g.branch_name,
           count(pc.criterion_code) AS n_expected,
           count(s.score) AS n_scored,
           -- No score at all for the period: no total (NULL), rather than a zero.
           -- Rounded: scores are decimals written with at most a few digits, and a float sum
           -- such as 89.99999999999999 must not fall out of the 90-point band or break a tie.
           CASE WHEN count(s.score) > 0
                THEN round(coalesce(sum(s.score) FILTER (WHERE pc."group" = 'chung'), 0), 4) END AS common_score,
           CASE WHEN count(s.score) > 0
                THEN round(coalesce(sum(s.score) FILTER (WHERE pc."group" = 'ket_qua'), 0), 4) END AS task_score,
           round(sum(s.score), 4) AS total_score,
           sum(pc.max_points) AS max_total
    FROM grid g
    JOIN v_period_criteria pc ON pc.period = g.period
    LEFT JOIN v_scores s
           ON s.period = g.period AND s.branch_code = g.branch_code
          AND s.criterion_code = pc.criterion_code
    GROUP BY ALL
),
banded AS (
    SELECT sc.*, sc.n_scored = sc.n_expected AS complete, pr.regime,
           (SELECT b.level FROM regime_bands b
             WHERE b.regime = pr.regime AND sc.total_score >= b.min_score
               AND sc.total_score < b.max_score) AS computed_level
    FROM scored sc
    JOIN v_period_regime pr ON pr.period = sc.period
)
SELECT banded.* REPLACE (CASE WHEN complete THEN computed_level END AS computed_level),
       CASE WHEN complete THEN rank() OVER (
           PARTITION BY period, complete ORDER BY total_score DESC) END AS rank
FROM banded;

-- Each action with its latest progress report.
CREATE VIEW v_action_latest AS
SELECT a.action_code, a.branch_code, a.solution, a.description, a.starts_on, a.due_on, a.owner,
       max(p.reported_on) AS last_reported_on,
       coalesce(arg_max(p.percent, p.reported_on), 0) AS percent,
       coalesce(arg_max(p.status, p.reported_on), 'chua_bat_dau') AS status
FROM v_actions a
LEFT JOIN v_progress_reports p ON p.action_code = a.action_code
GROUP BY ALL;
