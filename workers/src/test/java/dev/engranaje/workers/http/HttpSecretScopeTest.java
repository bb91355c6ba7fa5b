package dev.engranaje.workers.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.engranaje.test.ProcessAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.engranaje.test.ProcessInstance;
import dev.engranaje.test.ProcessTest;
import dev.engranaje.test.ProcessTestEngine;
import dev.engranaje.workers.ledger.SqliteIdempotencyLedger;
import dev.engranaje.workers.runtime.WorkerRuntime;
import dev.engranaje.workers.secrets.SecretBindings;
import dev.engranaje.workers.secrets.SecretSource;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Must show 4 of issue 9 for the HTTP worker, with the real engine and WireMock as the peer: a model
 * naming a secret the worker was not given (an ordinary environment variable such as {@code PATH})
 * gets an incident and the peer receives nothing; a secret bound to one host is not sent to another,
 * neither directly nor through a redirect.
 */
@ProcessTest
class HttpSecretScopeTest {
  private static final String JOB_TYPE = "rpa:http.request:1";
  private static final String TOKEN = "bank-token-0a9f7c";

  @TempDir Path directory;
  ProcessTestEngine engine;
  private WireMockServer server;
  private WireMockServer elsewhere;
  private SqliteIdempotencyLedger ledger;
  private WorkerRuntime runtime;

  @BeforeEach
  void start() {
    server = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
    server.start();
    elsewhere = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
    elsewhere.start();
    server.stubFor(any(anyUrl()).willReturn(ok("{}")));
    elsewhere.stubFor(any(anyUrl()).willReturn(ok("{}")));
    ledger = SqliteIdempotencyLedger.open(directory.resolve("ledger.db"), Clock.systemUTC());
  }

  @AfterEach
  void stop() {
    if (runtime != null) {
      runtime.close();
    }
    ledger.close();
    server.stop();
    elsewhere.stop();
  }

  /** The worker as `rpa worker` runs it: secrets only from the real process environment under RPA_SECRET_. */
  private void serve(Map<String, String> extraEnvironment, SecretBindings bindings) {
    Map<String, String> environment = new HashMap<>(System.getenv());
    environment.putAll(extraEnvironment);
    runtime = WorkerRuntime.builder(engine.client()).ledger(ledger).workspaceRoot(directory.resolve("ws"))
        .secrets(SecretSource.environment(environment)).bindings(bindings)
        .worker(new SendHttpRequestWorker(SendHttpRequestWorker.defaultClient(), duration -> {})).build();
    engine.worker(JOB_TYPE, runtime.handler(JOB_TYPE));
  }

  /** By address: bindings match the host as the URL names it, without resolving names. */
  private static String base(WireMockServer peer) {
    return "http://127.0.0.1:" + peer.port();
  }

  private ProcessInstance call(Map<String, Object> variables) {
    String processId = ProcessTestEngine.uniqueId("http-secret");
    engine.deploy(Bpmn.createExecutableProcess(processId).startEvent()
        .serviceTask("call", t -> t.zeebeJobType(JOB_TYPE)).endEvent().done());
    return engine.startInstance(processId, variables);
  }

  /** The message of the incident the call ended in. */
  private String incidentMessage(ProcessInstance instance) {
    assertThat(instance).hasIncident("JOB_NO_RETRIES", "Expected secret");
    return engine.incidents(instance.key()).get(0).getErrorMessage();
  }

  @Test
  void shouldRaiseAnIncidentAndSendNothingWhenAModelNamesAPlainEnvironmentVariable() {
    // given: PATH is set in every environment, so the attack works on any worker host
    assertThat(System.getenv("PATH")).isNotBlank();
    serve(Map.of(), SecretBindings.NONE);

    // when
    ProcessInstance instance = call(Map.of("url", base(server) + "/collect", "headers", Map.of("X-Stolen", "{{secrets.PATH}}")));

    // then
    String message = incidentMessage(instance);
    assertThat(message).startsWith("Expected secret 'PATH' to be given to this worker, but")
        .contains("export it as RPA_SECRET_PATH").doesNotContain(System.getenv("PATH"));
    server.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void shouldRaiseAnIncidentAndSendNothingWhenTheSecretIsBoundToAnotherHost() {
    // given
    serve(Map.of("RPA_SECRET_BANK_TOKEN", TOKEN), SecretBindings.of(Map.of("BANK_TOKEN", List.of("bank.example.com"))));

    // when: once as the bearer token, once inside a JSON body
    ProcessInstance asToken = call(Map.of("url", base(server) + "/me", "authType", "bearer", "token", "secrets.BANK_TOKEN"));
    ProcessInstance inBody = call(Map.of("url", base(server) + "/me", "method", "PUT",
        "body", Map.of("token", "{{secrets.BANK_TOKEN}}")));

    // then
    String host = "127.0.0.1:" + server.port();
    for (ProcessInstance instance : List.of(asToken, inBody)) {
      String message = incidentMessage(instance);
      assertThat(message).startsWith("Expected secret 'BANK_TOKEN' to be sent only to [bank.example.com], but the job sends it to "
          + host).doesNotContain(TOKEN);
    }
    server.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void shouldSendTheSecretWhenTheDestinationIsBound() {
    // given
    serve(Map.of("RPA_SECRET_BANK_TOKEN", TOKEN),
        SecretBindings.of(Map.of("BANK_TOKEN", List.of("bank.example.com", "127.0.0.1:" + server.port()))));

    // when
    ProcessInstance instance = call(Map.of("url", base(server) + "/me", "authType", "bearer", "token", "secrets.BANK_TOKEN"));

    // then
    assertThat(instance).isCompleted().hasNoIncidents();
    server.verify(1, getRequestedFor(urlEqualTo("/me")).withHeader("Authorization", equalTo("Bearer " + TOKEN)));
  }

  @Test
  void shouldNotResendASecretBodyWhenARedirectLeadsToAnUnboundHost() {
    // given: the bound host answers 307, which resends the body, to another origin
    server.stubFor(post("/login").willReturn(aResponse().withStatus(307).withHeader("Location", base(elsewhere) + "/login")));
    serve(Map.of("RPA_SECRET_BANK_TOKEN", TOKEN),
        SecretBindings.of(Map.of("BANK_TOKEN", List.of("127.0.0.1:" + server.port()))));

    // when
    ProcessInstance instance = call(Map.of("url", base(server) + "/login", "method", "POST",
        "form", Map.of("token", "{{secrets.BANK_TOKEN}}")));

    // then
    String message = incidentMessage(instance);
    assertThat(message).contains("Expected secret 'BANK_TOKEN' to be sent only to", "127.0.0.1:" + elsewhere.port())
        .doesNotContain(TOKEN);
    server.verify(1, anyRequestedFor(urlEqualTo("/login")));
    elsewhere.verify(0, anyRequestedFor(anyUrl()));
  }
}
