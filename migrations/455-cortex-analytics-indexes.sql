--liquibase formatted sql

-- What the analytics reads need at the spec's scale (issue 8, see README.md, "Additions to the
-- specification"): a daily rollup per provider and model only, and covering indexes for the compliance
-- and high-impact reports.

--changeset cockpit:usage-daily-model-rollup
-- The sums of token_usage per project, UTC day, provider and model: what the trend by provider or model,
-- the cost by model or provider and a project's total cost read. It leaves out the operation type and the
-- dashboard context, so it holds 1/25 of token_usage_daily's rows on the benchmark's data. Written in the
-- transaction that inserts the raw rows, like the other two. Filled here from token_usage_daily (exact,
-- since that one is): run this changeset while no server of an earlier version writes usage.
CREATE TABLE token_usage_daily_model (
    project_id VARCHAR(36) NOT NULL,
    bucket_start TIMESTAMP(6) NOT NULL COMMENT 'start of the UTC day',
    provider VARCHAR(50) NOT NULL,
    model VARCHAR(100) NOT NULL,
    input_tokens BIGINT NOT NULL,
    output_tokens BIGINT NOT NULL,
    total_cost DECIMAL(20,4) NOT NULL,
    requests BIGINT NOT NULL,
    PRIMARY KEY (project_id, bucket_start, provider, model)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
INSERT INTO token_usage_daily_model (project_id, bucket_start, provider, model, input_tokens, output_tokens,
    total_cost, requests)
SELECT project_id, bucket_start, provider, model, SUM(input_tokens), SUM(output_tokens), SUM(total_cost),
    SUM(requests)
FROM token_usage_daily
GROUP BY project_id, bucket_start, provider, model;
--rollback DROP TABLE token_usage_daily_model;

--changeset cockpit:governance-violations-compliance-index
-- complianceReport counts a scope's violations per standard and status: with the project first, the
-- owner's projects are ranges of this index and the counts are read from it alone.
ALTER TABLE metadata_violations
    ADD INDEX idx_project_standard_status (project_id, standard_id, status);
--rollback ALTER TABLE metadata_violations DROP INDEX idx_project_standard_status;

--changeset cockpit:bin-propagation-impact-index
-- highImpactChanges sums each change's propagations: this index holds every column it reads, so the report
-- never visits the propagation rows themselves.
ALTER TABLE propagation_log
    ADD INDEX idx_sync_buffer_impact (sync_buffer_id, affected_dashboard_id, token_cost, duration_ms);
--rollback ALTER TABLE propagation_log DROP INDEX idx_sync_buffer_impact;
