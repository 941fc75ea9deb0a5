package dev.devguide.cockpit.configuration;

import dev.devguide.cockpit.audit.AuditLog;
import dev.devguide.cockpit.audit.AuditedTransactions;
import dev.devguide.cockpit.graphql.ApiException;
import dev.devguide.cockpit.graphql.Input;
import dev.devguide.cockpit.project.Ownership;
import dev.devguide.cockpit.security.Caller;
import dev.devguide.cockpit.security.CallerContext;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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

	private final AuditLog audit;

	private final GuardrailConfigurationCheck configurationCheck;

	public GuardrailService(GuardrailRepository guardrails, Ownership ownership, AuditedTransactions transactions,
			AuditLog audit, GuardrailConfigurationCheck configurationCheck) {
		this.guardrails = guardrails;
		this.ownership = ownership;
		this.transactions = transactions;
		this.audit = audit;
		this.configurationCheck = configurationCheck;
	}

	/**
	 * System guardrails and those of the caller's projects (admins: all), optionally of
	 * one project.
	 */
	public Mono<List<Guardrail>> list(String projectId) {
		return CallerContext.current()
			.flatMap(
					caller -> guardrails.findVisible(caller.admin() ? null : caller.userId(), projectId).collectList());
	}

	public Mono<Guardrail> create(String projectId, Input input) {
		String id = UUID.randomUUID().toString();
		return transactions.run("guardrail.create", TYPE, id,
				caller -> authorize(caller, projectId, id).then(Mono.defer(() -> save(caller,
						new Guardrail(id, projectId, null, null, null, false, null, true, null), input, true))));
	}

	public Mono<Guardrail> update(String id, Input input) {
		return transactions.run("guardrail.update", TYPE, id, caller -> existing(id)
			.flatMap(current -> authorize(caller, current.projectId(), id).then(save(caller, current, input, false))));
	}

	public Mono<String> delete(String id) {
		return transactions.run("guardrail.delete", TYPE, id,
				caller -> existing(id).flatMap(current -> authorize(caller, current.projectId(), id))
					.then(guardrails.delete(id))
					.then(audit.success(caller, "guardrail.delete", TYPE, id, Map.of()))
					.thenReturn(id));
	}

	private Mono<Guardrail> existing(String id) {
		return guardrails.findById(id).switchIfEmpty(Mono.error(() -> ApiException.notFound("Guardrail", id)));
	}

	/**
	 * Admins for system guardrails, the project's owner otherwise; a refusal names only
	 * the guardrail.
	 */
	private Mono<Void> authorize(Caller caller, String projectId, String guardrailId) {
		return projectId == null ? TemplateService.requireAdmin(caller)
				: ownership.projectOf(caller, projectId, "Guardrail", guardrailId).then();
	}

	private Mono<Guardrail> save(Caller caller, Guardrail current, Input input, boolean isNew) {
		Guardrail changed = new Guardrail(current.id(), current.projectId(),
				isNew || input.has("ruleId") ? input.requiredText("ruleId", 100) : current.ruleId(),
				isNew || input.has("description") ? input.requiredText("description", Input.TEXT_BYTES)
						: current.description(),
				isNew || input.has("severity") ? severity(input) : current.severity(),
				input.has("autoReject") ? Boolean.TRUE.equals(input.bool("autoReject")) : current.autoReject(),
				input.has("configuration") ? input.jsonObject("configuration", false) : current.configuration(),
				input.has("enabled") ? !Boolean.FALSE.equals(input.bool("enabled")) : current.enabled(),
				current.createdAt());
		String problem = input.has("configuration") ? configurationCheck.problem(changed.configuration()) : null;
		if (problem != null) {
			return Mono.error(ApiException.badRequest(input.path("configuration"), problem));
		}
		String action = isNew ? "guardrail.create" : "guardrail.update";
		return guardrails.save(changed, isNew)
			.then(audit.success(caller, action, TYPE, changed.id(), Map.of("fields", input.fieldNames())))
			.then(guardrails.findById(changed.id()));
	}

	private static String severity(Input input) {
		String severity = input.enumName("severity");
		if (severity == null) {
			throw ApiException.badRequest(input.path("severity"), "is required");
		}
		return severity;
	}

}
