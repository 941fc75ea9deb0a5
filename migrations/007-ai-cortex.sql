--liquibase formatted sql

-- AI cortex: token_usage, api_configurations, tool_registry, external_tool_access and the token_usage
-- performance indexes (data model spec 1.1.0, "AI Cortex Schema").

--changeset cockpit:cortex-token-usage stripComments:false
-- project_id is a soft reference to projects.id (high-throughput, no foreign key).
-- The primary key is NONCLUSTERED on TiDB: TiDB executes the T-bang comment after PRIMARY KEY, MariaDB and
-- MySQL skip it as a comment. TiDB cannot drop or change a clustered primary key, and 900-tidb.sql must
-- widen this key to (id, timestamp) before it can partition the table by timestamp.
-- stripComments:false keeps Liquibase from removing that comment before it reaches the server.
CREATE TABLE token_usage (
    id VARCHAR(36) NOT NULL,
    project_id VARCHAR(36) NOT NULL COMMENT 'soft reference to projects.id',
    provider VARCHAR(50) NOT NULL COMMENT 'claude, openai, phi3, tinyllama',
    model VARCHAR(100) NOT NULL COMMENT 'e.g. claude-sonnet-4-5-20250929, gpt-4-turbo',
    input_tokens INT NOT NULL DEFAULT 0,
    output_tokens INT NOT NULL DEFAULT 0,
    total_cost DECIMAL(10,4) NOT NULL DEFAULT 0.0000,
    operation_type VARCHAR(50) NULL COMMENT 'chat, estimation, tool_call',
    dashboard_context VARCHAR(100) NULL COMMENT 'Which dashboard triggered this',
    `timestamp` TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    PRIMARY KEY (id) /*T![clustered_index] NONCLUSTERED */,
    INDEX idx_project_timestamp (project_id, `timestamp` DESC),
    INDEX idx_provider_timestamp (provider, `timestamp` DESC),
    INDEX idx_model (model),
    INDEX idx_timestamp (`timestamp` DESC)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
--rollback DROP TABLE token_usage;

--changeset cockpit:cortex-api-configurations
CREATE TABLE api_configurations (
    id VARCHAR(36) NOT NULL,
    project_id VARCHAR(36) NOT NULL,
    provider VARCHAR(50) NOT NULL COMMENT 'anthropic, openai, azure, local',
    api_key_encrypted VARBINARY(512) NULL COMMENT 'AES-256-GCM encrypted by the application',
    model VARCHAR(100) NOT NULL,
    temperature DECIMAL(3,2) NULL DEFAULT 0.70,
    max_tokens INT NULL DEFAULT 4096,
    enabled BOOLEAN NOT NULL DEFAULT TRUE,
    priority INT NULL DEFAULT 0 COMMENT 'For provider fallback ordering',
    created_at TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    updated_at TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),
    PRIMARY KEY (id),
    UNIQUE KEY uk_project_provider (project_id, provider),
    INDEX idx_enabled (enabled),
    CONSTRAINT fk_api_configurations_project FOREIGN KEY (project_id) REFERENCES projects (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
--rollback DROP TABLE api_configurations;

--changeset cockpit:cortex-tool-registry
CREATE TABLE tool_registry (
    id VARCHAR(36) NOT NULL,
    name VARCHAR(255) NOT NULL UNIQUE,
    category VARCHAR(50) NOT NULL COMMENT 'file_ops, database, git, ai, external',
    description TEXT NOT NULL,
    implementation_type ENUM('python', 'api', 'database', 'wasm') NOT NULL,
    config JSON NOT NULL COMMENT 'Tool-specific configuration schema',
    is_system BOOLEAN NOT NULL DEFAULT FALSE COMMENT 'System tools vs user-defined',
    requires_capability VARCHAR(100) NULL COMMENT 'Security capability required',
    created_at TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    PRIMARY KEY (id),
    INDEX idx_category (category),
    INDEX idx_system (is_system)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
--rollback DROP TABLE tool_registry;

--changeset cockpit:cortex-external-tool-access
-- idx_tool is not in the spec: the foreign key on tool_id needs an index and every server would create
-- one anyway, under a server-specific name, and naming it keeps the schema identical everywhere.
CREATE TABLE external_tool_access (
    id VARCHAR(36) NOT NULL,
    project_id VARCHAR(36) NOT NULL,
    tool_id VARCHAR(36) NOT NULL,
    access_type ENUM('read', 'write', 'admin') NOT NULL DEFAULT 'read',
    oauth_config JSON NULL COMMENT 'OAuth tokens, refresh tokens, scopes',
    enabled BOOLEAN NOT NULL DEFAULT TRUE,
    last_accessed_at TIMESTAMP(6) NULL DEFAULT NULL,
    expires_at TIMESTAMP(6) NULL DEFAULT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_project_tool (project_id, tool_id),
    INDEX idx_enabled (enabled),
    INDEX idx_expires (expires_at),
    INDEX idx_tool (tool_id),
    CONSTRAINT fk_external_tool_access_project FOREIGN KEY (project_id) REFERENCES projects (id) ON DELETE CASCADE,
    CONSTRAINT fk_external_tool_access_tool FOREIGN KEY (tool_id) REFERENCES tool_registry (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
--rollback DROP TABLE external_tool_access;

--changeset cockpit:cortex-token-usage-indexes
ALTER TABLE token_usage
    ADD INDEX idx_token_usage_project_provider_timestamp (project_id, provider, `timestamp` DESC),
    ADD INDEX idx_token_usage_model_cost (model, total_cost DESC);
--rollback ALTER TABLE token_usage DROP INDEX idx_token_usage_project_provider_timestamp, DROP INDEX idx_token_usage_model_cost;
