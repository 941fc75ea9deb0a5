package dev.devguide.cockpit.migration;

import static dev.devguide.cockpit.persistence.Rows.instantOrNull;
import static dev.devguide.cockpit.persistence.Rows.integerOrNull;
import static dev.devguide.cockpit.persistence.Rows.string;
import static dev.devguide.cockpit.persistence.Rows.stringOrNull;

import dev.devguide.cockpit.graphql.Selection;
import dev.devguide.cockpit.persistence.JsonColumns;
import dev.devguide.cockpit.persistence.SqlConditions;
import io.r2dbc.spi.Readable;
import java.util.Collection;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * SQL for {@code v7_global_impacts}. Lists are ordered by severity, highest first
 * (critical, high, medium, low: the rank of the word, never the word), then newest first.
 */
@Repository
class GlobalImpactRepository {

	/**
	 * The rank of a risk word (low 1 ... critical 4, unknown words 0), as the view ranks
	 * it.
	 */
	static final String SEVERITY = "CASE LOWER(risk_assessment) WHEN 'low' THEN 1 WHEN 'medium' THEN 2 "
			+ "WHEN 'high' THEN 3 WHEN 'critical' THEN 4 ELSE 0 END";

	private static final String COLUMNS = """
			id, change_type, change_detail, affected_workflows, affected_layers, impact_description, risk_assessment,
			mitigation_strategy, reviewed_by_personas, approval_status, implementation_notes, phase_number,
			created_at, updated_at""";

	private static final String ORDER = " ORDER BY " + SEVERITY + " DESC, created_at DESC, id";

	private final DatabaseClient db;

	private final JsonColumns json;

	GlobalImpactRepository(DatabaseClient db, JsonColumns json) {
		this.db = db;
		this.json = json;
	}

	/** The impacts matching every given filter (null: any), by severity. */
	Flux<GlobalImpact> find(@Nullable String risk, @Nullable String approvalStatus, @Nullable String workflow,
			@Nullable Integer layer, @Nullable Integer phase) {
		SqlConditions where = new SqlConditions().optional("risk_assessment = :risk", "risk", risk)
			.optional("approval_status = :approval", "approval", approvalStatus)
			.optional("JSON_CONTAINS(affected_workflows, :workflow)", "workflow", json.write(workflow))
			.optional("JSON_CONTAINS(affected_layers, :layer)", "layer", json.write(layer))
			.optional("phase_number = :phase", "phase", phase);
		return where.bind(db.sql("SELECT " + COLUMNS + " FROM v7_global_impacts" + where.where() + ORDER))
			.map(this::map)
			.all();
	}

	/** The impacts of many phases in one statement, each phase's by severity. */
	Flux<GlobalImpact> findByPhaseNumbers(Collection<Integer> phases, Selection selection) {
		return db.sql("SELECT " + COLUMNS + " FROM v7_global_impacts WHERE phase_number IN (:phases)" + ORDER)
			.bind("phases", phases)
			.map(this::map)
			.all();
	}

	Mono<GlobalImpact> findById(String id) {
		return db.sql("SELECT " + COLUMNS + " FROM v7_global_impacts WHERE id = :id")
			.bind("id", id)
			.map(this::map)
			.one();
	}

	/** The impact, locked until the transaction ends. */
	Mono<GlobalImpact> lock(String id) {
		return db.sql("SELECT " + COLUMNS + " FROM v7_global_impacts WHERE id = :id FOR UPDATE")
			.bind("id", id)
			.map(this::map)
			.one();
	}

	Mono<Void> insert(GlobalImpact impact) {
		return db.sql("""
				INSERT INTO v7_global_impacts (id, change_type, change_detail, affected_workflows, affected_layers,
				                               impact_description, risk_assessment, mitigation_strategy,
				                               reviewed_by_personas, approval_status, implementation_notes,
				                               phase_number)
				VALUES (:id, :type, :detail, :workflows, :layers, :description, :risk, :mitigation, :personas,
				        :approval, :notes, :phase)""")
			.bind("id", impact.id())
			.bind("type", impact.changeType())
			.bind("detail", json.write(impact.changeDetail()))
			.bind("workflows", json.write(impact.affectedWorkflows()))
			.bind("layers", json.write(impact.affectedLayers()))
			.bind("description", impact.impactDescription())
			.bind("risk", impact.riskAssessment())
			.bind("mitigation", Parameter.fromOrEmpty(impact.mitigationStrategy(), String.class))
			.bind("personas", json.write(impact.reviewedByPersonas()))
			.bind("approval", impact.approvalStatus())
			.bind("notes", Parameter.fromOrEmpty(impact.implementationNotes(), String.class))
			.bind("phase", Parameter.fromOrEmpty(impact.phaseNumber(), Integer.class))
			.then();
	}

	/** Writes the reviewers and the approval status of a locked impact. */
	Mono<Void> update(GlobalImpact impact) {
		return db
			.sql("UPDATE v7_global_impacts SET reviewed_by_personas = :personas, approval_status = :approval "
					+ "WHERE id = :id")
			.bind("personas", json.write(impact.reviewedByPersonas()))
			.bind("approval", impact.approvalStatus())
			.bind("id", impact.id())
			.then();
	}

	private GlobalImpact map(Readable row) {
		return new GlobalImpact(string(row, "id"), string(row, "change_type"), json.read(row, "change_detail"),
				MigrationImpactsRows.texts(json, row, "affected_workflows"),
				MigrationImpactsRows.integers(json, row, "affected_layers"), string(row, "impact_description"),
				string(row, "risk_assessment").toLowerCase(Locale.ROOT), stringOrNull(row, "mitigation_strategy"),
				MigrationImpactsRows.texts(json, row, "reviewed_by_personas"),
				Objects.requireNonNullElse(stringOrNull(row, "approval_status"), GlobalImpact.PENDING),
				stringOrNull(row, "implementation_notes"), integerOrNull(row, "phase_number"),
				instantOrNull(row, "created_at"), instantOrNull(row, "updated_at"));
	}

}
