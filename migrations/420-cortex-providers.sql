--liquibase formatted sql

-- Additions to the data model spec for provider keys and tool grants (see README.md, "Additions to the
-- specification"). The secrets themselves stay where the spec puts them: api_configurations.api_key_encrypted
-- and external_tool_access.oauth_config. These columns say which key of the key ring sealed them, so that
-- a rotation finds the rows still under an older key, and what the API may show instead of the secret.

--changeset cockpit:cortex-providers-api-key-columns
ALTER TABLE api_configurations
    ADD COLUMN api_key_id VARCHAR(32) NULL COMMENT 'id of the key-ring key that sealed api_key_encrypted',
    ADD COLUMN api_key_last4 VARCHAR(4) NULL COMMENT 'last 4 characters of the key, shown instead of it',
    ADD COLUMN api_key_set_at TIMESTAMP(6) NULL DEFAULT NULL COMMENT 'when the key was last set';
--rollback ALTER TABLE api_configurations DROP COLUMN api_key_id, DROP COLUMN api_key_last4, DROP COLUMN api_key_set_at;

--changeset cockpit:cortex-providers-tool-access-key-columns
ALTER TABLE external_tool_access
    ADD COLUMN oauth_key_id VARCHAR(32) NULL COMMENT 'id of the key-ring key that sealed the tokens in oauth_config',
    ADD COLUMN oauth_set_at TIMESTAMP(6) NULL DEFAULT NULL COMMENT 'when the OAuth tokens were last set';
--rollback ALTER TABLE external_tool_access DROP COLUMN oauth_key_id, DROP COLUMN oauth_set_at;
