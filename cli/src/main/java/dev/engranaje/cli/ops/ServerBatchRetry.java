package dev.engranaje.cli.ops;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.enums.BatchOperationItemState;
import io.camunda.client.api.search.enums.BatchOperationState;
import io.camunda.client.api.search.filter.ProcessInstanceFilter;
import io.camunda.client.api.search.response.BatchOperation;
import io.camunda.client.api.search.response.BatchOperationItems.BatchOperationItem;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * {@code rpa retry --all} as one server-side batch operation ({@code RESOLVE_INCIDENT} over the
 * instances the filter matches): the engine works through the incidents by itself (the embedded
 * engine gives a job that ran out of retries one more first), and this follows its progress until
 * it ends, then reads the per-incident results.
 */
final class ServerBatchRetry {
  /** How often progress is asked for. */
  static final Duration POLL = Duration.ofMillis(250);
  private static final Set<BatchOperationState> FINISHED = Set.of(BatchOperationState.COMPLETED,
      BatchOperationState.PARTIALLY_COMPLETED, BatchOperationState.FAILED, BatchOperationState.CANCELED);

  /** How one incident of the batch went. */
  record ItemResult(long incidentKey, Long processInstanceKey, boolean resolved, String error) {}

  /** The batch's key, its final state and each item's result. */
  record Result(String batchOperationKey, BatchOperationState state, List<ItemResult> items) {}

  private final CamundaClient client;
  private final PrintWriter progress;

  ServerBatchRetry(CamundaClient client, PrintWriter progress) {
    this.client = client;
    this.progress = progress;
  }

  Result run(Consumer<ProcessInstanceFilter> filter) throws InterruptedException {
    String key = EngineFeatures.require("batch operations", () -> client.newCreateBatchOperationCommand()
        .resolveIncident().filter(filter).send().join().getBatchOperationKey());
    progress.println("Started batch operation " + key + ".");
    progress.flush();
    BatchOperation batch = client.newBatchOperationGetRequest(key).send().join();
    int reported = -1;
    while (true) {
      int done = count(batch.getOperationsCompletedCount()) + count(batch.getOperationsFailedCount());
      int total = count(batch.getOperationsTotalCount());
      if (done != reported) {
        progress.printf("Retried %d/%d (%d%%), %d failed%n", done, total, total == 0 ? 100 : done * 100L / total,
            count(batch.getOperationsFailedCount()));
        progress.flush();
        reported = done;
      }
      if (FINISHED.contains(batch.getStatus())) {
        break;
      }
      Thread.sleep(POLL.toMillis());
      batch = client.newBatchOperationGetRequest(key).send().join();
    }
    List<ItemResult> items = Pages.fetch(ListingOptions.MAX_LIMIT * 100, page -> client
            .newBatchOperationItemsSearchRequest().filter(f -> f.batchOperationKey(key)).page(page).send().join())
        .items().stream().map(ServerBatchRetry::result).toList();
    return new Result(key, batch.getStatus(), items);
  }

  private static ItemResult result(BatchOperationItem item) {
    boolean resolved = item.getStatus() == BatchOperationItemState.COMPLETED;
    String error = resolved ? null : item.getErrorMessage() != null ? item.getErrorMessage()
        : "not processed (" + item.getStatus() + ")";
    return new ItemResult(item.getItemKey(), item.getProcessInstanceKey(), resolved, error);
  }

  private static int count(Integer value) {
    return value == null ? 0 : value;
  }
}
