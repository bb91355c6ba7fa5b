package dev.engranaje.workers.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

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

class SessionReuseTest {
  private static final String PASSWORD = "reuse-Pa55word";
  private static final String LEAVE_STATE = "steps:\n"
      + "  - open: \"${portal}/login\"\n"
      + "  - type: {target: \"css=#user\", text: clerk}\n"
      + "  - type: {target: \"css=#password\", text: \"{{secrets.PORTAL_PASSWORD}}\"}\n"
      + "  - click: \"text=Sign in\"\n"
      + "  - waitFor: {visible: \"css=#welcome\"}\n"
      + "  - click: \"css=#open-report\"\n"
      + "  - switchWindow: new\n"
      + "  - open: \"${portal}/storage?write\"\n"
      + "  - extract: {text: \"css=#local\", as: local}\n";
  private static final String READ_STATE = "steps:\n"
      + "  - open: \"${portal}/home\"\n"
      + "  - waitFor: {url: \"/login\"}\n"
      + "  - open: \"${portal}/storage\"\n"
      + "  - extract: {text: \"css=#cookie\", as: cookie}\n"
      + "  - extract: {text: \"css=#local\", as: local}\n";
  private static PortalServer portal;

  @TempDir Path root;
  private SqliteIdempotencyLedger ledger;
  private RunWebScriptWorker worker;

  @BeforeAll
  static void start() throws IOException {
    portal = new PortalServer(PASSWORD);
  }

  @AfterAll
  static void stop() {
    portal.close();
  }

  @BeforeEach
  void setUp() {
    ledger = SqliteIdempotencyLedger.open(root.resolve("ledger.db"), Clock.systemUTC());
    worker = new RunWebScriptWorker(WebWorkerConfig.DEFAULT.withPool(1, 50));
  }

  @AfterEach
  void tearDown() {
    worker.close();
    ledger.close();
  }

  private RunWebScriptOutput run(String script, BrowserKind browser) throws Exception {
    return worker.handle(new RunWebScriptInput(script, null, browser.label(), Map.of("portal", portal.url())),
        Jobs.context(root, Map.of("PORTAL_PASSWORD", PASSWORD), ledger));
  }

  @ParameterizedTest
  @EnumSource(BrowserKind.class)
  void shouldReuseTheSessionWithoutTheEarlierJobsCookiesStorageOrWindowsWhenJobsFollowEachOther(BrowserKind browser)
      throws Exception {
    Browsers.assumeAvailable(browser);
    RunWebScriptOutput first = run(LEAVE_STATE, browser);

    RunWebScriptOutput second = run(READ_STATE, browser);

    assertThat(first.extracted()).containsEntry("local", "local:left-by-an-earlier-job");
    assertThat(second.extracted()).containsEntry("cookie", "cookies:none").containsEntry("local", "local:none");
    assertThat(worker.sessionCounts()).containsExactly(1, 1);
    assertThat(second.extracted()).hasSize(2);
  }

  @ParameterizedTest
  @EnumSource(BrowserKind.class)
  void shouldLeaveOnlyOneWindowWhenTheEarlierJobOpenedAnother(BrowserKind browser) throws Exception {
    Browsers.assumeAvailable(browser);
    run(LEAVE_STATE, browser);
    String lookForTheReport = "steps:\n  - open: \"${portal}/storage\"\n"
        + "  - switchWindow: {titleContains: \"Monthly report\", timeout: 1s}\n";

    TechnicalFailure failure = catchThrowableOfType(TechnicalFailure.class, () -> run(lookForTheReport, browser));

    assertThat(failure.getMessage()).startsWith(String.format(ElementFinder.CONDITION_TIMEOUT, 2, "switchWindow",
        "a window whose title contains 'Monthly report'", "1s", "not there; open windows: 1"));
  }

  @ParameterizedTest
  @EnumSource(BrowserKind.class)
  void shouldStartAFreshSessionWhenTheEarlierJobFailedTechnically(BrowserKind browser) throws Exception {
    Browsers.assumeAvailable(browser);
    String failing = "steps:\n  - open: \"${portal}/login\"\n  - click: {target: \"css=#missing\", timeout: 500ms}\n";
    catchThrowableOfType(TechnicalFailure.class, () -> run(failing, browser));

    run(READ_STATE, browser);

    assertThat(worker.sessionCounts()).containsExactly(2, 0);
  }

  @ParameterizedTest
  @EnumSource(BrowserKind.class)
  void shouldReuseTheSessionWhenTheEarlierJobFailedOnAnAssert(BrowserKind browser) throws Exception {
    Browsers.assumeAvailable(browser);
    String failing = "steps:\n  - open: \"${portal}/login\"\n  - assert: {present: \"css=#missing\", retry: true}\n";
    TechnicalFailure failure = catchThrowableOfType(TechnicalFailure.class, () -> run(failing, browser));

    run(READ_STATE, browser);

    assertThat(failure.isRetryable()).isTrue();
    assertThat(worker.sessionCounts()).containsExactly(1, 1);
  }
}
