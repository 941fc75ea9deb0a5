package dev.devguide.cockpit.configuration;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits one batch of guardrail rows into each project's list: its own plus every system
 * guardrail.
 */
final class ProjectGuardrails {

	private ProjectGuardrails() {
	}

	static Map<String, List<Guardrail>> distribute(Collection<String> projectIds, List<Guardrail> rows) {
		Map<String, List<Guardrail>> result = new HashMap<>();
		projectIds.forEach(id -> result.put(id, new ArrayList<>()));
		for (Guardrail row : rows) {
			if (row.projectId() == null) {
				result.values().forEach(list -> list.add(row));
			}
			else if (result.containsKey(row.projectId())) {
				result.get(row.projectId()).add(row);
			}
		}
		return result;
	}

}
