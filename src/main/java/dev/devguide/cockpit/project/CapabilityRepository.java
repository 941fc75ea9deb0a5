package dev.devguide.cockpit.project;

import static dev.devguide.cockpit.persistence.Rows.boolOrNull;
import static dev.devguide.cockpit.persistence.Rows.instantOrNull;
import static dev.devguide.cockpit.persistence.Rows.string;
import static dev.devguide.cockpit.persistence.Rows.stringOrNull;
import static dev.devguide.cockpit.project.ProjectRepository.text;

import dev.devguide.cockpit.graphql.Selection;
import io.r2dbc.spi.Readable;
import java.util.Collection;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** SQL for {@code capabilities}. */
@Repository
public class CapabilityRepository {

	private static final String COLUMNS = "id, module_id, capability_type, granted, granted_at, revoked_at, justification";

	private final DatabaseClient db;

	public CapabilityRepository(DatabaseClient db) {
		this.db = db;
	}

	public Mono<Capability> findById(String id) {
		return db.sql("SELECT " + COLUMNS + " FROM capabilities WHERE id = :id")
			.bind("id", id)
			.map(CapabilityRepository::map)
			.one();
	}

	/**
	 * The capabilities of many modules in one statement, by type. A capability row is
	 * small and read whole, whatever the selection.
	 */
	public Flux<Capability> findByModuleIds(Collection<String> moduleIds, Selection selection) {
		return db.sql("SELECT " + COLUMNS + " FROM capabilities WHERE module_id IN (:ids) ORDER BY capability_type, id")
			.bind("ids", moduleIds)
			.map(CapabilityRepository::map)
			.all();
	}

	/** The module's capability of one type, if it was ever granted or revoked. */
	public Mono<Capability> findByModuleAndType(String moduleId, String type) {
		return db
			.sql("SELECT " + COLUMNS + " FROM capabilities WHERE module_id = :module AND capability_type = :type "
					+ "ORDER BY id LIMIT 1")
			.bind("module", moduleId)
			.bind("type", type)
			.map(CapabilityRepository::map)
			.one();
	}

	public Mono<Void> insertGranted(String id, String moduleId, String type, @Nullable String justification) {
		return db.sql("""
				INSERT INTO capabilities (id, module_id, capability_type, granted, granted_at, justification)
				VALUES (:id, :module, :type, TRUE, CURRENT_TIMESTAMP(6), :justification)""")
			.bind("id", id)
			.bind("module", moduleId)
			.bind("type", type)
			.bind("justification", text(justification))
			.then();
	}

	public Mono<Void> grant(String id, @Nullable String justification) {
		return db.sql("""
				UPDATE capabilities SET granted = TRUE, granted_at = CURRENT_TIMESTAMP(6), revoked_at = NULL,
				       justification = :justification
				WHERE id = :id""").bind("id", id).bind("justification", text(justification)).then();
	}

	public Mono<Void> revoke(String id, @Nullable String justification) {
		return db.sql("""
				UPDATE capabilities SET granted = FALSE, revoked_at = CURRENT_TIMESTAMP(6),
				       justification = COALESCE(:justification, justification)
				WHERE id = :id""").bind("id", id).bind("justification", text(justification)).then();
	}

	static Capability map(Readable row) {
		Boolean granted = boolOrNull(row, "granted");
		return new Capability(string(row, "id"), string(row, "module_id"), string(row, "capability_type"),
				Boolean.TRUE.equals(granted), instantOrNull(row, "granted_at"), instantOrNull(row, "revoked_at"),
				stringOrNull(row, "justification"));
	}

}
