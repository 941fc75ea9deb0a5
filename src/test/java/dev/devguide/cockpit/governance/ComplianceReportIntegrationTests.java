package dev.devguide.cockpit.governance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.devguide.cockpit.support.Fixtures;
import dev.devguide.cockpit.support.GeneralLog;
import dev.devguide.cockpit.support.IntegrationTest;
import dev.devguide.cockpit.support.TestUsers;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * The compliance dashboard: per active standard and overall, lowest rate first, 100 for a
 * standard without violations, scoped to the caller's projects, one statement for the
 * report and one for a page of projects' reports. Violations are planted with SQL (their
 * counts per status are the point, not how the Bin found them).
 */
@IntegrationTest
@SuppressWarnings("unchecked")
class ComplianceReportIntegrationTests {

	// language=GraphQL
	private static final String REPORT = """
			query($projects: [ID!]) {
			  complianceReport(projectIds: $projects, categories: [VERSIONING]) {
			    violations open complianceRate
			    standards { standardId standardName category violations open resolved suppressed complianceRate
			                standard { id } }
			  }
			}""";

	@Autowired
	DatabaseClient db;

	@Autowired
	TestUsers users;

	HttpGraphQlTester owner;

	String project;

	String other;

	String strict;

	String loose;

	String clean;

	@BeforeEach
	void setUp() {
		HttpGraphQlTester admin = users.admin("compliance-admin-" + UUID.randomUUID());
		strict = standard(admin, "strict");
		loose = standard(admin, "loose");
		clean = standard(admin, "clean");
		owner = users.user("compliance-" + UUID.randomUUID());
		Fixtures fixtures = new Fixtures(owner);
		project = fixtures.project();
		other = fixtures.project();
		String stranger = new Fixtures(users.user("compliance-stranger-" + UUID.randomUUID())).project();
		plant(project, strict, "open", "open", "open", "resolved");
		plant(other, strict, "suppressed");
		plant(project, loose, "resolved", "resolved", "open");
		plant(stranger, loose, "open", "open", "open", "open");
	}

	@Test
	void ratesEachStandardLowestFirstAndScoresTheWhole() {
		Map<String, Object> report = owner.document(REPORT).execute().path("complianceReport").entity(Map.class).get();
		List<Map<String, Object>> mine = ((List<Map<String, Object>>) report.get("standards")).stream()
			.filter(entry -> List.of(strict, loose, clean).contains(entry.get("standardId")))
			.toList();
		assertThat(mine)
			.extracting(entry -> entry.get("standardId") + " " + entry.get("violations") + " " + entry.get("open") + " "
					+ entry.get("resolved") + " " + entry.get("suppressed") + " " + entry.get("complianceRate"))
			.containsExactly(strict + " 5 3 1 1 40.0", loose + " 3 1 2 0 66.67", clean + " 0 0 0 0 100.0");
		assertThat(mine.get(0)).containsEntry("category", "VERSIONING");
		assertThat((Map<String, Object>) mine.get(0).get("standard")).containsEntry("id", strict);
		assertThat(report).containsEntry("violations", 8)
			.containsEntry("open", 4)
			.containsEntry("complianceRate", 50.0);

		Map<String, Object> one = owner.document(REPORT)
			.variable("projects", List.of(other))
			.execute()
			.path("complianceReport")
			.entity(Map.class)
			.get();
		assertThat(one).containsEntry("violations", 1).containsEntry("open", 0).containsEntry("complianceRate", 100.0);
	}

	@Test
	void theReportAndAPageOfProjectsReportsAreOneStatementEach() {
		assertThat(GeneralLog.statementsWhile(db, "SELECT%",
				() -> owner.document("{ complianceReport { complianceRate standards { standardId open } } }")
					.execute()
					.path("complianceReport.complianceRate")
					.hasValue()))
			.hasSize(1);
		List<String> statements = GeneralLog.statementsWhile(db, "SELECT%metadata_standards%",
				() -> owner.document("""
						{ projects(first: 10) { edges { node { id compliance(categories: [VERSIONING]) {
						    violations standards { standardId open } } } } } }""")
					.execute()
					.path("projects.edges[*].node.compliance.violations")
					.entityList(Integer.class)
					.satisfies(counts -> assertThat(counts).containsExactlyInAnyOrder(7, 1)));
		assertThat(statements).hasSize(1);
	}

	private void plant(String projectId, String standardId, String... statuses) {
		for (String status : statuses) {
			db.sql("""
					INSERT INTO metadata_violations (id, standard_id, resource_type, resource_id, status, project_id)
					VALUES (:id, :standard, 'sync_change', :resource, :status, :project)""")
				.bind("id", UUID.randomUUID().toString())
				.bind("standard", standardId)
				.bind("resource", UUID.randomUUID().toString())
				.bind("status", status)
				.bind("project", projectId)
				.then()
				.block();
		}
	}

	private static String standard(HttpGraphQlTester admin, String name) {
		String unique = name + "-" + UUID.randomUUID();
		return admin.document("""
				mutation($input: MetadataStandardInput!) { createMetadataStandard(input: $input) { id } }""")
			.variable("input",
					Map.of("standardName", unique, "category", "VERSIONING", "patternRegex", "^x$", "fieldPattern",
							"^never-" + unique + "$"))
			.execute()
			.path("createMetadataStandard.id")
			.entity(String.class)
			.get();
	}

}
