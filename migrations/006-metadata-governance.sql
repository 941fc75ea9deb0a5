--liquibase formatted sql

-- Metadata governance: metadata_standards (+ seed), metadata_violations, filesystem_timestamps,
-- clock_sync_status and their performance indexes (data model spec 1.1.0, "Metadata Governance Schema").
-- DESC index parts are kept: MariaDB and MySQL 8.0 build descending indexes, TiDB parses DESC and ignores it.

--changeset cockpit:governance-metadata-standards
CREATE TABLE metadata_standards (
    id VARCHAR(36) NOT NULL,
    standard_name VARCHAR(100) NOT NULL UNIQUE,
    category ENUM('temporal', 'nomenclature', 'versioning') NOT NULL,
    pattern_regex TEXT NOT NULL,
    validation_message TEXT NULL,
    enforcement_level ENUM('error', 'warning', 'info') NOT NULL DEFAULT 'error',
    is_active BOOLEAN NOT NULL DEFAULT TRUE,
    created_at TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    updated_at TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),
    PRIMARY KEY (id),
    INDEX idx_category (category),
    INDEX idx_active (is_active)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
--rollback DROP TABLE metadata_standards;

--changeset cockpit:governance-seed-ts-001-zulu
-- The spec writes the pattern as a plain string literal with backslashes. On MySQL-family servers a
-- backslash in a string literal is an escape (backslash-d stores d) unless sql_mode has
-- NO_BACKSLASH_ESCAPES. Writing a tilde for each backslash and replacing it with CHAR(92) stores exactly
-- the spec pattern in both modes (the pattern itself contains no tilde).
INSERT INTO metadata_standards (id, standard_name, category, pattern_regex, validation_message, enforcement_level)
VALUES (
    'ts-001-zulu',
    'Timestamp Zulu Format',
    'temporal',
    REPLACE('^~d{4}-~d{2}-~d{2}T~d{2}:~d{2}:~d{2}(~.~d{1,6})?Z$', '~', CONVERT(CHAR(92) USING utf8mb4)),
    'Timestamp must use ISO 8601 format with Z suffix (e.g., 2026-01-01T14:30:45.123456Z)',
    'error'
);
--rollback DELETE FROM metadata_standards WHERE id = 'ts-001-zulu';

--changeset cockpit:governance-metadata-violations
CREATE TABLE metadata_violations (
    id VARCHAR(36) NOT NULL,
    standard_id VARCHAR(36) NOT NULL,
    resource_type VARCHAR(50) NOT NULL,
    resource_id VARCHAR(255) NOT NULL,
    violation_value TEXT NULL,
    suggested_fix TEXT NULL,
    status ENUM('open', 'resolved', 'suppressed') NOT NULL DEFAULT 'open',
    detected_at TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    resolved_at TIMESTAMP(6) NULL DEFAULT NULL,
    resolved_by VARCHAR(36) NULL,
    PRIMARY KEY (id),
    INDEX idx_resource (resource_type, resource_id),
    INDEX idx_status (status),
    INDEX idx_standard (standard_id),
    INDEX idx_detected (detected_at DESC),
    CONSTRAINT fk_metadata_violations_standard FOREIGN KEY (standard_id) REFERENCES metadata_standards (id) ON DELETE RESTRICT
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
--rollback DROP TABLE metadata_violations;

--changeset cockpit:governance-filesystem-timestamps
-- project_id is a soft reference to projects.id (high-volume capture, no foreign key).
CREATE TABLE filesystem_timestamps (
    id VARCHAR(36) NOT NULL,
    file_path TEXT NOT NULL,
    atime TIMESTAMP(6) NOT NULL COMMENT 'Access time (last read)',
    mtime TIMESTAMP(6) NOT NULL COMMENT 'Modification time (content changed)',
    ctime TIMESTAMP(6) NOT NULL COMMENT 'Change time (metadata changed)',
    captured_at TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    git_commit_sha VARCHAR(40) NULL COMMENT 'Associated git commit (if applicable)',
    project_id VARCHAR(36) NULL COMMENT 'soft reference to projects.id',
    PRIMARY KEY (id),
    INDEX idx_file_path (file_path(255)),
    INDEX idx_mtime (mtime),
    INDEX idx_project (project_id),
    INDEX idx_captured (captured_at DESC)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
--rollback DROP TABLE filesystem_timestamps;

--changeset cockpit:governance-clock-sync-status
CREATE TABLE clock_sync_status (
    id VARCHAR(36) NOT NULL,
    component_name VARCHAR(100) NOT NULL,
    protocol ENUM('NTP', 'PTP', 'Browser', 'Server') NOT NULL,
    stratum INT NULL COMMENT 'NTP stratum level (0=reference, 1=primary, etc.)',
    offset_microseconds BIGINT NOT NULL COMMENT 'Current offset from reference',
    last_sync_at TIMESTAMP(6) NOT NULL,
    status ENUM('synchronized', 'drifting', 'error') NOT NULL,
    error_message TEXT NULL,
    PRIMARY KEY (id),
    INDEX idx_component (component_name),
    INDEX idx_status (status),
    INDEX idx_last_sync (last_sync_at DESC)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
--rollback DROP TABLE clock_sync_status;

--changeset cockpit:governance-metadata-violations-indexes
-- Spec: CREATE INDEX idx_violations_open_detected ... WHERE status = open (a partial index). MySQL-family
-- servers have no partial indexes, so the full composite index (status, detected_at DESC) serves the same
-- open-violations-newest-first query by an index range on status = open.
ALTER TABLE metadata_violations
    ADD INDEX idx_violations_open_detected (status, detected_at DESC),
    ADD INDEX idx_violations_standard_status (standard_id, status);
--rollback ALTER TABLE metadata_violations DROP INDEX idx_violations_open_detected, DROP INDEX idx_violations_standard_status;
