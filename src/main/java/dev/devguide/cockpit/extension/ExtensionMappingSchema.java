package dev.devguide.cockpit.extension;

import static dev.devguide.cockpit.extension.ExtensionMappingInputs.EXTENSION_DASHBOARD_ID;
import static dev.devguide.cockpit.extension.ExtensionMappingInputs.ID;
import static dev.devguide.cockpit.extension.ExtensionMappingInputs.INSTALL_INPUT;
import static dev.devguide.cockpit.extension.ExtensionMappingInputs.MAPPING_ID;
import static dev.devguide.cockpit.extension.ExtensionMappingInputs.POSITION;
import static dev.devguide.cockpit.extension.ExtensionMappingInputs.PROFILE_ID;
import static dev.devguide.cockpit.extension.ExtensionMappingInputs.PROJECT_ID;
import static dev.devguide.cockpit.extension.ExtensionMappingInputs.UPDATE_INPUT;
import static dev.devguide.cockpit.graphql.Sdl.field;
import static dev.devguide.cockpit.graphql.Sdl.ref;
import static dev.devguide.cockpit.graphql.Sdl.required;
import static graphql.Scalars.GraphQLID;
import static graphql.schema.GraphQLList.list;

import dev.devguide.cockpit.graphql.Input;
import dev.devguide.cockpit.graphql.SchemaContribution;
import dev.devguide.cockpit.graphql.SchemaParts;
import dev.devguide.cockpit.project.Project;
import java.util.Objects;
import org.springframework.stereotype.Component;

/**
 * Extensions installed into projects in GraphQL: {@code Project.extensions} through a
 * DataLoader with each one's effective config, and install / update / move / uninstall /
 * apply (the project's owner and admins).
 */
@Component
class ExtensionMappingSchema implements SchemaContribution {

	private final ExtensionMappingService mappings;

	private final ExtensionApplyService applying;

	private final ExtensionMappingMerge merge;

	ExtensionMappingSchema(ExtensionMappingService mappings, ExtensionApplyService applying,
			ExtensionMappingMerge merge) {
		this.mappings = mappings;
		this.applying = applying;
		this.merge = merge;
	}

	@Override
	public void contribute(SchemaParts schema) {
		schema.object(ExtensionMappingTypes.projectExtension(), ExtensionMapping.class);
		ExtensionMappingInputs.types().forEach(schema::type);
		schema.relation("Project", "extensions", required(list(required(ref("ProjectExtension")))),
				"The extension dashboards installed into the project, by position.",
				ExtensionMappingLoaders.PROJECT_EXTENSIONS, Project::id);
		schema.relation("ProjectExtension", "extensionDashboard", required(ref("ExtensionDashboard")),
				"The extension dashboard installed. Shown to whoever may read the project, also once its approval "
						+ "is withdrawn: the project uses it.",
				ExtensionDashboardLoaders.BY_ID, ExtensionMapping::extensionDashboardId);
		schema.fetcher("ProjectExtension", "effectiveConfig", env -> {
			ExtensionMapping mapping = Objects.requireNonNull(env.<ExtensionMapping>getSource());
			return ExtensionDashboardLoaders.BY_ID
				.load(env, mapping.extensionDashboardId(), ExtensionDashboardLoaders.CONFIG)
				.thenApply(base -> base == null ? null : merge.apply(base.config(), mapping.customConfig()));
		});
		mutations(schema);
	}

	private void mutations(SchemaParts schema) {
		schema.mutation(field("installExtension", required(ref("ProjectExtension")),
				"Installs an extension dashboard into a project (its owner and admins): an approved one, or the "
						+ "caller's own (admins: any; to others an unapproved dashboard does not exist). A project "
						+ "maps each extension once: installing another dashboard of an extension it has switches "
						+ "that mapping. Each install adds one to the dashboard's downloads.",
				PROJECT_ID.argument(), EXTENSION_DASHBOARD_ID.argument(), INSTALL_INPUT.argument()), env -> {
					Input arguments = Input.arguments(env);
					return mappings.install(arguments.required(PROJECT_ID), arguments.required(EXTENSION_DASHBOARD_ID),
							arguments.object(INSTALL_INPUT));
				});
		schema.mutation(field("updateExtensionMapping", required(ref("ProjectExtension")),
				"Changes an installed extension's overrides or enabled flag.", ID.argument(), UPDATE_INPUT.argument()),
				env -> {
					Input arguments = Input.arguments(env);
					return mappings.update(arguments.required(ID), arguments.object(UPDATE_INPUT));
				});
		schema.mutation(field("moveExtension", required(ref("ProjectExtension")),
				"Moves an installed extension to another place among the project's.", ID.argument(),
				POSITION.argument()), env -> {
					Input arguments = Input.arguments(env);
					return mappings.move(arguments.required(ID), arguments);
				});
		schema.mutation(field("uninstallExtension", required(GraphQLID),
				"Removes an extension from its project (the extension dashboard and dashboards applied from it stay); "
						+ "returns the mapping's id.",
				ID.argument()), env -> mappings.uninstall(Input.arguments(env).required(ID)));
		schema.mutation(field("applyExtension", required(ref("Dashboard")),
				"Creates a dashboard with its modules in a profile of the mapping's project from the effective "
						+ "config {name, description, layout, modules: [{type, name, configuration, position}]}, in "
						+ "one transaction, audited and versioned as createDashboard and createModule are. A config "
						+ "that cannot be applied is a BAD_REQUEST naming the value (e.g. "
						+ "effectiveConfig.modules[1].type) and nothing is written.",
				MAPPING_ID.argument(), PROFILE_ID.argument()), env -> {
					Input arguments = Input.arguments(env);
					return applying.apply(arguments.required(MAPPING_ID), arguments.required(PROFILE_ID));
				});
	}

}
