package dev.devguide.cockpit.project;

import dev.devguide.cockpit.graphql.LoaderContribution;
import dev.devguide.cockpit.graphql.LoaderKey;
import dev.devguide.cockpit.graphql.Loaders;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The hierarchy's DataLoaders: rows by id and each parent's children, every batch of keys
 * with one statement ({@code WHERE id IN (...)}, {@code WHERE parent_id IN (...)}). The
 * keys are public: other domains' relations to the hierarchy load through them.
 */
@Component
public class ProjectLoaders implements LoaderContribution {

	public static final LoaderKey<String, Project> PROJECT = LoaderKey.named("project.byId");

	public static final LoaderKey<String, Profile> PROFILE = LoaderKey.named("profile.byId");

	public static final LoaderKey<String, Dashboard> DASHBOARD = LoaderKey.named("dashboard.byId");

	public static final LoaderKey<String, Module> MODULE = LoaderKey.named("module.byId");

	public static final LoaderKey<String, List<Profile>> PROJECT_PROFILES = LoaderKey.named("project.profiles");

	public static final LoaderKey<String, List<Dashboard>> PROFILE_DASHBOARDS = LoaderKey.named("profile.dashboards");

	public static final LoaderKey<String, List<Module>> DASHBOARD_MODULES = LoaderKey.named("dashboard.modules");

	public static final LoaderKey<String, List<Capability>> MODULE_CAPABILITIES = LoaderKey
		.named("module.capabilities");

	private final ProjectRepository projects;

	private final ProfileRepository profiles;

	private final DashboardRepository dashboards;

	private final ModuleRepository modules;

	private final CapabilityRepository capabilities;

	ProjectLoaders(ProjectRepository projects, ProfileRepository profiles, DashboardRepository dashboards,
			ModuleRepository modules, CapabilityRepository capabilities) {
		this.projects = projects;
		this.profiles = profiles;
		this.dashboards = dashboards;
		this.modules = modules;
		this.capabilities = capabilities;
	}

	@Override
	public void register(Loaders loaders) {
		loaders.byId(PROJECT, projects::findByIds, Project::id);
		loaders.byId(PROFILE, profiles::findByIds, Profile::id);
		loaders.byId(DASHBOARD, dashboards::findByIds, Dashboard::id);
		loaders.byId(MODULE, modules::findByIds, Module::id);
		loaders.grouped(PROJECT_PROFILES, profiles::findByProjectIds, Profile::projectId);
		loaders.grouped(PROFILE_DASHBOARDS, dashboards::findByProfileIds, Dashboard::profileId);
		loaders.grouped(DASHBOARD_MODULES, modules::findByDashboardIds, Module::dashboardId);
		loaders.grouped(MODULE_CAPABILITIES, capabilities::findByModuleIds, Capability::moduleId);
	}

}
