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

/** {@code ${name}} placeholders in selectors are filled from the job's variables when the step runs. */
class WebSelectorPlaceholdersTest {
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
  void shouldFindElementsBySelectorsBuiltFromVariables(BrowserKind browser) throws Exception {
    Browsers.assumeAvailable(browser);
    String script = "steps:\n"
        + "  - open: \"${portal}/report\"\n"
        + "  - assert: {visible: \"text=Report for ${month}\"}\n"
        + "  - extract: {text: \"css=#${titleId}\", as: byId}\n"
        + "  - extract: {text: \"xpath=//h1[contains(., '${month}')]\", as: byXpath}\n";
    RunWebScriptInput input = new RunWebScriptInput(script, null, browser.label(),
        Map.of("portal", portal.url(), "month", "November", "titleId", "report-title"));

    RunWebScriptOutput output = worker.handle(input, context());

    assertThat(output.extracted()).containsEntry("byId", "Report for November").containsEntry("byXpath", "Report for November");
  }

  @ParameterizedTest
  @EnumSource(BrowserKind.class)
  void shouldNameTheFilledSelectorWhenNoElementMatchesIt(BrowserKind browser) throws Exception {
    Browsers.assumeAvailable(browser);
    String script = "steps:\n"
        + "  - open: \"${portal}/report\"\n"
        + "  - extract: {text: \"css=#${titleId}\", as: title, timeout: 300ms}\n";
    RunWebScriptInput input = new RunWebScriptInput(script, null, browser.label(),
        Map.of("portal", portal.url(), "titleId", "missing-title"));

    TechnicalFailure failure = catchThrowableOfType(TechnicalFailure.class, () -> worker.handle(input, context()));

    assertThat(failure.getMessage()).contains("css=#missing-title");
  }

  @ParameterizedTest
  @EnumSource(BrowserKind.class)
  void shouldRefuseASelectorPlaceholderThatNoVariableFills(BrowserKind browser) throws Exception {
    Browsers.assumeAvailable(browser);
    String script = "steps:\n"
        + "  - open: \"${portal}/report\"\n"
        + "  - click: \"css=#${nowhere}\"\n";
    RunWebScriptInput input = new RunWebScriptInput(script, null, browser.label(), Map.of("portal", portal.url()));

    Throwable failure = catchThrowableOfType(Exception.class, () -> worker.handle(input, context()));

    assertThat(failure).hasMessageContaining(String.format(Placeholders.UNKNOWN, "nowhere", 2, "click"));
  }

  private JobContext context() {
    return Jobs.context(root, Map.of(), ledger);
  }
}
