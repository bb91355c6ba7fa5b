package dev.engranaje.workers.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.engranaje.test.ProcessAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.engranaje.engine.record.JobIntent;
import dev.engranaje.engine.record.JobRecord;
import dev.engranaje.engine.record.Record;
import dev.engranaje.engine.record.ValueType;
import dev.engranaje.test.ProcessInstance;
import dev.engranaje.test.ProcessTest;
import dev.engranaje.test.ProcessTestEngine;
import dev.engranaje.workers.api.JobContext;
import dev.engranaje.workers.api.JobWorker;
import dev.engranaje.workers.ledger.SqliteIdempotencyLedger;
import dev.engranaje.workers.runtime.Backoff;
import dev.engranaje.workers.runtime.WorkerOptions;
import dev.engranaje.workers.runtime.WorkerRuntime;
import dev.engranaje.workers.secrets.SecretSource;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTTP worker, through the WorkerRuntime, answering its jobs in a process test against WireMock. */
@ProcessTest
class SendHttpRequestWorkerEndToEndTest {
  private static final String JOB_TYPE = "rpa:http.request:1";
  private static final String PASSWORD = "portal-pa55-e2e";

  @TempDir Path directory;
  ProcessTestEngine engine;
  private WireMockServer server;
  private SqliteIdempotencyLedger ledger;
  private WorkerRuntime runtime;

  @BeforeEach
  void start() {
    server = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
    server.start();
    ledger = SqliteIdempotencyLedger.open(directory.resolve("ledger.db"), Clock.systemUTC());
  }

  @AfterEach
  void stop() {
    if (runtime != null) {
      runtime.close();
    }
    ledger.close();
    server.stop();
  }

  private static SendHttpRequestWorker worker() {
    return new SendHttpRequestWorker(SendHttpRequestWorker.defaultClient(), duration -> {});
  }

  private void serve(JobWorker<?, ?> worker) {
    WorkerOptions quickRetries = WorkerOptions.DEFAULT.withBackoff(new Backoff(Duration.ofMillis(10), 2.0, Duration.ofMillis(50)));
    runtime = WorkerRuntime.builder(engine.client()).ledger(ledger).workspaceRoot(directory.resolve("ws"))
        .secrets(SecretSource.of(Map.of("PORTAL_PASSWORD", PASSWORD))).worker(worker, quickRetries).build();
    engine.worker(JOB_TYPE, runtime.handler(JOB_TYPE));
  }

  private static BpmnModelInstance call(String processId) {
    return Bpmn.createExecutableProcess(processId).startEvent().serviceTask("call", t -> t.zeebeJobType(JOB_TYPE))
        .endEvent("done").done();
  }

  /** The job events of one instance; the engine, and so its records, serve the whole class. */
  private List<JobRecord> jobEvents(ProcessInstance instance, JobIntent intent) {
    return engine.records().eventsOf(instance.key()).stream().filter(r -> r.valueType() == ValueType.JOB && r.intent() == intent)
        .map(Record::value).map(JobRecord.class::cast).toList();
  }

  @Test
  void shouldCatchTheMappedBpmnErrorOnTheBoundaryEventWhenTheApiAnswers404() {
    server.stubFor(get("/suppliers/S-404").willReturn(aResponse().withStatus(404).withBody("unknown supplier")));
    String processId = ProcessTestEngine.uniqueId("http");
    engine.deploy(Bpmn.createExecutableProcess(processId).startEvent()
        .serviceTask("lookup", t -> t.zeebeJobType(JOB_TYPE))
        .boundaryEvent("notFound", b -> b.error("SUPPLIER_UNKNOWN")).endEvent("askPurchasing")
        .moveToActivity("lookup").endEvent("known").done());
    serve(worker());

    ProcessInstance instance = engine.startInstance(processId, Map.of("url", server.baseUrl() + "/suppliers/S-404",
        "errorMapping", Map.of("404", "SUPPLIER_UNKNOWN", "5xx", "SUPPLIER_SERVICE_DOWN")));

    assertThat(instance).isCompleted().hasPassedElementsInOrder("notFound", "askPurchasing").hasNotPassedElements("known");
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
    String processId = ProcessTestEngine.uniqueId("http");
    engine.deploy(call(processId));
    serve(new CrashAfterFirstPost());

    ProcessInstance instance = engine.startInstance(processId, Map.of("method", "POST", "url", server.baseUrl() + "/payments",
        "body", Map.of("amount", 99.5), "responseMapping", Map.of("paymentId", "/paymentId")));
    engine.advance(Duration.ofSeconds(1)); // past the failed job's retry backoff, so it is redelivered

    assertThat(jobEvents(instance, JobIntent.FAILED)).hasSize(1);
    assertThat(instance).isCompleted().hasVariable("paymentId", "P-77").hasVariable("status", 201);
    server.verify(1, postRequestedFor(urlEqualTo("/payments")).withHeader("Idempotency-Key", matching(".+")));
  }

  @Test
  void shouldKeepSecretsOutOfTheIncidentWhenTheServerEchoesThem() {
    String basic = Base64.getEncoder().encodeToString(("clerk:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    server.stubFor(get("/me").willReturn(aResponse().withStatus(400)
        .withBody("bad request: Authorization: Basic " + basic + " password=" + PASSWORD)));
    String processId = ProcessTestEngine.uniqueId("http");
    engine.deploy(call(processId));
    serve(worker());

    ProcessInstance instance = engine.startInstance(processId, Map.of("url", server.baseUrl() + "/me", "authType", "basic",
        "username", "clerk", "password", "secrets.PORTAL_PASSWORD"));

    assertThat(instance).hasIncidentOn("call");
    String message = engine.incidents(instance.key()).get(0).getErrorMessage();
    assertThat(message).startsWith("Expected a 2xx response from GET " + server.baseUrl() + "/me, but got HTTP 400")
        .contains("Authorization: Basic ***", "password=***").doesNotContain(PASSWORD, basic);
  }

  @Test
  void shouldFailTheJobWithTheRetryAfterBackoffWhenTheServerAsksForALongPause() {
    server.stubFor(get("/report").willReturn(aResponse().withStatus(503).withHeader("Retry-After", "120")));
    String processId = ProcessTestEngine.uniqueId("http");
    engine.deploy(call(processId));
    serve(worker());

    ProcessInstance instance = engine.startInstance(processId, Map.of("url", server.baseUrl() + "/report", "maxRetryWaitSeconds", 10));
    engine.awaitIdle();

    assertThat(instance).isActive().hasActiveElements("call");
    assertThat(jobEvents(instance, JobIntent.FAILED)).hasSize(1);
    JobRecord failed = jobEvents(instance, JobIntent.FAILED).get(0);
    assertThat(failed.retryBackoff()).isEqualTo(Duration.ofSeconds(120).toMillis());
    assertThat(failed.retries()).isEqualTo(2);
  }

  @Test
  void shouldWriteStatusAndMappedValuesAsVariablesWhenTheCallSucceeds() {
    server.stubFor(get("/rates/EUR").willReturn(okJson("{\"base\": \"EUR\", \"rates\": {\"USD\": 1.08}}")));
    String processId = ProcessTestEngine.uniqueId("http");
    engine.deploy(call(processId));
    serve(worker());

    ProcessInstance instance = engine.startInstance(processId, Map.of("url", server.baseUrl() + "/rates/EUR",
        "responseMapping", Map.of("usd", "/rates/USD")));

    assertThat(instance).isCompleted().hasVariable("status", 200).hasVariable("usd", 1.08)
        .hasVariable("body", Map.of("base", "EUR", "rates", Map.of("USD", 1.08)));
  }
}
