--liquibase formatted sql

-- Only TiDB (7.5 or later) understands the changes in this file. Each has context:tidb, and the
-- application passes the context tidb only when SELECT VERSION() contains TiDB. Each is also guarded by
-- a check that VERSION() contains TiDB, so that a run without any context (Liquibase then runs all
-- changes, whatever their context) skips them on MariaDB and MySQL instead of failing.
-- onFail:CONTINUE, not MARK_RAN: a skipped changeset is not recorded and is tried again on the next update,
-- and Liquibase 4.33 runs the rollback of a MARK_RAN changeset, which here would be TiDB-only SQL that
-- MariaDB and MySQL reject (checked, see README.md).
-- The TiFlash changesets have the context tiflash instead, which the application passes only when the TiDB
-- cluster has a TiFlash store: without one they are neither run nor pending, so the server still starts;
-- once TiFlash joins, they show as pending and the next apply runs them.

--changeset cockpit:tidb-token-usage-primary-key context:tidb
--preconditions onFail:CONTINUE onError:HALT
--precondition-sql-check expectedResult:1 SELECT VERSION() LIKE '%TiDB%'
-- Every unique key of a partitioned table, the primary key included, must contain the partitioning column.
-- 007-ai-cortex.sql created this key NONCLUSTERED on TiDB, which is what lets TiDB drop and re-add it.
ALTER TABLE token_usage DROP PRIMARY KEY;
ALTER TABLE token_usage ADD PRIMARY KEY (id, `timestamp`) NONCLUSTERED;
--rollback ALTER TABLE token_usage DROP PRIMARY KEY;
--rollback ALTER TABLE token_usage ADD PRIMARY KEY (id) NONCLUSTERED;

--changeset cockpit:tidb-token-usage-partitioning context:tidb
--preconditions onFail:CONTINUE onError:HALT
--precondition-sql-check expectedResult:1 SELECT VERSION() LIKE '%TiDB%'
-- The spec partitions by RANGE (TO_DAYS(timestamp)). A TIMESTAMP column may be partitioned only through
-- UNIX_TIMESTAMP(), because TO_DAYS of a TIMESTAMP depends on the session time zone. The bounds are UTC
-- epoch seconds written as integers (first second of the next month, UTC), so they do not depend on the
-- time zone of the session that runs this changeset either. New months fall into p_future until it is
-- split with ALTER TABLE token_usage REORGANIZE PARTITION p_future INTO (...), see README.md.
ALTER TABLE token_usage
PARTITION BY RANGE (UNIX_TIMESTAMP(`timestamp`)) (
    PARTITION p202601 VALUES LESS THAN (1769904000),
    PARTITION p202602 VALUES LESS THAN (1772323200),
    PARTITION p202603 VALUES LESS THAN (1775001600),
    PARTITION p202604 VALUES LESS THAN (1777593600),
    PARTITION p202605 VALUES LESS THAN (1780272000),
    PARTITION p202606 VALUES LESS THAN (1782864000),
    PARTITION p202607 VALUES LESS THAN (1785542400),
    PARTITION p202608 VALUES LESS THAN (1788220800),
    PARTITION p202609 VALUES LESS THAN (1790812800),
    PARTITION p202610 VALUES LESS THAN (1793491200),
    PARTITION p202611 VALUES LESS THAN (1796083200),
    PARTITION p202612 VALUES LESS THAN (1798761600),
    PARTITION p202701 VALUES LESS THAN (1801440000),
    PARTITION p202702 VALUES LESS THAN (1803859200),
    PARTITION p202703 VALUES LESS THAN (1806537600),
    PARTITION p202704 VALUES LESS THAN (1809129600),
    PARTITION p202705 VALUES LESS THAN (1811808000),
    PARTITION p202706 VALUES LESS THAN (1814400000),
    PARTITION p202707 VALUES LESS THAN (1817078400),
    PARTITION p202708 VALUES LESS THAN (1819756800),
    PARTITION p202709 VALUES LESS THAN (1822348800),
    PARTITION p202710 VALUES LESS THAN (1825027200),
    PARTITION p202711 VALUES LESS THAN (1827619200),
    PARTITION p202712 VALUES LESS THAN (1830297600),
    PARTITION p_future VALUES LESS THAN (MAXVALUE)
);
--rollback ALTER TABLE token_usage REMOVE PARTITIONING;

--changeset cockpit:tidb-token-usage-tiflash context:tiflash
--preconditions onFail:CONTINUE onError:HALT
--precondition-sql-check expectedResult:1 SELECT VERSION() LIKE '%TiDB%'
--precondition-sql-check expectedResult:1 SELECT COUNT(*) > 0 FROM information_schema.CLUSTER_INFO WHERE TYPE = 'tiflash'
ALTER TABLE token_usage SET TIFLASH REPLICA 1;
--rollback ALTER TABLE token_usage SET TIFLASH REPLICA 0;

--changeset cockpit:tidb-audit-logs-tiflash context:tiflash
--preconditions onFail:CONTINUE onError:HALT
--precondition-sql-check expectedResult:1 SELECT VERSION() LIKE '%TiDB%'
--precondition-sql-check expectedResult:1 SELECT COUNT(*) > 0 FROM information_schema.CLUSTER_INFO WHERE TYPE = 'tiflash'
ALTER TABLE audit_logs SET TIFLASH REPLICA 1;
--rollback ALTER TABLE audit_logs SET TIFLASH REPLICA 0;

--changeset cockpit:tidb-metadata-violations-tiflash context:tiflash
--preconditions onFail:CONTINUE onError:HALT
--precondition-sql-check expectedResult:1 SELECT VERSION() LIKE '%TiDB%'
--precondition-sql-check expectedResult:1 SELECT COUNT(*) > 0 FROM information_schema.CLUSTER_INFO WHERE TYPE = 'tiflash'
ALTER TABLE metadata_violations SET TIFLASH REPLICA 1;
--rollback ALTER TABLE metadata_violations SET TIFLASH REPLICA 0;
