package dev.engranaje.cli.ops;

import static dev.engranaje.cli.ops.Filters.ifSet;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.enums.BatchOperationState;
import io.camunda.client.api.search.response.BatchOperation;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code rpa batches}: batch operations with their progress, newest first. */
@Command(name = "batches", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"List batch operations (such as 'rpa retry --all' starts) with their state and progress,"
        + " newest first.",
        "Exit codes: 0 listed, 1 bad arguments, 2 refused by the engine, 3 engine unreachable."})
public final class BatchesCommand extends ListingCommand<BatchOperation> {
  static final List<Column<BatchOperation>> COLUMNS = List.of(
      Column.of("KEY", "batchOperationKey", BatchOperation::getBatchOperationKey),
      Column.of("TYPE", "type", BatchOperation::getType),
      Column.of("STATE", "state", BatchOperation::getStatus),
      Column.of("TOTAL", "operationsTotalCount", BatchOperation::getOperationsTotalCount),
      Column.of("DONE", "operationsCompletedCount", BatchOperation::getOperationsCompletedCount),
      Column.of("FAILED", "operationsFailedCount", BatchOperation::getOperationsFailedCount),
      Column.of("BY", "actorId", BatchOperation::getActorId),
      Column.of("STARTED", "startDate", BatchOperation::getStartDate),
      Column.of("ENDED", "endDate", BatchOperation::getEndDate));

  @Option(names = "--state", paramLabel = "STATE",
      description = "ACTIVE, SUSPENDED, COMPLETED, PARTIALLY_COMPLETED, FAILED or CANCELED.")
  BatchOperationState state;

  public BatchesCommand() {
    super("batch operations", "batch operation search");
  }

  @Override
  List<Column<BatchOperation>> columns() {
    return COLUMNS;
  }

  @Override
  Pages.Request<BatchOperation> search(CamundaClient client) {
    return page -> client.newBatchOperationSearchRequest().filter(f -> ifSet(state, f::state))
        .sort(sort -> sort.startDate().desc()).page(page).send().join();
  }
}
