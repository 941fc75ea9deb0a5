package dev.devguide.cockpit.governance;

import static dev.devguide.cockpit.governance.GovernanceInputs.DETECTED_AFTER;
import static dev.devguide.cockpit.governance.GovernanceInputs.PROJECT_ID;
import static dev.devguide.cockpit.governance.GovernanceInputs.RESOURCE_TYPE;
import static dev.devguide.cockpit.governance.GovernanceInputs.STANDARD_ID;
import static dev.devguide.cockpit.governance.GovernanceInputs.STATUS;

import dev.devguide.cockpit.audit.AuditFacts;
import dev.devguide.cockpit.audit.AuditedTransactions;
import dev.devguide.cockpit.graphql.ApiException;
import dev.devguide.cockpit.graphql.Cursors;
import dev.devguide.cockpit.graphql.Input;
import dev.devguide.cockpit.graphql.Page;
import dev.devguide.cockpit.project.Ownership;
import dev.devguide.cockpit.security.Caller;
import dev.devguide.cockpit.security.CallerContext;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Lists violations within the caller's projects (admins: all) and moves them between
 * open, resolved and suppressed. A violation belongs to the project in its
 * {@code project_id}; one without a project is admins' only.
 */
@Service
public class ViolationService {

	static final String TYPE = "metadata_violation";

	/** The type as callers know it, in NOT_FOUND answers. */
	private static final String RESOURCE = "MetadataViolation";

	private final ViolationRepository violations;

	private final Ownership ownership;

	private final AuditedTransactions transactions;

	public ViolationService(ViolationRepository violations, Ownership ownership, AuditedTransactions transactions) {
		this.violations = violations;
		this.ownership = ownership;
		this.transactions = transactions;
	}

	/** A page of the violations the caller may read, newest first. */
	public Mono<Page<MetadataViolation>> page(Input filter, int first, Cursors.@Nullable Position position) {
		return CallerContext.current().flatMap(caller -> {
			ViolationFilter criteria = new ViolationFilter(filter.optional(STATUS), filter.optional(STANDARD_ID),
					filter.optional(RESOURCE_TYPE), filter.optional(PROJECT_ID), filter.optional(DETECTED_AFTER),
					caller.admin() ? null : caller.userId());
			return violations.page(criteria, position, first + 1)
				.collectList()
				// a stored violation has its detected_at
				.map(rows -> Page.of(rows, first, position != null,
						v -> Cursors.encode(Objects.requireNonNull(v.detectedAt()), v.id()),
						() -> violations.count(criteria)));
		});
	}

	/** open → resolved. */
	public Mono<MetadataViolation> resolve(String id) {
		return transition(id, "resolve", MetadataViolation.OPEN, MetadataViolation.RESOLVED);
	}

	/** open → suppressed. */
	public Mono<MetadataViolation> suppress(String id) {
		return transition(id, "suppress", MetadataViolation.OPEN, MetadataViolation.SUPPRESSED);
	}

	/** resolved or suppressed → open. */
	public Mono<MetadataViolation> reopen(String id) {
		return transition(id, "reopen", null, MetadataViolation.OPEN);
	}

	/**
	 * Moves the violation to {@code to} from {@code from} (null: from anything but
	 * {@code to}), under its project's lock; an illegal move is a BAD_REQUEST naming the
	 * current status and changes nothing.
	 */
	private Mono<MetadataViolation> transition(String id, String verb, @Nullable String from, String to) {
		return transactions.run(AuditFacts.of(TYPE + "." + verb, TYPE, id).with("to", to),
				caller -> authorize(caller, id).then(violations.lockStatus(id)).flatMap(current -> {
					boolean legal = from == null ? !current.equals(to) : current.equals(from);
					if (!legal) {
						return Mono.error(ApiException.badRequest("id",
								"violation " + id + " is " + current + "; " + verb + " needs "
										+ (from == null ? "a resolved or suppressed" : "an " + from) + " violation"));
					}
					return violations.transition(id, current, to, caller.userId()).thenReturn(current);
				}).flatMap(previous -> violations.findById(id).map(after -> new Transition(previous, after))),
				(facts, transition) -> facts.with("from", transition.from()))
			.map(Transition::violation);
	}

	/** A violation after a move, and the status it moved from. */
	private record Transition(String from, MetadataViolation violation) {
	}

	/**
	 * Locks the violation's project and checks the caller may change it; NOT_FOUND for an
	 * unknown violation and, alike, for one the caller may not read (of someone else's
	 * project, or of none for a non-admin).
	 */
	private Mono<String> authorize(Caller caller, String id) {
		return violations.findById(id)
			.switchIfEmpty(Mono.error(() -> ApiException.notFound(RESOURCE, id)))
			.flatMap(violation -> {
				if (violation.projectId() == null) {
					return caller.admin() ? Mono.just("") : Mono.error(ApiException.notFound(RESOURCE, id));
				}
				// project_id is a soft reference: the violation outlives a deleted
				// project, and stays admins'.
				return ownership.projectOf(caller, violation.projectId(), RESOURCE, id)
					.onErrorResume(ApiException.class, error -> caller.admin() && error.type() == ErrorType.NOT_FOUND
							? Mono.just("") : Mono.error(error));
			});
	}

}
