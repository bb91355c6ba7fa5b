package dev.engranaje.workers.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.engranaje.workers.api.BusinessError;
import dev.engranaje.workers.api.JobContext;
import dev.engranaje.workers.ledger.SqliteIdempotencyLedger;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class WebSecretsTest {
  private static final String PASSWORD = "Correct-Horse-Battery-77";
  private static final String WRONG = "Wrong-Horse-Staple-1234";
  private static PortalServer portal;
  private static RunWebScriptWorker worker;

  @TempDir Path root;
  private SqliteIdempotencyLedger ledger;
  private final ByteArrayOutputStream console = new ByteArrayOutputStream();
  private PrintStream originalErr;
  private PrintStream originalOut;

  @BeforeAll
  static void start() throws IOException {
    portal = new PortalServer(PASSWORD);
    worker = new RunWebScriptWorker();
  }

  @AfterAll
  static void stop() {
    worker.close();
    portal.close();
  }

  @BeforeEach
  void captureConsole() {
    ledger = SqliteIdempotencyLedger.open(root.resolve("ledger.db"), Clock.systemUTC());
    originalErr = System.err;
    originalOut = System.out;
    PrintStream tee = new PrintStream(console, true, StandardCharsets.UTF_8);
    System.setErr(tee);
    System.setOut(tee);
  }

  @AfterEach
  void restoreConsole() {
    System.setErr(originalErr);
    System.setOut(originalOut);
    ledger.close();
  }

  private static String loginScript() {
    return "steps:\n"
        + "  - open: \"${portal}/login\"\n"
        + "  - type: {target: \"css=#user\", text: \"${user}\"}\n"
        + "  - type: {target: \"css=#password\", text: \"{{secrets.PORTAL_PASSWORD}}\"}\n"
        + "  - extract: {attribute: value, target: \"css=#password\", as: typed}\n"
        + "  - click: \"text=Sign in\"\n"
        + "  - waitFor: {visible: [\"css=#welcome\", \"css=.login-error\"]}\n"
        + "  - assert: {absent: \"css=.login-error\", code: PORTAL_LOGIN_REJECTED}\n"
        + "  - extract: {attribute: value, target: \"css=#month\", as: month}\n";
  }

  @ParameterizedTest
  @EnumSource(BrowserKind.class)
  void shouldMaskTheEchoedPasswordInEvidenceAndKeepItOutOfMessagesAndNamesWhenLoginFails(BrowserKind browser)
      throws Exception {
    Browsers.assumeAvailable(browser);
    JobContext context = Jobs.context(root, Map.of("PORTAL_PASSWORD", WRONG), ledger);
    RunWebScriptInput input = new RunWebScriptInput(loginScript(), null, browser.label(),
        Map.of("portal", portal.url(), "user", PortalServer.USER));

    BusinessError error = catchThrowableOfType(BusinessError.class, () -> worker.handle(input, context));

    assertThat(error.code()).isEqualTo("PORTAL_LOGIN_REJECTED");
    assertThat(error.getMessage()).doesNotContain(WRONG);
    assertThat(error.variables().toString()).doesNotContain(WRONG);
    List<Path> files = filesIn(context.workspace().directory());
    assertThat(files).isNotEmpty().allSatisfy(file -> {
      assertThat(file.toString()).doesNotContain(WRONG);
      assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)).doesNotContain(WRONG);
    });
    Path source = context.workspace().resolve("evidence/web/" + context.job().jobKey() + "-step07-assert.html");
    assertThat(source).content().contains("You typed: ***");
    assertThat(console.toString(StandardCharsets.UTF_8)).doesNotContain(WRONG);
  }

  @ParameterizedTest
  @EnumSource(BrowserKind.class)
  void shouldKeepThePasswordOutOfTheOutputWhenLoginSucceeds(BrowserKind browser) throws Exception {
    Browsers.assumeAvailable(browser);
    JobContext context = Jobs.context(root, Map.of("PORTAL_PASSWORD", PASSWORD), ledger);
    RunWebScriptInput input = new RunWebScriptInput(loginScript(), null, browser.label(),
        Map.of("portal", portal.url(), "user", PortalServer.USER));

    RunWebScriptOutput output = worker.handle(input, context);

    assertThat(output.extracted()).containsEntry("month", "10").containsEntry("typed", "***");
    assertThat(context.json().writeValueAsString(output)).doesNotContain(PASSWORD);
    assertThat(filesIn(context.workspace().directory())).allSatisfy(file -> assertThat(file.toString()).doesNotContain(PASSWORD));
    assertThat(console.toString(StandardCharsets.UTF_8)).doesNotContain(PASSWORD);
  }

  private static List<Path> filesIn(Path directory) throws IOException {
    try (Stream<Path> files = Files.walk(directory)) {
      return files.filter(Files::isRegularFile).toList();
    }
  }
}
