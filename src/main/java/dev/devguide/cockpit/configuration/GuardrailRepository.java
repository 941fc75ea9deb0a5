package dev.devguide.cockpit.configuration;

import static dev.devguide.cockpit.persistence.Rows.boolOrNull;
import static dev.devguide.cockpit.persistence.Rows.instant;
import static dev.devguide.cockpit.persistence.Rows.string;
import static dev.devguide.cockpit.persistence.Rows.stringOrNull;

import dev.devguide.cockpit.persistence.JsonColumns;
import io.r2dbc.spi.Readable;
import java.util.Collection;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** SQL for {@code guardrails}. */
@Repository
public class GuardrailRepository {

	private static final String COLUMNS = """
			id, project_id, rule_id, description, severity, auto_reject, configuration, enabled, created_at""";

	private final DatabaseClient db;

	private final JsonColumns json;

	public GuardrailRepository(DatabaseClient db, JsonColumns json) {
		this.db = db;
		this.json = json;
	}

	public Mono<Guardrail> findById(String id) {
		return db.sql("SELECT " + COLUMNS + " FROM guardrails WHERE id = :id").bind("id", id).map(this::map).one();
	}

	/** The system guardrails and those of the given projects, in one statement. */
	public Flux<Guardrail> findByProjectIdsWithSystem(Collection<String> projectIds) {
		return db
			.sql("SELECT " + COLUMNS + " FROM guardrails WHERE project_id IN (:ids) OR project_id IS NULL "
					+ "ORDER BY rule_id, id")
			.bind("ids", projectIds)
			.map(this::map)
			.all();
	}

	/**
	 * System guardrails, plus the project guardrails of {@code owner} (all projects' when
	 * owner is null).
	 */
	public Flux<Guardrail> findVisible(@Nullable String owner, @Nullable String projectId) {
		StringBuilder sql = new StringBuilder("SELECT g.id, g.project_id, g.rule_id, g.description, g.severity, "
				+ "g.auto_reject, g.configuration, g.enabled, g.created_at FROM guardrails g "
				+ "LEFT JOIN projects p ON p.id = g.project_id WHERE ");
		sql.append(owner == null ? "TRUE" : "(g.project_id IS NULL OR p.owner_user_id = :owner)");
		if (projectId != null) {
			sql.append(" AND (g.project_id IS NULL OR g.project_id = :project)");
		}
		sql.append(" ORDER BY g.rule_id, g.id");
		DatabaseClient.GenericExecuteSpec spec = db.sql(sql.toString());
		if (owner != null) {
			spec = spec.bind("owner", owner);
		}
		if (projectId != null) {
			spec = spec.bind("project", projectId);
		}
		return spec.map(this::map).all();
	}

	public Mono<Void> save(Guardrail guardrail, boolean isNew) {
		String sql = isNew ? """
				INSERT INTO guardrails (id, project_id, rule_id, description, severity, auto_reject, configuration,
				                        enabled)
				VALUES (:id, :project, :rule, :description, :severity, :autoReject, :configuration, :enabled)""" : """
				UPDATE guardrails SET rule_id = :rule, description = :description, severity = :severity,
				       auto_reject = :autoReject, configuration = :configuration, enabled = :enabled
				WHERE id = :id""";
		DatabaseClient.GenericExecuteSpec spec = db.sql(sql).bind("id", guardrail.id());
		if (isNew) {
			spec = spec.bind("project", Parameter.fromOrEmpty(guardrail.projectId(), String.class));
		}
		return spec.bind("rule", guardrail.ruleId())
			.bind("description", guardrail.description())
			.bind("severity", guardrail.severity())
			.bind("autoReject", guardrail.autoReject())
			.bind("configuration", Parameter.fromOrEmpty(json.write(guardrail.configuration()), String.class))
			.bind("enabled", guardrail.enabled())
			.then();
	}

	public Mono<Long> delete(String id) {
		return db.sql("DELETE FROM guardrails WHERE id = :id").bind("id", id).fetch().rowsUpdated();
	}

	Guardrail map(Readable row) {
		return new Guardrail(string(row, "id"), stringOrNull(row, "project_id"), string(row, "rule_id"),
				string(row, "description"), string(row, "severity"),
				Boolean.TRUE.equals(boolOrNull(row, "auto_reject")), json.readOrNull(row, "configuration"),
				Boolean.TRUE.equals(boolOrNull(row, "enabled")), instant(row, "created_at"));
	}

}
