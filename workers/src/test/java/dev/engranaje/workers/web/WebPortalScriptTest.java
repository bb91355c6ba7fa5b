package dev.engranaje.workers.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.engranaje.workers.api.BusinessError;
import dev.engranaje.workers.api.JobContext;
import dev.engranaje.workers.ledger.SqliteIdempotencyLedger;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class WebPortalScriptTest {
  static final String PASSWORD = "Tr0ub4dor&3-portal";
  private static PortalServer portal;
  private static RunWebScriptWorker worker;

  @TempDir Path root;
  private SqliteIdempotencyLedger ledger;

  @BeforeAll
  static void startPortal() throws IOException {
    portal = new PortalServer(PASSWORD);
    worker = new RunWebScriptWorker();
  }

  @AfterAll
  static void stopPortal() {
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

  static String script(String name) throws IOException {
    try (InputStream in = WebPortalScriptTest.class.getResourceAsStream("/web/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  static byte[] document() {
    byte[] bytes = new byte[3000];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) (i * 7);
    }
    return bytes;
  }

  @ParameterizedTest
  @EnumSource(BrowserKind.class)
  void shouldRunTheWholePortalScriptWhenRunInEitherBrowser(BrowserKind browser) throws Exception {
    Browsers.assumeAvailable(browser);
    JobContext context = Jobs.context(root, Map.of("PORTAL_PASSWORD", PASSWORD), ledger);
    Files.createDirectories(context.workspace().directory().resolve("outbox"));
    Files.write(context.workspace().directory().resolve("outbox/invoice.pdf"), document());
    RunWebScriptInput input = new RunWebScriptInput(script("portal-statement.yaml"), null, browser.label(),
        Map.of("portal", portal.url(), "user", PortalServer.USER, "month", "2026-11", "document", "outbox/invoice.pdf"));

    RunWebScriptOutput output = worker.handle(input, context);

    assertThat(output.browser()).isEqualTo(browser.label());
    assertThat(output.extracted())
        .containsEntry("welcome", "Welcome, clerk")
        .containsEntry("applied", "11/true")
        .containsEntry("slow", "Loaded late")
        .containsEntry("frameText", "Help inside the frame")
        .containsEntry("reportTitle", "Report for November")
        .containsEntry("uploadResult", "Received 3000 bytes");
    assertThat(output.extracted().get("statementLink").toString()).endsWith("/statement.csv");
    assertThat(output.extracted().get("invoices")).isEqualTo(List.of(
        Map.of("Number", "INV-2026-001", "Date", "2026-11-02", "Amount", "1 250,10"),
        Map.of("Number", "INV-2026-002", "Date", "2026-11-15", "Amount", "89,90"),
        Map.of("Number", "INV-2026-003", "Date", "2026-11-20", "Amount", "4 000,00")));
    assertThat(output.downloads()).containsEntry("statement", "downloads/statement-2026-11.csv");
    assertThat(context.workspace().resolve("downloads/statement-2026-11.csv")).hasBinaryContent(PortalServer.STATEMENT);
    assertThat(portal.uploaded()).isEqualTo(document());
    String shot = browser == BrowserKind.CHROMIUM ? ".png" : ".html";
    assertThat(output.screenshots()).singleElement().asString().startsWith("screenshots/").endsWith("-after-upload" + shot);
    assertThat(context.workspace().resolve(output.screenshots().get(0))).isNotEmptyFile();
    assertThat(context.workspace().directory().resolve(ScriptRun.STAGING + context.job().jobKey())).doesNotExist();
  }

  @ParameterizedTest
  @EnumSource(BrowserKind.class)
  void shouldThrowLoginRejectedWithEvidenceWhenPasswordIsWrong(BrowserKind browser) throws Exception {
    Browsers.assumeAvailable(browser);
    JobContext context = Jobs.context(root, Map.of("PORTAL_PASSWORD", "wrong-password-42"), ledger);
    RunWebScriptInput input = new RunWebScriptInput(script("portal-statement.yaml"), null, browser.label(),
        Map.of("portal", portal.url(), "user", PortalServer.USER, "month", "2026-11", "document", "outbox/invoice.pdf"));

    BusinessError error = catchThrowableOfType(BusinessError.class, () -> worker.handle(input, context));

    assertThat(error.code()).isEqualTo("PORTAL_LOGIN_REJECTED");
    assertThat(error.getMessage()).startsWith("The portal rejected the login of clerk")
        .contains("step 6 (assert)", "no element by css=.login-error", "evidence/web/" + context.job().jobKey() + "-step06-assert.html");
    @SuppressWarnings("unchecked")
    List<String> evidence = (List<String>) error.variables().get("evidence");
    assertThat(evidence).isNotEmpty().allSatisfy(file -> assertThat(context.workspace().resolve(file)).isNotEmptyFile());
  }
}
