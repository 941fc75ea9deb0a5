package dev.devguide.cockpit.bin;

import static dev.devguide.cockpit.bin.BinInputs.CHANGE_TYPE;
import static dev.devguide.cockpit.bin.BinInputs.PAYLOAD;
import static dev.devguide.cockpit.bin.BinInputs.PROJECT_ID;
import static dev.devguide.cockpit.bin.BinInputs.SOURCE_MODULE_ID;

import dev.devguide.cockpit.audit.AuditFacts;
import dev.devguide.cockpit.audit.AuditedTransactions;
import dev.devguide.cockpit.configuration.Guardrail;
import dev.devguide.cockpit.configuration.GuardrailRepository;
import dev.devguide.cockpit.governance.MetadataStandard;
import dev.devguide.cockpit.governance.MetadataStandardRepository;
import dev.devguide.cockpit.governance.MetadataViolation;
import dev.devguide.cockpit.governance.ViolationRepository;
import dev.devguide.cockpit.graphql.ApiException;
import dev.devguide.cockpit.graphql.Input;
import dev.devguide.cockpit.persistence.JsonColumns;
import dev.devguide.cockpit.project.Ownership;
import dev.devguide.cockpit.project.ProjectService;
import dev.devguide.cockpit.security.Caller;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The Bin: submit, validate and propagate changes. Each step runs in one audited
 * transaction that holds the project's row lock, re-reads the change with FOR UPDATE, and
 * moves its status with an UPDATE conditional on the status it found; rows, results,
 * violations and outbox events commit together or not at all.
 */
@Service
public class BinService {

	static final String TYPE = "sync_buffer";

	/** The type as callers know it, in NOT_FOUND answers. */
	private static final String RESOURCE = "SyncChange";

	private final SyncBufferRepository changes;

	private final Ownership ownership;

	private final ProjectService projects;

	private final MetadataStandardRepository standards;

	private final GuardrailRepository guardrails;

	private final ViolationRepository violations;

	private final Propagator propagator;

	private final BinEvents events;

	private final JsonColumns json;

	private final AuditedTransactions transactions;

	BinService(SyncBufferRepository changes, Ownership ownership, ProjectService projects,
			MetadataStandardRepository standards, GuardrailRepository guardrails, ViolationRepository violations,
			Propagator propagator, BinEvents events, JsonColumns json, AuditedTransactions transactions) {
		this.changes = changes;
		this.ownership = ownership;
		this.projects = projects;
		this.standards = standards;
		this.guardrails = guardrails;
		this.violations = violations;
		this.propagator = propagator;
		this.events = events;
		this.json = json;
		this.transactions = transactions;
	}

	/**
	 * One change; NOT_FOUND, as if it did not exist, when its project is someone else's.
	 */
	public Mono<SyncChange> get(String id) {
		return changes.findById(id)
			.switchIfEmpty(Mono.error(() -> ApiException.notFound(RESOURCE, id)))
			.flatMap(change -> projects.readable(change.projectId(), RESOURCE, id).thenReturn(change));
	}

	/** Stores the change of the checked arguments as PENDING. */
	public Mono<SyncChange> submit(Input arguments) {
		String id = UUID.randomUUID().toString();
		return transactions.run(AuditFacts.of("sync_change.submit", TYPE, id), caller -> {
			String type = arguments.required(CHANGE_TYPE);
			Map<String, Object> payload = arguments.required(PAYLOAD);
			String projectId = arguments.required(PROJECT_ID);
			String sourceModuleId = arguments.optional(SOURCE_MODULE_ID);
			return ownership.project(caller, projectId)
				.then(sourceModuleId == null ? Mono.empty() : sourceModuleOf(projectId, sourceModuleId))
				.then(changes.insert(id, projectId, type, sourceModuleId, json.write(payload)))
				.then(changes.findById(id))
				.flatMap(change -> events.statusChanged(change, null, change.createdAt()).thenReturn(change));
		}, (facts, change) -> facts.with("projectId", change.projectId()).with("changeType", change.changeType()));
	}

	public Mono<SyncChange> validate(String id) {
		return transactions.run(AuditFacts.of("sync_change.validate", TYPE, id),
				caller -> locked(caller, id, SyncChange.PENDING, "validateChange").flatMap(change -> Mono
					.zip(standards.findApplicable().collectList(), enabledGuardrails(change.projectId()))
					.flatMap(rules -> {
						ChangeValidator.Validation validation = ChangeValidator.validate(change, rules.getT1(),
								rules.getT2(), json.write(change.payload()).getBytes(StandardCharsets.UTF_8).length);
						return changes.markValidated(id, validation.status(), validation.results())
							.flatMap(rows -> moved(rows, id, SyncChange.PENDING, "validateChange"))
							.then(storeViolations(id, validation.violations(), rules.getT1()))
							.then(changes.findById(id))
							// markValidated set validated_at
							.flatMap(after -> events
								.statusChanged(after, SyncChange.PENDING, Objects.requireNonNull(after.validatedAt()))
								.thenReturn(new Validated(after, validation.violations().size())));
					})),
				(facts, validated) -> facts.with("status", validated.change().status())
					.with("violations", validated.violations()))
			.map(Validated::change);
	}

	public Mono<SyncChange> propagate(String id) {
		// markPropagated sets propagated_at, so the change read after it has one
		return transactions.run(AuditFacts.of("sync_change.propagate", TYPE, id),
				caller -> locked(caller, id, SyncChange.VALIDATED, "propagateChange")
					.flatMap(change -> propagator.propagate(change))
					.then(changes.findById(id))
					.flatMap(after -> events
						.statusChanged(after, SyncChange.VALIDATED, Objects.requireNonNull(after.propagatedAt()))
						.thenReturn(after)),
				(facts, after) -> facts.with("impactAnalysis", after.impactAnalysis()));
	}

	/** A change just validated, and how many violations it left. */
	private record Validated(SyncChange change, int violations) {
	}

	/**
	 * The change, after locking its project (checking the caller may change it) and the
	 * change row itself; a BAD_REQUEST naming the status unless it is {@code expected}.
	 */
	private Mono<SyncChange> locked(Caller caller, String id, String expected, String operation) {
		return changes.findById(id)
			.switchIfEmpty(Mono.error(() -> ApiException.notFound(RESOURCE, id)))
			.flatMap(found -> ownership.projectOf(caller, found.projectId(), RESOURCE, id))
			.then(changes.lock(id))
			.flatMap(current -> current.status().equals(expected) ? Mono.just(current)
					: Mono.error(refused(id, current.status(), expected, operation)));
	}

	static Mono<Void> moved(long rows, String id, String expected, String operation) {
		return rows == 1 ? Mono.empty() : Mono.error(refused(id, "no longer " + expected, expected, operation));
	}

	static ApiException refused(String id, String status, String expected, String operation) {
		return ApiException.badRequest("id",
				"change " + id + " is " + status + "; " + operation + " needs a " + expected + " change");
	}

	private Mono<Void> sourceModuleOf(String projectId, String moduleId) {
		return propagator.moduleType(moduleId, projectId)
			.switchIfEmpty(Mono.error(() -> ApiException.badRequest(SOURCE_MODULE_ID.name(),
					"module " + moduleId + " is not a module of project " + projectId)))
			.then();
	}

	private Mono<List<Guardrail>> enabledGuardrails(String projectId) {
		return guardrails.findByProjectIdsWithSystem(List.of(projectId)).filter(Guardrail::enabled).collectList();
	}

	/** Stores the violations, then appends one event per violation as stored. */
	private Mono<Void> storeViolations(String changeId, List<MetadataViolation> found, List<MetadataStandard> applied) {
		if (found.isEmpty()) {
			return Mono.empty();
		}
		Map<String, MetadataStandard> byId = applied.stream()
			.collect(Collectors.toMap(MetadataStandard::id, Function.identity()));
		return Flux.fromIterable(found)
			.concatMap(violations::insert)
			.thenMany(violations.findByResource(TYPE, changeId))
			// each stored violation was found by one of the applied standards
			.concatMap(
					stored -> events.violationDetected(stored, Objects.requireNonNull(byId.get(stored.standardId()))))
			.then();
	}

}
