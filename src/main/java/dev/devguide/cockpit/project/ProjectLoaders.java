package dev.devguide.cockpit.project;

import dev.devguide.cockpit.configuration.Template;
import dev.devguide.cockpit.configuration.TemplateRepository;
import dev.devguide.cockpit.persistence.Batches;
import java.util.List;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Component;

/**
 * The hierarchy's DataLoaders: each relation of a page of parents is fetched with one
 * batch statement ({@code WHERE parent_id IN (...)}), never one statement per parent.
 */
@Component
class ProjectLoaders {

	static final String PROJECT = "project.byId";

	static final String PROFILE = "profile.byId";

	static final String DASHBOARD = "dashboard.byId";

	static final String MODULE = "module.byId";

	static final String TEMPLATE = "template.byId";

	static final String PROJECT_PROFILES = "project.profiles";

	static final String PROFILE_DASHBOARDS = "profile.dashboards";

	static final String DASHBOARD_MODULES = "dashboard.modules";

	static final String MODULE_CAPABILITIES = "module.capabilities";

	ProjectLoaders(BatchLoaderRegistry registry, ProjectRepository projects, ProfileRepository profiles,
			DashboardRepository dashboards, ModuleRepository modules, CapabilityRepository capabilities,
			TemplateRepository templates) {
		registry.<String, Project>forName(PROJECT)
			.registerMappedBatchLoader((ids, env) -> Batches.byId(projects.findByIds(ids), Project::id));
		registry.<String, Profile>forName(PROFILE)
			.registerMappedBatchLoader((ids, env) -> Batches.byId(profiles.findByIds(ids), Profile::id));
		registry.<String, Dashboard>forName(DASHBOARD)
			.registerMappedBatchLoader((ids, env) -> Batches.byId(dashboards.findByIds(ids), Dashboard::id));
		registry.<String, Module>forName(MODULE)
			.registerMappedBatchLoader((ids, env) -> Batches.byId(modules.findByIds(ids), Module::id));
		registry.<String, Template>forName(TEMPLATE)
			.registerMappedBatchLoader((ids, env) -> Batches.byId(templates.findByIds(ids), Template::id));
		registry.<String, List<Profile>>forName(PROJECT_PROFILES)
			.registerMappedBatchLoader(
					(ids, env) -> Batches.groupBy(ids, profiles.findByProjectIds(ids), Profile::projectId));
		registry.<String, List<Dashboard>>forName(PROFILE_DASHBOARDS)
			.registerMappedBatchLoader(
					(ids, env) -> Batches.groupBy(ids, dashboards.findByProfileIds(ids), Dashboard::profileId));
		registry.<String, List<Module>>forName(DASHBOARD_MODULES)
			.registerMappedBatchLoader(
					(ids, env) -> Batches.groupBy(ids, modules.findByDashboardIds(ids), Module::dashboardId));
		registry.<String, List<Capability>>forName(MODULE_CAPABILITIES)
			.registerMappedBatchLoader(
					(ids, env) -> Batches.groupBy(ids, capabilities.findByModuleIds(ids), Capability::moduleId));
	}

}
