package dev.engranaje.workers.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.engranaje.engine.record.JobIntent;
import dev.engranaje.engine.record.JobRecord;
import dev.engranaje.engine.record.ProcessInstanceIntent;
import dev.engranaje.engine.record.ValueType;
import dev.engranaje.engine.testkit.TestEngine;
import dev.engranaje.workers.api.JobContext;
import dev.engranaje.workers.api.JobWorker;
import dev.engranaje.workers.ledger.SqliteIdempotencyLedger;
import dev.engranaje.workers.runtime.Backoff;
import dev.engranaje.workers.runtime.WorkerOptions;
import dev.engranaje.workers.runtime.WorkerRuntime;
import dev.engranaje.workers.secrets.SecretSource;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SendHttpRequestWorkerEndToEndTest {
  private static final String JOB_TYPE = "rpa:http.request:1";
  private static final String PASSWORD = "portal-pa55-e2e";

  @TempDir Path directory;
  private WireMockServer server;
  private TestEngine engine;
  private SqliteIdempotencyLedger ledger;
  private WorkerRuntime runtime;

  @BeforeEach
  void start() {
    server = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
    server.start();
    engine = TestEngine.inMemory();
    ledger = SqliteIdempotencyLedger.open(directory.resolve("ledger.db"), Clock.systemUTC());
  }

  @AfterEach
  void stop() {
    if (runtime != null) {
      runtime.close();
    }
    ledger.close();
    engine.close();
    server.stop();
  }

  private static SendHttpRequestWorker worker() {
    return new SendHttpRequestWorker(SendHttpRequestWorker.defaultClient(), duration -> {});
  }

  private void serve(JobWorker<?, ?> worker) {
    WorkerOptions quickRetries = WorkerOptions.DEFAULT.withBackoff(new Backoff(Duration.ofMillis(10), 2.0, Duration.ofMillis(50)));
    runtime = WorkerRuntime.builder(engine.client()).ledger(ledger).workspaceRoot(directory.resolve("ws"))
        .secrets(SecretSource.of(Map.of("PORTAL_PASSWORD", PASSWORD))).worker(worker, quickRetries).build().start();
  }

  private static BpmnModelInstance callThenInspect(String processId) {
    return Bpmn.createExecutableProcess(processId).startEvent().serviceTask("call", t -> t.zeebeJobType(JOB_TYPE))
        .serviceTask("inspect", t -> t.zeebeJobType("test:inspect")).endEvent().done();
  }

  /** The variables the instance has when it reaches the inspect task; the call may take a while on a busy machine. */
  private Map<String, Object> variablesAfterwards() {
    List<ActivatedJob> jobs = new ArrayList<>();
    TestEngine.await("the inspect task is reached", () -> jobs.addAll(engine.pollJobs("test:inspect", Duration.ofSeconds(1))));
    return jobs.get(0).getVariablesAsMap();
  }

  @Test
  void shouldCatchTheMappedBpmnErrorOnTheBoundaryEventWhenTheApiAnswers404() {
    server.stubFor(get("/suppliers/S-404").willReturn(aResponse().withStatus(404).withBody("unknown supplier")));
    String processId = TestEngine.uniqueProcessId();
    engine.deploy(Bpmn.createExecutableProcess(processId).startEvent()
        .serviceTask("lookup", t -> t.zeebeJobType(JOB_TYPE))
        .boundaryEvent("notFound", b -> b.error("SUPPLIER_UNKNOWN")).endEvent("askPurchasing")
        .moveToActivity("lookup").endEvent("known").done());
    serve(worker());

    long instance = engine.createInstance(processId, Map.of("url", server.baseUrl() + "/suppliers/S-404",
        "errorMapping", Map.of("404", "SUPPLIER_UNKNOWN", "5xx", "SUPPLIER_SERVICE_DOWN")));

    engine.awaitCompleted(instance);
    assertThat(engine.hasElementEvent(instance, "askPurchasing", ProcessInstanceIntent.ELEMENT_COMPLETED)).isTrue();
    assertThat(engine.hasElementEvent(instance, "known", ProcessInstanceIntent.ELEMENT_COMPLETED)).isFalse();
  }

  /** Loses the first job after the POST went out, as a worker that crashed before completing it. */
  static final class CrashAfterFirstPost implements JobWorker<HttpRequestInput, HttpResult> {
    private final SendHttpRequestWorker delegate = worker();
    private final AtomicBoolean crashed = new AtomicBoolean();

    @Override
    public Class<HttpRequestInput> inputType() {
      return HttpRequestInput.class;
    }

    @Override
    public String jobType() {
      return delegate.jobType();
    }

    @Override
    public HttpResult handle(HttpRequestInput input, JobContext context) throws Exception {
      HttpResult result = delegate.handle(input, context);
      if (crashed.compareAndSet(false, true)) {
        throw new IllegalStateException("lost the connection to the engine before completing the job");
      }
      return result;
    }
  }

  @Test
  void shouldNotPostAgainWhenTheJobIsRedeliveredAfterTheSideEffect() {
    server.stubFor(post("/payments").willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
        .withBody("{\"paymentId\": \"P-77\"}")));
    String processId = TestEngine.uniqueProcessId();
    engine.deploy(callThenInspect(processId));
    CrashAfterFirstPost crashing = new CrashAfterFirstPost();
    serve(crashing);

    engine.createInstance(processId, Map.of("method", "POST", "url", server.baseUrl() + "/payments",
        "body", Map.of("amount", 99.5), "responseMapping", Map.of("paymentId", "/paymentId")));

    TestEngine.await("the redelivered job completed", () -> {
      engine.clock().advance(Duration.ofSeconds(1));
      return !engine.matching(r -> r.valueType() == ValueType.JOB && r.intent() == JobIntent.COMPLETED).isEmpty();
    });
    Map<String, Object> variables = variablesAfterwards();
    assertThat(variables).containsEntry("paymentId", "P-77").containsEntry("status", 201);
    server.verify(1, postRequestedFor(urlEqualTo("/payments")).withHeader("Idempotency-Key", matching(".+")));
  }

  @Test
  void shouldKeepSecretsOutOfTheIncidentWhenTheServerEchoesThem() {
    String basic = Base64.getEncoder().encodeToString(("clerk:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    server.stubFor(get("/me").willReturn(aResponse().withStatus(400)
        .withBody("bad request: Authorization: Basic " + basic + " password=" + PASSWORD)));
    String processId = TestEngine.uniqueProcessId();
    engine.deploy(TestEngine.serviceTaskProcess(processId, JOB_TYPE));
    serve(worker());

    long instance = engine.createInstance(processId, Map.of("url", server.baseUrl() + "/me", "authType", "basic",
        "username", "clerk", "password", "secrets.PORTAL_PASSWORD"));

    String message = engine.awaitIncidents(instance).get(0).getErrorMessage();
    assertThat(message).startsWith("Expected a 2xx response from GET " + server.baseUrl() + "/me, but got HTTP 400")
        .contains("Authorization: Basic ***", "password=***").doesNotContain(PASSWORD, basic);
  }

  @Test
  void shouldFailTheJobWithTheRetryAfterBackoffWhenTheServerAsksForALongPause() {
    server.stubFor(get("/report").willReturn(aResponse().withStatus(503).withHeader("Retry-After", "120")));
    String processId = TestEngine.uniqueProcessId();
    engine.deploy(callThenInspect(processId));
    serve(worker());

    engine.createInstance(processId, Map.of("url", server.baseUrl() + "/report", "maxRetryWaitSeconds", 10));

    TestEngine.await("the job failed", () -> !engine.matching(r -> r.valueType() == ValueType.JOB && r.intent() == JobIntent.FAILED).isEmpty());
    JobRecord failed = (JobRecord) engine.matching(r -> r.valueType() == ValueType.JOB && r.intent() == JobIntent.FAILED).get(0).value();
    assertThat(failed.retryBackoff()).isEqualTo(Duration.ofSeconds(120).toMillis());
    assertThat(failed.retries()).isEqualTo(2);
  }

  @Test
  void shouldWriteStatusAndMappedValuesAsVariablesWhenTheCallSucceeds() {
    server.stubFor(get("/rates/EUR").willReturn(okJson("{\"base\": \"EUR\", \"rates\": {\"USD\": 1.08}}")));
    String processId = TestEngine.uniqueProcessId();
    engine.deploy(callThenInspect(processId));
    serve(worker());

    engine.createInstance(processId, Map.of("url", server.baseUrl() + "/rates/EUR", "responseMapping", Map.of("usd", "/rates/USD")));

    Map<String, Object> variables = variablesAfterwards();
    assertThat(variables).containsEntry("status", 200).containsEntry("usd", 1.08);
    assertThat(variables.get("body")).isEqualTo(Map.of("base", "EUR", "rates", Map.of("USD", 1.08)));
  }
}
