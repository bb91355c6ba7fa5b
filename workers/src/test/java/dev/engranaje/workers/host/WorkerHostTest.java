package dev.engranaje.workers.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.engranaje.engine.testkit.TestEngine;
import dev.engranaje.workers.api.Secret;
import dev.engranaje.workers.catalog.InvalidConfiguration;
import dev.engranaje.workers.catalog.SampleGreetWorker;
import dev.engranaje.workers.catalog.SampleSaluteFactory;
import dev.engranaje.workers.catalog.WorkerCatalog;
import dev.engranaje.workers.secrets.Redactor;
import dev.engranaje.workers.secrets.SecretSource;
import io.camunda.client.CamundaClient;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The host as {@code rpa worker} runs it: worker.yaml, catalog, real client and engine, scraped over HTTP. */
class WorkerHostTest {
  private static final WorkerCatalog CATALOG =
      WorkerCatalog.builder().worker(new SampleGreetWorker()).factory(new SampleSaluteFactory()).build();

  @TempDir Path dir;
  private TestEngine engine;
  private WorkerHost host;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void startEngine() {
    engine = TestEngine.inMemory();
  }

  @AfterEach
  void stop() {
    if (host != null) {
      host.close();
    }
    engine.close();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private WorkerHostConfig config(String yaml) throws IOException {
    Path file = Files.writeString(dir.resolve("worker.yaml"), yaml);
    return WorkerConfigLoader.load(file, Map.of());
  }

  private String base(int port) {
    return "workspace: {root: work}\nledger: {file: state/ledger.db}\nserver: {port: " + port + "}\n";
  }

  private String scrape(int port) {
    try {
      return get(port, "/metrics").body();
    } catch (Exception e) {
      throw new IllegalStateException("Expected /metrics to answer, but " + e, e);
    }
  }

  private HttpResponse<String> get(int port, String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void shouldServeTheListedJobTypesAndCountThemWhenMetricsAreScraped() throws Exception {
    // given
    int port = freePort();
    WorkerHostConfig config = config(base(port) + "jobs:\n  \"test:salute:1\": {maxJobsActive: 2}\n"
        + "settings:\n  greeting: {salutation: Good day}\n");
    String processId = TestEngine.uniqueProcessId();
    engine.deploy(Bpmn.createExecutableProcess(processId).startEvent()
        .serviceTask("salute", t -> t.zeebeJobType("test:salute:1"))
        .serviceTask("inspect", t -> t.zeebeJobType("test:inspect")).endEvent().done());

    // when
    WorkerHost.Plan plan = WorkerHost.plan(config, CATALOG);
    host = plan.start(engine.client(), new Redactor());
    engine.createInstance(processId, Map.of("name", "Ada"));

    // then
    assertThat(plan.jobTypes()).containsExactly("test:salute:1");
    assertThat(plan.executionThreads()).isEqualTo(2);
    assertThat(engine.activateJob("test:inspect").getVariablesAsMap()).containsEntry("greeting", "Good day, Ada");
    // the worker counts a job once the engine has answered its completion, which may be just after
    // the next job became activatable
    String completed = "engranaje_jobs_handled_total{outcome=\"completed\",type=\"test:salute:1\"} 1.0";
    TestEngine.await("the metrics count the completed job", () -> scrape(port).contains(completed));
    String metrics = get(port, "/metrics").body();
    assertThat(metrics)
        .contains(completed)
        .contains("engranaje_job_duration_seconds_count{outcome=\"completed\",type=\"test:salute:1\"} 1")
        .contains("engranaje_jobs_in_flight{type=\"test:salute:1\"} 0.0")
        .contains("engranaje_ledger_in_doubt 0.0")
        .doesNotContain("test:greet:1");
    HttpResponse<String> health = get(port, "/health");
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).contains("\"status\":\"UP\"", "\"jobTypes\":[\"test:salute:1\"]");
  }

  @Test
  void shouldReportDownWithTheReasonWhenTheEngineCannotBeReached() throws Exception {
    // given a client pointing where nobody listens
    int port = freePort();
    URI nowhere = URI.create("http://127.0.0.1:" + freePort());
    WorkerHostConfig config = config(base(port) + "defaults: {enabled: true}\nsettings:\n  greeting: {salutation: Hi}\n");
    try (CamundaClient client = TestEngine.newClient(nowhere)) {
      host = WorkerHost.plan(config, CATALOG).start(client, new Redactor());

      // when
      HttpResponse<String> health = get(port, "/health");

      // then
      assertThat(health.statusCode()).isEqualTo(503);
      assertThat(health.body()).contains("\"status\":\"DOWN\"", "Expected the engine to answer a topology request within 3 s, but",
          "\"jobTypes\":[\"test:greet:1\",\"test:salute:1\"]");
      host.close();
    }
  }

  @Test
  void shouldNameTheKnownJobTypesWhenTheConfigurationListsAnUnknownOne() throws Exception {
    WorkerHostConfig config = config(base(0) + "jobs:\n  \"test:grete:1\": {}\n");

    assertThatThrownBy(() -> WorkerHost.plan(config, CATALOG))
        .isInstanceOf(InvalidConfiguration.class)
        .hasMessage(String.format(WorkerHost.UNKNOWN_JOB_TYPE, "test:grete:1", "[test:greet:1, test:salute:1]"));
    WorkerHostConfig none = config(base(0));
    assertThatThrownBy(() -> WorkerHost.plan(none, CATALOG))
        .hasMessage(String.format(WorkerHost.NOTHING_ENABLED, "[test:greet:1, test:salute:1]"));
    assertThatThrownBy(() -> WorkerHost.plan(none, WorkerCatalog.builder().build())).hasMessage(WorkerHost.EMPTY_CATALOG);
  }

  @Test
  void shouldRefuseToStartWhenAnAreaDirectoryIsMissing() throws Exception {
    WorkerHostConfig config = config(base(0) + "workspace: {root: work, areas: {inbox: in}}\njobs: {\"test:greet:1\": {}}\n");

    assertThatThrownBy(() -> WorkerHost.plan(config, CATALOG).start(engine.client(), new Redactor()))
        .isInstanceOf(InvalidConfiguration.class)
        .hasMessage(String.format(WorkerHost.NO_AREA, "inbox", "inbox", dir.resolve("in")));
  }

  @Test
  void shouldAskTheSecretVariablesFirstThenTheSecretsFileAndMaskFileValuesFromTheStart() throws Exception {
    // given
    Files.writeString(dir.resolve("secrets.properties"), "PORTAL_PASSWORD=from-the-file-1234\nSMTP_PASSWORD=file-smtp-pass\nPIN=12\n");
    WorkerHostConfig config = config(base(0) + "secrets: {file: secrets.properties}\n");
    Redactor redactor = new Redactor();
    SecretSource environment = SecretSource.environment(Map.of("RPA_SECRET_PORTAL_PASSWORD", "from-the-environment",
        "SMTP_PASSWORD", "plain-variable"));

    // when
    HostSecrets secrets = HostSecrets.from(config, redactor, environment);

    // then
    assertThat(secrets.source().lookup("PORTAL_PASSWORD")).contains("from-the-environment");
    assertThat(secrets.source().lookup("SMTP_PASSWORD")).contains("file-smtp-pass");
    assertThat(secrets.source().lookup("ABSENT")).isEmpty();
    assertThat(secrets.source().advice("ABSENT")).isEqualTo("the environment variable RPA_SECRET_ABSENT is not set, and the"
        + " secrets file " + dir.resolve("secrets.properties") + " does not define it");
    assertThat(secrets.unmaskableInFile()).containsExactly("PIN");
    assertThat(redactor.redact("login with file-smtp-pass")).isEqualTo("login with ***");
    WorkerHostConfig fileOnly = config(base(0) + "secrets: {file: secrets.properties, environment: false}\n");
    assertThat(HostSecrets.from(fileOnly, redactor, environment).source().lookup("PORTAL_PASSWORD"))
        .isEqualTo(Optional.of("from-the-file-1234"));
    assertThat(new Secret("PIN", "12").toString()).doesNotContain("12");
  }
}
