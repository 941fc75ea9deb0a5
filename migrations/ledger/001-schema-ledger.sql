--liquibase formatted sql

-- The approvals and rollback checks of schema changes. One row per changeset and approval (or check).
-- The checksum is Liquibase's (ChangeSet.generateCheckSum), the value DATABASECHANGELOG.MD5SUM gets when
-- the changeset is applied: an apply runs a changeset only if a row here has its current checksum.

--changeset cockpit:ledger-schema-approvals
CREATE TABLE schema_approvals (
    id VARCHAR(36) NOT NULL,
    changeset_file VARCHAR(255) NOT NULL COMMENT 'DATABASECHANGELOG.FILENAME of the approved changeset',
    changeset_id VARCHAR(255) NOT NULL,
    changeset_author VARCHAR(255) NOT NULL,
    checksum VARCHAR(64) NOT NULL COMMENT 'Liquibase checksum of the changeset when it was approved',
    approved_by VARCHAR(255) NOT NULL,
    note TEXT NOT NULL,
    approved_at TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    PRIMARY KEY (id),
    INDEX idx_schema_approvals_changeset (changeset_id, changeset_author, approved_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
--rollback DROP TABLE schema_approvals;

--changeset cockpit:ledger-schema-rollback-checks
CREATE TABLE schema_rollback_checks (
    id VARCHAR(36) NOT NULL,
    changeset_file VARCHAR(255) NOT NULL COMMENT 'DATABASECHANGELOG.FILENAME of the verified changeset',
    changeset_id VARCHAR(255) NOT NULL,
    changeset_author VARCHAR(255) NOT NULL,
    checksum VARCHAR(64) NOT NULL COMMENT 'Liquibase checksum of the changeset whose rollback was verified',
    verified_by VARCHAR(255) NOT NULL,
    verified_at TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    PRIMARY KEY (id),
    INDEX idx_schema_rollback_checks_changeset (changeset_id, changeset_author, verified_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
--rollback DROP TABLE schema_rollback_checks;
