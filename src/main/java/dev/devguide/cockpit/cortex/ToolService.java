package dev.devguide.cockpit.cortex;

import static dev.devguide.cockpit.cortex.ToolInputs.CATEGORY;
import static dev.devguide.cockpit.cortex.ToolInputs.CONFIG;
import static dev.devguide.cockpit.cortex.ToolInputs.DESCRIPTION;
import static dev.devguide.cockpit.cortex.ToolInputs.IMPLEMENTATION_TYPE;
import static dev.devguide.cockpit.cortex.ToolInputs.NAME;
import static dev.devguide.cockpit.cortex.ToolInputs.REQUIRES_CAPABILITY;
import static dev.devguide.cockpit.cortex.ToolInputs.SYSTEM;

import dev.devguide.cockpit.audit.AuditFacts;
import dev.devguide.cockpit.audit.AuditedTransactions;
import dev.devguide.cockpit.graphql.ApiException;
import dev.devguide.cockpit.graphql.Input;
import dev.devguide.cockpit.security.Caller;
import dev.devguide.cockpit.security.CallerContext;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * The tool registry: every user reads it, only admins register, change and delete tools.
 * Deleting a tool deletes its grants with it, as the spec's foreign key cascades.
 */
@Service
public class ToolService {

	static final String TYPE = "tool";

	private final ToolRepository tools;

	private final AuditedTransactions transactions;

	public ToolService(ToolRepository tools, AuditedTransactions transactions) {
		this.tools = tools;
		this.transactions = transactions;
	}

	public Mono<List<Tool>> list(@Nullable String category, @Nullable Boolean system) {
		return CallerContext.current().flatMap(caller -> tools.find(category, system).collectList());
	}

	public Mono<Tool> register(Input input) {
		String id = UUID.randomUUID().toString();
		return transactions.run(AuditFacts.of("tool.register", TYPE, id).with("fields", input.fieldNames()),
				caller -> requireAdmin(caller).then(Mono.defer(() -> save(
						new Tool(id, input.required(NAME), input.required(CATEGORY), input.required(DESCRIPTION),
								input.required(IMPLEMENTATION_TYPE), input.orElse(CONFIG, Map.of()),
								input.orElse(SYSTEM, false), input.optional(REQUIRES_CAPABILITY), null),
						input, true))));
	}

	public Mono<Tool> update(String id, Input input) {
		return transactions.run(AuditFacts.of("tool.update", TYPE, id).with("fields", input.fieldNames()),
				caller -> requireAdmin(caller).then(Mono.defer(() -> tools.lock(id)))
					.switchIfEmpty(Mono.error(() -> ApiException.notFound("Tool", id)))
					.flatMap(current -> save(merge(current, input), input, false)));
	}

	/** Deletes the tool and, through the foreign key, every grant of it. */
	public Mono<String> delete(String id) {
		return transactions
			.run(AuditFacts.of("tool.delete", TYPE, id),
					caller -> requireAdmin(caller).then(Mono.defer(() -> tools.lock(id)))
						.switchIfEmpty(Mono.error(() -> ApiException.notFound("Tool", id)))
						.flatMap(tool -> tools.countGrants(id))
						.flatMap(grants -> tools.delete(id).thenReturn(grants)),
					(facts, grants) -> facts.with("grantsDeleted", grants))
			.thenReturn(id);
	}

	private static Tool merge(Tool current, Input input) {
		return new Tool(current.id(), input.update(NAME, current.name()), input.update(CATEGORY, current.category()),
				input.update(DESCRIPTION, current.description()),
				input.update(IMPLEMENTATION_TYPE, current.implementationType()), input.update(CONFIG, current.config()),
				input.update(SYSTEM, current.system()),
				input.updateOrClear(REQUIRES_CAPABILITY, current.requiresCapability()), current.createdAt());
	}

	/**
	 * Checks the name is free (the unique key is the last word, for a concurrent
	 * register), writes and reads back.
	 */
	private Mono<Tool> save(Tool tool, Input input, boolean isNew) {
		ApiException taken = ApiException.badRequest(input.path(NAME),
				"a tool named '" + tool.name() + "' already exists");
		return tools.nameTaken(tool.name(), tool.id())
			.flatMap(exists -> exists ? Mono.error(taken) : tools.save(tool, isNew))
			.onErrorMap(DuplicateKeyException.class, ex -> taken)
			.then(Mono.defer(() -> tools.findById(tool.id())));
	}

	static Mono<Void> requireAdmin(Caller caller) {
		return caller.admin() ? Mono.empty() : Mono.error(ApiException.forbidden("Only admins may change tools"));
	}

}
