package dev.devguide.cockpit.migration;

import static dev.devguide.cockpit.graphql.Sdl.field;
import static dev.devguide.cockpit.graphql.Sdl.ref;
import static dev.devguide.cockpit.graphql.Sdl.required;
import static dev.devguide.cockpit.migration.FileAuditInputs.ID;
import static dev.devguide.cockpit.migration.FileAuditInputs.INPUT;
import static dev.devguide.cockpit.migration.FileAuditInputs.REVIEW_STATUS_FILTER;
import static dev.devguide.cockpit.migration.FileAuditInputs.WORKFLOW_STATUS_FILTER;

import dev.devguide.cockpit.graphql.Connections;
import dev.devguide.cockpit.graphql.Input;
import dev.devguide.cockpit.graphql.SchemaContribution;
import dev.devguide.cockpit.graphql.SchemaParts;
import java.util.List;
import org.springframework.stereotype.Component;

/** The file audit in GraphQL: the {@code fileAudit} connection, record and update. */
@Component
class FileAuditSchema implements SchemaContribution {

	private static final String NAMING = " A v7TargetName that does not follow WF<n>_V7_L<n>_<name>_<k>of<n>.py is "
			+ "stored and opens a metadata violation of nm-001-v7-file-name (admins read it through "
			+ "metadataViolations, resource type file_audit); a corrected or cleared name resolves it. A part k of 0 "
			+ "or greater than n is a BAD_REQUEST naming input.v7TargetName.";

	private final FileAuditService files;

	FileAuditSchema(FileAuditService files) {
		this.files = files;
	}

	@Override
	public void contribute(SchemaParts schema) {
		schema.object(FileAuditTypes.fileAudit(), FileAudit.class);
		FileAuditInputs.types().forEach(schema::type);
		Connections.define(schema, "FileAudit", "A page of the file audit, newest first (createdAt, then id).");
		schema.query(field("fileAudit", required(ref("FileAuditConnection")),
				"The audited files in the statuses given, newest first (createdAt, then id). Admins and the migration "
						+ "personas.",
				Connections.arguments(List.of(WORKFLOW_STATUS_FILTER, REVIEW_STATUS_FILTER))),
				env -> files.page(Input.arguments(env)));
		schema.mutation(field("recordFileAudit", required(ref("FileAudit")),
				"Records an audited file (filePath unique: a taken one is a BAD_REQUEST naming input.filePath). "
						+ "Admins and the migration personas." + NAMING,
				INPUT.argument()), env -> files.record(Input.arguments(env).object(INPUT)));
		schema.mutation(field("updateFileAudit", required(ref("FileAudit")),
				"Changes the given fields of an audited file (null clears an optional one). Admins and the migration "
						+ "personas." + NAMING,
				ID.argument(), INPUT.argument()), env -> {
					Input arguments = Input.arguments(env);
					return files.update(arguments.required(ID), arguments.object(INPUT));
				});
	}

}
