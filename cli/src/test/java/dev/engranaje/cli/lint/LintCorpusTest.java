package dev.engranaje.cli.lint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.engranaje.workers.catalog.WorkerCatalog;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The shared BPMN corpus (copied with its origin in {@code src/test/resources/lint/corpus/SOURCES.md}):
 * the two broken models get their known problems, named by element; the others get only findings
 * that are true (their own job types no installed worker serves, job-worker user tasks, user tasks
 * without forms, Camunda connector templates not installed, elements the engine does not support).
 */
class LintCorpusTest {
  private static final Path CORPUS = Path.of("src/test/resources/lint/corpus");

  /** Every finding per file, as "line element rule severity". */
  private static final Map<String, List<String>> EXPECTED = Map.ofEntries(
        Map.entry("jssdk-broken-empty-task-type.bpmn", List.of("7 ServiceTask_0g6tf5f deployment error")),
        Map.entry("jssdk-conditional-pathway.bpmn", List.of("13 ServiceTask_18goo5h rpa/unknown-job-type warning",
            "23 ServiceTask_15isvh5 rpa/unknown-job-type warning",
            "39 ServiceTask_0cz2k8t rpa/unknown-job-type warning")),
        Map.entry("jssdk-error-boundary-subprocess.bpmn", List.of("15 Task_0bki2a1 rpa/unknown-job-type warning",
            "41 Task_1h8n9x5 rpa/unknown-job-type warning")),
        Map.entry("jssdk-event-gateway-timer-message.bpmn", List.of("7 ServiceTask_0xdwuw7 rpa/unknown-job-type warning",
            "39 ServiceTask_1rszkg1 rpa/unknown-job-type warning",
            "48 ServiceTask_1ng04rq rpa/unknown-job-type warning")),
        Map.entry("jssdk-signal.bpmn", List.of("13 Activity_0iq5pp7 rpa/unknown-job-type warning")),
        Map.entry("jssdk-user-task-form.bpmn", List.of("42 Activity_0urphmi camunda-compat/zeebe-user-task warning")),
        Map.entry("modeler-call-activity-business-rule.bpmn", List.of("15 BusinessRuleTask_1 deployment error",
            "23 UserTask_1 camunda-compat/zeebe-user-task warning")),
        Map.entry("modeler-lint-errors.bpmn", List.of("3 lint-errors deployment error",
            "24 Activity_0kzg0nb camunda-compat/zeebe-user-task warning",
            "24 Activity_0kzg0nb rpa/user-task-form warning",
            "44 Activity_1v4xdzk rpa/unknown-job-type warning",
            "51 Activity_084s4zz deployment error",
            "84 Activity_13kxvrs rpa/unknown-job-type warning",
            "97 Activity_00ef2n2 rpa/unknown-job-type warning",
            "104 Activity_0h20swu deployment error",
            "109 Activity_1kpg3ok camunda-compat/zeebe-user-task warning",
            "109 Activity_1kpg3ok rpa/user-task-form warning")),
        Map.entry("simplemonitor-payment.bpmn", List.of("7 ServiceTask_1a32j7o rpa/unknown-job-type warning")),
        Map.entry("ticket-booking.bpmn", List.of("17 Activity_1g89uec rpa/unknown-job-type warning",
            "37 Activity_0lox1kf rpa/unknown-job-type warning",
            "44 Activity_0etdda4 rpa/unknown-job-type warning")),
        Map.entry("tutorials-ai-email-support-agent.bpmn", List.of("14 Activity_04glkkx deployment error",
            "14 Activity_04glkkx rpa/template-outdated warning",
            "14 Activity_04glkkx rpa/unknown-job-type warning",
            "50 Reply_with_email_to_customer rpa/template-outdated warning",
            "50 Reply_with_email_to_customer rpa/unknown-job-type warning",
            "79 Event_WaitForResponse rpa/template-outdated warning",
            "120 Activity_062h34x rpa/template-outdated warning",
            "120 Activity_062h34x rpa/unknown-job-type warning",
            "154 query_knowledge_base rpa/template-outdated warning",
            "154 query_knowledge_base rpa/unknown-job-type warning",
            "237 Activity_0tn95r9 rpa/template-outdated warning",
            "237 Activity_0tn95r9 rpa/unknown-job-type warning",
            "270 Activity_0kce977 rpa/template-outdated warning",
            "270 Activity_0kce977 rpa/unknown-job-type warning",
            "356 Activity_0hp732o rpa/template-outdated warning",
            "356 Activity_0hp732o rpa/unknown-job-type warning",
            "390 Activity_0d9av47 rpa/template-outdated warning",
            "390 Activity_0d9av47 rpa/unknown-job-type warning",
            "469 Event_WaitForEmail rpa/template-outdated warning")),
        Map.entry("zpt-automated-tests-multi-instance.bpmn", List.of("24 runTests rpa/unknown-job-type warning")),
        Map.entry("zpt-multiple-call-activity.bpmn", List.of()),
        Map.entry("zpt-pr-created.bpmn", List.of("19 requestReview camunda-compat/zeebe-user-task warning",
            "19 requestReview rpa/user-task-form warning",
            "32 mergeCode camunda-compat/zeebe-user-task warning",
            "32 mergeCode rpa/user-task-form warning",
            "38 deploySnapshot rpa/unknown-job-type warning",
            "76 remindReviewer rpa/unknown-job-type warning",
            "93 makeChanges camunda-compat/zeebe-user-task warning",
            "93 makeChanges rpa/user-task-form warning")),
        Map.entry("zpt-timer-events.bpmn", List.of("15 Activity_InvokeDummyWorker rpa/unknown-job-type warning")));

  private final Linter linter = new Linter(LintRules.all(), new LintEnvironment(
      new KnownJobTypes(WorkerCatalog.discover().jobTypes(), List.of()),
      TemplateLibrary.read(List.of(Path.of("../bpmn/element-templates")))));

  @Test
  void shouldNameTheEmptyJobTypeWhenLintingTheBrokenJsSdkModel() throws Exception {
    // when
    List<LintFinding> findings = linter.lint(CORPUS.resolve("jssdk-broken-empty-task-type.bpmn"));

    // then
    assertThat(findings).singleElement().satisfies(f -> {
      assertThat(f.describe()).startsWith(CORPUS.resolve("jssdk-broken-empty-task-type.bpmn")
          + ":7 ServiceTask_0g6tf5f deployment error: Expected a 'zeebe:taskDefinition' with a non-empty 'type'");
      assertThat(f.severity()).isEqualTo(Severity.ERROR);
    });
  }

  @Test
  void shouldNameEveryKnownProblemWhenLintingModelersLintErrorShowcase() throws Exception {
    // when
    List<LintFinding> findings = linter.lint(CORPUS.resolve("modeler-lint-errors.bpmn"));

    // then: the task without a job type, the business rule task without a decision, the empty embedded forms
    assertThat(findings).filteredOn(f -> f.severity() == Severity.ERROR)
        .extracting(LintFinding::elementId, LintFinding::rule)
        .containsExactly(
            tuple("lint-errors", "deployment"),
            tuple("Activity_084s4zz", "deployment"),
            tuple("Activity_0h20swu", "deployment"));
    assertThat(findings).filteredOn(f -> f.rule().equals("rpa/user-task-form"))
        .extracting(LintFinding::message)
        .containsExactly(
            "Expected the embedded form 'userTaskForm_1q238ds' of user task 'Activity_0kzg0nb' to have content, but it is empty",
            "Expected the embedded form 'userTaskForm_2l1dohk' of user task 'Activity_1kpg3ok' to have content, but it is empty");
    assertThat(findings).filteredOn(f -> f.elementId() != null && f.elementId().equals("Activity_084s4zz"))
        .extracting(LintFinding::message)
        .containsExactly("Expected a 'zeebe:taskDefinition' with a non-empty 'type', but the 'type' was empty");
  }

  static Stream<Arguments> corpus() {
    return EXPECTED.entrySet().stream().sorted(Map.Entry.comparingByKey())
        .map(e -> Arguments.of(e.getKey(), e.getValue()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void shouldReportExactlyTheTrueFindingsWhenLintingACorpusModel(String file, List<String> expected) throws Exception {
    // when
    List<LintFinding> findings = linter.lint(CORPUS.resolve(file));

    // then
    assertThat(findings).extracting(f -> f.line() + " " + f.elementId() + " " + f.rule() + " " + f.severity().label())
        .containsExactlyElementsOf(expected);
  }

  @Test
  void shouldCoverEveryModelOfTheCorpusWhenPinningExpectations() {
    assertThat(Linter.modelFiles(List.of(CORPUS))).extracting(p -> p.getFileName().toString())
        .containsExactlyInAnyOrderElementsOf(EXPECTED.keySet());
  }
}
