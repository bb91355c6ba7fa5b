package dev.engranaje.engine.processing.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.engranaje.engine.testkit.TestEngine;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.search.enums.BatchOperationItemState;
import io.camunda.client.api.search.enums.BatchOperationState;
import io.camunda.client.api.search.enums.BatchOperationType;
import io.camunda.client.api.search.enums.IncidentState;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.search.response.BatchOperation;
import io.camunda.client.api.search.response.BatchOperationItems.BatchOperationItem;
import java.nio.file.Path;
import java.time.Duration;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Batch operations through the official client: a batch over a filter resolves every incident
 * once, with progress; it can be suspended, resumed and canceled; a restart in the middle goes on
 * where it was and processes no item twice.
 */
class BatchOperationTest {
  private static final int INCIDENTS = 500;
  private static final Duration PACE = Duration.ofMillis(BatchOperationHandler.PACE_MILLIS);

  @TempDir
  Path directory;

  @Test
  void shouldResolveEveryIncidentMatchingTheFilterOnceWithProgress() {
    try (TestEngine engine = TestEngine.inMemory()) {
      // given
      Workload workload = Workload.withIncidents(engine, INCIDENTS);
      CamundaClient client = engine.client();

      // when
      String key = client.newCreateBatchOperationCommand().resolveIncident()
          .filter(f -> f.processDefinitionId(workload.processId)).send().join().getBatchOperationKey();

      // then
      List<Integer> progress = new ArrayList<>();
      TestEngine.await("the batch completed", () -> {
        engine.clock().advance(PACE);
        BatchOperation batch = client.newBatchOperationGetRequest(key).send().join();
        progress.add(batch.getOperationsCompletedCount());
        return batch.getStatus() == BatchOperationState.COMPLETED;
      });
      BatchOperation batch = client.newBatchOperationGetRequest(key).send().join();
      assertThat(batch.getType()).isEqualTo(BatchOperationType.RESOLVE_INCIDENT);
      assertThat(batch.getOperationsTotalCount()).isEqualTo(INCIDENTS);
      assertThat(batch.getOperationsCompletedCount()).isEqualTo(INCIDENTS);
      assertThat(batch.getOperationsFailedCount()).isZero();
      assertThat(batch.getActorId()).isEqualTo("anonymous");
      assertThat(batch.getEndDate()).isNotNull();
      assertThat(progress).isSorted().last().isEqualTo(INCIDENTS);
      assertThat(items(client, key)).hasSize(INCIDENTS)
          .allSatisfy(item -> assertThat(item.getStatus()).isEqualTo(BatchOperationItemState.COMPLETED));
      assertThat(workload.openIncidents(client)).isZero();
      assertThat(workload.activateAll(engine)).hasSize(INCIDENTS)
          .allSatisfy(job -> assertThat(job.getRetries()).isEqualTo(1));
    }
  }

  @Test
  void shouldStopProcessingWhenSuspendedAndGoOnWhenResumed() {
    try (TestEngine engine = TestEngine.inMemory()) {
      // given
      Workload workload = Workload.withIncidents(engine, INCIDENTS);
      CamundaClient client = engine.client();
      String key = client.newCreateBatchOperationCommand().resolveIncident()
          .filter(f -> f.processDefinitionId(workload.processId)).send().join().getBatchOperationKey();

      // when
      client.newSuspendBatchOperationCommand(key).send().join();

      // then
      BatchOperation suspended = client.newBatchOperationGetRequest(key).send().join();
      assertThat(suspended.getStatus()).isEqualTo(BatchOperationState.SUSPENDED);
      assertThat(suspended.getOperationsCompletedCount()).isEqualTo(BatchOperationHandler.CHUNK);
      engine.clock().advance(PACE.multipliedBy(10));
      assertThat(workload.openIncidents(client)).isEqualTo(INCIDENTS - suspended.getOperationsCompletedCount());
      assertThat(client.newBatchOperationGetRequest(key).send().join().getOperationsCompletedCount())
          .isEqualTo(suspended.getOperationsCompletedCount());
      assertThatThrownBy(() -> client.newSuspendBatchOperationCommand(key).send().join())
          .isInstanceOf(ProblemException.class).hasMessageContaining("it is SUSPENDED");

      // when
      client.newResumeBatchOperationCommand(key).send().join();

      // then
      awaitState(engine, key, BatchOperationState.COMPLETED);
      assertThat(client.newBatchOperationGetRequest(key).send().join().getOperationsCompletedCount())
          .isEqualTo(INCIDENTS);
      assertThat(workload.openIncidents(client)).isZero();
    }
  }

  @Test
  void shouldLeaveTheRemainingItemsAloneWhenCanceled() {
    try (TestEngine engine = TestEngine.inMemory()) {
      // given
      Workload workload = Workload.withIncidents(engine, INCIDENTS);
      CamundaClient client = engine.client();
      String key = client.newCreateBatchOperationCommand().resolveIncident()
          .filter(f -> f.processDefinitionId(workload.processId)).send().join().getBatchOperationKey();
      client.newSuspendBatchOperationCommand(key).send().join();

      // when
      client.newCancelBatchOperationCommand(key).send().join();

      // then
      BatchOperation canceled = client.newBatchOperationGetRequest(key).send().join();
      assertThat(canceled.getStatus()).isEqualTo(BatchOperationState.CANCELED);
      int done = canceled.getOperationsCompletedCount();
      assertThat(items(client, key)).filteredOn(item -> item.getStatus() == BatchOperationItemState.CANCELED)
          .hasSize(INCIDENTS - done);
      assertThat(workload.openIncidents(client)).isEqualTo(INCIDENTS - done);
      assertThatThrownBy(() -> client.newResumeBatchOperationCommand(key).send().join())
          .isInstanceOf(ProblemException.class).hasMessageContaining("no unfinished batch operation");
    }
  }

  @Test
  void shouldCancelEveryActiveInstanceMatchingTheFilter() {
    try (TestEngine engine = TestEngine.inMemory()) {
      // given
      String processId = TestEngine.uniqueProcessId();
      engine.deploy(TestEngine.serviceTaskProcess(processId, processId + "-job"));
      List<Long> instances = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        instances.add(engine.createInstance(processId, Map.of()));
      }
      CamundaClient client = engine.client();

      // when
      String key = client.newCreateBatchOperationCommand().processInstanceCancel()
          .filter(f -> f.processDefinitionId(processId)).send().join().getBatchOperationKey();

      // then
      awaitState(engine, key, BatchOperationState.COMPLETED);
      assertThat(client.newBatchOperationGetRequest(key).send().join().getOperationsCompletedCount()).isEqualTo(20);
      assertThat(client.newProcessInstanceSearchRequest().filter(f -> f.processDefinitionId(processId)).send().join()
          .items()).hasSize(20).allSatisfy(instance ->
              assertThat(instance.getState()).isEqualTo(ProcessInstanceState.TERMINATED));
      assertThat(items(client, key)).extracting(BatchOperationItem::getItemKey)
          .containsExactlyInAnyOrderElementsOf(instances);
    }
  }

  @Test
  void shouldGoOnWhereItWasAfterARestartAndResolveEachIncidentOnce() throws Exception {
    // given
    Workload workload;
    String key;
    int before;
    try (TestEngine engine = TestEngine.durable(directory)) {
      workload = Workload.withIncidents(engine, INCIDENTS);
      key = engine.client().newCreateBatchOperationCommand().resolveIncident()
          .filter(f -> f.processDefinitionId(workload.processId)).send().join().getBatchOperationKey();
      engine.client().newSuspendBatchOperationCommand(key).send().join();
      before = engine.client().newBatchOperationGetRequest(key).send().join().getOperationsCompletedCount();
    }

    // when
    try (TestEngine engine = TestEngine.durable(directory)) {
      CamundaClient client = engine.client();
      BatchOperation reopened = client.newBatchOperationGetRequest(key).send().join();
      assertThat(reopened.getStatus()).isEqualTo(BatchOperationState.SUSPENDED);
      assertThat(reopened.getOperationsCompletedCount()).isEqualTo(before).isLessThan(INCIDENTS);
      client.newResumeBatchOperationCommand(key).send().join();
    }
    // and a second restart while it is active: it goes on by itself
    try (TestEngine engine = TestEngine.durable(directory)) {
      CamundaClient client = engine.client();
      awaitState(engine, key, BatchOperationState.COMPLETED);

      // then
      BatchOperation batch = client.newBatchOperationGetRequest(key).send().join();
      assertThat(batch.getOperationsCompletedCount()).isEqualTo(INCIDENTS);
      assertThat(batch.getOperationsFailedCount()).isZero();
      assertThat(workload.openIncidents(client)).isZero();
    }
    assertThat(resolutionsPerIncident()).hasSize(INCIDENTS).containsOnly(1);
  }

  /** Waits for the batch's state, moving the engine clock on so that the next chunks fall due. */
  private static void awaitState(TestEngine engine, String key, BatchOperationState state) {
    TestEngine.await("batch " + key + " is " + state, () -> {
      engine.clock().advance(PACE);
      return engine.client().newBatchOperationGetRequest(key).send().join().getStatus() == state;
    });
  }

  private static List<BatchOperationItem> items(CamundaClient client, String key) {
    return client.newBatchOperationItemsSearchRequest().filter(f -> f.batchOperationKey(key))
        .page(p -> p.limit(INCIDENTS * 2)).send().join().items();
  }

  /** How often the log says each incident was resolved. */
  private List<Integer> resolutionsPerIncident() throws Exception {
    List<Integer> counts = new ArrayList<>();
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + directory.resolve("engranaje.db"));
        Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM records WHERE value_type = 'INCIDENT'"
            + " AND intent = 'RESOLVED' AND record_type = 'EVENT' GROUP BY record_key")) {
      while (rs.next()) {
        counts.add(rs.getInt(1));
      }
    }
    return counts;
  }

  /** Instances of one process whose job failed without retries: one incident each. */
  private static final class Workload {
    final String processId = TestEngine.uniqueProcessId();
    final String jobType = processId + "-job";

    static Workload withIncidents(TestEngine engine, int count) {
      Workload workload = new Workload();
      engine.deploy(TestEngine.serviceTaskProcess(workload.processId, workload.jobType));
      CamundaClient client = engine.client();
      List<CompletableFuture<?>> created = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        created.add(client.newCreateInstanceCommand().bpmnProcessId(workload.processId).latestVersion().send()
            .toCompletableFuture());
      }
      CompletableFuture.allOf(created.toArray(CompletableFuture[]::new)).join();
      List<CompletableFuture<?>> failed = new ArrayList<>();
      for (ActivatedJob job : workload.activateAll(engine)) {
        failed.add(client.newFailCommand(job).retries(0).errorMessage("portal down").send().toCompletableFuture());
      }
      CompletableFuture.allOf(failed.toArray(CompletableFuture[]::new)).join();
      assertThat(failed).hasSize(count);
      assertThat(workload.openIncidents(client)).isEqualTo(count);
      return workload;
    }

    List<ActivatedJob> activateAll(TestEngine engine) {
      List<ActivatedJob> all = new ArrayList<>();
      List<ActivatedJob> jobs;
      do {
        jobs = engine.activateJobs(jobType, 100);
        all.addAll(jobs);
      } while (jobs.size() == 100);
      return all;
    }

    long openIncidents(CamundaClient client) {
      return client.newIncidentSearchRequest().filter(f -> f.processDefinitionId(processId).state(IncidentState.ACTIVE))
          .page(p -> p.limit(1)).send().join().page().totalItems();
    }
  }
}
