package dev.engranaje.workers.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The bots' layering: workers reach an engine only through the official Camunda client, so they run
 * unchanged against the embedded engine and a Camunda 8 cluster; a worker author's contract
 * ({@code workers.api}) stands on its own; capabilities do not lean on the runtime that hosts them.
 */
@AnalyzeClasses(packages = "dev.engranaje.workers", importOptions = ImportOption.DoNotIncludeTests.class)
class WorkersArchitectureTest {
  private static final String[] WORKER_SDK = {
    "dev.engranaje.workers.api..", "dev.engranaje.workers.workspace..", "dev.engranaje.workers.secrets..",
    "dev.engranaje.workers.ledger.."
  };
  private static final String[] CAPABILITIES = {
    "dev.engranaje.workers.mail..", "dev.engranaje.workers.web..", "dev.engranaje.workers.spreadsheet..",
    "dev.engranaje.workers.http..", "dev.engranaje.workers.files..", "dev.engranaje.workers.finance.."
  };

  @ArchTest
  static final ArchRule workersNeverImportTheEngineOrTheCli =
      noClasses().should().dependOnClassesThat().resideInAnyPackage("dev.engranaje.engine..", "dev.engranaje.cli..", "dev.engranaje.examples..")
          .because("workers talk to an engine only through the official Camunda client");

  @ArchTest
  static final ArchRule workerContractStandsAlone =
      noClasses().that().resideInAPackage("dev.engranaje.workers.api..")
          .should().dependOnClassesThat().resideInAnyPackage(CAPABILITIES)
          .orShould().dependOnClassesThat().resideInAnyPackage("dev.engranaje.workers.runtime..", "dev.engranaje.workers.host..", "dev.engranaje.workers.catalog..")
          .because("a worker author compiles against the SDK alone");

  @ArchTest
  static final ArchRule capabilitiesDoNotDependOnTheirHost =
      noClasses().that().resideInAnyPackage(CAPABILITIES)
          .should().dependOnClassesThat().resideInAnyPackage("dev.engranaje.workers.runtime..", "dev.engranaje.workers.host..")
          .because("a worker is a plain class given a JobContext (and, when it needs settings, a catalog WorkerFactory);"
              + " the runtime hosts it, not the other way round");

  /**
   * The worker SDK is one unit spread over four packages: {@code JobContext} hands out the workspace, the
   * secrets and the ledger, and they report through the SDK's failure types. Cycles inside it are by
   * design; any other cycle is not.
   */
  @ArchTest
  static final ArchRule topLevelPackagesAreFreeOfCycles =
      slices().matching("dev.engranaje.workers.(*)..").should().beFreeOfCycles()
          .ignoreDependency(resideInAnyPackage(WORKER_SDK), resideInAnyPackage(WORKER_SDK));
}
