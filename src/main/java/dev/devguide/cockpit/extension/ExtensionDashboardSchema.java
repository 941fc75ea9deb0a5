package dev.devguide.cockpit.extension;

import static dev.devguide.cockpit.extension.ExtensionDashboardInputs.FILTER;
import static dev.devguide.cockpit.extension.ExtensionDashboardInputs.ID;
import static dev.devguide.cockpit.extension.ExtensionDashboardInputs.ORDER_BY;
import static dev.devguide.cockpit.extension.ExtensionDashboardInputs.PUBLISH_INPUT;
import static dev.devguide.cockpit.extension.ExtensionDashboardInputs.UPDATE_INPUT;
import static dev.devguide.cockpit.graphql.Sdl.field;
import static dev.devguide.cockpit.graphql.Sdl.ref;
import static dev.devguide.cockpit.graphql.Sdl.required;
import static graphql.Scalars.GraphQLID;

import dev.devguide.cockpit.graphql.Connections;
import dev.devguide.cockpit.graphql.Input;
import dev.devguide.cockpit.graphql.SchemaContribution;
import dev.devguide.cockpit.graphql.SchemaParts;
import dev.devguide.cockpit.graphql.Selection;
import graphql.schema.GraphQLArgument;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The extension repository in GraphQL: the {@code ExtensionDashboard} type, the list and
 * one dashboard, publishing, updating, approving and deleting. Versions are
 * {@link ExtensionVersionSchema}'s.
 */
@Component
class ExtensionDashboardSchema implements SchemaContribution {

	private static final String VISIBILITY = " Users see the approved dashboards and their own; admins see all.";

	private final ExtensionDashboardService dashboards;

	ExtensionDashboardSchema(ExtensionDashboardService dashboards) {
		this.dashboards = dashboards;
	}

	@Override
	public void contribute(SchemaParts schema) {
		schema.type(ExtensionDashboardTypes.order())
			.object(ExtensionDashboardTypes.dashboard(), ExtensionDashboard.class);
		ExtensionDashboardInputs.types().forEach(schema::type);
		Connections.define(schema, "ExtensionDashboard",
				"A page of extension dashboards, in the order asked for (then by id).");
		schema.query(field("extensionDashboards", required(ref("ExtensionDashboardConnection")),
				"The community repository of extension dashboards, as a connection." + VISIBILITY
						+ " A cursor is valid only for the order it was issued in.",
				Connections.arguments(List.of(FILTER, ORDER_BY))), env -> {
					Input arguments = Input.arguments(env);
					return dashboards.page(arguments.object(FILTER),
							ExtensionDashboardOrder.valueOf(arguments.orElse(ORDER_BY, "DOWNLOADS")),
							Connections.first(arguments), arguments.optional(Connections.AFTER),
							arguments.path(Connections.AFTER), Selection.ofNodes(env));
				});
		schema.query(
				field("extensionDashboard", required(ref("ExtensionDashboard")),
						"One extension dashboard by id; one the caller may not see is NOT_FOUND." + VISIBILITY, id()),
				env -> dashboards.get(Input.arguments(env).required(ID), Selection.of(env)));
		mutations(schema);
	}

	private void mutations(SchemaParts schema) {
		schema.mutation(field("publishExtensionDashboard", required(ref("ExtensionDashboard")),
				"Publishes a dashboard template to the community repository (any user; the caller is its author), "
						+ "unapproved, with its first version. A config that does not fit the JSON Schema is a "
						+ "BAD_REQUEST naming its JSON path (input.config.modules[2].type), a version that is not "
						+ "SemVer one naming input.version; nothing is written then.",
				PUBLISH_INPUT.argument()), env -> dashboards.publish(Input.arguments(env).object(PUBLISH_INPUT)));
		schema.mutation(field("updateExtensionDashboard", required(ref("ExtensionDashboard")),
				"Changes an extension dashboard's name and description (its author or an admin).", id(),
				UPDATE_INPUT.argument()), env -> {
					Input arguments = Input.arguments(env);
					return dashboards.update(arguments.required(ID), arguments.object(UPDATE_INPUT));
				});
		schema.mutation(
				field("approveExtensionDashboard", required(ref("ExtensionDashboard")),
						"Approves an extension dashboard, so that every user sees it (admins only).", id()),
				env -> dashboards.approve(Input.arguments(env).required(ID), true));
		schema.mutation(
				field("withdrawApproval", required(ref("ExtensionDashboard")),
						"Withdraws an extension dashboard's approval: only its author and admins see it again (admins "
								+ "only). Projects that installed it keep it.",
						id()),
				env -> dashboards.approve(Input.arguments(env).required(ID), false));
		schema.mutation(field("deleteExtensionDashboard", required(GraphQLID),
				"Deletes an extension dashboard with its versions (its author or an admin) and returns its id. While a "
						+ "project uses it (project_extension_mappings, ON DELETE RESTRICT) it is a BAD_REQUEST on id "
						+ "saying in how many projects it is installed, and nothing changes.",
				id()), env -> dashboards.delete(Input.arguments(env).required(ID)));
	}

	private static GraphQLArgument id() {
		return ID.argument();
	}

}
