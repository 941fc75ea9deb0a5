--liquibase formatted sql

-- Additions for the readable audit trail and version history (issue 9 section 6; see README.md,
-- "Additions to the specification"): which project an audit row belongs to, and the keyset indexes of the
-- auditLog connection and of Dashboard.versions / Module.versions.

--changeset cockpit:audit-additions-audit-logs-project
-- A soft reference to projects.id (no foreign key, like metadata_violations.project_id): the row stays in the
-- trail after its project is deleted, then readable by admins and by its actor only. AuditLog fills it with
-- the project the mutation locked (Ownership), or the project itself for resource_type 'project'; NULL for
-- mutations outside any project (templates, model prices, ...). Rows written before this change keep NULL.
ALTER TABLE audit_logs
    ADD COLUMN project_id VARCHAR(36) NULL COMMENT 'soft reference to projects.id';
--rollback ALTER TABLE audit_logs DROP COLUMN project_id;

--changeset cockpit:audit-additions-audit-logs-keyset
-- The auditLog connection is newest first (timestamp DESC, id DESC). Read backwards, each index (with the
-- primary key InnoDB and TiDB append) gives that order for one project, one action or one resource, so no
-- rows are sorted. idx_user_timestamp and idx_timestamp of the spec already serve a user's rows and all rows.
ALTER TABLE audit_logs
    ADD INDEX idx_project_timestamp (project_id, `timestamp`),
    ADD INDEX idx_action_timestamp (action, `timestamp`),
    ADD INDEX idx_resource_timestamp (resource_type, resource_id, `timestamp`);
--rollback ALTER TABLE audit_logs DROP INDEX idx_project_timestamp, DROP INDEX idx_action_timestamp, DROP INDEX idx_resource_timestamp;

--changeset cockpit:audit-additions-audit-logs-drop-prefixes
-- The spec's idx_action and idx_resource are prefixes of the two indexes above, which serve every lookup
-- they served; keeping them would only slow every audited mutation's insert.
ALTER TABLE audit_logs
    DROP INDEX idx_action,
    DROP INDEX idx_resource;
--rollback ALTER TABLE audit_logs ADD INDEX idx_action (action), ADD INDEX idx_resource (resource_type, resource_id);

--changeset cockpit:audit-additions-version-history-number
-- One number per version of a resource: VersionHistory numbers versions under the project's lock, and this
-- key makes a duplicate impossible whatever the caller. It also serves MAX(version_number) of the next
-- snapshot and the versions lists (version_number DESC) as a backward range scan without sorting.
ALTER TABLE version_history
    ADD UNIQUE INDEX uq_resource_version (resource_type, resource_id, version_number);
--rollback ALTER TABLE version_history DROP INDEX uq_resource_version;
