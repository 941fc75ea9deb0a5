--liquibase formatted sql

-- Synchronization, "The Bin": sync_buffer, propagation_log (data model spec 1.1.0, "Synchronization Tables").

--changeset cockpit:synchronization-sync-buffer
CREATE TABLE sync_buffer (
    id VARCHAR(36) NOT NULL,
    project_id VARCHAR(36) NOT NULL,
    change_type VARCHAR(100) NOT NULL,
    source_module_id VARCHAR(36) NULL COMMENT 'soft reference to modules.id',
    payload JSON NOT NULL,
    status ENUM('PENDING', 'VALIDATED', 'REJECTED', 'PROPAGATED') NOT NULL DEFAULT 'PENDING',
    validation_results JSON NULL,
    impact_analysis JSON NULL,
    created_at TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    validated_at TIMESTAMP(6) NULL DEFAULT NULL,
    propagated_at TIMESTAMP(6) NULL DEFAULT NULL,
    PRIMARY KEY (id),
    INDEX idx_project_status (project_id, status),
    INDEX idx_created (created_at),
    CONSTRAINT fk_sync_buffer_project FOREIGN KEY (project_id) REFERENCES projects (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
--rollback DROP TABLE sync_buffer;

--changeset cockpit:synchronization-propagation-log
CREATE TABLE propagation_log (
    id VARCHAR(36) NOT NULL,
    sync_buffer_id VARCHAR(36) NOT NULL,
    affected_dashboard_id VARCHAR(36) NOT NULL COMMENT 'soft reference to dashboards.id',
    propagation_type VARCHAR(100) NOT NULL,
    status ENUM('SUCCESS', 'PARTIAL', 'FAILED') NOT NULL,
    error_message TEXT NULL,
    token_cost INT NULL,
    duration_ms INT NULL,
    created_at TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    PRIMARY KEY (id),
    INDEX idx_sync_buffer (sync_buffer_id),
    INDEX idx_dashboard (affected_dashboard_id),
    INDEX idx_created (created_at),
    CONSTRAINT fk_propagation_log_sync_buffer FOREIGN KEY (sync_buffer_id) REFERENCES sync_buffer (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
--rollback DROP TABLE propagation_log;
