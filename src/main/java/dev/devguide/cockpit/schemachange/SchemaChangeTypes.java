package dev.devguide.cockpit.schemachange;

import static dev.devguide.cockpit.graphql.Sdl.field;
import static dev.devguide.cockpit.graphql.Sdl.ref;
import static dev.devguide.cockpit.graphql.Sdl.required;
import static graphql.Scalars.GraphQLBoolean;
import static graphql.Scalars.GraphQLInt;
import static graphql.Scalars.GraphQLString;
import static graphql.schema.GraphQLList.list;

import dev.devguide.cockpit.graphql.Scalars;
import dev.devguide.cockpit.persistence.SchemaDrift;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLObjectType;

/**
 * The GraphQL types of schemaStatus and schemaHealth: the changesets (applied and
 * pending), the ledger's approvals and rollback checks, and the drifts of the health
 * check.
 */
final class SchemaChangeTypes {

	/** The object types whose values name a changeset (file, id, author). */
	static final String APPLIED = "AppliedChangeset";

	static final String PENDING = "PendingChangeset";

	static final String APPROVAL = "SchemaApproval";

	static final String ROLLBACK_CHECK = "SchemaRollbackCheck";

	private SchemaChangeTypes() {
	}

	static GraphQLObjectType status() {
		return GraphQLObjectType.newObject()
			.name("SchemaStatus")
			.description("The schema's changelog against the server's database.")
			.field(field("approvalRequired", required(GraphQLBoolean),
					"Whether an apply needs approved and rollback-verified changesets: true on an external database,"
							+ " false on the embedded one (where approval is implicit)."))
			.field(field("applied", required(list(required(ref(APPLIED)))),
					"The applied changesets, in the order they ran."))
			.field(field("pending", required(list(required(ref(PENDING)))),
					"The changesets not yet applied, in the order an apply would run them."))
			.field(field("pendingSql", required(GraphQLString),
					"The SQL that migrate preview prints for all pending changesets (empty when none is pending)."))
			.field(field("tags", required(list(required(ref(APPLIED)))),
					"The applied changesets that carry a tag a rollback can return to, in order."))
			.field(field("approvals", required(list(required(ref(APPROVAL)))),
					"Every approval recorded in the ledger, oldest first."))
			.field(field("rollbackChecks", required(list(required(ref(ROLLBACK_CHECK)))),
					"Every passed rollback verification recorded in the ledger, oldest first."))
			.field(field("refusals", required(list(required(GraphQLString))),
					"Why migrate apply would refuse now, one line per pending changeset (empty when it would run)."))
			.build();
	}

	static GraphQLObjectType applied() {
		return changeset(APPLIED, "A changeset recorded as applied (DATABASECHANGELOG).")
			.field(field("tag", GraphQLString, "The tag set on it, if any."))
			.field(field("appliedAt", required(Scalars.DATE_TIME), "When it was applied."))
			.field(field("checksum", GraphQLString, "Its Liquibase checksum as recorded when it was applied."))
			.field(field("order", required(GraphQLInt), "Its place in the order of execution."))
			.build();
	}

	static GraphQLObjectType pending() {
		return changeset(PENDING, "A changeset of the changelog not yet applied.")
			.field(field("checksum", required(GraphQLString), "Its Liquibase checksum as the changelog has it now."))
			.field(field("sql", required(GraphQLString), "The part of migrate preview that is this changeset's."))
			.build();
	}

	static GraphQLObjectType approval() {
		return changeset(APPROVAL, "An approval of a changeset, recorded by migrate approve.")
			.field(field("checksum", required(GraphQLString), "The changeset's checksum when it was approved."))
			.field(field("approvedBy", required(GraphQLString), "Who approved it."))
			.field(field("note", required(GraphQLString), "The approval's note."))
			.field(field("approvedAt", required(Scalars.DATE_TIME), "When it was approved."))
			.build();
	}

	static GraphQLObjectType rollbackCheck() {
		return changeset(ROLLBACK_CHECK, "A passed rollback verification of a changeset (migrate verify-rollback).")
			.field(field("checksum", required(GraphQLString),
					"The changeset's checksum when its rollback was verified."))
			.field(field("verifiedBy", required(GraphQLString), "Who ran the verification."))
			.field(field("verifiedAt", required(Scalars.DATE_TIME), "When it passed."))
			.build();
	}

	static GraphQLObjectType health() {
		return GraphQLObjectType.newObject()
			.name("SchemaHealth")
			.description("The specification's validation queries run against the live database.")
			.field(field("healthy", required(GraphQLBoolean), "True when nothing drifted."))
			.field(field("checkedAt", required(Scalars.DATE_TIME), "When the checks ran."))
			.field(field("drifts", required(list(required(ref("SchemaDrift")))),
					"Every difference from what is expected (empty when healthy)."))
			.build();
	}

	static GraphQLObjectType drift() {
		return GraphQLObjectType.newObject()
			.name("SchemaDrift")
			.description("One way the live schema differs from what is expected.")
			.field(field("check", required(ref("SchemaCheck")), "The check that found it."))
			.field(field("object", required(GraphQLString),
					"The table, view, column (table.column), index (table.index), seed or changeset."))
			.field(field("expected", required(GraphQLString), "What was expected."))
			.field(field("found", required(GraphQLString), "What was found."))
			.build();
	}

	static GraphQLEnumType check() {
		return GraphQLEnumType.newEnum()
			.name("SchemaCheck")
			.description("The checks of schemaHealth.")
			.value("TABLE", SchemaDrift.Check.TABLE,
					"An expected table (spec, tracking, additions, ledger) is present.")
			.value("VIEW", SchemaDrift.Check.VIEW, "An expected view is present.")
			.value("TIMESTAMP_PRECISION", SchemaDrift.Check.TIMESTAMP_PRECISION,
					"Every timestamp column is TIMESTAMP(6), and every *_at column of an expected table is one.")
			.value("INDEX", SchemaDrift.Check.INDEX,
					"Every named index of the specification is present or recorded as a deviation in migrations/README.md.")
			.value("SEED", SchemaDrift.Check.SEED, "Every seeded row is present.")
			.value("PENDING_CHANGESET", SchemaDrift.Check.PENDING_CHANGESET, "No changeset is pending.")
			.build();
	}

	/** A type whose first fields name the changeset. */
	private static GraphQLObjectType.Builder changeset(String name, String description) {
		return GraphQLObjectType.newObject()
			.name(name)
			.description(description)
			.field(field("id", required(GraphQLString), "The changeset's id."))
			.field(field("author", required(GraphQLString), "The changeset's author."))
			.field(field("file", required(GraphQLString), "The changelog file it is in."));
	}

}
