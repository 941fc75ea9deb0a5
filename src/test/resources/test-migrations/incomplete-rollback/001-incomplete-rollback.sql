--liquibase formatted sql

--changeset test:probe-tables
CREATE TABLE probe_kept (id VARCHAR(36) NOT NULL, PRIMARY KEY (id)) ENGINE=InnoDB;
CREATE TABLE probe_left (id VARCHAR(36) NOT NULL, PRIMARY KEY (id)) ENGINE=InnoDB;
-- The rollback forgets probe_left.
--rollback DROP TABLE probe_kept;
