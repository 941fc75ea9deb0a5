package dev.devguide.cockpit.project;

import dev.devguide.cockpit.audit.AuditLog;
import dev.devguide.cockpit.audit.AuditedTransactions;
import dev.devguide.cockpit.graphql.ApiException;
import dev.devguide.cockpit.graphql.Input;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Profiles: audited create / update / delete, and the single active dashboard of each
 * profile.
 */
@Service
public class ProfileService {

	static final String TYPE = "profile";

	private final ProfileRepository profiles;

	private final DashboardRepository dashboards;

	private final Ownership ownership;

	private final AuditedTransactions transactions;

	private final AuditLog audit;

	public ProfileService(ProfileRepository profiles, DashboardRepository dashboards, Ownership ownership,
			AuditedTransactions transactions, AuditLog audit) {
		this.profiles = profiles;
		this.dashboards = dashboards;
		this.ownership = ownership;
		this.transactions = transactions;
		this.audit = audit;
	}

	public Mono<Profile> create(String projectId, Input input) {
		String id = UUID.randomUUID().toString();
		return transactions.run("profile.create", TYPE, id,
				caller -> ownership.project(caller, projectId)
					.then(Mono.defer(() -> profiles.insert(id, projectId, input.requiredText("name", 255),
							input.text("description", Input.TEXT_BYTES))))
					.then(audit.success(caller, "profile.create", TYPE, id, Map.of("projectId", projectId)))
					.then(profiles.findById(id)));
	}

	public Mono<Profile> update(String id, Input input) {
		return transactions.run("profile.update", TYPE, id, caller -> ownership.profile(caller, id)
			.then(profiles.findById(id))
			.map(current -> new Profile(id, current.projectId(),
					input.has("name") ? input.requiredText("name", 255) : current.name(),
					input.has("description") ? input.text("description", Input.TEXT_BYTES) : current.description(),
					current.createdAt(), current.updatedAt(), current.activeDashboardId()))
			.flatMap(profiles::update)
			.then(audit.success(caller, "profile.update", TYPE, id, Map.of("fields", input.fieldNames())))
			.then(profiles.findById(id)));
	}

	/** Deletes the profile; its dashboards, modules and capabilities cascade. */
	public Mono<String> delete(String id) {
		return transactions.run("profile.delete", TYPE, id,
				caller -> ownership.profile(caller, id)
					.then(profiles.delete(id))
					.then(audit.success(caller, "profile.delete", TYPE, id, Map.of()))
					.thenReturn(id));
	}

	/**
	 * Makes {@code dashboardId} (which must be one of this profile's) the active screen,
	 * or clears it.
	 */
	public Mono<Profile> setActiveDashboard(String profileId, String dashboardId) {
		return transactions.run("profile.setActiveDashboard", TYPE, profileId,
				caller -> ownership.profile(caller, profileId)
					.then(checkBelongs(profileId, dashboardId))
					.then(profiles.findById(profileId))
					.flatMap(current -> profiles.update(new Profile(profileId, current.projectId(), current.name(),
							current.description(), current.createdAt(), current.updatedAt(), dashboardId)))
					.then(audit.success(caller, "profile.setActiveDashboard", TYPE, profileId, active(dashboardId)))
					.then(profiles.findById(profileId)));
	}

	private Mono<Void> checkBelongs(String profileId, String dashboardId) {
		if (dashboardId == null) {
			return Mono.empty();
		}
		return dashboards.findById(dashboardId)
			.filter(dashboard -> dashboard.profileId().equals(profileId))
			.switchIfEmpty(Mono.error(() -> ApiException.badRequest("dashboardId",
					"dashboard " + dashboardId + " is not a dashboard of profile " + profileId)))
			.then();
	}

	private static Map<String, Object> active(String dashboardId) {
		Map<String, Object> metadata = new HashMap<>();
		metadata.put("activeDashboardId", dashboardId);
		return metadata;
	}

}
