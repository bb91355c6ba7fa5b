package dev.engranaje.workers.web;

import static dev.engranaje.test.ProcessAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.engranaje.test.ProcessInstance;
import dev.engranaje.test.ProcessTest;
import dev.engranaje.test.ProcessTestEngine;
import dev.engranaje.workers.ledger.SqliteIdempotencyLedger;
import dev.engranaje.workers.runtime.WorkerRuntime;
import dev.engranaje.workers.secrets.SecretSource;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The web worker, through the WorkerRuntime, running a script against the local portal in a process test. */
@ProcessTest
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
  ProcessTestEngine engine;
  private PortalServer portal;
  private SqliteIdempotencyLedger ledger;
  private RunWebScriptWorker worker;
  private WorkerRuntime runtime;

  @BeforeEach
  void start() throws IOException {
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
  }

  private void startRuntime(String password) {
    runtime = WorkerRuntime.builder(engine.client()).worker(worker).ledger(ledger).workspaceRoot(root.resolve("ws"))
        .secrets(SecretSource.of(Map.of("PORTAL_PASSWORD", password))).build();
    engine.worker("rpa:web.run-script:1", runtime.handler("rpa:web.run-script:1"));
  }

  /**
   * Fetch the statement; a rejected login goes to a task of its own, with the evidence files mapped
   * from the error.
   */
  private static BpmnModelInstance model(String processId) {
    return Bpmn.createExecutableProcess(processId).startEvent()
        .serviceTask("fetch-statement", t -> t.zeebeJobType("rpa:web.run-script:1"))
        .boundaryEvent("login-rejected", b -> b.error("PORTAL_LOGIN_REJECTED").zeebeOutputExpression("evidence", "loginEvidence"))
        .endEvent("rejected")
        .moveToActivity("fetch-statement")
        .endEvent("fetched").done();
  }

  private Map<String, Object> variables() {
    return Map.of("script", SCRIPT, "variables", Map.of("portal", portal.url(), "supplier", Map.of("login", PortalServer.USER)));
  }

  @Test
  void shouldCompleteWithRowsAndDownloadReferenceWhenPortalAcceptsTheLogin() throws Exception {
    String processId = ProcessTestEngine.uniqueId("web");
    engine.deploy(model(processId));
    startRuntime(PASSWORD);

    ProcessInstance instance = engine.startInstance(processId, variables());

    assertThat(instance).isCompleted().hasPassedElements("fetched").hasNotPassedElements("rejected");
    Map<String, Object> after = assertThat(instance).variables();
    @SuppressWarnings("unchecked")
    Map<String, Object> extracted = (Map<String, Object>) after.get("extracted");
    assertThat(extracted.get("invoices")).asList().hasSize(3).first()
        .isEqualTo(Map.of("Number", "INV-2026-001", "Date", "2026-11-02", "Amount", "1 250,10"));
    assertThat(after).containsEntry("downloads", Map.of("statement", "downloads/statement.csv"))
        .containsEntry("browser", "htmlunit");
    Path statement = root.resolve("ws").resolve(Long.toString(instance.key())).resolve("downloads/statement.csv");
    assertThat(Files.readAllBytes(statement)).isEqualTo(PortalServer.STATEMENT);
    assertThat(after.toString()).doesNotContain(PASSWORD);
  }

  @Test
  void shouldTakeTheErrorPathWithEvidenceWhenPortalRejectsTheLogin() throws Exception {
    String processId = ProcessTestEngine.uniqueId("web");
    engine.deploy(model(processId));
    startRuntime("not-the-password-9");

    ProcessInstance instance = engine.startInstance(processId, variables());

    assertThat(instance).isCompleted().hasPassedElementsInOrder("login-rejected", "rejected").hasNotPassedElements("fetched");
    Map<String, Object> after = assertThat(instance).variables();
    assertThat(after).doesNotContainKey("extracted");
    assertThat(after.get("loginEvidence")).asList().isNotEmpty()
        .allSatisfy(file -> assertThat(root.resolve("ws").resolve(Long.toString(instance.key())).resolve(file.toString())).isNotEmptyFile());
    assertThat(after.toString()).doesNotContain("not-the-password-9");
  }
}
