--liquibase formatted sql

-- The event outbox behind GraphQL subscriptions (not in the data model spec; see README.md, "Additions").
-- Every event is written in the same transaction as the change it describes. Its key is the project and a
-- per-project sequence number that the writer takes from event_sequences while it holds the project's row
-- lock, so within a project the numbers have no gaps and follow commit order on every server, TiDB included
-- (where AUTO_INCREMENT values are not allocated in commit order). No foreign key to projects: events are
-- a log, kept for the retention period even after their project is deleted.

--changeset cockpit:events-outbox
CREATE TABLE event_outbox (
    project_id VARCHAR(36) NOT NULL,
    project_sequence BIGINT NOT NULL,
    event_type VARCHAR(50) NOT NULL,
    payload JSON NOT NULL,
    created_at TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    PRIMARY KEY (project_id, project_sequence),
    INDEX idx_created (created_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
--rollback DROP TABLE event_outbox;

--changeset cockpit:events-sequences
CREATE TABLE event_sequences (
    project_id VARCHAR(36) NOT NULL,
    last_sequence BIGINT NOT NULL,
    PRIMARY KEY (project_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
--rollback DROP TABLE event_sequences;
