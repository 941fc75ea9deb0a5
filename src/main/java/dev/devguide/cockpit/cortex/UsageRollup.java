package dev.devguide.cockpit.cortex;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The rollups of {@code token_usage}, each the sums of the raw rows per project, bucket
 * and some of the dimensions; a read takes the smallest one that holds its bucket and
 * every dimension it groups by. {@link #DAILY_MODEL} exists because the dashboards' usual
 * views (the trend by provider or model, the cost by model, a project's total cost) need
 * neither the operation type nor the dashboard context, and leaving those out divides the
 * rows a read touches by their combinations (25 in the benchmark's data).
 */
enum UsageRollup {

	/** Per UTC hour, every dimension. */
	HOURLY("token_usage_hourly", Granularity.HOUR, EnumSet.allOf(UsageDimension.class)),

	/** Per UTC day, every dimension. */
	DAILY("token_usage_daily", Granularity.DAY, EnumSet.allOf(UsageDimension.class)),

	/** Per UTC day, provider and model only. */
	DAILY_MODEL("token_usage_daily_model", Granularity.DAY, EnumSet.of(UsageDimension.PROVIDER, UsageDimension.MODEL));

	private final String table;

	private final Granularity bucket;

	private final Set<UsageDimension> dimensions;

	UsageRollup(String table, Granularity bucket, Set<UsageDimension> dimensions) {
		this.table = table;
		this.bucket = bucket;
		this.dimensions = dimensions;
	}

	/**
	 * The rollup a read of whole buckets of {@code granularity} grouped by
	 * {@code groupBy} takes.
	 */
	static UsageRollup of(Granularity granularity, List<UsageDimension> groupBy) {
		if (granularity.hourly()) {
			return HOURLY;
		}
		return DAILY_MODEL.dimensions.containsAll(groupBy) ? DAILY_MODEL : DAILY;
	}

	String table() {
		return table;
	}

	Granularity bucket() {
		return bucket;
	}

	boolean holds(UsageDimension dimension) {
		return dimensions.contains(dimension);
	}

}
