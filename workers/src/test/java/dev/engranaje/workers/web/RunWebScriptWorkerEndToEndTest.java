package dev.engranaje.workers.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engranaje.engine.record.ProcessInstanceIntent;
import dev.engranaje.engine.testkit.TestEngine;
import dev.engranaje.workers.ledger.SqliteIdempotencyLedger;
import dev.engranaje.workers.runtime.WorkerRuntime;
import dev.engranaje.workers.secrets.SecretSource;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunWebScriptWorkerEndToEndTest {
  private static final String PASSWORD = "e2e-Portal-Passw0rd";
  private static final String SCRIPT = "browser: htmlunit\n"
      + "steps:\n"
      + "  - open: \"${portal}/login\"\n"
      + "  - type: {target: \"css=#user\", text: \"${supplier.login}\"}\n"
      + "  - type: {target: \"css=#password\", text: \"{{secrets.PORTAL_PASSWORD}}\"}\n"
      + "  - click: \"text=Sign in\"\n"
      + "  - waitFor: {visible: [\"css=#welcome\", \"css=.login-error\"]}\n"
      + "  - assert: {absent: \"css=.login-error\", code: PORTAL_LOGIN_REJECTED, message: \"The portal rejected ${supplier.login}\"}\n"
      + "  - extract: {table: \"css=#invoices\", as: invoices}\n"
      + "  - download: {click: \"text=Download the statement\", as: statement}\n";

  @TempDir Path root;
  private TestEngine engine;
  private PortalServer portal;
  private SqliteIdempotencyLedger ledger;
  private RunWebScriptWorker worker;
  private WorkerRuntime runtime;

  @BeforeEach
  void start() throws IOException {
    engine = TestEngine.inMemory();
    portal = new PortalServer(PASSWORD);
    ledger = SqliteIdempotencyLedger.open(root.resolve("ledger.db"), Clock.systemUTC());
    worker = new RunWebScriptWorker();
  }

  @AfterEach
  void stop() {
    if (runtime != null) {
      runtime.close();
    }
    worker.close();
    ledger.close();
    portal.close();
    engine.close();
  }

  private void startRuntime(String password) {
    runtime = WorkerRuntime.builder(engine.client()).worker(worker).ledger(ledger).workspaceRoot(root.resolve("ws"))
        .secrets(SecretSource.of(Map.of("PORTAL_PASSWORD", password))).build().start();
  }

  /**
   * Fetch the statement; a rejected login goes to a task of its own, with the evidence files mapped
   * from the error. Both lead to a task the test inspects.
   */
  private static BpmnModelInstance model(String processId) {
    return Bpmn.createExecutableProcess(processId).startEvent()
        .serviceTask("fetch-statement", t -> t.zeebeJobType("rpa:web.run-script:1"))
        .boundaryEvent("login-rejected", b -> b.error("PORTAL_LOGIN_REJECTED").zeebeOutputExpression("evidence", "loginEvidence"))
        .serviceTask("inspect-rejected", t -> t.zeebeJobType("test:inspect-rejected")).endEvent("rejected")
        .moveToActivity("fetch-statement")
        .serviceTask("inspect", t -> t.zeebeJobType("test:inspect")).endEvent("fetched").done();
  }

  private Map<String, Object> variables() {
    return Map.of("script", SCRIPT, "variables", Map.of("portal", portal.url(), "supplier", Map.of("login", PortalServer.USER)));
  }

  // A browser job on a busy machine can outlast TestEngine.await's deadline and a long poll's socket
  // timeout: watch the record log for the next task for up to 3 minutes, then activate its job.
  private ActivatedJob awaitJob(long instance, String elementId, String type) {
    TestEngine.await("element " + elementId + " is activated", Duration.ofMinutes(3),
        () -> engine.hasElementEvent(instance, elementId, ProcessInstanceIntent.ELEMENT_ACTIVATED));
    return engine.activateJob(type);
  }

  @Test
  void shouldCompleteWithRowsAndDownloadReferenceWhenPortalAcceptsTheLogin() throws Exception {
    String processId = TestEngine.uniqueProcessId();
    engine.deploy(model(processId));
    startRuntime(PASSWORD);

    long instance = engine.createInstance(processId, variables());

    Map<String, Object> after = awaitJob(instance, "inspect", "test:inspect").getVariablesAsMap();
    @SuppressWarnings("unchecked")
    Map<String, Object> extracted = (Map<String, Object>) after.get("extracted");
    assertThat(extracted.get("invoices")).asList().hasSize(3).first()
        .isEqualTo(Map.of("Number", "INV-2026-001", "Date", "2026-11-02", "Amount", "1 250,10"));
    assertThat(after).containsEntry("downloads", Map.of("statement", "downloads/statement.csv"))
        .containsEntry("browser", "htmlunit");
    Path statement = root.resolve("ws").resolve(Long.toString(instance)).resolve("downloads/statement.csv");
    assertThat(Files.readAllBytes(statement)).isEqualTo(PortalServer.STATEMENT);
    assertThat(after.toString()).doesNotContain(PASSWORD);
  }

  @Test
  void shouldTakeTheErrorPathWithEvidenceWhenPortalRejectsTheLogin() throws Exception {
    String processId = TestEngine.uniqueProcessId();
    engine.deploy(model(processId));
    startRuntime("not-the-password-9");

    long instance = engine.createInstance(processId, variables());

    Map<String, Object> after = awaitJob(instance, "inspect-rejected", "test:inspect-rejected").getVariablesAsMap();
    assertThat(after).doesNotContainKey("extracted");
    assertThat(after.get("loginEvidence")).asList().isNotEmpty()
        .allSatisfy(file -> assertThat(root.resolve("ws").resolve(Long.toString(instance)).resolve(file.toString())).isNotEmptyFile());
    assertThat(after.toString()).doesNotContain("not-the-password-9");
  }
}
