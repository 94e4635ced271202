-- What the validator reads from the store, once per upload (dashboard/ingest/reference.py),
-- and the column types the staging casts to (dashboard/ingest/stage.py).

-- name: enum_values
-- Every coded value of every domain with its Vietnamese and English names, in list order.
SELECT domain, code, name_vi, name_en FROM enum_values ORDER BY domain, ordinal;

-- name: discipline_forms
-- Which discipline form applies to which subject (official, probationary, organisation).
SELECT code, subject FROM discipline_forms;

-- name: members
-- Current members: cell, kind, party role and dates in the cell.
SELECT member_code, branch_code, kind, party_role, joined_on, left_on FROM v_members;

-- name: criteria
-- Current criteria: group, maximum and the period they apply from.
SELECT criterion_code, "group", max_points, valid_from FROM v_criteria;

-- name: actions
-- Current actions and the cell (or the Đảng ủy) each belongs to.
SELECT action_code, branch_code FROM v_actions;

-- name: meetings
-- Current meetings with their absence counts, keyed (cell, day, kind).
SELECT branch_code, held_on, kind, absent_excused, absent_unexcused FROM v_meetings;

-- name: absences
-- Current absence lists: who was absent from which meeting, excused or not.
SELECT branch_code, held_on, kind, member_code, excused FROM v_absences;

-- name: progress
-- Every current progress report (action, day, percent).
SELECT action_code, reported_on, percent FROM v_progress_reports;

-- name: resolutions
-- Current resolutions and the day each was received (the day it was issued when not given).
SELECT doc_number, coalesce(received_on, issued_on) FROM v_resolutions;

-- name: rating_rules
-- Per year, the rating regime in force and the best level it allows a member disciplined in the year.
SELECT year, source, member_disciplined_best FROM v_rating_rules;

-- name: group_totals
-- The points each criterion group must add up to (chung 30, ket_qua 70).
SELECT code, total_points FROM criterion_groups;

-- name: column_types
-- The database type of each column of a table, to cast staged rows to.
SELECT column_name, data_type FROM information_schema.columns WHERE table_name = $table;
