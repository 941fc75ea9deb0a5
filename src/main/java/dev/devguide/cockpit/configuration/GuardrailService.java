package dev.devguide.cockpit.configuration;

import static dev.devguide.cockpit.configuration.ConfigurationInputs.AUTO_REJECT;
import static dev.devguide.cockpit.configuration.ConfigurationInputs.CONFIGURATION;
import static dev.devguide.cockpit.configuration.ConfigurationInputs.ENABLED;
import static dev.devguide.cockpit.configuration.ConfigurationInputs.RULE_DESCRIPTION;
import static dev.devguide.cockpit.configuration.ConfigurationInputs.RULE_ID;
import static dev.devguide.cockpit.configuration.ConfigurationInputs.SEVERITY;

import dev.devguide.cockpit.audit.AuditFacts;
import dev.devguide.cockpit.audit.AuditedTransactions;
import dev.devguide.cockpit.graphql.ApiException;
import dev.devguide.cockpit.graphql.Input;
import dev.devguide.cockpit.project.Ownership;
import dev.devguide.cockpit.security.Caller;
import dev.devguide.cockpit.security.CallerContext;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Guardrails: a project's are its owner's to change; system guardrails (no project) are
 * admins'.
 */
@Service
public class GuardrailService {

	static final String TYPE = "guardrail";

	private final GuardrailRepository guardrails;

	private final Ownership ownership;

	private final AuditedTransactions transactions;

	private final GuardrailConfigurationCheck configurationCheck;

	public GuardrailService(GuardrailRepository guardrails, Ownership ownership, AuditedTransactions transactions,
			GuardrailConfigurationCheck configurationCheck) {
		this.guardrails = guardrails;
		this.ownership = ownership;
		this.transactions = transactions;
		this.configurationCheck = configurationCheck;
	}

	/**
	 * System guardrails and those of the caller's projects (admins: all), optionally of
	 * one project.
	 */
	public Mono<List<Guardrail>> list(@Nullable String projectId) {
		return CallerContext.current()
			.flatMap(
					caller -> guardrails.findVisible(caller.admin() ? null : caller.userId(), projectId).collectList());
	}

	public Mono<Guardrail> create(@Nullable String projectId, Input input) {
		String id = UUID.randomUUID().toString();
		return transactions.run(AuditFacts.of("guardrail.create", TYPE, id).with("fields", input.fieldNames()),
				// The new row takes its required fields from the input, read in the order
				// save reads them.
				caller -> authorize(caller, projectId, "Project", Objects.requireNonNullElse(projectId, ""))
					.then(Mono.defer(() -> save(new Guardrail(id, projectId, input.required(RULE_ID),
							input.required(RULE_DESCRIPTION), input.required(SEVERITY), false, null, true, null), input,
							true))));
	}

	public Mono<Guardrail> update(String id, Input input) {
		return transactions.run(AuditFacts.of("guardrail.update", TYPE, id).with("fields", input.fieldNames()),
				caller -> existing(id).flatMap(current -> authorize(caller, current.projectId(), "Guardrail", id)
					.then(save(current, input, false))));
	}

	public Mono<String> delete(String id) {
		return transactions.run(AuditFacts.of("guardrail.delete", TYPE, id),
				caller -> existing(id).flatMap(current -> authorize(caller, current.projectId(), "Guardrail", id))
					.then(guardrails.delete(id))
					.thenReturn(id));
	}

	private Mono<Guardrail> existing(String id) {
		return guardrails.findById(id).switchIfEmpty(Mono.error(() -> ApiException.notFound("Guardrail", id)));
	}

	/**
	 * Admins for system guardrails, the project's owner otherwise; a refusal names only
	 * what the caller sent: {@code resource} {@code id} (the project of a new guardrail,
	 * else the guardrail).
	 */
	private Mono<Void> authorize(Caller caller, @Nullable String projectId, String resource, String id) {
		return projectId == null ? TemplateService.requireAdmin(caller)
				: ownership.projectOf(caller, projectId, resource, id).then();
	}

	private Mono<Guardrail> save(Guardrail current, Input input, boolean isNew) {
		Guardrail changed = new Guardrail(current.id(), current.projectId(),
				isNew ? input.required(RULE_ID) : input.update(RULE_ID, current.ruleId()),
				isNew ? input.required(RULE_DESCRIPTION) : input.update(RULE_DESCRIPTION, current.description()),
				isNew ? input.required(SEVERITY) : input.update(SEVERITY, current.severity()),
				input.has(AUTO_REJECT) ? Boolean.TRUE.equals(input.optional(AUTO_REJECT)) : current.autoReject(),
				input.updateOrClear(CONFIGURATION, current.configuration()),
				input.has(ENABLED) ? !Boolean.FALSE.equals(input.optional(ENABLED)) : current.enabled(),
				current.createdAt());
		String problem = input.has(CONFIGURATION) ? configurationCheck.problem(changed.configuration()) : null;
		if (problem != null) {
			return Mono.error(ApiException.badRequest(input.path(CONFIGURATION), problem));
		}
		return guardrails.save(changed, isNew).then(guardrails.findById(changed.id()));
	}

}
