package dev.engranaje.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class LintCommandTest {
  private static final String CORPUS = "src/test/resources/lint/corpus";

  private record Run(int exitCode, String out, String err) {}

  private static Run lint(String... args) {
    CommandLine commandLine = Rpa.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    commandLine.setOut(new PrintWriter(out));
    commandLine.setErr(new PrintWriter(err));
    String[] all = new String[args.length + 1];
    all[0] = "lint";
    System.arraycopy(args, 0, all, 1, args.length);
    int exitCode = commandLine.execute(all);
    return new Run(exitCode, out.toString(), err.toString());
  }

  @Test
  void shouldFailAndNameTheBrokenElementsWhenLintingTheCorpusFolder() {
    // when
    Run run = lint(CORPUS, "--templates", "../bpmn/element-templates");

    // then
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out())
        .contains(CORPUS + "/jssdk-broken-empty-task-type.bpmn:7 ServiceTask_0g6tf5f deployment error: Expected a"
            + " 'zeebe:taskDefinition' with a non-empty 'type', but the 'type' was empty")
        .contains(CORPUS + "/modeler-lint-errors.bpmn:51 Activity_084s4zz deployment error:")
        .contains(CORPUS + "/modeler-lint-errors.bpmn:104 Activity_0h20swu deployment error: Expected business rule task"
            + " 'Activity_0h20swu' to have a 'zeebe:calledDecision' or a 'zeebe:taskDefinition', but it has neither")
        .containsPattern("15 files, \\d+ errors, \\d+ warnings");
  }

  @Test
  void shouldPrintEveryFindingAsJsonWhenAskedTo() throws Exception {
    // when
    Run run = lint("--json", CORPUS + "/jssdk-broken-empty-task-type.bpmn");

    // then
    JsonNode result = new ObjectMapper().readTree(run.out());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(result.get("files").asInt()).isEqualTo(1);
    assertThat(result.get("errors").asInt()).isEqualTo(1);
    JsonNode finding = result.get("findings").get(0);
    assertThat(finding.get("file").asText()).isEqualTo(CORPUS + "/jssdk-broken-empty-task-type.bpmn");
    assertThat(finding.get("line").asInt()).isEqualTo(7);
    assertThat(finding.get("element").asText()).isEqualTo("ServiceTask_0g6tf5f");
    assertThat(finding.get("rule").asText()).isEqualTo("deployment");
    assertThat(finding.get("severity").asText()).isEqualTo("error");
  }

  @Test
  void shouldPassWithWarningsUnlessStrictWhenOnlyWarningsAreFound() {
    String model = CORPUS + "/jssdk-signal.bpmn";

    assertThat(lint(model).exitCode()).isZero();
    assertThat(lint("--strict", model).exitCode()).isEqualTo(1);
    assertThat(lint("--strict", "--job-type", "signal-*", model).exitCode()).isZero();
    assertThat(lint("--strict", "--disable", "rpa/unknown-job-type", model).exitCode()).isZero();
  }

  @Test
  void shouldRefuseWhenDisablingARuleThatDoesNotExist() {
    // when
    Run run = lint("--disable", "no-such-rule", CORPUS);

    // then
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("Expected a rule id from 'rpa lint --list-rules', but 'no-such-rule' is not one");
  }

  @Test
  void shouldListEveryRuleWithItsIdAndSeverityWhenAskedTo() {
    // when
    Run run = lint("--list-rules");

    // then
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("deployment", "camunda-compat/implementation", "rpa/unknown-job-type",
        "rpa/template-outdated", "rpa/template-required-field", "rpa/missing-diagram", "rpa/unreachable-element",
        "rpa/side-effect-error-path", "rpa/user-task-form", "rpa/timer-time-zone");
  }

  @Test
  void shouldNameThePathWhenItIsNeitherFileNorFolder() {
    // when
    Run run = lint("no/such/model.bpmn");

    // then
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("'no/such/model.bpmn' is neither a file nor a folder");
  }

  @Test
  void shouldFindEngranajesOwnTemplatesWhenTheModelsLieOutsideTheRepository(@TempDir Path dir)
      throws Exception {
    // given: a task linked to an old version of the mail template, in a folder with no templates
    String model = Files.readString(Path.of("../bpmn/processes/bank-reconciliation.bpmn"))
        .replace("zeebe:modelerTemplate=\"dev.engranaje.mail.send\" zeebe:modelerTemplateVersion=\"2\"",
            "zeebe:modelerTemplate=\"dev.engranaje.mail.send\" zeebe:modelerTemplateVersion=\"1\"");
    Path file = Files.writeString(dir.resolve("reconcile.bpmn"), model);

    // when
    Run run = lint(file.toString());

    // then
    assertThat(run.out()).contains(" mail-report rpa/template-outdated warning: Expected 'mail-report' to use the current"
        + " version 2 of template 'dev.engranaje.mail.send'");
  }
}
