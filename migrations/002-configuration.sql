--liquibase formatted sql

-- Configuration: templates, guardrails, capabilities (data model spec 1.1.0, "Configuration Tables").

--changeset cockpit:configuration-templates
CREATE TABLE templates (
    id VARCHAR(36) NOT NULL,
    name VARCHAR(255) NOT NULL UNIQUE,
    category VARCHAR(100) NOT NULL COMMENT 'workflow, dashboard, module',
    description TEXT NULL,
    specification JSON NOT NULL,
    created_by VARCHAR(255) NULL,
    community_approved BOOLEAN NULL DEFAULT FALSE,
    download_count INT NULL DEFAULT 0,
    created_at TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    PRIMARY KEY (id),
    INDEX idx_category (category),
    INDEX idx_approved (community_approved)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
--rollback DROP TABLE templates;

--changeset cockpit:configuration-guardrails
CREATE TABLE guardrails (
    id VARCHAR(36) NOT NULL,
    project_id VARCHAR(36) NULL COMMENT 'NULL for system guardrails',
    rule_id VARCHAR(100) NOT NULL,
    description TEXT NOT NULL,
    severity ENUM('CRITICAL', 'HIGH', 'MEDIUM', 'LOW') NOT NULL,
    auto_reject BOOLEAN NULL DEFAULT FALSE,
    configuration JSON NULL,
    enabled BOOLEAN NULL DEFAULT TRUE,
    created_at TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    PRIMARY KEY (id),
    INDEX idx_project (project_id),
    INDEX idx_severity (severity),
    CONSTRAINT fk_guardrails_project FOREIGN KEY (project_id) REFERENCES projects (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
--rollback DROP TABLE guardrails;

--changeset cockpit:configuration-capabilities
CREATE TABLE capabilities (
    id VARCHAR(36) NOT NULL,
    module_id VARCHAR(36) NOT NULL,
    capability_type VARCHAR(100) NOT NULL COMMENT 'file_write, network_http, git_commit',
    granted BOOLEAN NULL DEFAULT FALSE,
    granted_at TIMESTAMP(6) NULL DEFAULT NULL,
    revoked_at TIMESTAMP(6) NULL DEFAULT NULL,
    justification TEXT NULL,
    PRIMARY KEY (id),
    INDEX idx_module (module_id),
    INDEX idx_type (capability_type),
    CONSTRAINT fk_capabilities_module FOREIGN KEY (module_id) REFERENCES modules (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
--rollback DROP TABLE capabilities;
