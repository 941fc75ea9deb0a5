--liquibase formatted sql

-- Core hierarchy: Project -> Profile -> Dashboard -> Module (data model spec 1.1.0, "Core Entity Tables").
-- Foreign keys are named so that every server (MariaDB, MySQL, TiDB) reports the same name.

--changeset cockpit:core-projects
CREATE TABLE projects (
    id VARCHAR(36) NOT NULL,
    name VARCHAR(255) NOT NULL,
    description TEXT NULL,
    owner_user_id VARCHAR(255) NOT NULL,
    created_at TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    updated_at TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),
    workflow_template VARCHAR(100) NULL COMMENT 'vibe_coding, data_science, note_taking',
    git_repository VARCHAR(500) NULL,
    PRIMARY KEY (id),
    INDEX idx_owner (owner_user_id),
    INDEX idx_template (workflow_template)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
--rollback DROP TABLE projects;

--changeset cockpit:core-profiles
CREATE TABLE profiles (
    id VARCHAR(36) NOT NULL,
    project_id VARCHAR(36) NOT NULL,
    name VARCHAR(255) NOT NULL,
    description TEXT NULL,
    created_at TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    updated_at TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),
    active_dashboard_id VARCHAR(36) NULL COMMENT 'Single Active Screen; soft reference to dashboards.id',
    PRIMARY KEY (id),
    INDEX idx_project (project_id),
    CONSTRAINT fk_profiles_project FOREIGN KEY (project_id) REFERENCES projects (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
--rollback DROP TABLE profiles;

--changeset cockpit:core-dashboards
CREATE TABLE dashboards (
    id VARCHAR(36) NOT NULL,
    profile_id VARCHAR(36) NOT NULL,
    name VARCHAR(255) NOT NULL,
    description TEXT NULL,
    template_id VARCHAR(36) NULL COMMENT 'soft reference to templates.id',
    layout JSON NOT NULL COMMENT 'Elm dashboard configuration',
    created_at TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    updated_at TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),
    position INT NOT NULL COMMENT 'Display order in Master Control',
    PRIMARY KEY (id),
    INDEX idx_profile (profile_id),
    INDEX idx_template (template_id),
    CONSTRAINT fk_dashboards_profile FOREIGN KEY (profile_id) REFERENCES profiles (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
--rollback DROP TABLE dashboards;

--changeset cockpit:core-modules
CREATE TABLE modules (
    id VARCHAR(36) NOT NULL,
    dashboard_id VARCHAR(36) NOT NULL,
    module_type VARCHAR(100) NOT NULL COMMENT 'checklist, decision_log, file_manager',
    name VARCHAR(255) NOT NULL,
    configuration JSON NOT NULL,
    position INT NOT NULL,
    created_at TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    updated_at TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),
    PRIMARY KEY (id),
    INDEX idx_dashboard (dashboard_id),
    INDEX idx_type (module_type),
    CONSTRAINT fk_modules_dashboard FOREIGN KEY (dashboard_id) REFERENCES dashboards (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
--rollback DROP TABLE modules;
