package dev.devguide.cockpit.governance;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Checks the fields of a row of another domain (the file audit's V7 name, say) against
 * the active standards, as the Bin checks a change's payload ({@link StandardCheck}), and
 * keeps the row's violations in line with what it holds now: a failing value becomes an
 * open violation like any other (readable and resolvable through the violation API), and
 * an open one whose value is gone or now passes is resolved. Runs in the caller's
 * transaction, which holds the row's lock.
 */
@Component
public class ResourceViolations {

	private final MetadataStandardRepository standards;

	private final ViolationRepository violations;

	public ResourceViolations(MetadataStandardRepository standards, ViolationRepository violations) {
		this.standards = standards;
		this.violations = violations;
	}

	/** The violations a check opened and resolved, by id. */
	public record Outcome(List<String> opened, List<String> resolved) {
	}

	/** A failing value of one standard. */
	private record Failure(String standardId, String value) {
	}

	/**
	 * Checks {@code fields} (field path to value; null: the field is empty, which no
	 * standard fails) of resource {@code resourceType} {@code resourceId}; violations
	 * opened belong to {@code projectId} (null: admins only), and are resolved by
	 * {@code actor}.
	 */
	public Mono<Outcome> check(String resourceType, String resourceId, Map<String, @Nullable String> fields,
			@Nullable String projectId, String actor) {
		return standards.findApplicable()
			.mapNotNull(StandardCheck::of)
			.collectList()
			.zipWith(violations.findByResource(resourceType, resourceId)
				.filter(violation -> MetadataViolation.OPEN.equals(violation.status()))
				.collectList())
			.flatMap(found -> {
				Set<String> checking = new LinkedHashSet<>();
				Set<Failure> failing = new LinkedHashSet<>();
				for (StandardCheck check : found.getT1()) {
					fields.forEach((path, value) -> {
						if (!check.checks(path)) {
							return;
						}
						checking.add(check.standard().id());
						if (value != null && !check.passes(value)) {
							failing.add(new Failure(check.standard().id(), value));
						}
					});
				}
				List<String> resolved = new ArrayList<>();
				Set<Failure> open = new LinkedHashSet<>();
				for (MetadataViolation violation : found.getT2()) {
					Failure failure = new Failure(violation.standardId(),
							Objects.requireNonNullElse(violation.violationValue(), ""));
					if (checking.contains(violation.standardId()) && !failing.contains(failure)) {
						resolved.add(violation.id());
					}
					else {
						open.add(failure);
					}
				}
				List<MetadataViolation> opening = failing.stream()
					.filter(failure -> !open.contains(failure))
					.map(failure -> new MetadataViolation(UUID.randomUUID().toString(), failure.standardId(),
							resourceType, resourceId, failure.value(), null, MetadataViolation.OPEN, null, null, null,
							projectId))
					.toList();
				return Flux.fromIterable(resolved)
					.concatMap(
							id -> violations.transition(id, MetadataViolation.OPEN, MetadataViolation.RESOLVED, actor))
					.thenMany(Flux.fromIterable(opening).concatMap(violations::insert))
					.then(Mono.fromSupplier(
							() -> new Outcome(opening.stream().map(MetadataViolation::id).toList(), resolved)));
			});
	}

}
