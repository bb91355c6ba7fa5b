package dev.engranaje.cli.lint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engranaje.workers.catalog.WorkerCatalog;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every model the project ships (bpmn/ and examples/) is clean under every rule, warnings included:
 * Modeler opens it with its full diagram, its tasks use installed workers and templates, side
 * effects have error paths. The invoice demo's {@code rpa:demo.*} job types are served by the
 * simulated workers in examples/, declared here as a user would with {@code --job-type}.
 */
class ProjectModelsLintTest {
  private final Linter linter = new Linter(LintRules.all(), new LintEnvironment(
      new KnownJobTypes(WorkerCatalog.discover().jobTypes(), List.of("rpa:demo.*")),
      TemplateLibrary.read(List.of(Path.of("../bpmn/element-templates")))));

  static Stream<Path> models() {
    return Linter.modelFiles(List.of(Path.of("../bpmn"), Path.of("../examples"))).stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("models")
  void shouldFindNothingWhenLintingAModelTheProjectShips(Path model) throws Exception {
    // when
    List<LintFinding> findings = linter.lint(model);

    // then
    assertThat(findings).extracting(LintFinding::describe).isEmpty();
  }

  @Test
  void shouldLintTheShippedModelsWhenCollectingThem() {
    assertThat(models().map(p -> p.getFileName().toString()))
        .contains("bank-reconciliation.bpmn", "invoice-intake.bpmn", "supplier-list.bpmn", "supplier-payment.bpmn");
  }
}
