package dev.devguide.cockpit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The package rules of ARCHITECTURE.md, checked on the compiled classes: no two packages
 * depend on each other in a circle, the schema machinery knows no domain, and the
 * hierarchy (the base every domain builds on) imports none of them.
 */
class ArchitectureTests {

	private static final JavaClasses CLASSES = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("dev.devguide.cockpit");

	private static final String[] DOMAINS = { "..cockpit.project..", "..cockpit.configuration..",
			"..cockpit.governance..", "..cockpit.bin..", "..cockpit.events..", "..cockpit.audit..",
			"..cockpit.cortex..", "..cockpit.monitoring..", "..cockpit.extension..", "..cockpit.migration..",
			"..cockpit.schemachange.." };

	@Test
	void noPackagesDependOnEachOtherInACircle() {
		slices().matching("dev.devguide.cockpit.(*)..").should().beFreeOfCycles().check(CLASSES);
	}

	@Test
	void theSchemaMachineryKnowsNoDomain() {
		noClasses().that()
			.resideInAnyPackage("..cockpit.graphql..", "..cockpit.persistence..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage(DOMAINS)
			.check(CLASSES);
	}

	@Test
	void theHierarchyBuildsOnNoOtherDomain() {
		noClasses().that()
			.resideInAPackage("..cockpit.project..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("..cockpit.configuration..", "..cockpit.governance..", "..cockpit.bin..",
					"..cockpit.events..")
			.check(CLASSES);
	}

}
