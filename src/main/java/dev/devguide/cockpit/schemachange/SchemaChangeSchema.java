package dev.devguide.cockpit.schemachange;

import static dev.devguide.cockpit.graphql.Sdl.field;
import static dev.devguide.cockpit.graphql.Sdl.ref;
import static dev.devguide.cockpit.graphql.Sdl.required;

import dev.devguide.cockpit.graphql.SchemaContribution;
import dev.devguide.cockpit.graphql.SchemaParts;
import dev.devguide.cockpit.persistence.AppliedChangeSet;
import dev.devguide.cockpit.persistence.ChangeSetRef;
import dev.devguide.cockpit.persistence.RollbackCheck;
import dev.devguide.cockpit.persistence.SchemaApproval;
import dev.devguide.cockpit.persistence.SchemaDrift;
import dev.devguide.cockpit.persistence.SchemaStatus;
import graphql.schema.DataFetchingEnvironment;
import java.util.Objects;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/** The admins' root fields schemaStatus and schemaHealth, with their types. */
@Component
class SchemaChangeSchema implements SchemaContribution {

	private final SchemaChangeService service;

	SchemaChangeSchema(SchemaChangeService service) {
		this.service = service;
	}

	@Override
	public void contribute(SchemaParts schema) {
		schema.object(SchemaChangeTypes.status(), SchemaStatus.class);
		schema.object(SchemaChangeTypes.applied(), AppliedChangeSet.class);
		schema.object(SchemaChangeTypes.pending(), SchemaStatus.Pending.class);
		schema.object(SchemaChangeTypes.approval(), SchemaApproval.class);
		schema.object(SchemaChangeTypes.rollbackCheck(), RollbackCheck.class);
		schema.object(SchemaChangeTypes.health(), SchemaChangeService.SchemaHealth.class);
		schema.object(SchemaChangeTypes.drift(), SchemaDrift.class);
		schema.type(SchemaChangeTypes.check());
		schema.fetcher("SchemaStatus", "tags", env -> source(env, SchemaStatus.class).tags());
		changeset(schema, SchemaChangeTypes.APPLIED, AppliedChangeSet.class, AppliedChangeSet::ref);
		changeset(schema, SchemaChangeTypes.PENDING, SchemaStatus.Pending.class, pending -> pending.changeSet().ref());
		schema.fetcher(SchemaChangeTypes.PENDING, "checksum",
				env -> source(env, SchemaStatus.Pending.class).changeSet().checksum());
		changeset(schema, SchemaChangeTypes.APPROVAL, SchemaApproval.class, SchemaApproval::ref);
		changeset(schema, SchemaChangeTypes.ROLLBACK_CHECK, RollbackCheck.class, RollbackCheck::ref);
		schema.query(field("schemaStatus", required(ref("SchemaStatus")),
				"Admins only: the applied changesets, the pending ones with the SQL an apply would run, the tags, and "
						+ "the approvals and rollback checks recorded."),
				env -> service.status());
		schema.query(field("schemaHealth", required(ref("SchemaHealth")),
				"Admins only: the specification's validation queries against the live database (tables, TIMESTAMP(6) "
						+ "precision, named indexes, seed rows, nothing pending), each drift with what was expected "
						+ "and found."),
				env -> service.health());
	}

	/** The id, author and file of a type whose values name a changeset. */
	private static <T> void changeset(SchemaParts schema, String type, Class<T> source, Function<T, ChangeSetRef> ref) {
		schema.fetcher(type, "id", env -> ref.apply(source(env, source)).id());
		schema.fetcher(type, "author", env -> ref.apply(source(env, source)).author());
		schema.fetcher(type, "file", env -> ref.apply(source(env, source)).file());
	}

	/** The value a field is fetched from (a root field's children always have one). */
	private static <T> T source(DataFetchingEnvironment env, Class<T> type) {
		return type.cast(Objects.requireNonNull(env.getSource(), "a child field has a source"));
	}

}
