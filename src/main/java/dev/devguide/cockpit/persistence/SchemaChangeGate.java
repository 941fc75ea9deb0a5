package dev.devguide.cockpit.persistence;

import java.util.ArrayList;
import java.util.List;

/**
 * The rule of an apply on an external database: every pending changeset has an approval
 * and a passed rollback check recorded at its current checksum. A changeset approved (or
 * verified) and changed since is refused like one never approved; the refusal names the
 * checksums.
 */
final class SchemaChangeGate {

	private SchemaChangeGate() {
	}

	/**
	 * Why {@code pending} may not be applied: one line per refused changeset, none if it
	 * may.
	 */
	static List<String> refusals(List<PendingChangeSet> pending, List<SchemaApproval> approvals,
			List<RollbackCheck> checks) {
		List<String> refusals = new ArrayList<>();
		for (PendingChangeSet changeSet : pending) {
			List<String> approved = approvals.stream()
				.filter(approval -> approval.ref().equals(changeSet.ref()))
				.map(SchemaApproval::checksum)
				.toList();
			List<String> verified = checks.stream()
				.filter(check -> check.ref().equals(changeSet.ref()))
				.map(RollbackCheck::checksum)
				.toList();
			List<String> reasons = new ArrayList<>();
			reasons.addAll(reason(changeSet, approved, "not approved (migrate approve)", "approved"));
			reasons.addAll(reason(changeSet, verified, "rollback not verified (migrate verify-rollback)",
					"its rollback was verified"));
			if (!reasons.isEmpty()) {
				refusals.add(changeSet.ref() + ": " + String.join("; ", reasons));
			}
		}
		return refusals;
	}

	private static List<String> reason(PendingChangeSet changeSet, List<String> recorded, String missing, String what) {
		if (recorded.contains(changeSet.checksum())) {
			return List.of();
		}
		if (recorded.isEmpty()) {
			return List.of(missing);
		}
		return List.of("changed since " + what + " (checksum " + recorded.get(recorded.size() - 1) + ", now "
				+ changeSet.checksum() + ")");
	}

}
