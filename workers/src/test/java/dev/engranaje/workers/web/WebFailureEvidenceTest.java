package dev.engranaje.workers.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.engranaje.workers.api.JobContext;
import dev.engranaje.workers.api.TechnicalFailure;
import dev.engranaje.workers.ledger.SqliteIdempotencyLedger;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class WebFailureEvidenceTest {
  private static final Pattern EVIDENCE_FILE = Pattern.compile("evidence/web/[0-9]+-[A-Za-z0-9-]+\\.(png|html|log)");
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
  void shouldNameStepSelectorAndSavedEvidenceWhenSelectorMatchesNothing(BrowserKind browser) throws Exception {
    Browsers.assumeAvailable(browser);
    JobContext context = Jobs.context(root, Map.of(), ledger);
    String script = "steps:\n"
        + "  - open: \"${portal}/login\"\n"
        + "  - type: {target: \"css=#user\", text: clerk}\n"
        + "  - click: {target: [\"css=#does-not-exist\", \"text=No such button\"], timeout: 1s}\n";
    RunWebScriptInput input = new RunWebScriptInput(script, null, browser.label(), Map.of("portal", portal.url()));

    TechnicalFailure failure = catchThrowableOfType(TechnicalFailure.class, () -> worker.handle(input, context));

    assertThat(failure.isRetryable()).isTrue();
    assertThat(failure.getMessage()).startsWith(String.format(ElementFinder.NOT_FOUND, 3, "click", "a clickable",
        "css=#does-not-exist | text=No such button", "1s"));
    List<String> files = evidenceFiles(failure.getMessage());
    String base = "evidence/web/" + context.job().jobKey();
    if (browser == BrowserKind.CHROMIUM) {
      assertThat(files).containsExactly(base + "-step03-click.png", base + "-step03-click.html", base + "-trace.log");
      assertThat(Files.readAllBytes(context.workspace().resolve(files.get(0)))).startsWith(0x89, 'P', 'N', 'G');
    } else {
      assertThat(files).containsExactly(base + "-step03-click.html", base + "-trace.log");
      assertThat(failure.getMessage()).contains(Evidence.HTMLUNIT_NOTE);
    }
    assertThat(context.workspace().resolve(base + "-step03-click.html")).content().contains("<form id=\"login\"");
    assertThat(context.workspace().resolve(base + "-trace.log")).content()
        .contains("step 2 type into css=#user: ok", "step 3 click css=#does-not-exist | text=No such button: failed");
  }

  @ParameterizedTest
  @EnumSource(BrowserKind.class)
  void shouldFailPermanentlyNamingTheFileWhenUploadFileIsMissing(BrowserKind browser) throws Exception {
    Browsers.assumeAvailable(browser);
    JobContext context = Jobs.context(root, Map.of(), ledger);
    String script = "[{\"open\": \"${portal}/login\"}, {\"upload\": {\"target\": \"css=#document\", \"file\": \"outbox/missing.pdf\"}}]";
    RunWebScriptInput input = new RunWebScriptInput(script, null, browser.label(), Map.of("portal", portal.url()));

    TechnicalFailure failure = catchThrowableOfType(TechnicalFailure.class, () -> worker.handle(input, context));

    assertThat(failure.isRetryable()).isFalse();
    assertThat(failure.getMessage()).startsWith(String.format(StepRunner.UPLOAD_MISSING, "outbox/missing.pdf", 2));
    assertThat(evidenceFiles(failure.getMessage())).allSatisfy(file -> assertThat(context.workspace().resolve(file)).exists());
  }

  @org.junit.jupiter.api.Test
  void shouldFailPermanentlyNamingThePathWhenChromiumIsNotInstalled() throws Exception {
    Path missing = root.resolve("no-chromium/chromium");
    JobContext context = Jobs.context(root, Map.of(), ledger);
    RunWebScriptInput input = new RunWebScriptInput("[{\"open\": \"${portal}/login\"}]", null, "chromium", Map.of("portal", portal.url()));
    try (RunWebScriptWorker elsewhere = new RunWebScriptWorker(new WebWorkerConfig(BrowserKind.HTMLUNIT, missing,
        Path.of("/usr/bin/chromedriver"), java.time.Duration.ofSeconds(5), 1, 10))) {

      TechnicalFailure failure = catchThrowableOfType(TechnicalFailure.class, () -> elsewhere.handle(input, context));

      assertThat(failure.isRetryable()).isFalse();
      assertThat(failure.getMessage()).isEqualTo(String.format(ChromiumSession.MISSING, "Chromium", missing));
    }
  }

  static List<String> evidenceFiles(String message) {
    List<String> files = new ArrayList<>();
    Matcher matcher = EVIDENCE_FILE.matcher(message);
    while (matcher.find()) {
      files.add(matcher.group());
    }
    return files;
  }
}
