package dev.teamsproactive;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.teamsproactive.app.BuiltInSandbox;

/**
 * The package layering of the product's own code, so it stays true as the code changes:
 * commands (cli, bench) use the application (app), which wires the capabilities, which keep their records in the
 * ledger; the exchange-property names (props), the settings (config) and the sandbox's TLS material (tls) sit
 * at the bottom, usable by all. The sandbox is a separate program inside the jar: one class starts it.
 */
@AnalyzeClasses(packages = "dev.teamsproactive", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    private static final String[] CAPABILITIES = {"dev.teamsproactive.answers..", "dev.teamsproactive.appmanifest..", "dev.teamsproactive.auth..",
        "dev.teamsproactive.campaigns..", "dev.teamsproactive.cluster..",
        "dev.teamsproactive.followups..", "dev.teamsproactive.graph..", "dev.teamsproactive.input..",
        "dev.teamsproactive.message..", "dev.teamsproactive.observe..", "dev.teamsproactive.preflight..",
        "dev.teamsproactive.recipients..", "dev.teamsproactive.report..", "dev.teamsproactive.resilience..",
        "dev.teamsproactive.safety.."};

    @ArchTest
    static final ArchRule layers = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("Commands").definedBy("dev.teamsproactive.cli..", "dev.teamsproactive.bench..")
            .layer("App").definedBy("dev.teamsproactive.app..")
            .layer("Capabilities").definedBy(CAPABILITIES)
            .layer("Ledger").definedBy("dev.teamsproactive.ledger..")
            .layer("Bottom").definedBy("dev.teamsproactive.props..", "dev.teamsproactive.config..",
                    "dev.teamsproactive.tls..")
            .layer("Sandbox").definedBy("dev.teamsproactive.sandbox..")
            .whereLayer("Commands").mayNotBeAccessedByAnyLayer()
            .whereLayer("App").mayOnlyBeAccessedByLayers("Commands")
            .whereLayer("Capabilities").mayOnlyBeAccessedByLayers("App", "Commands")
            .whereLayer("Ledger").mayOnlyAccessLayers("Bottom")
            .whereLayer("Bottom").mayNotAccessAnyLayer()
            .whereLayer("Sandbox").mayOnlyAccessLayers("Bottom")
            .whereLayer("Sandbox").mayOnlyBeAccessedByLayers("App")
            .ensureAllClassesAreContainedInArchitecture()
            .because("a class's package says which layer it is in, and a layer uses only the layers below it");

    @ArchTest
    static final ArchRule oneDoorToTheSandbox = noClasses()
            .that().resideOutsideOfPackage("dev.teamsproactive.sandbox..")
            .and().doNotBelongToAnyOf(BuiltInSandbox.class)
            .should().dependOnClassesThat().resideInAPackage("dev.teamsproactive.sandbox..")
            .because("the sandbox is a stand-in for Microsoft's services: the product reaches it only over HTTP,"
                    + " and starts it through BuiltInSandbox alone");

    @ArchTest
    static final ArchRule noCycles = slices().matching("dev.teamsproactive.(*)..").should().beFreeOfCycles()
            .because("packages that need each other are one package in two places");
}
