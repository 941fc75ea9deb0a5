package dev.devguide.cockpit.extension;

import static dev.devguide.cockpit.extension.ExtensionDashboardInputs.CHANGELOG;
import static dev.devguide.cockpit.extension.ExtensionDashboardInputs.CONFIG;
import static dev.devguide.cockpit.extension.ExtensionDashboardInputs.ID;
import static dev.devguide.cockpit.extension.ExtensionDashboardInputs.ROLLBACK_VERSION;
import static dev.devguide.cockpit.extension.ExtensionDashboardInputs.VERSION;
import static dev.devguide.cockpit.extension.ExtensionDashboardInputs.VERSIONED_ID;
import static dev.devguide.cockpit.graphql.Sdl.field;
import static dev.devguide.cockpit.graphql.Sdl.ref;
import static dev.devguide.cockpit.graphql.Sdl.required;

import dev.devguide.cockpit.graphql.Connections;
import dev.devguide.cockpit.graphql.Input;
import dev.devguide.cockpit.graphql.SchemaContribution;
import dev.devguide.cockpit.graphql.SchemaParts;
import java.util.List;
import java.util.Objects;
import org.springframework.stereotype.Component;

/**
 * Extension dashboard versions in GraphQL: the {@code ExtensionVersion} type with its
 * JSON Patch from the previous version, {@code ExtensionDashboard.versions} and
 * {@code currentVersion} through {@link ExtensionDashboardLoaders}, and the publish and
 * rollback mutations.
 */
@Component
class ExtensionVersionSchema implements SchemaContribution {

	private final ExtensionVersionService versions;

	private final ExtensionVersionDiff diff;

	ExtensionVersionSchema(ExtensionVersionService versions, ExtensionVersionDiff diff) {
		this.versions = versions;
		this.diff = diff;
	}

	@Override
	public void contribute(SchemaParts schema) {
		schema.object(ExtensionDashboardTypes.version(), ExtensionVersion.class);
		Connections.define(schema, "ExtensionVersion", "A page of an extension dashboard's versions, newest first.");
		schema.fetcher("ExtensionVersion", "diffFromPrevious", env -> {
			ExtensionVersion version = Objects.requireNonNull(env.<ExtensionVersion>getSource());
			Object previous = version.previousConfig();
			return previous == null ? null : diff.between(previous, version.config());
		});
		schema
			.pagedRelation("ExtensionDashboard", "versions", "ExtensionVersion",
					"Every version, newest first (the first is the current one).", List.of(),
					ExtensionDashboardLoaders.VERSIONS,
					(ExtensionDashboard dashboard, Input arguments) -> ExtensionDashboardLoaders.VersionPage
						.of(dashboard.id(), arguments))
			.relation("ExtensionDashboard", "currentVersion", ref("ExtensionVersion"),
					"The newest version, whose config is the dashboard's config (null only for a row written past "
							+ "the API without versions).",
					ExtensionDashboardLoaders.CURRENT_VERSION, ExtensionDashboard::id);
		schema.mutation(field("publishExtensionVersion", required(ref("ExtensionDashboard")),
				"Publishes a new version of an extension dashboard (its author or an admin); its config becomes the "
						+ "current one. A version that is not SemVer, or not greater than every existing one (also "
						+ "when a concurrent publish took it first), is a BAD_REQUEST naming version; a config that "
						+ "does not fit the JSON Schema one naming its JSON path (config.modules[0].type). Nothing is "
						+ "written then.",
				VERSIONED_ID.argument(), VERSION.argument(), CONFIG.argument(), CHANGELOG.argument()), env -> {
					Input arguments = Input.arguments(env);
					return versions.publish(arguments.required(VERSIONED_ID), arguments);
				});
		schema.mutation(field("rollbackExtensionDashboard", required(ref("ExtensionDashboard")),
				"Makes an earlier version's config current again (its author or an admin), as a new version: the "
						+ "greatest version with its patch number raised (1.2.0 -> 1.2.1; prerelease and build "
						+ "dropped), whose changelog names the version restored. History is never rewritten. A "
						+ "version the dashboard does not have is a BAD_REQUEST naming version.",
				ID.argument(), ROLLBACK_VERSION.argument()), env -> {
					Input arguments = Input.arguments(env);
					return versions.rollback(arguments.required(ID), arguments);
				});
	}

}
