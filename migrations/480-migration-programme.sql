--liquibase formatted sql

-- The migration programme through the API (issue 10): what the phase workflow needs beyond the directive's
-- columns, and the programme's seven phases. See README.md, "Additions to the specification".

--changeset cockpit:programme-phase-workflow-columns
-- blocked_from: the status a blocked phase returns to (blocked is entered from in_progress or review).
-- review_requested_by: the user who moved the phase to review; the approval chain wants a second person.
ALTER TABLE v7_migration_workflow
    ADD COLUMN blocked_from VARCHAR(50) NULL COMMENT 'Status a blocked phase returns to',
    ADD COLUMN review_requested_by VARCHAR(255) NULL COMMENT 'User who moved the phase to review';
--rollback ALTER TABLE v7_migration_workflow DROP COLUMN blocked_from, DROP COLUMN review_requested_by;

--changeset cockpit:programme-seed-phases
-- The seven phases of the V7 migration. Only phase 4 is named by the specification (the workflow document's
-- "Database Phase (Phase 4)", Docs/V7_Migration/04_Database_Phase/); the other names follow the order of
-- work the directive and the workflow describe (README.md, addition 24). The ids are fixed so that every
-- database holds the same rows.
INSERT INTO v7_migration_workflow (id, phase_number, phase_name, status, lead_persona, deliverables, blockers)
VALUES
    ('7a000000-0000-4000-8000-000000000001', 1, 'Discovery and Assessment', 'not_started', 'The Architect',
        JSON_ARRAY(), JSON_ARRAY()),
    ('7a000000-0000-4000-8000-000000000002', 2, 'Naming Convention Design', 'not_started', 'Layer Guardians',
        JSON_ARRAY(), JSON_ARRAY()),
    ('7a000000-0000-4000-8000-000000000003', 3, 'ENUM Consolidation Design', 'not_started', 'DB Team Lead',
        JSON_ARRAY(), JSON_ARRAY()),
    ('7a000000-0000-4000-8000-000000000004', 4, 'Database Phase', 'not_started', 'The Architect',
        JSON_ARRAY('V7 tracking tables', 'file_audit V7 columns', 'Initial migration data',
                   'Monitoring view v7_migration_dashboard', 'Tested rollback'), JSON_ARRAY()),
    ('7a000000-0000-4000-8000-000000000005', 5, 'File Migration', 'not_started', 'Dev Team',
        JSON_ARRAY(), JSON_ARRAY()),
    ('7a000000-0000-4000-8000-000000000006', 6, 'Testing and Validation', 'not_started', 'Test Sentinel',
        JSON_ARRAY(), JSON_ARRAY()),
    ('7a000000-0000-4000-8000-000000000007', 7, 'Retirement and Cutover', 'not_started', 'The Architect',
        JSON_ARRAY(), JSON_ARRAY());
--rollback DELETE FROM v7_migration_workflow WHERE id IN ('7a000000-0000-4000-8000-000000000001', '7a000000-0000-4000-8000-000000000002', '7a000000-0000-4000-8000-000000000003', '7a000000-0000-4000-8000-000000000004', '7a000000-0000-4000-8000-000000000005', '7a000000-0000-4000-8000-000000000006', '7a000000-0000-4000-8000-000000000007');

--changeset cockpit:programme-approved-by-width
-- approved_by holds the token subject of the admin who approved the phase, like review_requested_by and every
-- other user id column of the API (VARCHAR(255)); the directive's VARCHAR(100) refuses a longer subject in
-- strict mode. README.md, "Additions to the specification".
ALTER TABLE v7_migration_workflow MODIFY approved_by VARCHAR(255) NULL;
--rollback ALTER TABLE v7_migration_workflow MODIFY approved_by VARCHAR(100) NULL;
