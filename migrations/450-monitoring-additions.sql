--liquibase formatted sql

-- Additions to the data model spec for filesystem-time and clock-drift monitoring (see README.md,
-- "Additions to the specification"): the indexes the monitoring reads need at a million rows, and a
-- VARCHAR prefix of filesystem_timestamps.file_path that an index can hold in full.

--changeset cockpit:monitoring-filesystem-path-prefix
-- file_path is TEXT: an index holds only a prefix of it, and a prefix index cannot serve LIKE 'x%' with
-- an ORDER BY on the columns after it. This virtual generated column is the first 255 characters of the
-- path; an index on it serves path-prefix filters and the history of one file. VIRTUAL, because TiDB
-- cannot add a STORED generated column to an existing table; MariaDB, MySQL 8.0 and TiDB index virtual
-- columns.
ALTER TABLE filesystem_timestamps
    ADD COLUMN file_path_prefix VARCHAR(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin
        GENERATED ALWAYS AS (LEFT(file_path, 255)) VIRTUAL COMMENT 'first 255 characters of file_path (indexed)';
--rollback ALTER TABLE filesystem_timestamps DROP COLUMN file_path_prefix;

--changeset cockpit:monitoring-filesystem-indexes
-- idx_project_captured: a project's captures newest first (captured_at DESC, id DESC: read backwards,
-- with the primary key InnoDB and TiDB append). idx_project_path_captured: one file's history oldest
-- first, and a path prefix as a range of it.
ALTER TABLE filesystem_timestamps
    ADD INDEX idx_project_captured (project_id, captured_at),
    ADD INDEX idx_project_path_captured (project_id, file_path_prefix, captured_at);
--rollback ALTER TABLE filesystem_timestamps DROP INDEX idx_project_captured, DROP INDEX idx_project_path_captured;

--changeset cockpit:monitoring-clock-sync-indexes
-- idx_component_last_sync: the latest reading per component (GROUP BY component_name with MAX(last_sync_at),
-- a loose index scan on MariaDB and MySQL) and one component's history newest first.
ALTER TABLE clock_sync_status
    ADD INDEX idx_component_last_sync (component_name, last_sync_at);
--rollback ALTER TABLE clock_sync_status DROP INDEX idx_component_last_sync;
