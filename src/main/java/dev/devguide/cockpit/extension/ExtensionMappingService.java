package dev.devguide.cockpit.extension;

import static dev.devguide.cockpit.extension.ExtensionMappingInputs.CUSTOM_CONFIG;
import static dev.devguide.cockpit.extension.ExtensionMappingInputs.ENABLED;
import static dev.devguide.cockpit.extension.ExtensionMappingInputs.INSERT_AT;
import static dev.devguide.cockpit.extension.ExtensionMappingInputs.POSITION;

import dev.devguide.cockpit.audit.AuditFacts;
import dev.devguide.cockpit.audit.AuditedTransactions;
import dev.devguide.cockpit.graphql.ApiException;
import dev.devguide.cockpit.graphql.Input;
import dev.devguide.cockpit.project.Ownership;
import dev.devguide.cockpit.security.Caller;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Installs extension dashboards into projects and changes, moves and removes the
 * mappings, each in one audited transaction under the project's lock (its owner and
 * admins). Installing counts a download in the same transaction.
 */
@Service
public class ExtensionMappingService {

	static final String TYPE = "extension_mapping";

	private static final String RESOURCE = "ProjectExtension";

	private final ExtensionMappingRepository mappings;

	private final ExtensionInstallRepository installs;

	private final Ownership ownership;

	private final AuditedTransactions transactions;

	ExtensionMappingService(ExtensionMappingRepository mappings, ExtensionInstallRepository installs,
			Ownership ownership, AuditedTransactions transactions) {
		this.mappings = mappings;
		this.installs = installs;
		this.ownership = ownership;
		this.transactions = transactions;
	}

	/** What an install did: the mapping afterwards and the dashboard it replaced. */
	private record Installed(ExtensionMapping mapping, @Nullable String replaced, boolean created) {
	}

	/**
	 * Installs the extension dashboard into the project, or switches the project's
	 * mapping of the same extension to it, and counts a download.
	 */
	public Mono<ExtensionMapping> install(String projectId, String extensionDashboardId, Input input) {
		AuditFacts facts = AuditFacts.of("extension.install", TYPE, null)
			.with("projectId", projectId)
			.with("extensionDashboardId", extensionDashboardId)
			.with("fields", input.fieldNames());
		// who first (the project), then what: a stranger learns nothing from the input
		return transactions
			.run(facts,
					caller -> ownership.project(caller, projectId)
						.then(Mono.defer(() -> installable(caller, extensionDashboardId)))
						.flatMap(target -> install(projectId, target, input)),
					(done, installed) -> done.about(installed.mapping().id())
						.with("extensionId", installed.mapping().extensionId())
						.with("created", installed.created())
						.with("replacedExtensionDashboardId", installed.replaced()))
			.map(Installed::mapping);
	}

	public Mono<ExtensionMapping> update(String id, Input input) {
		return transactions.run(AuditFacts.of("extension.updateMapping", TYPE, id).with("fields", input.fieldNames()),
				caller -> locked(caller, id).flatMap(current -> {
					ExtensionMapping changed = new ExtensionMapping(id, current.projectId(), current.extensionId(),
							current.extensionDashboardId(), input.update(ENABLED, current.enabled()),
							input.updateOrClear(CUSTOM_CONFIG, current.customConfig()), current.position(),
							current.createdAt(), current.updatedAt());
					return mappings.update(changed).then(existing(id));
				}));
	}

	/** Moves the mapping to the checked {@code position} among its project's. */
	public Mono<ExtensionMapping> move(String id, Input arguments) {
		return transactions.run(AuditFacts.of("extension.move", TYPE, id),
				caller -> locked(caller, id)
					.flatMap(current -> mappings.move(current, arguments.required(POSITION)).then(existing(id))),
				(facts, moved) -> facts.with("position", moved.position()));
	}

	/** Removes the mapping (the extension dashboard stays); returns its id. */
	public Mono<String> uninstall(String id) {
		return transactions.run(AuditFacts.of("extension.uninstall", TYPE, id),
				caller -> locked(caller, id).flatMap(current -> mappings.delete(current).thenReturn(id)));
	}

	/**
	 * The mapping after locking its project and checking the caller may change it;
	 * NOT_FOUND when it does not exist (or no longer, once the lock is held).
	 */
	Mono<ExtensionMapping> locked(Caller caller, String id) {
		return existing(id).flatMap(found -> ownership.projectOf(caller, found.projectId(), RESOURCE, id))
			.then(Mono.defer(() -> existing(id)));
	}

	private Mono<ExtensionMapping> existing(String id) {
		return mappings.findById(id).switchIfEmpty(Mono.error(() -> ApiException.notFound(RESOURCE, id)));
	}

	/**
	 * The extension dashboard, locked, if the caller may install it: to a user an
	 * unapproved dashboard of someone else does not exist.
	 */
	private Mono<ExtensionInstallTarget> installable(Caller caller, String id) {
		return installs.lock(id)
			.filter(target -> target.installableBy(caller))
			.switchIfEmpty(Mono.error(() -> ApiException.notFound("ExtensionDashboard", id)));
	}

	/**
	 * One upsert on the unique (project, extension) key, then the move asked for and the
	 * download; the project's lock is held, so the mapping read before is still current.
	 */
	private Mono<Installed> install(String projectId, ExtensionInstallTarget target, Input input) {
		Boolean enabled = input.optional(ENABLED);
		Integer position = input.optional(INSERT_AT);
		ExtensionMapping wanted = new ExtensionMapping(UUID.randomUUID().toString(), projectId, target.extensionId(),
				target.id(), enabled == null || enabled, input.optional(CUSTOM_CONFIG), 0, Instant.EPOCH,
				Instant.EPOCH);
		return mappings.findByProjectAndExtension(projectId, target.extensionId())
			.map(ExtensionMapping::extensionDashboardId)
			.defaultIfEmpty("")
			.flatMap(previous -> mappings.upsert(wanted, enabled != null, input.has(CUSTOM_CONFIG))
				.then(installs.countDownload(target.id()))
				.then(Mono.defer(() -> stored(projectId, target.extensionId())))
				.flatMap(mapping -> position == null ? Mono.just(mapping)
						: mappings.move(mapping, position).then(existing(mapping.id())))
				.map(mapping -> new Installed(mapping, previous.isEmpty() ? null : previous,
						mapping.id().equals(wanted.id()))));
	}

	private Mono<ExtensionMapping> stored(String projectId, String extensionId) {
		return mappings.findByProjectAndExtension(projectId, extensionId)
			.switchIfEmpty(Mono.error(() -> new IllegalStateException("The upserted mapping is missing")));
	}

}
