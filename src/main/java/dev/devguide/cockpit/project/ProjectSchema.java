package dev.devguide.cockpit.project;

import static dev.devguide.cockpit.graphql.Sdl.arg;
import static dev.devguide.cockpit.graphql.Sdl.field;
import static dev.devguide.cockpit.graphql.Sdl.ref;
import static dev.devguide.cockpit.graphql.Sdl.required;
import static graphql.Scalars.GraphQLID;

import dev.devguide.cockpit.graphql.Connections;
import dev.devguide.cockpit.graphql.Input;
import dev.devguide.cockpit.graphql.SchemaContribution;
import dev.devguide.cockpit.graphql.SchemaParts;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * The hierarchy in GraphQL: its types and relations, the {@code projects} and
 * {@code project} queries.
 */
@Component
class ProjectSchema implements SchemaContribution {

	private final ProjectService projects;

	ProjectSchema(ProjectService projects) {
		this.projects = projects;
	}

	@Override
	public void contribute(SchemaParts schema) {
		ProjectTypes.objects().forEach(schema::type);
		ProjectTypes.inputs().forEach(schema::type);
		Connections.define(schema, "Project", "A page of projects, oldest first (then by id).");
		List<graphql.schema.GraphQLArgument> listArguments = new ArrayList<>(Connections.pagingArguments());
		listArguments.add(arg("filter", ref("ProjectFilter"), "Only projects matching all of these conditions."));
		schema.query(
				field("projects", required(ref("ProjectConnection")),
						"The projects the caller may see (admins: all), as a connection.", listArguments),
				env -> projects.page(new Input(env.getArgument("filter"), "filter"), Connections.first(env),
						env.getArgument("after")));
		schema.query(
				field("project", required(ref("Project")), "One project by id.",
						arg("id", required(GraphQLID), "The project's id.")),
				env -> projects.get(env.getArgument("id")));
		relations(schema);
	}

	private static void relations(SchemaParts schema) {
		schema.fetcher("Project", "profiles", load(ProjectLoaders.PROJECT_PROFILES, Project::id));
		schema.fetcher("Profile", "project", load(ProjectLoaders.PROJECT, Profile::projectId));
		schema.fetcher("Profile", "dashboards", load(ProjectLoaders.PROFILE_DASHBOARDS, Profile::id));
		schema.fetcher("Profile", "activeDashboard", load(ProjectLoaders.DASHBOARD, Profile::activeDashboardId));
		schema.fetcher("Dashboard", "profile", load(ProjectLoaders.PROFILE, Dashboard::profileId));
		schema.fetcher("Dashboard", "modules", load(ProjectLoaders.DASHBOARD_MODULES, Dashboard::id));
		schema.fetcher("Dashboard", "template", load(ProjectLoaders.TEMPLATE, Dashboard::templateId));
		schema.fetcher("Module", "dashboard", load(ProjectLoaders.DASHBOARD, Module::dashboardId));
		schema.fetcher("Module", "capabilities", load(ProjectLoaders.MODULE_CAPABILITIES, Module::id));
		schema.fetcher("Capability", "module", load(ProjectLoaders.MODULE, Capability::moduleId));
	}

	/**
	 * A fetcher that loads a relation of the source row through the named DataLoader
	 * (null key: null).
	 */
	static <S, V> DataFetcher<CompletableFuture<V>> load(String loader, Function<S, String> key) {
		return (DataFetchingEnvironment env) -> {
			String id = key.apply(env.getSource());
			if (id == null) {
				return CompletableFuture.completedFuture(null);
			}
			return env.<String, V>getDataLoader(loader).load(id);
		};
	}

}
