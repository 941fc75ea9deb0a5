package dev.devguide.cockpit.configuration;

import static dev.devguide.cockpit.configuration.ConfigurationInputs.CATEGORY;
import static dev.devguide.cockpit.configuration.ConfigurationInputs.COMMUNITY_APPROVED;
import static dev.devguide.cockpit.configuration.ConfigurationInputs.SPECIFICATION;
import static dev.devguide.cockpit.configuration.ConfigurationInputs.TEMPLATE_DESCRIPTION;
import static dev.devguide.cockpit.configuration.ConfigurationInputs.TEMPLATE_NAME;

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

/** Templates are system rows: every user reads them, only admins change them. */
@Service
public class TemplateService {

	static final String TYPE = "template";

	private final TemplateRepository templates;

	private final AuditedTransactions transactions;

	public TemplateService(TemplateRepository templates, AuditedTransactions transactions) {
		this.templates = templates;
		this.transactions = transactions;
	}

	public Mono<List<Template>> list(@Nullable String category) {
		return CallerContext.current().flatMap(caller -> templates.findAll(category).collectList());
	}

	public Mono<Template> create(Input input) {
		String id = UUID.randomUUID().toString();
		return transactions.run(AuditFacts.of("template.create", TYPE, id).with("fields", input.fieldNames()),
				// The new row takes its required fields from the input, read in the order
				// save reads them.
				caller -> requireAdmin(caller).then(Mono.defer(() -> save(new Template(id,
						input.required(TEMPLATE_NAME), input.required(CATEGORY), input.optional(TEMPLATE_DESCRIPTION),
						input.required(SPECIFICATION), caller.userId(), false, 0, null), input, true))));
	}

	public Mono<Template> update(String id, Input input) {
		return transactions.run(AuditFacts.of("template.update", TYPE, id).with("fields", input.fieldNames()),
				caller -> requireAdmin(caller).then(templates.findById(id))
					.switchIfEmpty(Mono.error(() -> ApiException.notFound("Template", id)))
					.flatMap(current -> save(current, input, false)));
	}

	public Mono<String> delete(String id) {
		return transactions
			.run(AuditFacts.of("template.delete", TYPE, id), caller -> requireAdmin(caller).then(templates.delete(id))
				.flatMap(deleted -> deleted == 0 ? Mono.error(ApiException.notFound("Template", id)) : Mono.just(id)));
	}

	private Mono<Template> save(Template current, Input input, boolean isNew) {
		Template changed = new Template(current.id(),
				isNew ? input.required(TEMPLATE_NAME) : input.update(TEMPLATE_NAME, current.name()),
				isNew ? input.required(CATEGORY) : input.update(CATEGORY, current.category()),
				input.updateOrClear(TEMPLATE_DESCRIPTION, current.description()),
				isNew ? input.required(SPECIFICATION) : input.update(SPECIFICATION, current.specification()),
				current.createdBy(), input.has(COMMUNITY_APPROVED)
						? Boolean.TRUE.equals(input.optional(COMMUNITY_APPROVED)) : current.communityApproved(),
				current.downloadCount(), current.createdAt());
		return templates.nameTaken(changed.name(), changed.id())
			.flatMap(taken -> taken
					? Mono.error(ApiException.badRequest(input.path(TEMPLATE_NAME),
							"a template named '" + changed.name() + "' already exists"))
					: templates.save(changed, isNew))
			.then(templates.findById(changed.id()));
	}

	static Mono<Void> requireAdmin(Caller caller) {
		return caller.admin() ? Mono.empty() : Mono.error(ApiException.forbidden("Only admins may change system rows"));
	}

}
