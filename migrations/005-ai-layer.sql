--liquibase formatted sql

-- AI layer: context_windows, cached_responses (data model spec 1.1.0, "AI Layer Tables").

--changeset cockpit:ai-layer-context-windows
CREATE TABLE context_windows (
    id VARCHAR(36) NOT NULL,
    project_id VARCHAR(36) NOT NULL,
    conversation_history JSON NOT NULL,
    current_tokens INT NOT NULL,
    max_tokens INT NOT NULL DEFAULT 200000,
    last_message_at TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    PRIMARY KEY (id),
    INDEX idx_project (project_id),
    CONSTRAINT fk_context_windows_project FOREIGN KEY (project_id) REFERENCES projects (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
--rollback DROP TABLE context_windows;

--changeset cockpit:ai-layer-cached-responses
-- The spec INDEX idx_hash (prompt_hash) is not created: it would exactly duplicate the UNIQUE key on
-- prompt_hash, which already serves every lookup by hash (see README.md).
CREATE TABLE cached_responses (
    id VARCHAR(36) NOT NULL,
    prompt_hash VARCHAR(64) NOT NULL UNIQUE,
    prompt TEXT NOT NULL,
    response JSON NOT NULL,
    provider VARCHAR(100) NOT NULL,
    created_at TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    hit_count INT NULL DEFAULT 0,
    PRIMARY KEY (id),
    INDEX idx_provider (provider),
    INDEX idx_created (created_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
--rollback DROP TABLE cached_responses;
