package dev.devguide.cockpit.configuration;

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

/** Templates are system rows: every user reads them, only admins change them. */
@Service
public class TemplateService {

	static final String TYPE = "template";

	private final TemplateRepository templates;

	private final AuditedTransactions transactions;

	private final AuditLog audit;

	public TemplateService(TemplateRepository templates, AuditedTransactions transactions, AuditLog audit) {
		this.templates = templates;
		this.transactions = transactions;
		this.audit = audit;
	}

	public Mono<List<Template>> list(String category) {
		return CallerContext.current().flatMap(caller -> templates.findAll(category).collectList());
	}

	public Mono<Template> create(Input input) {
		String id = UUID.randomUUID().toString();
		return transactions.run("template.create", TYPE, id,
				caller -> requireAdmin(caller).then(Mono.defer(() -> save(caller,
						new Template(id, null, null, null, null, caller.userId(), false, 0, null), input, true))));
	}

	public Mono<Template> update(String id, Input input) {
		return transactions.run("template.update", TYPE, id,
				caller -> requireAdmin(caller).then(templates.findById(id))
					.switchIfEmpty(Mono.error(() -> ApiException.notFound("Template", id)))
					.flatMap(current -> save(caller, current, input, false)));
	}

	public Mono<String> delete(String id) {
		return transactions.run("template.delete", TYPE, id,
				caller -> requireAdmin(caller).then(templates.delete(id))
					.flatMap(deleted -> deleted == 0 ? Mono.error(ApiException.notFound("Template", id))
							: audit.success(caller, "template.delete", TYPE, id, Map.of()).thenReturn(id)));
	}

	private Mono<Template> save(Caller caller, Template current, Input input, boolean isNew) {
		Template changed = new Template(current.id(),
				isNew || input.has("name") ? input.requiredText("name", 255) : current.name(),
				isNew || input.has("category") ? input.requiredText("category", 100) : current.category(),
				input.has("description") ? input.text("description", Input.TEXT_BYTES) : current.description(),
				isNew || input.has("specification") ? input.jsonObject("specification", true) : current.specification(),
				current.createdBy(), input.has("communityApproved")
						? Boolean.TRUE.equals(input.bool("communityApproved")) : current.communityApproved(),
				current.downloadCount(), current.createdAt());
		String action = isNew ? "template.create" : "template.update";
		return templates.nameTaken(changed.name(), changed.id())
			.flatMap(taken -> taken
					? Mono.error(ApiException.badRequest("input.name",
							"a template named '" + changed.name() + "' already exists"))
					: templates.save(changed, isNew))
			.then(audit.success(caller, action, TYPE, changed.id(), Map.of("fields", input.fieldNames())))
			.then(templates.findById(changed.id()));
	}

	static Mono<Void> requireAdmin(Caller caller) {
		return caller.admin() ? Mono.empty() : Mono.error(ApiException.forbidden("Only admins may change system rows"));
	}

}
