package dev.devguide.cockpit.bin;

import org.springframework.graphql.test.tester.HttpGraphQlTester;

/** Creates and deactivates metadata standards as an admin, for the Bin's tests. */
final class StandardsClient {

	private StandardsClient() {
	}

	static String create(HttpGraphQlTester admin, String name, String fieldPattern, String pattern, String level) {
		return admin.document("""
				mutation($name: String!, $fields: String, $pattern: String!, $level: EnforcementLevel) {
				  createMetadataStandard(input: {standardName: $name, category: NOMENCLATURE, patternRegex: $pattern,
				                                 fieldPattern: $fields, enforcementLevel: $level}) { id }
				}""")
			.variable("name", name)
			.variable("fields", fieldPattern)
			.variable("pattern", pattern)
			.variable("level", level)
			.execute()
			.path("createMetadataStandard.id")
			.entity(String.class)
			.get();
	}

	static void deactivate(HttpGraphQlTester admin, String id) {
		admin.document("mutation($id: ID!) { deactivateMetadataStandard(id: $id) { active } }")
			.variable("id", id)
			.execute()
			.path("deactivateMetadataStandard.active")
			.entity(Boolean.class)
			.isEqualTo(false);
	}

}
