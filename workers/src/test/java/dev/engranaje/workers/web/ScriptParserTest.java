package dev.engranaje.workers.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.engranaje.workers.api.TechnicalFailure;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScriptParserTest {
  private final ScriptParser parser = new ScriptParser(Duration.ofSeconds(10));

  @Test
  void shouldReadEveryStepKindWhenScriptIsTheYamlPortalScript() throws Exception {
    WebScript script = parser.parse(WebPortalScriptTest.script("portal-statement.yaml"), "portal-statement.yaml");

    assertThat(script.timeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(script.browser()).isEmpty();
    assertThat(script.steps()).hasSize(31);
    assertThat(script.steps().stream().map(WebStep::kind).distinct().toList()).containsExactlyInAnyOrder("open", "type",
        "click", "waitFor", "assert", "extract", "select", "check", "download", "switchFrame", "switchWindow", "upload",
        "screenshot");
    assertThat(script.steps().get(2)).isEqualTo(
        new WebStep.Type(Target.of("css=#pass", "css=#password"), "{{secrets.PORTAL_PASSWORD}}", true, null));
    assertThat(script.steps().get(5)).isEqualTo(new WebStep.Assert(WebStep.AssertCondition.ABSENT, Target.of("css=.login-error"),
        null, "PORTAL_LOGIN_REJECTED", "The portal rejected the login of ${user}"));
    assertThat(script.steps().get(18)).isEqualTo(
        new WebStep.Download(Target.of("css=#statement-link"), "downloads/statement-${month}.csv", "statement", null));
    assertThat(script.steps().get(21)).isEqualTo(new WebStep.SwitchFrame(WebStep.FrameDestination.TOP, null, null));
  }

  @Test
  void shouldReadAListOfStepsWhenScriptIsJson() throws Exception {
    String json = "{\"browser\": \"chromium\", \"timeout\": \"1500ms\", \"steps\": ["
        + "{\"open\": \"https://portal.example\"},"
        + "{\"waitFor\": {\"text\": \"#status\", \"contains\": \"ready\", \"timeout\": \"PT30S\"}},"
        + "{\"check\": {\"target\": \"text=Accept\", \"checked\": false}},"
        + "{\"switchWindow\": {\"titleContains\": \"Report\"}}]}";

    WebScript script = parser.parse(json, "the 'script' input");

    assertThat(script.browser()).isEqualTo(Optional.of(BrowserKind.CHROMIUM));
    assertThat(script.timeout()).isEqualTo(Duration.ofMillis(1500));
    assertThat(script.steps()).containsExactly(
        new WebStep.Open("https://portal.example"),
        new WebStep.WaitFor(WebStep.WaitCondition.TEXT, Target.of("css=#status"), "ready", Duration.ofSeconds(30)),
        new WebStep.Check(new Target(List.of(new Selector(Selector.Strategy.TEXT, "Accept"))), false, null),
        new WebStep.SwitchWindow(WebStep.WindowChoice.TITLE_CONTAINS, "Report", null));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "missing-field.yaml   | Expected step 2 (type) to have field 'text', but it is missing (in broken/missing-field.yaml)",
      "secret-in-url.yaml   | Expected secrets only in the text of a type step, but step 1 (open) field 'url' references one;",
      "unknown-kind.yaml    | Expected step 2 to be one of [assert, check, click, download, extract, open, screenshot, select, switchFrame, switchWindow, type, upload, waitFor], but it is 'hover'",
      "unknown-field.yaml   | Expected step 2 (click) to have only the fields [target, timeout], but it has 'taget'",
      "bad-timeout.yaml     | Expected step 1 (click) field 'timeout' to be a duration like 10s, 500ms, 2m or PT10S, but it is 'soon'",
      "two-kinds.yaml       | Expected step 1 to be a map with exactly one step kind",
      "unparsable.yaml      | Expected a web script in YAML or JSON, but broken/unparsable.yaml could not be parsed:",
      "unknown-browser.yaml | Expected browser to be one of [htmlunit, chromium], but it is 'firefox'",
      "no-steps.yaml        | Expected a web script with a non-empty 'steps' list, but broken/no-steps.yaml has none",
      "select-both.yaml     | Expected step 1 (select) to have exactly one of the fields [option, value], but it has both",
      "bad-name.yaml        | Expected step 1 (extract) field 'as' to be a name of letters, digits, '_', '-' or '.', but it is 'total amount'",
      "bad-window.yaml      | Expected step 1 (switchWindow) field 'to' to be new or original, but it is 'latest'",
      "assert-code-and-retry.yaml | Expected step 2 (assert) field 'retry' to be either a 'code' (a BPMN error) or 'retry: true' (try the job again), not both, but it is both",
  })
  void shouldNameTheStepAndFieldWhenScriptIsBroken(String file, String expectedStart) throws IOException {
    String text = WebPortalScriptTest.script("broken/" + file);

    TechnicalFailure failure = catchThrowableOfType(TechnicalFailure.class, () -> parser.parse(text, "broken/" + file));

    assertThat(failure.isRetryable()).isFalse();
    assertThat(failure.getMessage()).startsWith(expectedStart);
  }
}
