package dev.devguide.cockpit.support;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * Builds test data through the API: projects with profiles, dashboards and modules, and
 * changes in the Bin. Every name is unique, so tests sharing the database do not meet.
 */
public final class Fixtures {

	/** A project with one profile and dashboards holding modules of the given types. */
	public record Hierarchy(String projectId, String profileId, List<String> dashboardIds,
			List<List<String>> moduleIds) {
	}

	private Fixtures() {
	}

	public static String project(HttpGraphQlTester user) {
		return user.document("mutation($name: String!) { createProject(input: {name: $name}) { id } }")
			.variable("name", "project " + UUID.randomUUID())
			.execute()
			.path("createProject.id")
			.entity(String.class)
			.get();
	}

	/**
	 * A project whose dashboards hold modules of the given types, e.g.
	 * {@code [["checklist"], ["decision_log"]]}.
	 */
	public static Hierarchy hierarchy(HttpGraphQlTester user, List<List<String>> moduleTypes) {
		String project = project(user);
		String profile = user
			.document("mutation($p: ID!) { createProfile(projectId: $p, input: {name: \"main\"}) { id } }")
			.variable("p", project)
			.execute()
			.path("createProfile.id")
			.entity(String.class)
			.get();
		List<String> dashboards = new java.util.ArrayList<>();
		List<List<String>> modules = new java.util.ArrayList<>();
		for (List<String> types : moduleTypes) {
			String dashboard = user
				.document(
						"mutation($p: ID!) { createDashboard(profileId: $p, input: {name: \"d\", layout: {}}) { id } }")
				.variable("p", profile)
				.execute()
				.path("createDashboard.id")
				.entity(String.class)
				.get();
			dashboards.add(dashboard);
			modules.add(types.stream().map(type -> module(user, dashboard, type)).toList());
		}
		return new Hierarchy(project, profile, dashboards, modules);
	}

	private static String module(HttpGraphQlTester user, String dashboard, String type) {
		return user.document("""
				mutation($d: ID!, $t: String!) {
				  createModule(dashboardId: $d, input: {moduleType: $t, name: "m", configuration: {}}) { id }
				}""")
			.variable("d", dashboard)
			.variable("t", type)
			.execute()
			.path("createModule.id")
			.entity(String.class)
			.get();
	}

	/** Submits a change and returns its id. */
	public static String submit(HttpGraphQlTester user, String projectId, String moduleId, Map<String, ?> payload) {
		return submitting(user, projectId, moduleId, payload).path("submitChange.id").entity(String.class).get();
	}

	public static GraphQlTester.Response submitting(HttpGraphQlTester user, String projectId, String moduleId,
			Object payload) {
		return user.document("""
				mutation($p: ID!, $m: ID, $payload: JSON!) {
				  submitChange(projectId: $p, changeType: "config_update", sourceModuleId: $m, payload: $payload) {
				    id status
				  }
				}""").variable("p", projectId).variable("m", moduleId).variable("payload", payload).execute();
	}

	/** Runs validateChange or propagateChange and returns the response. */
	public static GraphQlTester.Response transition(HttpGraphQlTester user, String mutation, String changeId) {
		return user
			.document("mutation($id: ID!) { " + mutation + "(id: $id) { id status validatedAt propagatedAt "
					+ "validationResults impactAnalysis } }")
			.variable("id", changeId)
			.execute();
	}

	/**
	 * Runs validateChange or propagateChange, expects success and returns the new status.
	 */
	public static String move(HttpGraphQlTester user, String mutation, String changeId) {
		return transition(user, mutation, changeId).path(mutation + ".status").entity(String.class).get();
	}

}
