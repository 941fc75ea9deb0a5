--liquibase formatted sql

-- Additions to the data model spec for context windows and the response cache (see README.md, "Additions to
-- the specification"): who stored a cached response, and the index of the admins' per-provider list.

--changeset cockpit:cortex-context-cached-responses-created-by
-- The token subject of the user who stored (or last replaced) the response. Entries are shared by every
-- user, so only this user or an admin may replace one; NULL (a row written past the API) is admins' only.
ALTER TABLE cached_responses
    ADD COLUMN created_by VARCHAR(255) NULL COMMENT 'token subject of who stored the response';
--rollback ALTER TABLE cached_responses DROP COLUMN created_by;

--changeset cockpit:cortex-context-cached-responses-provider-index
-- cachedResponses(provider) lists one provider's entries newest first (created_at DESC, id DESC); read
-- backwards this index (with the primary key InnoDB and TiDB append) gives that order without a sort.
CREATE INDEX idx_provider_created ON cached_responses (provider, created_at);
--rollback DROP INDEX idx_provider_created ON cached_responses;
