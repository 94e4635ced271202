-- The marts (migrations 0014–0016): tables that hold what the heavy derived views return, so that a
-- page query reads rows instead of recomputing scores, rules and meeting judgements. Each is
-- made again from its view inside the caller's transaction (store.refresh_marts, in the order
-- store.MARTS gives), columns included: after a migration a view that reads "m.*" of a table
-- gains the column the migration added, which a refill of the old table could not insert.

-- name: refresh_source_rules
-- The sources with a column per threshold (v_source_rules).
CREATE OR REPLACE TABLE mart_source_rules AS SELECT * FROM v_source_rules;

-- name: refresh_rating_rules
-- The rating regime of each year (v_rating_rules).
CREATE OR REPLACE TABLE mart_rating_rules AS SELECT * FROM v_rating_rules;

-- name: refresh_period_criteria
-- The criteria of each scored period (v_period_criteria).
CREATE OR REPLACE TABLE mart_period_criteria AS SELECT * FROM v_period_criteria;

-- name: refresh_branch_period_scores
-- Each cell's totals, level and rank per scored period (v_branch_period_scores).
CREATE OR REPLACE TABLE mart_branch_period_scores AS SELECT * FROM v_branch_period_scores;

-- name: refresh_member_ratings
-- Member ratings with cell and committee seat (v_member_ratings).
CREATE OR REPLACE TABLE mart_member_ratings AS SELECT * FROM v_member_ratings;

-- name: refresh_meetings_judged
-- Each meeting judged by the guidance in force on its day (v_meetings_judged).
CREATE OR REPLACE TABLE mart_meetings_judged AS SELECT * FROM v_meetings_judged;

-- name: refresh_progress_steps
-- Each progress report with its place and its action's earlier reports (v_progress_steps, 0015).
CREATE OR REPLACE TABLE mart_progress_steps AS SELECT * FROM v_progress_steps;

-- name: refresh_action_reports
-- Each action's reports summed up (v_action_reports, 0016; it reads mart_progress_steps, refilled
-- before it).
CREATE OR REPLACE TABLE mart_action_reports AS SELECT * FROM v_action_reports;

-- name: actions_of_upload
-- The actions the rows of upload $upload_id name: its commit wrote them, its undo withdraws them
-- (an earlier version of a row has the same action). Their per-action marts are made again.
SELECT action_code FROM actions WHERE upload_id = $upload_id
UNION SELECT action_code FROM progress_reports WHERE upload_id = $upload_id;

-- name: forget_progress_steps_of
-- The steps of the actions $actions, before they are made again.
DELETE FROM mart_progress_steps WHERE action_code = ANY($actions);

-- name: add_progress_steps_of
-- The steps of those actions made again from the view (each action's steps depend on its own
-- reports and its current row only).
INSERT INTO mart_progress_steps SELECT * FROM v_progress_steps WHERE action_code = ANY($actions);

-- name: forget_action_reports_of
-- The summed-up reports of the actions $actions, before they are made again.
DELETE FROM mart_action_reports WHERE action_code = ANY($actions);

-- name: add_action_reports_of
-- Those actions' reports summed up again (from their steps, made again just before).
INSERT INTO mart_action_reports SELECT * FROM v_action_reports WHERE action_code = ANY($actions);

-- name: names
-- The marts and the view each one holds.
SELECT table_name AS mart, 'v_' || substr(table_name, 6) AS view FROM duckdb_tables()
WHERE database_name = current_database() AND schema_name = 'main' AND table_name LIKE 'mart\_%' ESCAPE '\'
ORDER BY table_name;
