package dev.devguide.cockpit.governance;

import dev.devguide.cockpit.project.ProjectScope;
import dev.devguide.cockpit.security.CallerContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * The compliance dashboard over the violations the caller may read (admins: every
 * violation, those of no project included), and a page of projects' own dashboards.
 */
@Service
public class ComplianceService {

	static final int MAX_PROJECTS = 200;

	private final ComplianceRepository compliance;

	ComplianceService(ComplianceRepository compliance) {
		this.compliance = compliance;
	}

	Mono<ComplianceReport> report(@Nullable List<String> projectIds, @Nullable List<String> categories) {
		return CallerContext.current()
			.flatMap(caller -> compliance.report(ProjectScope.of(caller, projectIds), categories).collectList())
			.map(ComplianceReport::new);
	}

	/** Each project's report, in one statement. */
	Mono<Map<String, ComplianceReport>> reports(List<String> projectIds, @Nullable List<String> categories) {
		return compliance.reports(projectIds, categories).collectList().map(rows -> {
			Map<String, List<StandardCompliance>> byProject = rows.stream()
				.collect(Collectors.groupingBy(Map.Entry::getKey,
						Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
			Map<String, ComplianceReport> reports = new HashMap<>();
			projectIds.forEach(id -> reports.put(id, new ComplianceReport(byProject.getOrDefault(id, List.of()))));
			return reports;
		});
	}

}
