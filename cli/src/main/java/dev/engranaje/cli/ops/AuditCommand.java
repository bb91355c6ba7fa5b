package dev.engranaje.cli.ops;

import static dev.engranaje.cli.ops.Filters.ifSet;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.enums.AuditLogOperationTypeEnum;
import io.camunda.client.api.search.enums.AuditLogResultEnum;
import io.camunda.client.api.search.response.AuditLogResult;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code rpa audit}: the operations audit log, newest first. */
@Command(name = "audit", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"List the operations audit log: who retried, canceled, changed variables, updated jobs,"
        + " deployed or ran batch operations, when, on what, and how it ended, newest first.",
        "Exit codes: 0 listed, 1 bad arguments, 2 refused by the engine, 3 engine unreachable."})
public final class AuditCommand extends ListingCommand<AuditLogResult> {
  static final List<Column<AuditLogResult>> COLUMNS = List.of(
      Column.of("TIME", "timestamp", AuditLogResult::getTimestamp),
      Column.of("USER", "actorId", AuditLogResult::getActorId),
      Column.of("OPERATION", "operationType", AuditLogResult::getOperationType),
      Column.of("ENTITY", "entityType", AuditLogResult::getEntityType),
      Column.of("KEY", "entityKey", AuditLogResult::getEntityKey),
      Column.of("RESULT", "result", AuditLogResult::getResult),
      Column.wide("DETAILS", "entityDescription", AuditLogResult::getEntityDescription, 70),
      Column.jsonOnly("auditLogKey", AuditLogResult::getAuditLogKey),
      Column.jsonOnly("processInstanceKey", AuditLogResult::getProcessInstanceKey),
      Column.jsonOnly("batchOperationKey", AuditLogResult::getBatchOperationKey));

  @Option(names = "--user", paramLabel = "USER", description = "Only this user's actions.")
  String user;

  @Option(names = "--operation", paramLabel = "TYPE",
      description = "CREATE, CANCEL, RESOLVE, UPDATE, DELETE, SUSPEND, RESUME, MODIFY or MIGRATE.")
  AuditLogOperationTypeEnum operation;

  @Option(names = "--result", paramLabel = "RESULT", description = "SUCCESS or FAIL.")
  AuditLogResultEnum result;

  @Option(names = "--instance", paramLabel = "KEY", description = "Only actions on this process instance.")
  Long instanceKey;

  public AuditCommand() {
    super("audit log entries", "audit log search");
  }

  @Override
  List<Column<AuditLogResult>> columns() {
    return COLUMNS;
  }

  @Override
  Pages.Request<AuditLogResult> search(CamundaClient client) {
    return page -> client.newAuditLogSearchRequest().filter(f -> {
      ifSet(user, f::actorId);
      ifSet(operation, f::operationType);
      ifSet(result, f::result);
      ifSet(instanceKey == null ? null : String.valueOf(instanceKey), f::processInstanceKey);
    }).sort(sort -> sort.timestamp().desc()).page(page).send().join();
  }
}
