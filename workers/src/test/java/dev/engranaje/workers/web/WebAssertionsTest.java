package dev.engranaje.workers.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.engranaje.workers.api.JobContext;
import dev.engranaje.workers.api.TechnicalFailure;
import dev.engranaje.workers.ledger.SqliteIdempotencyLedger;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class WebAssertionsTest {
  private static final String SCRIPT = "steps:\n"
      + "  - open: \"${portal}/report\"\n"
      + "  - assert: {titleContains: Monthly}\n"
      + "  - assert: {target: \"css=#report-title\", textEquals: \"Report for ${month}\"}\n"
      + "  - assert: {urlContains: /report}\n"
      + "  - assert: {present: \"xpath=//h1\"}\n"
      + "  - assert: {visible: \"text=Report for November\"}\n"
      + "  - assert: {target: \"css=#report-title\", textContains: December}\n";
  private static PortalServer portal;
  private static RunWebScriptWorker worker;

  @TempDir Path root;
  private SqliteIdempotencyLedger ledger;

  @BeforeAll
  static void start() throws IOException {
    portal = new PortalServer("unused-password");
    worker = new RunWebScriptWorker();
  }

  @AfterAll
  static void stop() {
    worker.close();
    portal.close();
  }

  @BeforeEach
  void openLedger() {
    ledger = SqliteIdempotencyLedger.open(root.resolve("ledger.db"), Clock.systemUTC());
  }

  @AfterEach
  void closeLedger() {
    ledger.close();
  }

  @ParameterizedTest
  @EnumSource(BrowserKind.class)
  void shouldPassTheHoldingChecksAndFailPermanentlyOnTheFirstThatDoesNotWhenAssertHasNoCode(BrowserKind browser)
      throws Exception {
    Browsers.assumeAvailable(browser);
    JobContext context = Jobs.context(root, Map.of(), ledger);
    RunWebScriptInput input = new RunWebScriptInput(SCRIPT, null, browser.label(), Map.of("portal", portal.url(), "month", "November"));

    TechnicalFailure failure = catchThrowableOfType(TechnicalFailure.class, () -> worker.handle(input, context));

    assertThat(failure.isRetryable()).isFalse();
    assertThat(failure.getMessage()).startsWith(String.format(PageChecks.ASSERT_FAILED, 7,
        "text containing 'December' in css=#report-title", "the text is 'Report for November'") + "; evidence: evidence/web/");
  }

  @ParameterizedTest
  @EnumSource(BrowserKind.class)
  void shouldFailRetryablyWithTheStepsMessageWhenAnAssertWithRetryDoesNotHold(BrowserKind browser) throws Exception {
    Browsers.assumeAvailable(browser);
    JobContext context = Jobs.context(root, Map.of(), ledger);
    String script = "steps:\n"
        + "  - open: \"${portal}/report\"\n"
        + "  - assert: {absent: \"css=#report-title\", retry: true, message: \"The ${month} report is still being built\"}\n";
    RunWebScriptInput input = new RunWebScriptInput(script, null, browser.label(), Map.of("portal", portal.url(), "month", "November"));

    TechnicalFailure failure = catchThrowableOfType(TechnicalFailure.class, () -> worker.handle(input, context));

    assertThat(failure.isRetryable()).isTrue();
    assertThat(failure.getMessage()).startsWith("The November report is still being built (" + String.format(
        PageChecks.ASSERT_FAILED, 2, "no element by css=#report-title", "one is on the page") + "); evidence: evidence/web/");
  }
}
