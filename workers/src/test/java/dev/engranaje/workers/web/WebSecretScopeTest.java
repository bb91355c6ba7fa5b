package dev.engranaje.workers.web;

import static dev.engranaje.test.ProcessAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.engranaje.test.ProcessInstance;
import dev.engranaje.test.ProcessTest;
import dev.engranaje.test.ProcessTestEngine;
import dev.engranaje.workers.ledger.SqliteIdempotencyLedger;
import dev.engranaje.workers.runtime.WorkerRuntime;
import dev.engranaje.workers.secrets.SecretBindings;
import dev.engranaje.workers.secrets.SecretSource;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Must show 4 of issue 9 for the web worker, with the real engine, HtmlUnit and the local portal: a
 * script typing a secret the worker was not given fails before the browser sends anything; a secret
 * bound to another host is never typed into this portal's page, so the portal receives no login.
 */
@ProcessTest
class WebSecretScopeTest {
  private static final String PASSWORD = "scoped-Portal-Passw0rd";
  private static final String SCRIPT = "browser: htmlunit\n"
      + "steps:\n"
      + "  - open: \"${portal}/login\"\n"
      + "  - type: {target: \"css=#user\", text: \"clerk\"}\n"
      + "  - type: {target: \"css=#password\", text: \"{{secrets.%s}}\"}\n"
      + "  - click: \"text=Sign in\"\n"
      + "  - waitFor: {visible: \"css=#welcome\"}\n";

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

  private ProcessInstance run(String secretName, SecretBindings bindings) {
    runtime = WorkerRuntime.builder(engine.client()).worker(worker).ledger(ledger).workspaceRoot(root.resolve("ws"))
        .secrets(SecretSource.environment(Map.of("RPA_SECRET_PORTAL_PASSWORD", PASSWORD, "HOME", "/home/bot")))
        .bindings(bindings).build();
    engine.worker("rpa:web.run-script:1", runtime.handler("rpa:web.run-script:1"));
    String processId = ProcessTestEngine.uniqueId("web-secret");
    engine.deploy(Bpmn.createExecutableProcess(processId).startEvent()
        .serviceTask("login", t -> t.zeebeJobType("rpa:web.run-script:1")).endEvent().done());
    return engine.startInstance(processId, Map.of("script", String.format(SCRIPT, secretName),
        "variables", Map.of("portal", portal.url())));
  }

  /** The message of the incident the script ended in. */
  private String incidentMessage(ProcessInstance instance) {
    assertThat(instance).hasIncident("JOB_NO_RETRIES", "Expected secret");
    return engine.incidents(instance.key()).get(0).getErrorMessage();
  }

  @Test
  void shouldRaiseAnIncidentBeforeOpeningThePortalWhenTheScriptNamesASecretItWasNotGiven() {
    // when
    ProcessInstance instance = run("HOME", SecretBindings.NONE);

    // then
    String message = incidentMessage(instance);
    assertThat(message).startsWith("Expected secret 'HOME' to be given to this worker, but")
        .contains("export it as RPA_SECRET_HOME").doesNotContain("/home/bot");
    assertThat(portal.requests()).isEmpty();
  }

  @Test
  void shouldNotTypeTheSecretIntoThePortalWhenItIsBoundToAnotherHost() {
    // when
    ProcessInstance instance = run("PORTAL_PASSWORD", SecretBindings.of(Map.of("PORTAL_PASSWORD", List.of("portal.example.com"))));

    // then
    String message = incidentMessage(instance);
    assertThat(message).contains("Expected secret 'PORTAL_PASSWORD' to be sent only to [portal.example.com], but the job"
        + " sends it to 127.0.0.1:" + portal.url().substring(portal.url().lastIndexOf(':') + 1)).doesNotContain(PASSWORD);
    assertThat(portal.requests()).containsExactly("GET /login");
  }

  @Test
  void shouldLogInWhenTheSecretIsBoundToThePortal() {
    // when
    ProcessInstance instance = run("PORTAL_PASSWORD", SecretBindings.of(Map.of("PORTAL_PASSWORD", List.of("127.0.0.1"))));

    // then
    assertThat(instance).isCompleted().hasNoIncidents();
    assertThat(portal.requests()).contains("POST /login");
  }
}
