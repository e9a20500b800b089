package io.snapgate;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The import rules of the house (see the architecture notes): the HTTP edge and the use
 * cases never see an adapter, the domain sees nothing of ours, and adapters see only the
 * domain and themselves.
 */
@AnalyzeClasses(packages = "io.snapgate", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

	@ArchTest
	static final ArchRule domainImportsNothingOfOurs = noClasses().that()
		.resideInAPackage("io.snapgate.domain..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("io.snapgate.api..", "io.snapgate.application..", "io.snapgate.provider..",
				"io.snapgate.config..", "io.snapgate.sandbox..", "io.snapgate.security..",
				"io.snapgate.observability..");

	@ArchTest
	static final ArchRule domainIsFreeOfFrameworks = noClasses().that()
		.resideInAPackage("io.snapgate.domain..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("org.springframework..", "tools.jackson..", "com.fasterxml..", "jakarta..");

	@ArchTest
	static final ArchRule applicationKnowsOnlyTheDomain = noClasses().that()
		.resideInAPackage("io.snapgate.application..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("io.snapgate.api..", "io.snapgate.provider..", "io.snapgate.config..",
				"io.snapgate.sandbox..");

	@ArchTest
	static final ArchRule apiNeverSeesAnAdapter = noClasses().that()
		.resideInAPackage("io.snapgate.api..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("io.snapgate.provider..", "io.snapgate.sandbox..", "io.snapgate.config..");

	@ArchTest
	static final ArchRule adaptersSeeOnlyTheDomainAndThemselves = slices().matching("io.snapgate.provider.(*)..")
		.should()
		.notDependOnEachOther()
		.allowEmptyShould(true);

	@ArchTest
	static final ArchRule adaptersDoNotReachUp = noClasses().that()
		.resideInAPackage("io.snapgate.provider..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("io.snapgate.api..", "io.snapgate.application..", "io.snapgate.config..",
				"io.snapgate.sandbox..");

	@ArchTest
	static final ArchRule onlyTheCompositionRootAndTheSandboxKnowAdapters = noClasses().that()
		.resideOutsideOfPackages("io.snapgate.provider..", "io.snapgate.config..", "io.snapgate.sandbox..")
		.should()
		.dependOnClassesThat()
		.resideInAPackage("io.snapgate.provider..");

}
