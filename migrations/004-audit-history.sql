--liquibase formatted sql

-- Audit and history: audit_logs, version_history (data model spec 1.1.0, "Audit & History Tables").
-- audit_logs keeps the spec BIGINT AUTO_INCREMENT primary key and is not partitioned: see README.md.

--changeset cockpit:audit-history-audit-logs
CREATE TABLE audit_logs (
    id BIGINT NOT NULL AUTO_INCREMENT,
    `timestamp` TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    user_id VARCHAR(255) NOT NULL,
    action VARCHAR(100) NOT NULL,
    resource_type VARCHAR(50) NOT NULL,
    resource_id VARCHAR(255) NULL,
    status ENUM('success', 'failure', 'partial') NOT NULL,
    metadata JSON NULL,
    ip_address VARCHAR(45) NULL,
    user_agent TEXT NULL,
    PRIMARY KEY (id),
    INDEX idx_user_timestamp (user_id, `timestamp`),
    INDEX idx_action (action),
    INDEX idx_resource (resource_type, resource_id),
    INDEX idx_timestamp (`timestamp`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
--rollback DROP TABLE audit_logs;

--changeset cockpit:audit-history-version-history
CREATE TABLE version_history (
    id VARCHAR(36) NOT NULL,
    resource_type VARCHAR(50) NOT NULL,
    resource_id VARCHAR(255) NOT NULL,
    version_number INT NOT NULL,
    snapshot JSON NOT NULL,
    change_description TEXT NULL,
    created_by VARCHAR(255) NOT NULL,
    created_at TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    PRIMARY KEY (id),
    INDEX idx_resource (resource_type, resource_id),
    INDEX idx_created (created_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
--rollback DROP TABLE version_history;
