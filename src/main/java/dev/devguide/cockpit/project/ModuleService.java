package dev.devguide.cockpit.project;

import static dev.devguide.cockpit.project.ProjectInputs.CAPABILITY_TYPE;
import static dev.devguide.cockpit.project.ProjectInputs.CONFIGURATION;
import static dev.devguide.cockpit.project.ProjectInputs.INSERT_AT;
import static dev.devguide.cockpit.project.ProjectInputs.JUSTIFICATION;
import static dev.devguide.cockpit.project.ProjectInputs.MODULE_TYPE;
import static dev.devguide.cockpit.project.ProjectInputs.NAME;
import static dev.devguide.cockpit.project.ProjectInputs.POSITION;
import static dev.devguide.cockpit.project.ProjectInputs.VERSION;

import dev.devguide.cockpit.audit.AuditFacts;
import dev.devguide.cockpit.audit.AuditedTransactions;
import dev.devguide.cockpit.audit.VersionHistory;
import dev.devguide.cockpit.graphql.ApiException;
import dev.devguide.cockpit.graphql.Input;
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

	static final String CAPABILITY = "capability";

	private final ModuleRepository modules;

	private final CapabilityRepository capabilities;

	private final Ownership ownership;

	private final AuditedTransactions transactions;

	private final VersionedChildren<Module> versioned;

	public ModuleService(ModuleRepository modules, CapabilityRepository capabilities, Ownership ownership,
			AuditedTransactions transactions, VersionHistory versions) {
		this.modules = modules;
		this.capabilities = capabilities;
		this.ownership = ownership;
		this.transactions = transactions;
		this.versioned = new VersionedChildren<>(TYPE, modules::findById, modules::move, versions);
	}

	/** Adds a module at the end of the dashboard's list, or at {@code input.position}. */
	public Mono<Module> create(String dashboardId, Input input) {
		String id = UUID.randomUUID().toString();
		return transactions.run(AuditFacts.of("module.create", TYPE, id).with("dashboardId", dashboardId),
				caller -> ownership.dashboard(caller, dashboardId)
					.then(Mono.defer(() -> modules.insert(id, dashboardId, input.required(MODULE_TYPE),
							input.required(NAME), input.required(CONFIGURATION))))
					.then(Mono.defer(() -> versioned.created(caller, id, input.optional(INSERT_AT)))));
	}

	public Mono<Module> update(String id, Input input) {
		return transactions
			.run(AuditFacts.of("module.update", TYPE, id).with("fields", input.fieldNames()), caller -> ownership
				.module(caller, id)
				.then(modules.findById(id))
				.map(current -> new Module(id, current.dashboardId(), input.update(MODULE_TYPE, current.moduleType()),
						input.update(NAME, current.name()), input.update(CONFIGURATION, current.configuration()),
						current.position(), current.createdAt(), current.updatedAt()))
				.flatMap(modules::update)
				.then(Mono.defer(() -> versioned.updated(caller, id, input.fieldNames()))));
	}

	/**
	 * Moves the module to the checked {@code position} argument among its dashboard's
	 * modules (0 is first).
	 */
	public Mono<Module> move(String id, Input arguments) {
		return transactions.run(AuditFacts.of("module.move", TYPE, id), caller -> {
			int position = arguments.required(POSITION);
			return ownership.module(caller, id).then(versioned.moved(caller, id, position));
		}, (facts, moved) -> facts.with("position", moved.position()));
	}

	/** Deletes the module; its capabilities cascade. */
	public Mono<String> delete(String id) {
		return transactions.run(AuditFacts.of("module.delete", TYPE, id),
				caller -> ownership.module(caller, id)
					.then(modules.findById(id))
					.flatMap(modules::delete)
					.thenReturn(id));
	}

	/**
	 * Makes version {@code version} of the module current: its type, name and
	 * configuration (the position stays as it is), recorded as a new version. An unknown
	 * version is a BAD_REQUEST naming {@code version}.
	 */
	public Mono<Module> restore(String id, Input arguments) {
		// authorization first: another user's resource is refused whatever the version
		return transactions.run(AuditFacts.of("module.restoreVersion", TYPE, id),
				caller -> ownership.module(caller, id).then(Mono.defer(() -> {
					int number = arguments.required(VERSION);
					return versioned.restored(caller, id, number, arguments.path(VERSION),
							(current,
									snapshot) -> modules.update(new Module(id, current.dashboardId(),
											VersionedChildren.text(snapshot, "moduleType", current.moduleType()),
											VersionedChildren.text(snapshot, "name", current.name()),
											VersionedChildren.json(snapshot, "configuration", current.configuration()),
											current.position(), current.createdAt(), current.updatedAt())));
				})),
				(facts, restored) -> facts.with("restored", restored.restored()).with("version", restored.version()))
			.map(VersionedChildren.Restored::row);
	}

	/**
	 * Grants the module the capability of the arguments (creating it if needed): sets
	 * granted_at, clears revoked_at.
	 */
	public Mono<Capability> grant(String moduleId, Input arguments) {
		return transactions.run(capabilityFacts("capability.grant", moduleId), caller -> {
			String type = arguments.required(CAPABILITY_TYPE);
			String justification = arguments.optional(JUSTIFICATION);
			return ownership.module(caller, moduleId)
				.then(capabilities.findByModuleAndType(moduleId, type))
				.flatMap(existing -> capabilities.grant(existing.id(), justification).thenReturn(existing.id()))
				.switchIfEmpty(Mono.defer(() -> {
					String id = UUID.randomUUID().toString();
					return capabilities.insertGranted(id, moduleId, type, justification).thenReturn(id);
				}))
				.flatMap(capabilities::findById);
		}, ModuleService::succeeded);
	}

	/**
	 * Revokes a capability the module holds: sets revoked_at; NOT_FOUND when it never had
	 * it.
	 */
	public Mono<Capability> revoke(String moduleId, Input arguments) {
		return transactions.run(capabilityFacts("capability.revoke", moduleId), caller -> {
			String type = arguments.required(CAPABILITY_TYPE);
			String justification = arguments.optional(JUSTIFICATION);
			return ownership.module(caller, moduleId)
				.then(capabilities.findByModuleAndType(moduleId, type))
				.switchIfEmpty(Mono.error(() -> ApiException.notFound("Capability", type + " of module " + moduleId)))
				.flatMap(existing -> capabilities.revoke(existing.id(), justification)
					.then(capabilities.findById(existing.id())));
		}, ModuleService::succeeded);
	}

	/**
	 * A capability change is about one capability of a module: its id and type are known
	 * once it succeeded; a refused one is recorded with the module.
	 */
	private static AuditFacts capabilityFacts(String action, String moduleId) {
		return AuditFacts.of(action, CAPABILITY, null).with("moduleId", moduleId);
	}

	private static AuditFacts succeeded(AuditFacts facts, Capability capability) {
		return facts.about(capability.id()).with("capabilityType", capability.capabilityType());
	}

}
