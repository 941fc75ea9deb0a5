package dev.devguide.cockpit.migration;

import static dev.devguide.cockpit.migration.EnumMigrationInputs.AFFECTED_COLUMNS;
import static dev.devguide.cockpit.migration.EnumMigrationInputs.AFFECTED_TABLES;
import static dev.devguide.cockpit.migration.EnumMigrationInputs.COLUMNS;
import static dev.devguide.cockpit.migration.EnumMigrationInputs.CONSOLIDATES_WITH;
import static dev.devguide.cockpit.migration.EnumMigrationInputs.CURRENT_ENUM_NAME;
import static dev.devguide.cockpit.migration.EnumMigrationInputs.CURRENT_ENUM_VALUES;
import static dev.devguide.cockpit.migration.EnumMigrationInputs.MIGRATION_SCRIPT;
import static dev.devguide.cockpit.migration.EnumMigrationInputs.RISK_LEVEL;
import static dev.devguide.cockpit.migration.EnumMigrationInputs.ROLLBACK_SCRIPT;
import static dev.devguide.cockpit.migration.EnumMigrationInputs.TABLE;
import static dev.devguide.cockpit.migration.EnumMigrationInputs.V7_ENUM_NAME;
import static dev.devguide.cockpit.migration.EnumMigrationInputs.V7_ENUM_VALUES;

import dev.devguide.cockpit.audit.AuditFacts;
import dev.devguide.cockpit.audit.AuditedTransactions;
import dev.devguide.cockpit.graphql.ApiException;
import dev.devguide.cockpit.graphql.Input;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Enum migrations: proposed, edited while proposed and moved through their statuses by
 * admins and the migration personas; approved by admins only, and only with a rollback
 * script. Each move sets its timestamp (the approval its approver).
 */
@Service
class EnumMigrationService {

	static final String TYPE = "enum_migration";

	private final EnumMigrationRepository migrations;

	private final AuditedTransactions transactions;

	EnumMigrationService(EnumMigrationRepository migrations, AuditedTransactions transactions) {
		this.migrations = migrations;
		this.transactions = transactions;
	}

	Mono<List<EnumMigration>> list(@Nullable String status, @Nullable String riskLevel) {
		return MigrationAccess.reader().flatMap(caller -> migrations.find(status, riskLevel).collectList());
	}

	Mono<EnumMigration> create(Input input) {
		String id = UUID.randomUUID().toString();
		return transactions.run(AuditFacts.of("enum_migration.create", TYPE, id).with("fields", input.fieldNames()),
				caller -> MigrationAccess.persona(caller).then(Mono.defer(() -> {
					List<String> tables = input.required(AFFECTED_TABLES);
					EnumMigration created = new EnumMigration(id, input.required(CURRENT_ENUM_NAME),
							input.required(CURRENT_ENUM_VALUES), input.required(V7_ENUM_NAME),
							input.required(V7_ENUM_VALUES), input.optional(CONSOLIDATES_WITH), tables,
							columns(input, tables, true, List.of()), input.optional(MIGRATION_SCRIPT),
							input.optional(ROLLBACK_SCRIPT), EnumMigration.PROPOSED, input.optional(RISK_LEVEL), null,
							null, null, null, null);
					return migrations.save(created, true).then(migrations.findById(id));
				})));
	}

	/** Changes the given fields of a PROPOSED migration. */
	Mono<EnumMigration> update(String id, Input input) {
		return transactions.run(AuditFacts.of("enum_migration.update", TYPE, id).with("fields", input.fieldNames()),
				caller -> MigrationAccess.persona(caller).then(locked(id)).flatMap(current -> {
					if (!EnumMigration.PROPOSED.equals(current.status())) {
						return Mono.error(ApiException.badRequest("id", "enum migration " + id + " is "
								+ current.status() + "; only a proposed enum migration can be changed"));
					}
					List<String> tables = input.update(AFFECTED_TABLES, current.affectedTables());
					EnumMigration changed = new EnumMigration(id,
							input.update(CURRENT_ENUM_NAME, current.currentEnumName()),
							input.update(CURRENT_ENUM_VALUES, current.currentEnumValues()),
							input.update(V7_ENUM_NAME, current.v7EnumName()),
							input.update(V7_ENUM_VALUES, current.v7EnumValues()),
							input.updateOrClear(CONSOLIDATES_WITH, current.consolidatesWith()), tables,
							columns(input, tables, input.has(AFFECTED_COLUMNS), current.affectedColumns()),
							input.updateOrClear(MIGRATION_SCRIPT, current.migrationScript()),
							input.updateOrClear(ROLLBACK_SCRIPT, current.rollbackScript()), current.status(),
							input.updateOrClear(RISK_LEVEL, current.riskLevel()), null, null, null, null,
							current.createdAt());
					return migrations.save(changed, false).then(migrations.findById(id));
				}));
	}

	/**
	 * Moves the migration to {@code to}: APPROVED (admins; needs a rollback script) from
	 * PROPOSED, then IMPLEMENTED, VALIDATED, RETIRED, and ROLLED_BACK from IMPLEMENTED or
	 * VALIDATED. Any other move is a BAD_REQUEST naming the current status.
	 */
	Mono<EnumMigration> move(String id, String to) {
		AuditFacts facts = AuditFacts.of("enum_migration.move", TYPE, id).with("to", to);
		return transactions.run(facts,
				caller -> MigrationAccess.persona(caller)
					.flatMap(persona -> EnumMigration.APPROVED.equals(to) ? MigrationAccess.approver(persona)
							: Mono.just(persona))
					.flatMap(mover -> locked(id).flatMap(current -> {
						String from = current.status();
						if (!EnumMigration.MOVES.getOrDefault(to, Set.of()).contains(from)) {
							return Mono.error(ApiException.badRequest("status", "enum migration " + id + " is " + from
									+ "; it cannot move to " + to + " (" + allowed(from) + ")"));
						}
						if (EnumMigration.APPROVED.equals(to) && current.rollbackScript() == null) {
							return Mono.error(ApiException.badRequest("rollbackScript", "enum migration " + id
									+ " has no rollback script; set one with updateEnumMigration before approving it"));
						}
						return migrations.move(id, from, to, mover.userId())
							.then(migrations.findById(id))
							.map(moved -> new Moved(from, moved));
					})),
				(done, moved) -> done.with("from", moved.from()))
			.map(Moved::migration);
	}

	/** A migration after a move, and the status it moved from. */
	private record Moved(String from, EnumMigration migration) {
	}

	private Mono<EnumMigration> locked(String id) {
		return migrations.lock(id).switchIfEmpty(Mono.error(() -> ApiException.notFound("EnumMigration", id)));
	}

	/** The moves open from {@code status}, for a refusal's message. */
	private static String allowed(String status) {
		List<String> targets = EnumMigration.MOVES.entrySet()
			.stream()
			.filter(move -> move.getValue().contains(status))
			.map(move -> move.getKey().toUpperCase(Locale.ROOT))
			.sorted()
			.toList();
		return targets.isEmpty() ? "no move is open from " + status
				: "from " + status + " it may move to " + String.join(" or ", targets);
	}

	/**
	 * The affected columns given (each table once, and among {@code tables}), or
	 * {@code current} when not given on an update (still among {@code tables}).
	 */
	private static List<EnumMigrationColumns> columns(Input input, List<String> tables, boolean given,
			List<EnumMigrationColumns> current) {
		String path = input.path(AFFECTED_COLUMNS);
		if (!given) {
			for (EnumMigrationColumns entry : current) {
				if (!tables.contains(entry.table())) {
					throw ApiException.badRequest(input.path(AFFECTED_TABLES),
							"must hold " + entry.table() + ", which affectedColumns names");
				}
			}
			return current;
		}
		if (!input.has(AFFECTED_COLUMNS) || input.optional(AFFECTED_COLUMNS) == null) {
			throw ApiException.badRequest(path, "is required");
		}
		Set<String> seen = new HashSet<>();
		List<EnumMigrationColumns> entries = new ArrayList<>();
		for (Input entry : input.objects(AFFECTED_COLUMNS)) {
			String table = entry.required(TABLE);
			if (!tables.contains(table)) {
				throw ApiException.badRequest(entry.path(TABLE), table + " is not among affectedTables");
			}
			if (!seen.add(table)) {
				throw ApiException.badRequest(entry.path(TABLE), table + " is given twice");
			}
			entries.add(new EnumMigrationColumns(table, Objects.requireNonNull(entry.required(COLUMNS))));
		}
		return entries;
	}

}
