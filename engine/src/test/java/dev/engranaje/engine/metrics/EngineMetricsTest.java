package dev.engranaje.engine.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engranaje.engine.Engine;
import dev.engranaje.engine.EngineOptions;
import dev.engranaje.engine.api.rest.ApiAccess;
import dev.engranaje.engine.testkit.TestEngine;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GET /metrics} scraped and parsed as Prometheus does: instances, jobs, incidents,
 * latencies and sizes, behind the API's authentication when it is configured.
 */
class EngineMetricsTest {
  private final HttpClient http = HttpClient.newHttpClient();

  @TempDir
  Path directory;

  @Test
  void shouldCountInstancesJobsAndIncidentsPerProcessAndType() throws Exception {
    try (TestEngine engine = TestEngine.durable(directory)) {
      // given
      String processId = TestEngine.uniqueProcessId();
      String jobType = processId + "-job";
      engine.deploy(TestEngine.serviceTaskProcess(processId, jobType));
      CamundaClient client = engine.client();
      long completed = engine.createInstance(processId, Map.of());
      engine.createInstance(processId, Map.of());
      long canceled = engine.createInstance(processId, Map.of());
      client.newCancelInstanceCommand(canceled).send().join();
      ActivatedJob first = engine.activateJob(jobType);
      ActivatedJob second = engine.activateJob(jobType);
      ActivatedJob toComplete = first.getProcessInstanceKey() == completed ? first : second;
      ActivatedJob toFail = toComplete == first ? second : first;
      client.newCompleteCommand(toComplete).send().join();
      client.newFailCommand(toFail).retries(0).errorMessage("portal down").send().join();
      engine.awaitCompleted(completed);

      // when
      Map<String, Double> metrics = parse(scrape(engine.engine(), null).body());

      // then
      String process = "{process=\"" + processId + "\"}";
      String type = "{type=\"" + jobType + "\"}";
      assertThat(metrics).containsEntry("engranaje_process_instances_started_total" + process, 3.0)
          .containsEntry("engranaje_process_instances_completed_total" + process, 1.0)
          .containsEntry("engranaje_process_instances_cancelled_total" + process, 1.0)
          .containsEntry("engranaje_jobs_activated_total" + type, 2.0)
          .containsEntry("engranaje_jobs_completed_total" + type, 1.0)
          .containsEntry("engranaje_jobs_failed_total" + type, 1.0)
          .containsEntry("engranaje_incidents_open", 1.0)
          .containsEntry("engranaje_history_process_instances", 3.0)
          .containsEntry("engranaje_job_activation_latency_seconds_count" + type, 2.0);
      assertThat(metrics.get("engranaje_commit_latency_seconds_count")).isPositive();
      assertThat(metrics.get("engranaje_log_records")).isPositive();
      assertThat(metrics.get("engranaje_database_bytes")).isPositive();
    }
  }

  @Test
  void shouldAskForCredentialsOnMetricsAndHealthWhenTheApiHasThem() throws Exception {
    EngineOptions options = EngineOptions.builder().inMemory().port(0)
        .apiAccess(new ApiAccess("ann", "ann-secret", false)).build();
    try (Engine engine = Engine.start(options)) {
      assertThat(scrape(engine, null).statusCode()).isEqualTo(401);
      HttpResponse<String> scraped = scrape(engine, "ann:ann-secret");
      assertThat(scraped.statusCode()).isEqualTo(200);
      assertThat(scraped.headers().firstValue("Content-Type")).hasValueSatisfying(
          value -> assertThat(value).startsWith("text/plain; version=0.0.4"));
      assertThat(get(engine, "/health/readiness", null).statusCode()).isEqualTo(401);
      HttpResponse<String> ready = get(engine, "/health/readiness", "ann:ann-secret");
      assertThat(ready.statusCode()).isEqualTo(200);
      assertThat(ready.body()).contains("\"status\":\"UP\"");
      assertThat(get(engine, "/health/liveness", "ann:ann-secret").body()).isEqualTo("{\"status\":\"UP\"}");
    }
  }

  private HttpResponse<String> scrape(Engine engine, String credentials) throws Exception {
    return get(engine, "/metrics", credentials);
  }

  private HttpResponse<String> get(Engine engine, String path, String credentials) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(engine.restAddress() + path))
        .timeout(Duration.ofSeconds(10));
    if (credentials != null) {
      request.header("Authorization", "Basic "
          + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The samples of a Prometheus text exposition, by name with labels; comments skipped. */
  private static Map<String, Double> parse(String exposition) {
    Map<String, Double> samples = new HashMap<>();
    for (String line : exposition.split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      int space = line.lastIndexOf(' ');
      samples.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
    }
    return samples;
  }
}
