package dev.engranaje.test.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engranaje.test.scenario.ScenarioResult.Outcome;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

class ScenarioRunnerTest {
  private final ScenarioRunner runner = new ScenarioRunner();

  private static Path resource(String name) throws URISyntaxException {
    return Path.of(ScenarioRunnerTest.class.getResource("/scenarios/" + name).toURI());
  }

  @Test
  void runsEachScenarioAndExplainsTheOneThatFails() throws Exception {
    List<ScenarioResult> results = runner.run(resource("approval.test.yaml"));

    assertThat(results).extracting(ScenarioResult::name, ScenarioResult::outcome).containsExactly(
        org.assertj.core.groups.Tuple.tuple("approved by hand", Outcome.PASSED),
        org.assertj.core.groups.Tuple.tuple("left alone it expires after three days", Outcome.PASSED),
        org.assertj.core.groups.Tuple.tuple("wrongly expects approval without anyone approving", Outcome.FAILED));
    ScenarioResult failed = results.get(2);
    assertThat(failed.reason()).contains("to have passed [approve, approved], but it did not pass [approve, approved]");
    assertThat(failed.recordLog()).contains("Record log of process instance").contains("BOUNDARY_EVENT 'overdue'");
  }

  @Test
  void unknownStepIsABrokenScenarioNamingTheFileAndStep() throws Exception {
    List<ScenarioResult> results = runner.run(resource("broken-step.test.yaml"));

    assertThat(results).singleElement().satisfies(result -> {
      assertThat(result.outcome()).isEqualTo(Outcome.BROKEN);
      assertThat(result.reason()).contains("broken-step.test.yaml, scenario 'uses a step the runner does not know', step 1")
          .contains("expected exactly one of [publishMessage, advance, completeUserTask], but got [waitForever]");
    });
  }

  @Test
  void misspeltKeyIsABrokenFileNamingTheKeyPath() throws Exception {
    List<ScenarioResult> results = runner.run(resource("broken-yaml.test.yaml"));

    assertThat(results).singleElement().satisfies(result -> {
      assertThat(result.outcome()).isEqualTo(Outcome.BROKEN);
      assertThat(result.reason()).contains("broken-yaml.test.yaml: at scenarios[0].expectt").contains("Unrecognized field");
    });
  }

  @Test
  void missingModelIsABrokenFileNamingTheModel() throws Exception {
    List<ScenarioResult> results = runner.run(resource("missing-model.test.yaml"));

    assertThat(results).singleElement().satisfies(result -> {
      assertThat(result.outcome()).isEqualTo(Outcome.BROKEN);
      assertThat(result.reason()).contains("expected the file").contains("missing-model.bpmn").contains("does not exist");
    });
  }

  @Test
  void junitXmlHasASuitePerFileWithFailuresAndErrors(@TempDir Path directory) throws Exception {
    List<ScenarioResult> results = new java.util.ArrayList<>(runner.run(resource("approval.test.yaml")));
    results.addAll(runner.run(resource("broken-step.test.yaml")));
    Path report = directory.resolve("reports/scenarios.xml");

    JUnitXmlReport.write(results, report);

    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    Document xml = factory.newDocumentBuilder().parse(report.toFile());
    assertThat(xml.getElementsByTagName("testsuite").getLength()).isEqualTo(2);
    assertThat(xml.getElementsByTagName("testcase").getLength()).isEqualTo(4);
    assertThat(xml.getElementsByTagName("failure").getLength()).isEqualTo(1);
    assertThat(xml.getElementsByTagName("error").getLength()).isEqualTo(1);
    assertThat(((org.w3c.dom.Element) xml.getElementsByTagName("testsuite").item(0)).getAttribute("failures")).isEqualTo("1");
    assertThat(Files.readString(report)).contains("wrongly expects approval without anyone approving");
  }

  @Test
  void flagshipModelsPassTheirScenarioFiles() throws IOException {
    Path processes = Path.of("..", "bpmn", "processes");
    try (var files = Files.list(processes)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".test.yaml")).sorted().toList()) {
        assertThat(runner.run(file)).as(file.toString())
            .allSatisfy(result -> assertThat(result.outcome()).as(result.name() + ": " + result.reason()).isEqualTo(Outcome.PASSED));
      }
    }
  }
}
