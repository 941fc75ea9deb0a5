package dev.devguide.cockpit.project;

import static dev.devguide.cockpit.project.ProjectInputs.ACTIVE_DASHBOARD_ID;
import static dev.devguide.cockpit.project.ProjectInputs.NAME;
import static dev.devguide.cockpit.project.ProjectInputs.PROFILE_DESCRIPTION;

import dev.devguide.cockpit.audit.AuditFacts;
import dev.devguide.cockpit.audit.AuditedTransactions;
import dev.devguide.cockpit.graphql.ApiException;
import dev.devguide.cockpit.graphql.Input;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
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

	public ProfileService(ProfileRepository profiles, DashboardRepository dashboards, Ownership ownership,
			AuditedTransactions transactions) {
		this.profiles = profiles;
		this.dashboards = dashboards;
		this.ownership = ownership;
		this.transactions = transactions;
	}

	public Mono<Profile> create(String projectId, Input input) {
		String id = UUID.randomUUID().toString();
		return transactions.run(AuditFacts.of("profile.create", TYPE, id).with("projectId", projectId),
				caller -> ownership.project(caller, projectId)
					.then(Mono.defer(() -> profiles.insert(id, projectId, input.required(NAME),
							input.optional(PROFILE_DESCRIPTION))))
					.then(profiles.findById(id)));
	}

	public Mono<Profile> update(String id, Input input) {
		return transactions.run(AuditFacts.of("profile.update", TYPE, id).with("fields", input.fieldNames()),
				caller -> ownership.profile(caller, id)
					.then(profiles.findById(id))
					.map(current -> new Profile(id, current.projectId(), input.update(NAME, current.name()),
							input.updateOrClear(PROFILE_DESCRIPTION, current.description()), current.createdAt(),
							current.updatedAt(), current.activeDashboardId()))
					.flatMap(profiles::update)
					.then(profiles.findById(id)));
	}

	/** Deletes the profile; its dashboards, modules and capabilities cascade. */
	public Mono<String> delete(String id) {
		return transactions.run(AuditFacts.of("profile.delete", TYPE, id),
				caller -> ownership.profile(caller, id).then(profiles.delete(id)).thenReturn(id));
	}

	/**
	 * Makes {@code dashboardId} (which must be one of this profile's) the active screen,
	 * or clears it.
	 */
	public Mono<Profile> setActiveDashboard(String profileId, @Nullable String dashboardId) {
		return transactions.run(
				AuditFacts.of("profile.setActiveDashboard", TYPE, profileId).with("activeDashboardId", dashboardId),
				caller -> ownership.profile(caller, profileId)
					.then(checkBelongs(profileId, dashboardId))
					.then(profiles.findById(profileId))
					.flatMap(current -> profiles.update(new Profile(profileId, current.projectId(), current.name(),
							current.description(), current.createdAt(), current.updatedAt(), dashboardId)))
					.then(profiles.findById(profileId)));
	}

	private Mono<Void> checkBelongs(String profileId, @Nullable String dashboardId) {
		if (dashboardId == null) {
			return Mono.empty();
		}
		return dashboards.findById(dashboardId)
			.filter(dashboard -> dashboard.profileId().equals(profileId))
			.switchIfEmpty(Mono.error(() -> ApiException.badRequest(ACTIVE_DASHBOARD_ID.name(),
					"dashboard " + dashboardId + " is not a dashboard of profile " + profileId)))
			.then();
	}

}
