package dev.devguide.cockpit.graphql;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The limits every GraphQL request runs under ({@code cockpit.limits.*}, environment
 * {@code COCKPIT_LIMITS_*}; README, "Limits"). Per-caller limits are kept in memory by
 * each instance: behind a load balancer a caller's share is per instance.
 *
 * @param maxCost the largest static cost ({@link QueryCost}) a request may have
 * @param listEstimate how many items the cost counts for a list without {@code first}
 * @param maxFields the most fields a document may select with its fragments expanded
 * @param maxResultNodes the most fields a result may hold; execution stops beyond it
 * @param timeout how long a query or mutation may run before it is cancelled
 * @param maxConcurrent a caller's requests running at once
 * @param costPerMinute the cost a caller may spend per minute; 0 for no such limit
 * @param elevatedFactor admins and services get this many times {@code maxConcurrent} and
 * {@code costPerMinute}
 */
@ConfigurationProperties("cockpit.limits")
public record RequestLimitsSettings(long maxCost, int listEstimate, int maxFields, long maxResultNodes,
		Duration timeout, int maxConcurrent, long costPerMinute, int elevatedFactor) {

	public RequestLimitsSettings {
		require(maxCost > 0, "COCKPIT_LIMITS_MAX_COST must be positive");
		require(listEstimate > 0, "COCKPIT_LIMITS_LIST_ESTIMATE must be positive");
		require(maxFields > 0, "COCKPIT_LIMITS_MAX_FIELDS must be positive");
		require(maxResultNodes > 0, "COCKPIT_LIMITS_MAX_RESULT_NODES must be positive");
		require(!timeout.isNegative() && !timeout.isZero(), "COCKPIT_LIMITS_TIMEOUT must be positive");
		require(maxConcurrent > 0, "COCKPIT_LIMITS_MAX_CONCURRENT must be positive");
		require(costPerMinute == 0 || costPerMinute >= maxCost,
				"COCKPIT_LIMITS_COST_PER_MINUTE must be 0 (no limit) or at least COCKPIT_LIMITS_MAX_COST");
		require(elevatedFactor >= 1, "COCKPIT_LIMITS_ELEVATED_FACTOR must be at least 1");
	}

	private static void require(boolean condition, String message) {
		if (!condition) {
			throw new IllegalStateException(message);
		}
	}

}
