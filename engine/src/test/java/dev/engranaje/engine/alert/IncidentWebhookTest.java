package dev.engranaje.engine.alert;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.engranaje.engine.testkit.TestEngine;
import io.camunda.client.api.response.ActivatedJob;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IncidentWebhookTest {
  private static final String TOKEN = "s3cr3t-webhook-token-4711";
  private static final String JOB_TYPE = "rpa:test.upload:1";
  private final ObjectMapper json = new ObjectMapper();
  private WireMockServer receiver;

  @BeforeEach
  void startReceiver() {
    receiver = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort());
    receiver.start();
  }

  @AfterEach
  void stopReceiver() {
    receiver.stop();
  }

  @Test
  void shouldCallOncePerIncidentRetryingWhileTheReceiverFails() throws Exception {
    // given: a receiver that fails twice, then takes everything
    receiver.stubFor(post(urlEqualTo("/alerts")).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(503)).willSetStateTo("failed once"));
    receiver.stubFor(post(urlEqualTo("/alerts")).inScenario("flaky").whenScenarioStateIs("failed once")
        .willReturn(aResponse().withStatus(502)).willSetStateTo("up"));
    receiver.stubFor(post(urlEqualTo("/alerts")).inScenario("flaky").whenScenarioStateIs("up")
        .willReturn(aResponse().withStatus(204)));

    try (TestEngine engine = TestEngine.inMemory(); IncidentWebhook webhook = attach(engine, null)) {
      // when: two jobs fail without retries left
      long first = incidentInNewInstance(engine, "portal refused the payment file");
      long second = incidentInNewInstance(engine, "portal down");
      TestEngine.await("both alerts taken", () -> taken(first) == 1 && taken(second) == 1);

      // then: the first alert was tried until taken, the second sent once; nothing more follows
      assertThat(attempts(first)).hasSize(3);
      assertThat(attempts(second)).hasSize(1);
      JsonNode alert = json.readTree(attempts(first).get(2).getBodyAsString());
      assertThat(alert.get("event").asText()).isEqualTo("incident.created");
      assertThat(alert.get("errorType").asText()).isEqualTo("JOB_NO_RETRIES");
      assertThat(alert.get("errorMessage").asText()).isEqualTo("portal refused the payment file");
      assertThat(alert.get("elementId").asText()).isEqualTo("task");
      assertThat(alert.get("incidentUrl").asText()).isEqualTo(engine.engine().restAddress() + "/v2/incidents/" + first);
      assertThat(alert.get("processInstanceKey").asText()).isNotBlank();
      assertThat(attempts(first)).allSatisfy(request -> {
        assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + TOKEN);
        assertThat(request.getBodyAsString()).doesNotContain(TOKEN);
      });
    }
  }

  @Test
  void shouldSendAlertsOwedAtShutdownAfterTheRestartAndNoOthers(@TempDir Path data) {
    // given: the receiver is down while an incident happens, then the engine stops
    receiver.stubFor(post(urlEqualTo("/alerts")).willReturn(aResponse().withStatus(503)));
    long owed;
    long taken;
    try (TestEngine engine = TestEngine.durable(data); IncidentWebhook webhook = attach(engine, data)) {
      owed = incidentInNewInstance(engine, "mailbox unreachable");
      TestEngine.await("an attempt for the owed alert", () -> attempts(owed).size() >= 1);
    }
    receiver.resetAll();
    receiver.stubFor(post(urlEqualTo("/alerts")).willReturn(aResponse().withStatus(200)));

    // when: the engine comes back, with the receiver up; a new incident follows
    try (TestEngine engine = TestEngine.durable(data); IncidentWebhook webhook = attach(engine, data)) {
      taken = incidentInNewInstance(engine, "ledger locked");
      TestEngine.await("the owed and the new alert taken", () -> taken(owed) == 1 && taken(taken) == 1);
    }
    receiver.resetRequests();

    // then: a further restart owes nothing
    try (TestEngine engine = TestEngine.durable(data); IncidentWebhook webhook = attach(engine, data)) {
      long third = incidentInNewInstance(engine, "third");
      TestEngine.await("only the new alert", () -> taken(third) == 1);
      assertThat(attempts(owed)).isEmpty();
      assertThat(attempts(taken)).isEmpty();
    }
  }

  @Test
  void shouldRefuseAWebhookUrlThatCarriesCredentialsOrIsNotHttp() {
    assertThatThrownBy(() -> settings(URI.create("https://ops:hunter2@alerts.example.com/hook")))
        .hasMessageContaining("without credentials").hasMessageNotContaining("hunter2");
    assertThatThrownBy(() -> settings(URI.create("ftp://alerts.example.com/hook")))
        .hasMessageContaining("http or https URL");
  }

  @Test
  void shouldNameTheReceiverWithoutQueryOrUserInfoWhenLogging() {
    assertThat(settings(URI.create("https://alerts.example.com:8443/hook?key=abc")).receiver())
        .isEqualTo("https://alerts.example.com:8443/hook");
  }

  private IncidentWebhook attach(TestEngine engine, Path data) {
    IncidentWebhook webhook = IncidentWebhook.start(new WebhookSettings(URI.create(receiver.baseUrl() + "/alerts"), TOKEN,
        Duration.ofMillis(50), Duration.ofMillis(200), engine.engine().restAddress()), data);
    engine.engine().addExporter(webhook);
    webhook.catchUp(engine.engine().gateway());
    return webhook;
  }

  private static WebhookSettings settings(URI url) {
    return new WebhookSettings(url, null, Duration.ofSeconds(1), Duration.ofMinutes(5), null);
  }

  private static long incidentInNewInstance(TestEngine engine, String message) {
    String processId = TestEngine.uniqueProcessId();
    engine.deploy(TestEngine.serviceTaskProcess(processId, JOB_TYPE));
    long instance = engine.createInstance(processId, Map.of());
    ActivatedJob job = engine.activateJob(JOB_TYPE);
    engine.client().newFailCommand(job).retries(0).errorMessage(message).send().join();
    return engine.awaitIncidents(instance).get(0).getIncidentKey();
  }

  private List<LoggedRequest> attempts(long incidentKey) {
    return receiver.findAll(postRequestedFor(urlEqualTo("/alerts")).withHeader("Idempotency-Key", equalTo("incident-" + incidentKey)));
  }

  private long taken(long incidentKey) {
    return receiver.getAllServeEvents().stream()
        .filter(event -> ("incident-" + incidentKey).equals(event.getRequest().getHeader("Idempotency-Key")))
        .filter(event -> event.getResponse().getStatus() / 100 == 2)
        .count();
  }
}
