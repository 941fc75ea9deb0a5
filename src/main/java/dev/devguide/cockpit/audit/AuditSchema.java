package dev.devguide.cockpit.audit;

import static dev.devguide.cockpit.graphql.Sdl.field;
import static dev.devguide.cockpit.graphql.Sdl.ref;
import static dev.devguide.cockpit.graphql.Sdl.required;
import static graphql.Scalars.GraphQLID;
import static graphql.Scalars.GraphQLInt;
import static graphql.Scalars.GraphQLString;

import dev.devguide.cockpit.graphql.Connections;
import dev.devguide.cockpit.graphql.Input;
import dev.devguide.cockpit.graphql.Scalars;
import dev.devguide.cockpit.graphql.SchemaContribution;
import dev.devguide.cockpit.graphql.SchemaParts;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLObjectType;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The audit trail and version history in GraphQL: {@code auditLog}, the
 * {@code AuditLogEntry} and {@code Version} types and their connections. The relations
 * {@code Dashboard.versions} and {@code Module.versions} are declared by the hierarchy,
 * through {@link AuditLoaders}.
 */
@Component
class AuditSchema implements SchemaContribution {

	private final AuditLogService audit;

	AuditSchema(AuditLogService audit) {
		this.audit = audit;
	}

	@Override
	public void contribute(SchemaParts schema) {
		schema.type(status()).object(entry(), AuditEntry.class).object(version(), Version.class);
		AuditInputs.types().forEach(schema::type);
		Connections.define(schema, "AuditLogEntry", "A page of the audit trail, newest first (then by id).");
		Connections.define(schema, "Version", "A page of a resource's versions, newest (highest number) first.");
		schema.query(field("auditLog", required(ref("AuditLogEntryConnection")),
				"The audit trail, newest first: admins read every row; a user reads their own actions and the rows "
						+ "of the projects they own (whoever acted). Rows of a deleted project stay readable by "
						+ "admins and their actors. filter.to not after filter.from is a BAD_REQUEST naming filter.to.",
				Connections.arguments(List.of(AuditInputs.FILTER))), env -> {
					Input arguments = Input.arguments(env);
					return audit.page(arguments.object(AuditInputs.FILTER), Connections.first(arguments),
							Connections.after(arguments), arguments.path(Connections.AFTER));
				});
	}

	private static GraphQLEnumType status() {
		return GraphQLEnumType.newEnum()
			.name("AuditStatus")
			.description("The outcome of an audited mutation.")
			.value("SUCCESS", "success", "The change was made.")
			.value("FAILURE", "failure", "The mutation was refused and changed nothing; metadata says why.")
			.value("PARTIAL", "partial", "Part of the change was made.")
			.build();
	}

	private static GraphQLObjectType entry() {
		return GraphQLObjectType.newObject()
			.name("AuditLogEntry")
			.description("One audited mutation: who did what to which resource, in which project, and the outcome.")
			.field(field("id", required(GraphQLID), "The row's id."))
			.field(field("timestamp", required(Scalars.DATE_TIME), "When the mutation ran."))
			.field(field("userId", required(GraphQLString), "Who ran it (token subject)."))
			.field(field("action", required(GraphQLString), "What was done, e.g. dashboard.update."))
			.field(field("resourceType", required(GraphQLString), "The kind of resource, e.g. dashboard."))
			.field(field("resourceId", GraphQLString, "The resource's id, if it has one."))
			.field(field("projectId", GraphQLID,
					"The project the mutation acted in; null outside projects and on rows written before "
							+ "projects were recorded."))
			.field(field("status", required(ref("AuditStatus")), "The outcome."))
			.field(field("metadata", Scalars.JSON,
					"What the mutation recorded: its arguments' facts and, on failure, classification and reason."))
			.field(field("ipAddress", GraphQLString,
					"Where the request came from; shown to admins and on the caller's own actions only."))
			.field(field("userAgent", GraphQLString,
					"The client's user agent; shown to admins and on the caller's own actions only."))
			.build();
	}

	private static GraphQLObjectType version() {
		return GraphQLObjectType.newObject()
			.name("Version")
			.description("A resource as it was after one change (from version_history).")
			.field(field("id", required(GraphQLID), "The version row's id."))
			.field(field("resourceType", required(GraphQLString), "The kind of resource: dashboard or module."))
			.field(field("resourceId", required(GraphQLID), "The resource's id."))
			.field(field("versionNumber", required(GraphQLInt),
					"The version's number, from 1, one more for every change; pass it to restore it."))
			.field(field("snapshot", required(Scalars.JSON), "The whole row as it was after the change."))
			.field(field("changeDescription", GraphQLString, "What changed, e.g. \"updated: name\"."))
			.field(field("createdBy", required(GraphQLString), "Who made the change (token subject)."))
			.field(field("createdAt", required(Scalars.DATE_TIME), "When the change was made."))
			.build();
	}

}
