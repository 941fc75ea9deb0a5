package dev.devguide.cockpit.governance;

import static dev.devguide.cockpit.governance.GovernanceInputs.ACTIVE;
import static dev.devguide.cockpit.governance.GovernanceInputs.CATEGORY;
import static dev.devguide.cockpit.governance.GovernanceInputs.ENFORCEMENT_LEVEL;
import static dev.devguide.cockpit.governance.GovernanceInputs.FIELD_PATTERN;
import static dev.devguide.cockpit.governance.GovernanceInputs.PATTERN_REGEX;
import static dev.devguide.cockpit.governance.GovernanceInputs.STANDARD_NAME;
import static dev.devguide.cockpit.governance.GovernanceInputs.VALIDATION_MESSAGE;

import dev.devguide.cockpit.audit.AuditFacts;
import dev.devguide.cockpit.audit.AuditedTransactions;
import dev.devguide.cockpit.graphql.ApiException;
import dev.devguide.cockpit.graphql.Input;
import dev.devguide.cockpit.security.Caller;
import dev.devguide.cockpit.security.CallerContext;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Metadata standards are system rows: every user reads them, only admins create, change,
 * activate and deactivate them. Both patterns must compile with RE2.
 */
@Service
public class MetadataStandardService {

	static final String TYPE = "metadata_standard";

	private final MetadataStandardRepository standards;

	private final AuditedTransactions transactions;

	public MetadataStandardService(MetadataStandardRepository standards, AuditedTransactions transactions) {
		this.standards = standards;
		this.transactions = transactions;
	}

	public Mono<List<MetadataStandard>> list(@Nullable String category, @Nullable Boolean active) {
		return CallerContext.current().flatMap(caller -> standards.find(category, active).collectList());
	}

	public Mono<MetadataStandard> create(Input input) {
		String id = UUID.randomUUID().toString();
		// The new row takes its required fields from the input (merge checks them again)
		// and the defaults.
		return transactions.run(AuditFacts.of("metadata_standard.create", TYPE, id).with("fields", input.fieldNames()),
				caller -> requireAdmin(caller).then(Mono.defer(() -> save(
						new MetadataStandard(id, input.required(STANDARD_NAME), input.required(CATEGORY),
								input.required(PATTERN_REGEX), null, null, MetadataStandard.ERROR, true, null, null),
						input, true))));
	}

	public Mono<MetadataStandard> update(String id, Input input) {
		return transactions.run(AuditFacts.of("metadata_standard.update", TYPE, id).with("fields", input.fieldNames()),
				caller -> requireAdmin(caller).then(existing(id)).flatMap(current -> save(current, input, false)));
	}

	/**
	 * Sets {@code is_active}; activating an active standard (or the reverse) is allowed.
	 */
	public Mono<MetadataStandard> setActive(String id, boolean active) {
		String action = active ? "metadata_standard.activate" : "metadata_standard.deactivate";
		return transactions.run(AuditFacts.of(action, TYPE, id).with("active", active),
				caller -> requireAdmin(caller).then(existing(id))
					.flatMap(current -> standards.save(withActive(current, active), false))
					.then(standards.findById(id)));
	}

	private Mono<MetadataStandard> existing(String id) {
		return standards.lock(id).switchIfEmpty(Mono.error(() -> ApiException.notFound("MetadataStandard", id)));
	}

	private Mono<MetadataStandard> save(MetadataStandard current, Input input, boolean isNew) {
		MetadataStandard changed = merge(current, input, isNew);
		return standards.nameTaken(changed.standardName(), changed.id())
			.flatMap(taken -> taken
					? Mono.error(ApiException.badRequest(input.path(STANDARD_NAME),
							"a standard named '" + changed.standardName() + "' already exists"))
					: standards.save(changed, isNew))
			.then(standards.findById(changed.id()));
	}

	/** The current standard with the input's fields applied and validated. */
	static MetadataStandard merge(MetadataStandard current, Input input, boolean isNew) {
		String pattern = isNew ? input.required(PATTERN_REGEX) : input.update(PATTERN_REGEX, current.patternRegex());
		Patterns.compile(pattern, input.path(PATTERN_REGEX));
		String fields = input.updateOrClear(FIELD_PATTERN, current.fieldPattern());
		if (fields != null) {
			Patterns.compile(fields, input.path(FIELD_PATTERN));
		}
		return new MetadataStandard(current.id(),
				isNew ? input.required(STANDARD_NAME) : input.update(STANDARD_NAME, current.standardName()),
				isNew ? input.required(CATEGORY) : input.update(CATEGORY, current.category()), pattern, fields,
				input.updateOrClear(VALIDATION_MESSAGE, current.validationMessage()),
				input.update(ENFORCEMENT_LEVEL, current.enforcementLevel()),
				input.has(ACTIVE) ? !Boolean.FALSE.equals(input.optional(ACTIVE)) : current.active(),
				current.createdAt(), current.updatedAt());
	}

	private static MetadataStandard withActive(MetadataStandard s, boolean active) {
		return new MetadataStandard(s.id(), s.standardName(), s.category(), s.patternRegex(), s.fieldPattern(),
				s.validationMessage(), s.enforcementLevel(), active, s.createdAt(), s.updatedAt());
	}

	static Mono<Void> requireAdmin(Caller caller) {
		return caller.admin() ? Mono.empty()
				: Mono.error(ApiException.forbidden("Only admins may change metadata standards"));
	}

}
