package dev.engranaje.engine.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The engine's layering, as architecture.md draws it: the REST layer is a door that only talks to the
 * gateway; the single-writer core knows nothing of the doors; the engine knows nothing of the bots or
 * the CLI that sit on top of it.
 */
@AnalyzeClasses(packages = "dev.engranaje.engine", importOptions = ImportOption.DoNotIncludeTests.class)
class EngineArchitectureTest {
  private static final String[] CORE = {
    "dev.engranaje.engine.processing..", "dev.engranaje.engine.state..", "dev.engranaje.engine.storage..",
    "dev.engranaje.engine.record..", "dev.engranaje.engine.model..", "dev.engranaje.engine.expression..",
    "dev.engranaje.engine.time.."
  };

  @ArchTest
  static final ArchRule restLayerTalksOnlyToTheGateway =
      noClasses().that().resideInAPackage("dev.engranaje.engine.api.rest..")
          .should().dependOnClassesThat().resideInAnyPackage(CORE)
          .because("REST requests go through EngineGateway, the same door every other caller uses");

  @ArchTest
  static final ArchRule coreNeverKnowsTheRestLayer =
      noClasses().that().resideInAnyPackage(CORE)
          .should().dependOnClassesThat().resideInAPackage("dev.engranaje.engine.api..")
          .because("the processor must run the same with or without a server in front of it");

  @ArchTest
  static final ArchRule gatewayNeverKnowsTheRestLayer =
      noClasses().that().resideInAPackage("dev.engranaje.engine.gateway..")
          .should().dependOnClassesThat().resideInAPackage("dev.engranaje.engine.api..");

  @ArchTest
  static final ArchRule engineNeverImportsWorkersOrCli =
      noClasses().should().dependOnClassesThat().resideInAnyPackage("dev.engranaje.workers..", "dev.engranaje.cli..", "dev.engranaje.examples..")
          .because("the engine is a library the bots and the CLI use, never the other way round");

  @ArchTest
  static final ArchRule topLevelPackagesAreFreeOfCycles =
      slices().matching("dev.engranaje.engine.(*)..").should().beFreeOfCycles();
}
