package dev.devguide.cockpit.extension;

import static dev.devguide.cockpit.extension.ExtensionDashboardInputs.CHANGELOG;
import static dev.devguide.cockpit.extension.ExtensionDashboardInputs.CONFIG;
import static dev.devguide.cockpit.extension.ExtensionDashboardInputs.ROLLBACK_VERSION;
import static dev.devguide.cockpit.extension.ExtensionDashboardInputs.VERSION;

import dev.devguide.cockpit.audit.AuditFacts;
import dev.devguide.cockpit.audit.AuditedTransactions;
import dev.devguide.cockpit.graphql.ApiException;
import dev.devguide.cockpit.graphql.Input;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Versions of an extension dashboard: a new version must be SemVer 2.0 and greater than
 * every version it has; it is appended to {@code dashboard_versions} and its config
 * becomes the dashboard's current one. A rollback appends a new patch version holding an
 * older version's config, so history is never rewritten. Each runs under the dashboard's
 * row lock (publishes of one dashboard run one after another, so of concurrent publishes
 * of one version exactly one succeeds); the unique key (dashboard_id, version) refuses a
 * duplicate whatever wrote it. A version is always published later than the one before it
 * (at least a microsecond), so "newest first" is publish order.
 */
@Service
public class ExtensionVersionService {

	private final ExtensionDashboardService dashboards;

	private final ExtensionDashboardRepository rows;

	private final ExtensionVersionRepository versions;

	private final ExtensionConfigSchema configs;

	private final AuditedTransactions transactions;

	private final Clock clock = Clock.systemUTC();

	ExtensionVersionService(ExtensionDashboardService dashboards, ExtensionDashboardRepository rows,
			ExtensionVersionRepository versions, ExtensionConfigSchema configs, AuditedTransactions transactions) {
		this.dashboards = dashboards;
		this.rows = rows;
		this.versions = versions;
		this.configs = configs;
		this.transactions = transactions;
	}

	/** {@code publishExtensionVersion}: the author or an admin. */
	public Mono<ExtensionDashboard> publish(String id, Input arguments) {
		AuditFacts facts = AuditFacts.of("extension_dashboard.publish_version", ExtensionDashboardService.TYPE, id);
		return transactions.run(facts, caller -> dashboards.lockForChange(caller, id)
			.flatMap(current -> versions.published(id).collectList().flatMap(published -> {
				String version = arguments.required(VERSION);
				Object config = configs.checked(arguments.required(CONFIG), arguments.path(CONFIG));
				ExtensionVersionNumbers.requireNext(version, greatest(published), arguments.path(VERSION));
				return append(id, version, config, arguments.optional(CHANGELOG), caller.userId(), published,
						arguments.path(VERSION));
			})), (done, row) -> done.with("version", row.version())).flatMap(row -> dashboards.reread(id));
	}

	/**
	 * {@code rollbackExtensionDashboard}: the config of {@code version} becomes current
	 * again as a new version, the greatest one with its patch number raised (prerelease
	 * and build dropped), whose changelog names the version restored.
	 */
	public Mono<ExtensionDashboard> rollback(String id, Input arguments) {
		AuditFacts facts = AuditFacts.of("extension_dashboard.rollback", ExtensionDashboardService.TYPE, id);
		return transactions.run(facts, caller -> dashboards.lockForChange(caller, id).flatMap(current -> {
			String restored = arguments.required(ROLLBACK_VERSION);
			return versions.find(id, restored)
				.switchIfEmpty(Mono.error(() -> ApiException.badRequest(arguments.path(ROLLBACK_VERSION),
						"extension dashboard " + id + " has no version " + restored)))
				.zipWith(versions.published(id).collectList())
				.flatMap(found -> {
					String latest = greatest(found.getT2());
					String next = ExtensionVersionNumbers.nextPatch(latest == null ? restored : latest);
					String changelog = "Rollback: restores the config of version " + restored + " (the latest was "
							+ latest + ")";
					return append(id, next, found.getT1().config(), changelog, caller.userId(), found.getT2(),
							arguments.path(ROLLBACK_VERSION));
				});
		}), (done, row) -> done.with("restoredVersion", arguments.required(ROLLBACK_VERSION))
			.with("version", row.version())).flatMap(row -> dashboards.reread(id));
	}

	private Mono<ExtensionVersion> append(String id, String version, Object config, @Nullable String changelog,
			String by, List<ExtensionVersionRepository.Published> published, String path) {
		ExtensionVersion row = new ExtensionVersion(UUID.randomUUID().toString(), id, version, config, changelog, by,
				after(published), null);
		return versions.insert(row)
			.onErrorMap(DuplicateKeyException.class,
					ex -> ApiException.badRequest(path, "version " + version + " was published meanwhile"))
			.then(rows.configure(id, config))
			.thenReturn(row);
	}

	/** Now, or a microsecond after the newest version if the clock has not passed it. */
	private Instant after(List<ExtensionVersionRepository.Published> published) {
		Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
		for (ExtensionVersionRepository.Published one : published) {
			if (!at.isAfter(one.createdAt())) {
				at = one.createdAt().plus(1, ChronoUnit.MICROS);
			}
		}
		return at;
	}

	private static @Nullable String greatest(List<ExtensionVersionRepository.Published> published) {
		return ExtensionVersionNumbers.greatest(published.stream().map(ExtensionVersionRepository.Published::version));
	}

}
