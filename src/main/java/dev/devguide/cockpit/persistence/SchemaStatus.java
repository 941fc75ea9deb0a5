package dev.devguide.cockpit.persistence;

import java.util.List;

/**
 * The schema's changelog against one database: what is applied (with the tags), what is
 * pending with the SQL an apply would run, and the approvals and rollback checks of the
 * ledger. {@code refusals} says why an apply would be refused now (empty when it would
 * run, and always on the embedded database, where approval is implicit).
 */
public record SchemaStatus(boolean approvalRequired, List<AppliedChangeSet> applied, List<Pending> pending,
		String pendingSql, List<SchemaApproval> approvals, List<RollbackCheck> rollbackChecks, List<String> refusals) {

	/** The applied changesets that carry a tag, in order. */
	public List<AppliedChangeSet> tags() {
		return applied.stream().filter(changeSet -> changeSet.tag() != null).toList();
	}

	/** A pending changeset with the part of the preview that is its own. */
	public record Pending(PendingChangeSet changeSet, String sql) {

	}

}
