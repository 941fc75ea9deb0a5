package dev.devguide.cockpit.project;

import dev.devguide.cockpit.audit.AuditLog;
import dev.devguide.cockpit.audit.AuditedTransactions;
import dev.devguide.cockpit.audit.VersionHistory;
import dev.devguide.cockpit.graphql.ApiException;
import dev.devguide.cockpit.graphql.Input;
import dev.devguide.cockpit.security.Caller;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Modules and their capabilities: audited changes, each module change snapshotted in
 * {@code version_history}.
 */
@Service
public class ModuleService {

	static final String TYPE = "module";

	private final ModuleRepository modules;

	private final CapabilityRepository capabilities;

	private final Ownership ownership;

	private final AuditedTransactions transactions;

	private final AuditLog audit;

	private final VersionHistory versions;

	public ModuleService(ModuleRepository modules, CapabilityRepository capabilities, Ownership ownership,
			AuditedTransactions transactions, AuditLog audit, VersionHistory versions) {
		this.modules = modules;
		this.capabilities = capabilities;
		this.ownership = ownership;
		this.transactions = transactions;
		this.audit = audit;
		this.versions = versions;
	}

	/** Adds a module at the end of the dashboard's list, or at {@code input.position}. */
	public Mono<Module> create(String dashboardId, Input input) {
		String id = UUID.randomUUID().toString();
		return transactions.run("module.create", TYPE, id, caller -> ownership.dashboard(caller, dashboardId)
			.then(Mono.defer(() -> modules.insert(id, dashboardId, input.requiredText("moduleType", 100),
					input.requiredText("name", 255), input.jsonObject("configuration", true))))
			.flatMap(appended -> input.integer("position", 0) == null ? Mono.empty()
					: modules.findById(id).flatMap(created -> modules.move(created, input.integer("position", 0))))
			.then(snapshot(caller, id, "created"))
			.flatMap(created -> audit.success(caller, "module.create", TYPE, id, Map.of("dashboardId", dashboardId))
				.thenReturn(created)));
	}

	public Mono<Module> update(String id, Input input) {
		return transactions.run("module.update", TYPE, id, caller -> ownership.module(caller, id)
			.then(modules.findById(id))
			.map(current -> new Module(id, current.dashboardId(),
					input.has("moduleType") ? input.requiredText("moduleType", 100) : current.moduleType(),
					input.has("name") ? input.requiredText("name", 255) : current.name(),
					input.has("configuration") ? input.jsonObject("configuration", true) : current.configuration(),
					current.position(), current.createdAt(), current.updatedAt()))
			.flatMap(modules::update)
			.then(snapshot(caller, id, "updated: " + String.join(", ", input.fieldNames())))
			.flatMap(updated -> audit.success(caller, "module.update", TYPE, id, Map.of("fields", input.fieldNames()))
				.thenReturn(updated)));
	}

	/**
	 * Moves the module to {@code position} among its dashboard's modules (0 is first).
	 */
	public Mono<Module> move(String id, int position) {
		return transactions.run("module.move", TYPE, id,
				caller -> Positions.check(position)
					.then(ownership.module(caller, id))
					.then(modules.findById(id))
					.flatMap(current -> modules.move(current, position))
					.then(snapshot(caller, id, "moved to position " + position))
					.flatMap(moved -> audit
						.success(caller, "module.move", TYPE, id, Map.of("position", moved.position()))
						.thenReturn(moved)));
	}

	/** Deletes the module; its capabilities cascade. */
	public Mono<String> delete(String id) {
		return transactions.run("module.delete", TYPE, id,
				caller -> ownership.module(caller, id)
					.then(modules.findById(id))
					.flatMap(modules::delete)
					.then(audit.success(caller, "module.delete", TYPE, id, Map.of()))
					.thenReturn(id));
	}

	/**
	 * Grants the module a capability (creating it if needed): sets granted_at, clears
	 * revoked_at.
	 */
	public Mono<Capability> grant(String moduleId, String capabilityType, String justification) {
		return transactions.run("capability.grant", TYPE, moduleId,
				caller -> validType(capabilityType).flatMap(type -> ownership.module(caller, moduleId)
					.then(capabilities.findByModuleAndType(moduleId, type))
					.flatMap(existing -> capabilities.grant(existing.id(), justification).thenReturn(existing.id()))
					.switchIfEmpty(Mono.defer(() -> {
						String id = UUID.randomUUID().toString();
						return capabilities.insertGranted(id, moduleId, type, justification).thenReturn(id);
					}))
					.flatMap(id -> audit
						.success(caller, "capability.grant", "capability", id,
								Map.of("moduleId", moduleId, "capabilityType", type))
						.then(capabilities.findById(id)))));
	}

	/**
	 * Revokes a capability the module holds: sets revoked_at; NOT_FOUND when it never had
	 * it.
	 */
	public Mono<Capability> revoke(String moduleId, String capabilityType, String justification) {
		return transactions.run("capability.revoke", TYPE, moduleId,
				caller -> validType(capabilityType).flatMap(type -> revoke(caller, moduleId, type, justification)));
	}

	private Mono<Capability> revoke(Caller caller, String moduleId, String type, String justification) {
		return ownership.module(caller, moduleId)
			.then(capabilities.findByModuleAndType(moduleId, type))
			.switchIfEmpty(Mono.error(() -> ApiException.notFound("Capability", type + " of module " + moduleId)))
			.flatMap(existing -> capabilities.revoke(existing.id(), justification)
				.then(audit.success(caller, "capability.revoke", "capability", existing.id(),
						Map.of("moduleId", moduleId, "capabilityType", type)))
				.then(capabilities.findById(existing.id())));
	}

	private Mono<Module> snapshot(Caller caller, String id, String description) {
		return modules.findById(id)
			.flatMap(module -> versions.snapshot(caller, TYPE, id, module, description).thenReturn(module));
	}

	private static Mono<String> validType(String capabilityType) {
		String type = capabilityType == null ? "" : capabilityType.strip();
		if (type.isEmpty() || type.length() > 100) {
			return Mono.error(ApiException.badRequest("capabilityType", "must be 1 to 100 characters"));
		}
		return Mono.just(type);
	}

}
