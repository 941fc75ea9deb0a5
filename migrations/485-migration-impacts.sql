--liquibase formatted sql

-- The migration programme through the API (issue 10), enum migrations, impacts, test results and the file
-- audit: the phase of an impact and of a test result, the keyset indexes of the connections, the naming
-- standard of the V7 file names, and the dashboard view with the highest risk per phase. See README.md,
-- "Additions to the specification".

--changeset cockpit:impacts-global-impacts-phase
-- The impacts of the directive name workflows and layers but no phase, and the highest risk of the
-- dashboard is per phase. NULL: an impact of no particular phase (counted by no phase).
ALTER TABLE v7_global_impacts ADD COLUMN phase_number INT NULL COMMENT 'The phase the impact belongs to, if any';
--rollback ALTER TABLE v7_global_impacts DROP COLUMN phase_number;

--changeset cockpit:impacts-global-impacts-phase-index
CREATE INDEX idx_global_impacts_phase ON v7_global_impacts (phase_number, approval_status);
--rollback DROP INDEX idx_global_impacts_phase ON v7_global_impacts;

--changeset cockpit:impacts-global-impacts-phase-key
-- No ON DELETE / ON UPDATE, like fk_v7_subworkflow_tasks_phase: a phase with impacts stays.
ALTER TABLE v7_global_impacts ADD CONSTRAINT fk_v7_global_impacts_phase FOREIGN KEY (phase_number) REFERENCES v7_migration_workflow (phase_number);
--rollback ALTER TABLE v7_global_impacts DROP FOREIGN KEY fk_v7_global_impacts_phase;

--changeset cockpit:impacts-test-results-phase
ALTER TABLE v7_test_results ADD COLUMN phase_number INT NULL COMMENT 'The phase the test belongs to, if any';
--rollback ALTER TABLE v7_test_results DROP COLUMN phase_number;

--changeset cockpit:impacts-test-results-indexes
-- The testResults connection is newest first (tested_at DESC, id DESC), read backwards from these with
-- the primary key InnoDB appends; the results of one phase from the second.
ALTER TABLE v7_test_results
    ADD INDEX idx_test_results_tested (tested_at),
    ADD INDEX idx_test_results_phase_tested (phase_number, tested_at);
--rollback ALTER TABLE v7_test_results DROP INDEX idx_test_results_tested, DROP INDEX idx_test_results_phase_tested;

--changeset cockpit:impacts-test-results-phase-key
ALTER TABLE v7_test_results ADD CONSTRAINT fk_v7_test_results_phase FOREIGN KEY (phase_number) REFERENCES v7_migration_workflow (phase_number);
--rollback ALTER TABLE v7_test_results DROP FOREIGN KEY fk_v7_test_results_phase;

--changeset cockpit:impacts-file-audit-indexes
-- The fileAudit connection is newest first (created_at DESC, id DESC), with or without a workflow status.
ALTER TABLE file_audit
    ADD INDEX idx_file_audit_created (created_at),
    ADD INDEX idx_file_audit_v7_status_created (v7_workflow_status, created_at);
--rollback ALTER TABLE file_audit DROP INDEX idx_file_audit_created, DROP INDEX idx_file_audit_v7_status_created;

--changeset cockpit:impacts-enum-migrations-approved-by
-- approved_by holds the token subject of the approving admin, up to 255 characters like every other user
-- column (VARCHAR(100) in the directive). The rollback fails while a longer value is stored.
ALTER TABLE v7_enum_migrations MODIFY COLUMN approved_by VARCHAR(255) NULL;
--rollback ALTER TABLE v7_enum_migrations MODIFY COLUMN approved_by VARCHAR(100) NULL;

--changeset cockpit:impacts-standards-category-naming
-- The issue asks for a standard of category naming, which the ENUM of the data model does not have.
ALTER TABLE metadata_standards MODIFY COLUMN category ENUM('temporal', 'nomenclature', 'versioning', 'naming') NOT NULL;
--rollback ALTER TABLE metadata_standards MODIFY COLUMN category ENUM('temporal', 'nomenclature', 'versioning') NOT NULL;

--changeset cockpit:impacts-seed-nm-001-v7-file-name
-- WF<n>_V7_L<n>_<name>_<k>of<n>.py. No backslash in either pattern (the dot is a class), so the stored text
-- does not depend on NO_BACKSLASH_ESCAPES. The field pattern names v7_target_name of the file audit.
INSERT INTO metadata_standards (id, standard_name, category, pattern_regex, field_pattern, validation_message,
                                enforcement_level)
VALUES (
    'nm-001-v7-file-name',
    'V7 File Name',
    'naming',
    '^WF[1-9][0-9]*_V7_L[0-9]+_[A-Za-z0-9]+(_[A-Za-z0-9]+)*_[1-9][0-9]*of[1-9][0-9]*[.]py$',
    '^v7_target_name$',
    'A V7 file name must follow WF<n>_V7_L<n>_<name>_<k>of<n>.py (e.g. WF1_V7_L2_user_service_1of3.py)',
    'warning'
);
--rollback DELETE FROM metadata_standards WHERE id = 'nm-001-v7-file-name';

--changeset cockpit:impacts-migration-dashboard-view-per-phase
-- The highest risk of the approved impacts of each phase (by rank, as before), instead of one figure over
-- all approved impacts. Tasks stay per phase; files and enum migrations have no phase and stay global.
CREATE OR REPLACE SQL SECURITY INVOKER VIEW v7_migration_dashboard AS
SELECT
    mw.phase_number,
    mw.phase_name,
    mw.status AS phase_status,
    mw.lead_persona,
    COALESCE(tasks.total_tasks, 0) AS total_tasks,
    COALESCE(tasks.completed_tasks, 0) AS completed_tasks,
    files.migrated_files,
    enums.enum_migrations,
    CASE risk.risk_rank
        WHEN 1 THEN 'low'
        WHEN 2 THEN 'medium'
        WHEN 3 THEN 'high'
        WHEN 4 THEN 'critical'
    END AS highest_risk
FROM v7_migration_workflow mw
LEFT JOIN (
    SELECT
        parent_phase,
        COUNT(*) AS total_tasks,
        COUNT(CASE WHEN status = 'completed' THEN 1 END) AS completed_tasks
    FROM v7_subworkflow_tasks
    GROUP BY parent_phase
) tasks ON tasks.parent_phase = mw.phase_number
LEFT JOIN (
    SELECT
        phase_number,
        MAX(CASE LOWER(risk_assessment)
                WHEN 'low' THEN 1
                WHEN 'medium' THEN 2
                WHEN 'high' THEN 3
                WHEN 'critical' THEN 4
            END) AS risk_rank
    FROM v7_global_impacts
    WHERE approval_status = 'approved' AND phase_number IS NOT NULL
    GROUP BY phase_number
) risk ON risk.phase_number = mw.phase_number
CROSS JOIN (
    SELECT COUNT(*) AS migrated_files
    FROM file_audit
    WHERE v7_workflow_status = 'completed'
) files
CROSS JOIN (
    SELECT COUNT(*) AS enum_migrations
    FROM v7_enum_migrations
    WHERE status <> 'proposed'
) enums
ORDER BY mw.phase_number;
--rollback CREATE OR REPLACE SQL SECURITY INVOKER VIEW v7_migration_dashboard AS
--rollback SELECT
--rollback     mw.phase_number,
--rollback     mw.phase_name,
--rollback     mw.status AS phase_status,
--rollback     mw.lead_persona,
--rollback     COALESCE(tasks.total_tasks, 0) AS total_tasks,
--rollback     COALESCE(tasks.completed_tasks, 0) AS completed_tasks,
--rollback     files.migrated_files,
--rollback     enums.enum_migrations,
--rollback     risk.highest_risk
--rollback FROM v7_migration_workflow mw
--rollback LEFT JOIN (
--rollback     SELECT
--rollback         parent_phase,
--rollback         COUNT(*) AS total_tasks,
--rollback         COUNT(CASE WHEN status = 'completed' THEN 1 END) AS completed_tasks
--rollback     FROM v7_subworkflow_tasks
--rollback     GROUP BY parent_phase
--rollback ) tasks ON tasks.parent_phase = mw.phase_number
--rollback CROSS JOIN (
--rollback     SELECT COUNT(*) AS migrated_files
--rollback     FROM file_audit
--rollback     WHERE v7_workflow_status = 'completed'
--rollback ) files
--rollback CROSS JOIN (
--rollback     SELECT COUNT(*) AS enum_migrations
--rollback     FROM v7_enum_migrations
--rollback     WHERE status <> 'proposed'
--rollback ) enums
--rollback CROSS JOIN (
--rollback     SELECT
--rollback         CASE MAX(CASE LOWER(risk_assessment)
--rollback                      WHEN 'low' THEN 1
--rollback                      WHEN 'medium' THEN 2
--rollback                      WHEN 'high' THEN 3
--rollback                      WHEN 'critical' THEN 4
--rollback                  END)
--rollback             WHEN 1 THEN 'low'
--rollback             WHEN 2 THEN 'medium'
--rollback             WHEN 3 THEN 'high'
--rollback             WHEN 4 THEN 'critical'
--rollback         END AS highest_risk
--rollback     FROM v7_global_impacts
--rollback     WHERE approval_status = 'approved'
--rollback ) risk
--rollback ORDER BY mw.phase_number;
