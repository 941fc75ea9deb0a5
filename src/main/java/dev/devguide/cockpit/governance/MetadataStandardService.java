package dev.devguide.cockpit.governance;

import dev.devguide.cockpit.audit.AuditLog;
import dev.devguide.cockpit.audit.AuditedTransactions;
import dev.devguide.cockpit.graphql.ApiException;
import dev.devguide.cockpit.graphql.Input;
import dev.devguide.cockpit.security.Caller;
import dev.devguide.cockpit.security.CallerContext;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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

	private final AuditLog audit;

	public MetadataStandardService(MetadataStandardRepository standards, AuditedTransactions transactions,
			AuditLog audit) {
		this.standards = standards;
		this.transactions = transactions;
		this.audit = audit;
	}

	public Mono<List<MetadataStandard>> list(String category, Boolean active) {
		return CallerContext.current().flatMap(caller -> standards.find(category, active).collectList());
	}

	public Mono<MetadataStandard> create(Input input) {
		String id = UUID.randomUUID().toString();
		MetadataStandard blank = new MetadataStandard(id, null, null, null, null, null, MetadataStandard.ERROR, true,
				null, null);
		return transactions.run("metadata_standard.create", TYPE, id,
				caller -> requireAdmin(caller).then(Mono.defer(() -> save(caller, blank, input, true))));
	}

	public Mono<MetadataStandard> update(String id, Input input) {
		return transactions.run("metadata_standard.update", TYPE, id, caller -> requireAdmin(caller).then(existing(id))
			.flatMap(current -> save(caller, current, input, false)));
	}

	/**
	 * Sets {@code is_active}; activating an active standard (or the reverse) is allowed.
	 */
	public Mono<MetadataStandard> setActive(String id, boolean active) {
		String action = active ? "metadata_standard.activate" : "metadata_standard.deactivate";
		return transactions.run(action, TYPE, id,
				caller -> requireAdmin(caller).then(existing(id))
					.flatMap(current -> standards.save(withActive(current, active), false))
					.then(audit.success(caller, action, TYPE, id, Map.of("active", active)))
					.then(standards.findById(id)));
	}

	private Mono<MetadataStandard> existing(String id) {
		return standards.lock(id).switchIfEmpty(Mono.error(() -> ApiException.notFound("MetadataStandard", id)));
	}

	private Mono<MetadataStandard> save(Caller caller, MetadataStandard current, Input input, boolean isNew) {
		MetadataStandard changed = merge(current, input, isNew);
		String action = isNew ? "metadata_standard.create" : "metadata_standard.update";
		return standards.nameTaken(changed.standardName(), changed.id())
			.flatMap(taken -> taken
					? Mono.error(ApiException.badRequest(input.path("standardName"),
							"a standard named '" + changed.standardName() + "' already exists"))
					: standards.save(changed, isNew))
			.then(audit.success(caller, action, TYPE, changed.id(), Map.of("fields", input.fieldNames())))
			.then(standards.findById(changed.id()));
	}

	/** The current standard with the input's fields applied and validated. */
	static MetadataStandard merge(MetadataStandard current, Input input, boolean isNew) {
		String pattern = isNew || input.has("patternRegex") ? input.requiredText("patternRegex", 65_535)
				: current.patternRegex();
		Patterns.compile(pattern, input.path("patternRegex"));
		String fields = input.has("fieldPattern") ? input.text("fieldPattern", 255) : current.fieldPattern();
		if (fields != null) {
			Patterns.compile(fields, input.path("fieldPattern"));
		}
		return new MetadataStandard(current.id(),
				isNew || input.has("standardName") ? input.requiredText("standardName", 100) : current.standardName(),
				isNew || input.has("category") ? required(input, "category") : current.category(), pattern, fields,
				input.has("validationMessage") ? input.text("validationMessage", 65_535) : current.validationMessage(),
				input.has("enforcementLevel") ? required(input, "enforcementLevel") : current.enforcementLevel(),
				input.has("active") ? !Boolean.FALSE.equals(input.bool("active")) : current.active(),
				current.createdAt(), current.updatedAt());
	}

	private static String required(Input input, String field) {
		String value = input.enumName(field);
		if (value == null) {
			throw ApiException.badRequest(input.path(field), "is required");
		}
		return value;
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
