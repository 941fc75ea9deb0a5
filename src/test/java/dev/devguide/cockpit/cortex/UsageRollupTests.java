package dev.devguide.cockpit.cortex;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class UsageRollupTests {

	@Test
	void hoursAreReadFromTheHourlyRollupWhateverTheGrouping() {
		assertThat(UsageRollup.of(Granularity.HOUR, List.of())).isEqualTo(UsageRollup.HOURLY);
		assertThat(UsageRollup.of(Granularity.HOUR, List.of(UsageDimension.PROVIDER))).isEqualTo(UsageRollup.HOURLY);
	}

	@Test
	void daysByProviderOrModelAreReadFromThePerModelRollup() {
		for (Granularity granularity : List.of(Granularity.DAY, Granularity.WEEK, Granularity.MONTH)) {
			assertThat(UsageRollup.of(granularity, List.of())).isEqualTo(UsageRollup.DAILY_MODEL);
			assertThat(UsageRollup.of(granularity, List.of(UsageDimension.MODEL, UsageDimension.PROVIDER)))
				.isEqualTo(UsageRollup.DAILY_MODEL);
		}
	}

	@Test
	void daysByOperationOrContextNeedTheFullDailyRollup() {
		assertThat(UsageRollup.of(Granularity.DAY, List.of(UsageDimension.PROVIDER, UsageDimension.OPERATION_TYPE)))
			.isEqualTo(UsageRollup.DAILY);
		assertThat(UsageRollup.of(Granularity.MONTH, List.of(UsageDimension.DASHBOARD_CONTEXT)))
			.isEqualTo(UsageRollup.DAILY);
	}

}
