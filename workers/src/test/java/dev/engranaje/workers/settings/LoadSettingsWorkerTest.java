package dev.engranaje.workers.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.engranaje.engine.testkit.TestEngine;
import dev.engranaje.workers.api.JobContext;
import dev.engranaje.workers.api.JobInfo;
import dev.engranaje.workers.api.TechnicalFailure;
import dev.engranaje.workers.ledger.SqliteIdempotencyLedger;
import dev.engranaje.workers.runtime.WorkerRuntime;
import dev.engranaje.workers.secrets.Redactor;
import dev.engranaje.workers.secrets.SecretResolver;
import dev.engranaje.workers.secrets.SecretSource;
import dev.engranaje.workers.workspace.Workspace;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoadSettingsWorkerTest {
  private static final String SETTINGS = """
      mailHost: mail.kestrel.example
      smtpPort: 587
      mailSecurity: starttls
      bankPortalPassword: secrets.BANK_PORTAL_PASSWORD
      maxInvoiceAmount: "50000.00"
      debtor:
        name: Kestrel Components GmbH
        iban: DE89370400440532013000
      """;

  @TempDir Path dir;
  private final LoadSettingsWorker worker = new LoadSettingsWorker();
  private SqliteIdempotencyLedger ledger;
  private Workspace workspace;

  @BeforeEach
  void open() throws IOException {
    ledger = SqliteIdempotencyLedger.open(dir.resolve("ledger.db"), Clock.systemUTC());
    Files.createDirectories(dir.resolve("config"));
    workspace = new Workspace(dir.resolve("instance"), Map.of("config", dir.resolve("config")));
  }

  @AfterEach
  void close() {
    ledger.close();
  }

  private JobContext context(Map<String, String> headers) {
    return new JobContext(new JobInfo(1L, "rpa:runtime.load-settings:1", 4711L, "supplier-payment", "load-settings", 3,
        headers), workspace, new SecretResolver(SecretSource.of(Map.of()), new Redactor()), ledger, new ObjectMapper(),
        Clock.systemUTC());
  }

  private void write(String name, String text) throws IOException {
    Files.writeString(dir.resolve("config").resolve(name), text);
  }

  private Map<String, Object> load(String reference, Map<String, Object> given) throws Exception {
    return worker.handle(new LoadSettingsWorker.Input(reference, given), context(Map.of()));
  }

  @Test
  void shouldSetEverySettingWhenTheStartGaveNoVariables() throws Exception {
    // given
    write("payment.yaml", SETTINGS);

    // when
    Map<String, Object> variables = load("config:payment.yaml", Map.of());

    // then
    assertThat(variables).containsEntry("mailHost", "mail.kestrel.example").containsEntry("smtpPort", 587)
        .containsEntry("maxInvoiceAmount", "50000.00").containsEntry("bankPortalPassword", "secrets.BANK_PORTAL_PASSWORD")
        .containsEntry("debtor", Map.of("name", "Kestrel Components GmbH", "iban", "DE89370400440532013000"))
        .containsEntry("settingsApplied", List.of("bankPortalPassword", "debtor", "mailHost", "mailSecurity",
            "maxInvoiceAmount", "smtpPort"));
  }

  @Test
  void shouldKeepTheVariablesTheStartGaveWhenTheFileAlsoHasThem() throws Exception {
    // given: a person started by hand with another mail host and no mail security on purpose
    write("payment.yaml", SETTINGS);
    Map<String, Object> given = new HashMap<>();
    given.put("mailHost", "127.0.0.1");
    given.put("mailSecurity", null);

    // when
    Map<String, Object> variables = load("config:payment.yaml", given);

    // then
    assertThat(variables).doesNotContainKeys("mailHost", "mailSecurity").containsEntry("smtpPort", 587);
    assertThat(variables.get("settingsApplied")).asList().doesNotContain("mailHost", "mailSecurity");
  }

  @Test
  void shouldReadJsonSettingsWhenTheFileIsJson() throws Exception {
    // given
    write("payment.json", "{\"apMail\": \"ap@kestrel.example\", \"pain001Version\": \"001.001.09\"}");

    // when
    Map<String, Object> variables = load("config:payment.json", Map.of());

    // then
    assertThat(variables).containsEntry("apMail", "ap@kestrel.example").containsEntry("pain001Version", "001.001.09");
  }

  @Test
  void shouldSetASettingWhenOnlyATaskHeaderOfThatNameExists() throws Exception {
    // given: headers are merged into the input; they are not variables the start gave
    write("payment.yaml", "retryBackoff: PT1M\n");

    // when
    Map<String, Object> variables = worker.handle(new LoadSettingsWorker.Input("config:payment.yaml",
        Map.of("retryBackoff", "PT30S")), context(Map.of("retryBackoff", "PT30S")));

    // then
    assertThat(variables).containsEntry("retryBackoff", "PT1M");
  }

  @Test
  void shouldRefuseALiteralSecretNamingTheFileAndTheKey() throws IOException {
    // given
    write("payment.yaml", "debtor:\n  name: Kestrel\nportal:\n  apiToken: hunter2\n");

    // when / then
    assertThatThrownBy(() -> load("config:payment.yaml", Map.of())).isInstanceOf(TechnicalFailure.class)
        .hasMessageContaining("'portal.apiToken'").hasMessageContaining("'config:payment.yaml'")
        .hasMessageContaining("secrets.NAME").hasMessageNotContaining("hunter2")
        .satisfies(e -> assertThat(((TechnicalFailure) e).isRetryable()).isFalse());
  }

  @Test
  void shouldRefuseAnUnquotedDecimalNamingTheFileAndTheKey() throws IOException {
    // given
    write("payment.yaml", "maxInvoiceAmount: 50000.10\n");

    // when / then
    assertThatThrownBy(() -> load("config:payment.yaml", Map.of())).isInstanceOf(TechnicalFailure.class)
        .hasMessageContaining("'maxInvoiceAmount'").hasMessageContaining("'config:payment.yaml'")
        .hasMessageContaining("quote it");
  }

  @Test
  void shouldNameTheFileAndLineWhenItCannotBeParsed() throws IOException {
    // given
    write("payment.yaml", "mailHost: a\nsmtpPort: [587\n");

    // when / then
    assertThatThrownBy(() -> load("config:payment.yaml", Map.of())).isInstanceOf(TechnicalFailure.class)
        .hasMessageContaining("'config:payment.yaml'").hasMessageMatching("(?s).*line \\d+.*");
  }

  @Test
  void shouldNameTheFileWhenItIsMissingOrNotAMap() throws IOException {
    // given
    write("list.yaml", "- mailHost\n");

    // when / then
    assertThatThrownBy(() -> load("config:absent.yaml", Map.of())).isInstanceOf(TechnicalFailure.class)
        .hasMessageContaining("'config:absent.yaml'").hasMessageContaining("does not exist");
    assertThatThrownBy(() -> load("config:list.yaml", Map.of())).isInstanceOf(TechnicalFailure.class)
        .hasMessageContaining("'config:list.yaml'").hasMessageContaining("a map");
  }

  @Test
  void shouldRefuseAFileOutsideTheWorkspace() {
    assertThatThrownBy(() -> load("../../etc/passwd", Map.of())).isInstanceOf(TechnicalFailure.class)
        .hasMessageContaining("outside");
  }

  @Test
  void shouldSetOnlyTheMissingVariablesOfARunningInstanceWhenServedByTheRuntime() throws IOException {
    // given: a model whose first task loads the settings; the runtime must fetch every variable for it
    write("payment.yaml", SETTINGS);
    try (TestEngine engine = TestEngine.inMemory()) {
      String processId = TestEngine.uniqueProcessId();
      engine.deploy(Bpmn.createExecutableProcess(processId).startEvent()
          .serviceTask("load-settings", t -> t.zeebeJobType("rpa:runtime.load-settings:1")
              .zeebeInput("config:payment.yaml", "settingsFile"))
          .serviceTask("inspect", t -> t.zeebeJobType("test:inspect")).endEvent().done());
      try (WorkerRuntime runtime = WorkerRuntime.builder(engine.client()).ledger(ledger)
          .workspaceRoot(dir.resolve("ws")).area("config", dir.resolve("config")).worker(worker).build().start()) {

        // when
        engine.createInstance(processId, Map.of("mailHost", "127.0.0.1", "smtpPort", 2525));

        // then
        Map<String, Object> variables = engine.activateJob("test:inspect").getVariablesAsMap();
        assertThat(variables).containsEntry("mailHost", "127.0.0.1").containsEntry("smtpPort", 2525)
            .containsEntry("mailSecurity", "starttls").containsEntry("maxInvoiceAmount", "50000.00")
            .doesNotContainKey("settingsFile");
        assertThat(variables.get("settingsApplied")).asList().containsExactly("bankPortalPassword", "debtor",
            "mailSecurity", "maxInvoiceAmount");
      }
    }
  }
}
