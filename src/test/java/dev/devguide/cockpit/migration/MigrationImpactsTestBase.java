package dev.devguide.cockpit.migration;

import dev.devguide.cockpit.support.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * What every enum migration, impact, test result, file audit and dashboard test starts
 * from: the callers of {@link MigrationImpactsClient}, with the tables these tests write
 * emptied before and after each test.
 */
abstract class MigrationImpactsTestBase {

	@Autowired
	TestUsers users;

	@Autowired
	DatabaseClient db;

	MigrationImpactsClient api;

	@BeforeEach
	void setUpCallersAndEmptyTables() {
		api = new MigrationImpactsClient(users, db);
		api.clean();
	}

	@AfterEach
	void emptyTables() {
		api.clean();
	}

}
