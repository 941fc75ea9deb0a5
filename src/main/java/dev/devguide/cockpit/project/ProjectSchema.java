package dev.devguide.cockpit.project;

import static dev.devguide.cockpit.graphql.Sdl.field;
import static dev.devguide.cockpit.graphql.Sdl.ref;
import static dev.devguide.cockpit.graphql.Sdl.required;
import static graphql.schema.GraphQLList.list;

import dev.devguide.cockpit.audit.AuditLoaders;
import dev.devguide.cockpit.graphql.Connections;
import dev.devguide.cockpit.graphql.FieldSpec;
import dev.devguide.cockpit.graphql.Input;
import dev.devguide.cockpit.graphql.SchemaContribution;
import dev.devguide.cockpit.graphql.SchemaParts;
import dev.devguide.cockpit.graphql.Selection;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The hierarchy in GraphQL: its types and the relations between them (each through a
 * {@link ProjectLoaders} loader), and the {@code projects} and {@code project} queries.
 */
@Component
class ProjectSchema implements SchemaContribution {

	private static final FieldSpec<String> PROJECT_ID = FieldSpec.id("id", "The project's id.").nonNull();

	private final ProjectService projects;

	ProjectSchema(ProjectService projects) {
		this.projects = projects;
	}

	@Override
	public void contribute(SchemaParts schema) {
		schema.object(ProjectTypes.project(), Project.class)
			.object(ProjectTypes.profile(), Profile.class)
			.object(ProjectTypes.dashboard(), Dashboard.class)
			.object(ProjectTypes.module(), Module.class)
			.object(ProjectTypes.capability(), Capability.class);
		ProjectInputs.types().forEach(schema::type);
		Connections.define(schema, "Project", "A page of projects, oldest first (then by id).");
		schema.query(field("projects", required(ref("ProjectConnection")),
				"The projects the caller may see (admins: all), as a connection.",
				Connections.arguments(List.of(ProjectInputs.FILTER))), env -> {
					Input arguments = Input.arguments(env);
					return projects.page(arguments.object(ProjectInputs.FILTER), Connections.first(arguments),
							Connections.after(arguments), Selection.ofNodes(env));
				});
		schema.query(field("project", required(ref("Project")), "One project by id.", PROJECT_ID.argument()),
				env -> projects.get(Input.arguments(env).required(PROJECT_ID)));
		relations(schema);
	}

	private static void relations(SchemaParts schema) {
		schema
			.relation("Project", "profiles", required(list(required(ref("Profile")))),
					"The project's profiles, oldest first.", ProjectLoaders.PROJECT_PROFILES, Project::id)
			.relation("Profile", "project", required(ref("Project")), "The project this profile belongs to.",
					ProjectLoaders.PROJECT, Profile::projectId)
			.relation("Profile", "dashboards", required(list(required(ref("Dashboard")))),
					"The profile's dashboards, by position.", ProjectLoaders.PROFILE_DASHBOARDS, Profile::id)
			.relation("Profile", "activeDashboard", ref("Dashboard"),
					"The single active screen of this profile, if one is set.", ProjectLoaders.DASHBOARD,
					Profile::activeDashboardId)
			.relation("Dashboard", "profile", required(ref("Profile")), "The profile this dashboard belongs to.",
					ProjectLoaders.PROFILE, Dashboard::profileId)
			.relation("Dashboard", "modules", required(list(required(ref("Module")))),
					"The dashboard's modules, by position.", ProjectLoaders.DASHBOARD_MODULES, Dashboard::id)
			.relation("Module", "dashboard", required(ref("Dashboard")), "The dashboard this module belongs to.",
					ProjectLoaders.DASHBOARD, Module::dashboardId)
			.relation("Module", "capabilities", required(list(required(ref("Capability")))),
					"The capabilities granted to or revoked from this module, by type.",
					ProjectLoaders.MODULE_CAPABILITIES, Module::id)
			.relation("Capability", "module", required(ref("Module")), "The module holding the capability.",
					ProjectLoaders.MODULE, Capability::moduleId)
			.pagedRelation("Dashboard", "versions", "Version",
					"The dashboard's versions (one per change), newest first; restoreDashboardVersion makes one "
							+ "current.",
					List.of(), AuditLoaders.DASHBOARD_VERSIONS,
					(Dashboard dashboard, Input arguments) -> AuditLoaders.VersionPage.of(dashboard.id(), arguments))
			.pagedRelation("Module", "versions", "Version",
					"The module's versions (one per change), newest first; restoreModuleVersion makes one current.",
					List.of(), AuditLoaders.MODULE_VERSIONS,
					(Module module, Input arguments) -> AuditLoaders.VersionPage.of(module.id(), arguments));
	}

}
