--liquibase formatted sql

-- Additions to the data model spec for the extension repository's versions (see README.md, "Additions to
-- the specification"): one row per version string of an extension dashboard.

--changeset cockpit:extension-dashboard-versions-unique-version
-- uk_dashboard_version: a version string is published once per extension dashboard. The service locks the
-- extension_dashboards row (FOR UPDATE) before it compares a new version with the greatest one, so
-- concurrent publishes run one after another; this key is the last word for any writer (and for a server
-- that does not take that lock), and it also lists a dashboard's version strings from the index alone.
ALTER TABLE dashboard_versions
    ADD UNIQUE KEY uk_dashboard_version (dashboard_id, version);
--rollback ALTER TABLE dashboard_versions DROP INDEX uk_dashboard_version;
