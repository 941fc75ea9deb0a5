package dev.devguide.cockpit.bin;

import static dev.devguide.cockpit.persistence.Rows.instant;
import static dev.devguide.cockpit.persistence.Rows.integerOrNull;
import static dev.devguide.cockpit.persistence.Rows.string;
import static dev.devguide.cockpit.persistence.Rows.stringOrNull;

import io.r2dbc.spi.Readable;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * SQL for {@code propagation_log}, and the hierarchy reads of the impact rule: which
 * dashboards of a project a change reaches.
 */
@Repository
public class PropagationRepository {

	private static final String COLUMNS = """
			id, sync_buffer_id, affected_dashboard_id, propagation_type, status, error_message, token_cost,
			duration_ms, created_at""";

	private final DatabaseClient db;

	public PropagationRepository(DatabaseClient db) {
		this.db = db;
	}

	public Mono<Void> insert(Propagation row) {
		return db.sql("""
				INSERT INTO propagation_log (id, sync_buffer_id, affected_dashboard_id, propagation_type, status,
				                             error_message, token_cost, duration_ms)
				VALUES (:id, :change, :dashboard, :type, :status, :error, :tokens, :duration)""")
			.bind("id", row.id())
			.bind("change", row.syncChangeId())
			.bind("dashboard", row.affectedDashboardId())
			.bind("type", row.propagationType())
			.bind("status", row.status())
			.bind("error", Parameter.fromOrEmpty(row.errorMessage(), String.class))
			.bind("tokens", Parameter.fromOrEmpty(row.tokenCost(), Integer.class))
			.bind("duration", Parameter.fromOrEmpty(row.durationMs(), Integer.class))
			.then();
	}

	/**
	 * The propagation rows of many changes in one statement, each change's oldest first.
	 */
	public Flux<Propagation> findBySyncChangeIds(Collection<String> ids) {
		return db
			.sql("SELECT " + COLUMNS + " FROM propagation_log WHERE sync_buffer_id IN (:ids) ORDER BY created_at, id")
			.bind("ids", ids)
			.map(PropagationRepository::map)
			.all();
	}

	/** The module type of a module of the project, if the module exists there. */
	public Mono<String> moduleTypeInProject(String moduleId, String projectId) {
		return db.sql("""
				SELECT m.module_type FROM modules m
				JOIN dashboards d ON d.id = m.dashboard_id JOIN profiles pr ON pr.id = d.profile_id
				WHERE m.id = :module AND pr.project_id = :project""")
			.bind("module", moduleId)
			.bind("project", projectId)
			.map(row -> string(row, "module_type"))
			.one();
	}

	/**
	 * The project's dashboards holding a module of {@code moduleType} (all of the
	 * project's dashboards when null), by id.
	 */
	public Mono<List<String>> dashboards(String projectId, @Nullable String moduleType) {
		String sql = moduleType == null ? """
				SELECT d.id FROM dashboards d JOIN profiles pr ON pr.id = d.profile_id
				WHERE pr.project_id = :project ORDER BY d.id""" : """
				SELECT d.id FROM dashboards d JOIN profiles pr ON pr.id = d.profile_id
				WHERE pr.project_id = :project
				  AND EXISTS (SELECT 1 FROM modules m WHERE m.dashboard_id = d.id AND m.module_type = :type)
				ORDER BY d.id""";
		DatabaseClient.GenericExecuteSpec spec = db.sql(sql).bind("project", projectId);
		if (moduleType != null) {
			spec = spec.bind("type", moduleType);
		}
		return spec.map(row -> string(row, "id")).all().collectList();
	}

	static Propagation map(Readable row) {
		return new Propagation(string(row, "id"), string(row, "sync_buffer_id"), string(row, "affected_dashboard_id"),
				string(row, "propagation_type"), string(row, "status"), stringOrNull(row, "error_message"),
				integerOrNull(row, "token_cost"), integerOrNull(row, "duration_ms"), instant(row, "created_at"));
	}

}
