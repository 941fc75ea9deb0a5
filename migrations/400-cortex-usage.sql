--liquibase formatted sql

-- Additions for token usage (issue 8, see README.md, "Additions to the specification"): the price list that
-- costs entries sent without a cost, the hourly and daily rollups the trend and breakdown read instead of
-- the raw rows, and the idempotency keys of recordTokenUsage.

--changeset cockpit:usage-model-prices
-- One price per provider, model and moment it takes effect; an entry is costed at the newest price whose
-- effective_from is at or before the entry's timestamp. Prices per million tokens, in the currency of
-- token_usage.total_cost.
CREATE TABLE model_prices (
    id VARCHAR(36) NOT NULL,
    provider VARCHAR(50) NOT NULL,
    model VARCHAR(100) NOT NULL,
    input_per_million DECIMAL(12,4) NOT NULL,
    output_per_million DECIMAL(12,4) NOT NULL,
    effective_from TIMESTAMP(6) NOT NULL,
    created_at TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    created_by VARCHAR(255) NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_model_prices (provider, model, effective_from)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
--rollback DROP TABLE model_prices;

--changeset cockpit:usage-hourly-rollup
-- The sums of token_usage per project, UTC hour, provider, model, operation type and dashboard context,
-- written in the transaction that inserts the raw rows (so they always equal a GROUP BY over them). A NULL
-- operation_type or dashboard_context of the raw row is '' here: key columns cannot be NULL.
CREATE TABLE token_usage_hourly (
    project_id VARCHAR(36) NOT NULL,
    bucket_start TIMESTAMP(6) NOT NULL COMMENT 'start of the UTC hour',
    provider VARCHAR(50) NOT NULL,
    model VARCHAR(100) NOT NULL,
    operation_type VARCHAR(50) NOT NULL,
    dashboard_context VARCHAR(100) NOT NULL,
    input_tokens BIGINT NOT NULL,
    output_tokens BIGINT NOT NULL,
    total_cost DECIMAL(20,4) NOT NULL,
    requests BIGINT NOT NULL,
    PRIMARY KEY (project_id, bucket_start, provider, model, operation_type, dashboard_context)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
--rollback DROP TABLE token_usage_hourly;

--changeset cockpit:usage-daily-rollup
-- The same sums per UTC day: what day, week and month trends and whole-day breakdowns read.
CREATE TABLE token_usage_daily (
    project_id VARCHAR(36) NOT NULL,
    bucket_start TIMESTAMP(6) NOT NULL COMMENT 'start of the UTC day',
    provider VARCHAR(50) NOT NULL,
    model VARCHAR(100) NOT NULL,
    operation_type VARCHAR(50) NOT NULL,
    dashboard_context VARCHAR(100) NOT NULL,
    input_tokens BIGINT NOT NULL,
    output_tokens BIGINT NOT NULL,
    total_cost DECIMAL(20,4) NOT NULL,
    requests BIGINT NOT NULL,
    PRIMARY KEY (project_id, bucket_start, provider, model, operation_type, dashboard_context)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
--rollback DROP TABLE token_usage_daily;

--changeset cockpit:usage-idempotency-keys
-- What recordTokenUsage answered for a caller's idempotency key, with the SHA-256 of the request, so that
-- a retry gets the same answer and writes nothing. Kept at least cockpit.usage.idempotency-retention.
CREATE TABLE usage_idempotency_keys (
    caller_id VARCHAR(255) NOT NULL,
    idempotency_key VARCHAR(255) NOT NULL,
    request_hash CHAR(64) NOT NULL,
    result JSON NOT NULL,
    created_at TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    PRIMARY KEY (caller_id, idempotency_key),
    INDEX idx_usage_idempotency_created (created_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
--rollback DROP TABLE usage_idempotency_keys;
