package dev.devguide.cockpit.cortex;

import static dev.devguide.cockpit.cortex.ToolInputs.ACCESS_TOKEN;
import static dev.devguide.cockpit.cortex.ToolInputs.ACCESS_TYPE;
import static dev.devguide.cockpit.cortex.ToolInputs.ENABLED;
import static dev.devguide.cockpit.cortex.ToolInputs.EXPIRES_AT;
import static dev.devguide.cockpit.cortex.ToolInputs.OAUTH;
import static dev.devguide.cockpit.cortex.ToolInputs.REFRESH_TOKEN;
import static dev.devguide.cockpit.cortex.ToolInputs.SCOPES;

import dev.devguide.cockpit.audit.AuditFacts;
import dev.devguide.cockpit.audit.AuditedTransactions;
import dev.devguide.cockpit.graphql.ApiException;
import dev.devguide.cockpit.graphql.FieldSpec;
import dev.devguide.cockpit.graphql.Input;
import dev.devguide.cockpit.project.Ownership;
import dev.devguide.cockpit.security.Caller;
import dev.devguide.cockpit.security.SealedSecrets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Tool grants of a project, changed by its owner under the project's lock. A tool that
 * requires a capability is granted, enabled again and used only while a module of the
 * project holds it. OAuth tokens are sealed like provider keys; the audit row names the
 * fields sent and the key id, never a token.
 */
@Service
public class ToolAccessService {

	static final String TYPE = "tool_access";

	private final ToolAccessRepository accesses;

	private final ToolRepository tools;

	private final Ownership ownership;

	private final AuditedTransactions transactions;

	private final SealedSecrets secrets;

	public ToolAccessService(ToolAccessRepository accesses, ToolRepository tools, Ownership ownership,
			AuditedTransactions transactions, SealedSecrets secrets) {
		this.accesses = accesses;
		this.tools = tools;
		this.ownership = ownership;
		this.transactions = transactions;
		this.secrets = secrets;
	}

	public Mono<ToolAccess> grant(String projectId, String toolId, Input input) {
		String id = UUID.randomUUID().toString();
		AuditFacts facts = AuditFacts.of("tool_access.grant", TYPE, id)
			.with("projectId", projectId)
			.with("toolId", toolId)
			.with("fields", input.fieldNames());
		return transactions.run(facts,
				caller -> ownership.project(caller, projectId)
					.then(Mono.defer(() -> tools.findById(toolId)))
					.switchIfEmpty(Mono.error(() -> ApiException.notFound("Tool", toolId)))
					.flatMap(tool -> capability(tool, projectId).then(accesses.granted(projectId, toolId)))
					.flatMap(taken -> taken
							? Mono.error(ApiException.badRequest("toolId",
									"project " + projectId + " already has access to tool " + toolId))
							: Mono.defer(() -> {
								ToolAccess created = new ToolAccess(id, projectId, toolId,
										input.orElse(ACCESS_TYPE, "read"), input.orElse(ENABLED, true), null, null,
										List.of(), false, false, null, null);
								ToolOAuth oauth = oauth(id, input);
								return accesses.insert(created)
									// the tool was deleted since it was read: its foreign
									// key refuses the
									// row
									.onErrorMap(DataIntegrityViolationException.class,
											ex -> ApiException.notFound("Tool", toolId))
									.then(input.has(OAUTH) ? accesses.setOAuth(id, oauth, expiry(input))
											: Mono.empty());
							}))
					.then(Mono.defer(() -> existing(id))),
				ToolAccessService::succeeded);
	}

	public Mono<ToolAccess> update(String id, Input input) {
		return transactions.run(AuditFacts.of("tool_access.update", TYPE, id).with("fields", input.fieldNames()),
				caller -> locked(caller, id).flatMap(current -> {
					boolean enabled = input.update(ENABLED, current.enabled());
					String type = input.update(ACCESS_TYPE, current.accessType());
					ToolOAuth oauth = input.has(OAUTH) ? oauth(id, input) : null;
					Mono<Void> check = enabled && !current.enabled()
							? tools.findById(current.toolId()).flatMap(tool -> capability(tool, current.projectId()))
							: Mono.empty();
					return check.then(accesses.update(id, type, enabled))
						.then(input.has(OAUTH) ? accesses.setOAuth(id, oauth, expiry(input)) : Mono.empty());
				}).then(Mono.defer(() -> existing(id))), ToolAccessService::succeeded);
	}

	/** Deletes the grant, with its tokens. */
	public Mono<String> revoke(String id) {
		return transactions.run(AuditFacts.of("tool_access.revoke", TYPE, id),
				caller -> locked(caller, id).flatMap(current -> accesses.delete(id).thenReturn(id)));
	}

	/**
	 * Records a use of an ACTIVE grant; an EXPIRED or DISABLED one is a BAD_REQUEST, and
	 * one whose tool requires a capability the project no longer holds is FORBIDDEN.
	 */
	public Mono<ToolAccess> recordUse(String id) {
		return transactions.run(AuditFacts.of("tool_access.use", TYPE, id),
				caller -> locked(caller, id).flatMap(current -> {
					String status = current.status(Instant.now());
					if (!ToolAccess.ACTIVE.equals(status)) {
						return Mono.error(ApiException.badRequest("accessId",
								"tool access " + id + " is " + status + "; recordToolUse needs an ACTIVE grant"));
					}
					return tools.findById(current.toolId())
						.flatMap(tool -> capability(tool, current.projectId()))
						.then(accesses.touch(id));
				}).then(Mono.defer(() -> existing(id))));
	}

	/**
	 * FORBIDDEN, naming the capability, when the tool requires one that no module of the
	 * project holds.
	 */
	private Mono<Void> capability(Tool tool, String projectId) {
		String required = tool.requiresCapability();
		if (required == null) {
			return Mono.empty();
		}
		return accesses.capabilityHeld(projectId, required)
			.flatMap(
					held -> held ? Mono.<Void>empty()
							: Mono.error(ApiException.forbidden("Tool " + tool.name() + " requires the capability '"
									+ required + "', which no module of project " + projectId
									+ " holds (granted and not revoked)")));
	}

	/** The OAuth input with its tokens sealed for this grant; null when it is null. */
	private @Nullable ToolOAuth oauth(String id, Input input) {
		Input oauth = input.object(OAUTH);
		if (input.optional(OAUTH) == null) {
			return null;
		}
		List<String> scopes = oauth.orElse(SCOPES, List.of());
		return new ToolOAuth(scopes, seal(oauth, ACCESS_TOKEN, id, ToolOAuth.ACCESS_TOKEN),
				seal(oauth, REFRESH_TOKEN, id, ToolOAuth.REFRESH_TOKEN));
	}

	private byte @Nullable [] seal(Input oauth, FieldSpec<String> spec, String id, String token) {
		String value = oauth.optional(spec);
		return value == null ? null : secrets.seal(value, ToolOAuth.binding(id, token), oauth.path(spec));
	}

	private static @Nullable Instant expiry(Input input) {
		return input.optional(OAUTH) == null ? null : input.object(OAUTH).optional(EXPIRES_AT);
	}

	private Mono<ToolAccess> locked(Caller caller, String id) {
		return existing(id).flatMap(found -> ownership.projectOf(caller, found.projectId(), "ToolAccess", id))
			.then(Mono.defer(() -> existing(id)));
	}

	private Mono<ToolAccess> existing(String id) {
		return accesses.findById(id).switchIfEmpty(Mono.error(() -> ApiException.notFound("ToolAccess", id)));
	}

	private static AuditFacts succeeded(AuditFacts facts, ToolAccess result) {
		return facts.with("status", result.status(Instant.now())).with("tokenKeyId", result.tokenKeyId());
	}

}
