package dev.timeledger.web;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The module dependencies of DESIGN.md: shared-events <- command-side, query-side <- web
 * <- ops, with command-side and query-side independent of each other.
 */
class ModuleDependencyTests {

	private static JavaClasses classes;

	@BeforeAll
	static void importClasses() {
		classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("dev.timeledger");
	}

	@Test
	void shared_events_depend_only_on_the_jdk() {
		classes().that()
			.resideInAPackage("dev.timeledger.events..")
			.should()
			.onlyDependOnClassesThat()
			.resideInAnyPackage("java..", "dev.timeledger.events..")
			.check(classes);
	}

	@Test
	void events_carry_no_framework_annotations() {
		noClasses().that()
			.resideInAPackage("dev.timeledger.events..")
			.should()
			.beAnnotatedWith("org.springframework.stereotype.Component")
			.orShould()
			.dependOnClassesThat()
			.resideInAnyPackage("jakarta.persistence..", "com.fasterxml.jackson..", "org.springframework..")
			.check(classes);
	}

	@Test
	void command_side_does_not_depend_on_query_side() {
		noClasses().that()
			.resideInAPackage("dev.timeledger.command..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("dev.timeledger.query..")
			.check(classes);
	}

	@Test
	void query_side_does_not_depend_on_command_side() {
		noClasses().that()
			.resideInAPackage("dev.timeledger.query..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("dev.timeledger.command..")
			.check(classes);
	}

	@Test
	void nothing_below_web_depends_on_web_or_ops() {
		noClasses().that()
			.resideInAnyPackage("dev.timeledger.events..", "dev.timeledger.command..", "dev.timeledger.query..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("dev.timeledger.web..", "dev.timeledger.ops..")
			.check(classes);
	}

	@Test
	void web_does_not_depend_on_ops() {
		noClasses().that()
			.resideInAPackage("dev.timeledger.web..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("dev.timeledger.ops..")
			.check(classes);
	}

	@Test
	void controllers_are_package_private() {
		classes().that()
			.areAnnotatedWith(org.springframework.web.bind.annotation.RestController.class)
			.should()
			.notBePublic()
			.check(classes);
	}

}
