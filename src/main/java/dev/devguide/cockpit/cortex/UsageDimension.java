package dev.devguide.cockpit.cortex;

/**
 * What usage can be grouped by, and the rollup column that holds it. A raw row without an
 * operation type or dashboard context is {@code ''} in the rollups and null in the API.
 */
enum UsageDimension {

	PROVIDER("provider"), MODEL("model"), OPERATION_TYPE("operation_type"), DASHBOARD_CONTEXT("dashboard_context");

	private final String column;

	UsageDimension(String column) {
		this.column = column;
	}

	String column() {
		return column;
	}

}
