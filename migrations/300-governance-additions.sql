--liquibase formatted sql

-- Additions to the data model spec for the Bin and metadata governance (see README.md, "Additions to the
-- specification"): which payload fields a standard checks, and which project a violation belongs to.

--changeset cockpit:governance-additions-standards-field-pattern
-- An RE2 pattern over payload field paths (object keys joined with a dot, array elements as [i], for
-- example metadata.created_at or items[0].updated_at). NULL: the standard checks no field until one is set.
ALTER TABLE metadata_standards
    ADD COLUMN field_pattern VARCHAR(255) NULL COMMENT 'RE2 pattern over payload field paths, NULL checks nothing';
--rollback ALTER TABLE metadata_standards DROP COLUMN field_pattern;

--changeset cockpit:governance-additions-seed-field-pattern
-- The seed Zulu standard checks every key ending in _at. As in the seed itself, a tilde stands for each
-- backslash and is replaced with CHAR(92), so the stored text is the same with or without
-- NO_BACKSLASH_ESCAPES.
UPDATE metadata_standards
SET field_pattern = REPLACE('(^|~.)[^.~[~]]*_at$', '~', CONVERT(CHAR(92) USING utf8mb4))
WHERE id = 'ts-001-zulu';
--rollback UPDATE metadata_standards SET field_pattern = NULL WHERE id = 'ts-001-zulu';

--changeset cockpit:governance-additions-violations-project
-- A soft reference to projects.id (no foreign key, like token_usage.project_id): a violation stays in the
-- audit trail after its project is deleted. The Bin sets it; authorization and filtering go through it.
ALTER TABLE metadata_violations
    ADD COLUMN project_id VARCHAR(36) NULL COMMENT 'soft reference to projects.id';
--rollback ALTER TABLE metadata_violations DROP COLUMN project_id;

--changeset cockpit:governance-additions-violations-resolved-by
-- resolved_by holds the user (token subject) who resolved, suppressed or reopened the violation. The spec makes
-- it VARCHAR(36) while every other user id column is VARCHAR(255), and token subjects are often longer than
-- 36 characters, so a strict server refused the update. Widened to the width of audit_logs.user_id.
ALTER TABLE metadata_violations MODIFY COLUMN resolved_by VARCHAR(255) NULL;
--rollback ALTER TABLE metadata_violations MODIFY COLUMN resolved_by VARCHAR(36) NULL;

--changeset cockpit:governance-additions-violations-project-index
-- How the metadataViolations connection finds a project's violations, newest first, with or without a
-- status. Ascending parts on purpose: read backwards, each index (with the primary key InnoDB and TiDB
-- append) gives detected_at DESC, id DESC, the order of the connection, so no rows are sorted.
ALTER TABLE metadata_violations
    ADD INDEX idx_project_status_detected (project_id, status, detected_at),
    ADD INDEX idx_project_detected (project_id, detected_at);
--rollback ALTER TABLE metadata_violations DROP INDEX idx_project_status_detected, DROP INDEX idx_project_detected;

--changeset cockpit:governance-additions-sync-buffer-keyset
-- Project.syncBuffer lists one project's changes newest first (created_at DESC, id DESC), optionally of
-- one status. These indexes serve both lists as a backward range scan, without sorting the project's rows.
ALTER TABLE sync_buffer
    ADD INDEX idx_project_created (project_id, created_at),
    ADD INDEX idx_project_status_created (project_id, status, created_at);
--rollback ALTER TABLE sync_buffer DROP INDEX idx_project_created, DROP INDEX idx_project_status_created;
