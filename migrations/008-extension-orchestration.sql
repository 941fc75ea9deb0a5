--liquibase formatted sql

-- Extension orchestration: extension_dashboards, project_extension_mappings, dashboard_versions and the
-- mapping performance index (data model spec 1.1.0, "Extension Orchestration Schema").
-- The spec index idx_dashboard_versions_dashboard_created ON dashboard_versions (dashboard_id, created_at DESC)
-- is not created: it exactly duplicates the table index idx_dashboard_created (see README.md).

--changeset cockpit:extension-extension-dashboards
CREATE TABLE extension_dashboards (
    id VARCHAR(36) NOT NULL,
    extension_id VARCHAR(255) NOT NULL COMMENT 'VS Code extension identifier',
    dashboard_id VARCHAR(255) NOT NULL COMMENT 'Internal dashboard identifier',
    name VARCHAR(255) NOT NULL,
    description TEXT NULL,
    config JSON NOT NULL COMMENT 'Dashboard configuration schema',
    author VARCHAR(255) NULL,
    community_approved BOOLEAN NOT NULL DEFAULT FALSE,
    download_count INT NULL DEFAULT 0,
    created_at TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    updated_at TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),
    PRIMARY KEY (id),
    INDEX idx_extension_id (extension_id),
    INDEX idx_approved (community_approved),
    INDEX idx_downloads (download_count DESC)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
--rollback DROP TABLE extension_dashboards;

--changeset cockpit:extension-project-extension-mappings
-- idx_dashboard is not in the spec: it is the index the RESTRICT foreign key on dashboard_id needs, named
-- so that it is the same on every server.
CREATE TABLE project_extension_mappings (
    id VARCHAR(36) NOT NULL,
    project_id VARCHAR(36) NOT NULL,
    extension_id VARCHAR(255) NOT NULL,
    dashboard_id VARCHAR(36) NOT NULL COMMENT 'References extension_dashboards.id',
    enabled BOOLEAN NOT NULL DEFAULT TRUE,
    custom_config JSON NULL COMMENT 'Project-specific overrides',
    position INT NULL DEFAULT 0 COMMENT 'Display order',
    created_at TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    updated_at TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),
    PRIMARY KEY (id),
    UNIQUE KEY uk_project_extension (project_id, extension_id),
    INDEX idx_project (project_id),
    INDEX idx_enabled (enabled),
    INDEX idx_dashboard (dashboard_id),
    CONSTRAINT fk_project_extension_mappings_project FOREIGN KEY (project_id) REFERENCES projects (id) ON DELETE CASCADE,
    CONSTRAINT fk_project_extension_mappings_dashboard FOREIGN KEY (dashboard_id) REFERENCES extension_dashboards (id) ON DELETE RESTRICT
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
--rollback DROP TABLE project_extension_mappings;

--changeset cockpit:extension-dashboard-versions
CREATE TABLE dashboard_versions (
    id VARCHAR(36) NOT NULL,
    dashboard_id VARCHAR(36) NOT NULL COMMENT 'References extension_dashboards.id',
    version VARCHAR(50) NOT NULL COMMENT 'SemVer: 1.0.0, 1.1.0',
    config JSON NOT NULL COMMENT 'Complete config snapshot',
    changelog TEXT NULL COMMENT 'What changed in this version',
    created_by VARCHAR(255) NULL,
    created_at TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    PRIMARY KEY (id),
    INDEX idx_dashboard_created (dashboard_id, created_at DESC),
    INDEX idx_version (version),
    CONSTRAINT fk_dashboard_versions_dashboard FOREIGN KEY (dashboard_id) REFERENCES extension_dashboards (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
--rollback DROP TABLE dashboard_versions;

--changeset cockpit:extension-project-extension-mappings-indexes
-- Spec: CREATE INDEX idx_project_extensions_enabled ... WHERE enabled = TRUE (a partial index). MySQL-family
-- servers have no partial indexes, so the full composite index (project_id, enabled) answers "enabled
-- extensions of project Y" with an index range on (project_id, TRUE).
ALTER TABLE project_extension_mappings
    ADD INDEX idx_project_extensions_enabled (project_id, enabled);
--rollback ALTER TABLE project_extension_mappings DROP INDEX idx_project_extensions_enabled;
