package io.snapgate;

import java.util.regex.Pattern;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.snapgate.config.DefaultProviderDeclaration;
import io.snapgate.provider.baidu.BceRequest;
import io.snapgate.provider.baidu.BceV1Signer;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.Dependency.Predicates.dependency;
import static com.tngtech.archunit.core.domain.Dependency.Predicates.dependencyTarget;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.conditions.ArchConditions.haveAnyDependenciesThat;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The import rules of the house (see the architecture notes): the HTTP edge and the use
 * cases never see an adapter, the domain sees nothing of ours, and adapters see only the
 * domain and themselves.
 */
@AnalyzeClasses(packages = "io.snapgate",
		importOptions = { ImportOption.DoNotIncludeTests.class, ArchitectureTests.NotGeneratedByAot.class })
class ArchitectureTests {

	/**
	 * Leaves out what Spring AOT generates into the classes ({@code Foo__BeanDefinitions}
	 * and the like), which wires every package by design.
	 */
	static final class NotGeneratedByAot implements ImportOption {

		private static final Pattern GENERATED = Pattern.compile(".*__[A-Za-z]+(\\$.*)?\\.class");

		@Override
		public boolean includes(Location location) {
			return !location.matches(GENERATED);
		}

	}

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
	static final ArchRule onlyTheCompositionRootKnowsAdapters = noClasses().that()
		.resideOutsideOfPackages("io.snapgate.provider..", "io.snapgate.config..", "io.snapgate.guard..")
		.should(haveAnyDependenciesThat(dependencyTarget(resideInAPackage("io.snapgate.provider.."))
			.and(not(dependency(resideInAPackage("io.snapgate.sandbox.."), sharedWithTheSandbox())))));

	/** The guards share the upstream plumbing of every adapter, and know none of them. */
	@ArchTest
	static final ArchRule theGuardsKnowNoAdapter = noClasses().that()
		.resideInAPackage("io.snapgate.guard..")
		.should()
		.dependOnClassesThat()
		.resideInAPackage("io.snapgate.provider.(*)..");

	@ArchTest
	static final ArchRule sandboxSharesOnlyWhatItMust = classes().that()
		.resideInAPackage("io.snapgate.sandbox..")
		.should()
		.onlyDependOnClassesThat(resideOutsideOfPackage("io.snapgate..").or(resideInAPackage("io.snapgate.sandbox.."))
			.or(sharedWithTheSandbox()));

	/**
	 * What the sandbox may use of ours: the declaration of its default providers, and BCE
	 * signing, so that the Baidu emulator verifies signatures exactly as the adapter
	 * makes them.
	 */
	private static DescribedPredicate<JavaClass> sharedWithTheSandbox() {
		return belongToAnyOf(DefaultProviderDeclaration.class, BceV1Signer.class, BceRequest.class);
	}

	@ArchTest
	static final ArchRule noPackageCycles = slices().matching("io.snapgate.(**)").should().beFreeOfCycles();

	@ArchTest
	static final ArchRule securityKnowsOnlyTheEdgeAndTheUseCases = noClasses().that()
		.resideInAPackage("io.snapgate.security..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("io.snapgate.provider..", "io.snapgate.sandbox..", "io.snapgate.config..",
				"io.snapgate.observability..");

	@ArchTest
	static final ArchRule onlyTheCompositionRootKnowsSecurity = noClasses().that()
		.resideOutsideOfPackages("io.snapgate.security..", "io.snapgate.config..")
		.should()
		.dependOnClassesThat()
		.resideInAPackage("io.snapgate.security..");

	@ArchTest
	static final ArchRule observabilityKnowsOnlyTheDomain = noClasses().that()
		.resideInAPackage("io.snapgate.observability..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("io.snapgate.api..", "io.snapgate.application..", "io.snapgate.provider..",
				"io.snapgate.config..", "io.snapgate.sandbox..", "io.snapgate.security..");

	@ArchTest
	static final ArchRule onlyTheGuardsAndTheCompositionRootKnowObservability = noClasses().that()
		.resideOutsideOfPackages("io.snapgate.observability..", "io.snapgate.guard..", "io.snapgate.config..")
		.should()
		.dependOnClassesThat()
		.resideInAPackage("io.snapgate.observability..");

	/** An upstream's JSON shapes are its adapter's business alone. */
	@ArchTest
	static final ArchRule wireTypesStayInTheirAdapter = classes().that()
		.resideInAPackage("io.snapgate.provider.(*)..")
		.and()
		.haveNameMatching(".*(Json|Row|Reply|Replies|Body|Action)")
		.should()
		.notBePublic()
		.andShould()
		.notBeProtected();

}
