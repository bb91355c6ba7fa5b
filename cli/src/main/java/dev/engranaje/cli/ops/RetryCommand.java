package dev.engranaje.cli.ops;

import dev.engranaje.cli.ExitCodes;
import dev.engranaje.cli.UserError;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.filter.ProcessInstanceFilter;
import io.camunda.client.api.search.response.Incident;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code rpa retry}: raise a failed job's retries and resolve its incident, for one, an instance's, or a batch. */
@Command(name = "retry", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Repair incidents: give the failed job retries again (--retries, default 1) and resolve the"
        + " incident, so the engine retries the element. Name incidents by key, every active incident of one"
        + " instance (--instance), or every active incident matching the filters as one batch (--all): it says"
        + " how many, asks to confirm (unless --yes), shows progress and reports each incident. With only"
        + " --process/--instance (and --retries 1) --all runs as one batch operation on the engine"
        + " (see 'rpa batches'); other filters retry incident by incident.",
        "Exit codes: 0 all resolved, 1 bad arguments or not confirmed, 2 refused for at least one incident,"
            + " 3 engine unreachable."})
public final class RetryCommand extends OperatorCommand {
  static final String NOTHING_NAMED = "Expected incident keys, --instance KEY or --all (with filters), but got none;"
      + " see 'rpa incidents' for what is open.";
  static final String KEYS_AND_FILTER = "Expected either incident keys or --all/--instance, but got both.";

  @Parameters(arity = "0..*", paramLabel = "INCIDENT_KEY", description = "Incidents to retry.")
  List<Long> incidentKeys = List.of();

  @Option(names = "--all", description = "Every incident matching the filters below (active ones by default).")
  boolean all;

  @Mixin IncidentFilterOptions filter;

  @Option(names = "--retries", paramLabel = "N", defaultValue = "1",
      description = "Retries the failed job gets (default: ${DEFAULT-VALUE}).")
  int retries;

  @Option(names = "--yes", description = "Do not ask for confirmation.")
  boolean yes;

  @Option(names = "--json", description = "Print the per-incident results as JSON:"
      + " {items: [{incidentKey, processInstanceKey, elementId, jobKey, result, error}], resolved, failed}.")
  boolean json;

  @Override
  int call(CamundaClient client) throws InterruptedException {
    if (retries < 1) {
      throw new UserError("Expected --retries of at least 1, but got " + retries);
    }
    List<Incident> incidents = select(client);
    if (incidents.isEmpty()) {
      err().println("No incidents match " + (incidentKeys.isEmpty() ? filter.describe() : "") + "; nothing to retry.");
      printResults(List.of());
      return ExitCodes.OK;
    }
    if (all) {
      String what = "retry " + incidents.size() + " incident" + (incidents.size() == 1 ? "" : "s")
          + " (" + filter.describe() + ")";
      err().println("This will " + what + ".");
      err().flush();
      if (!yes && !Confirmation.ask(what)) {
        err().println("Nothing retried.");
        return ExitCodes.USAGE;
      }
    }
    if (all && fitsServerBatch()) {
      return printBatch(new ServerBatchRetry(client, err()).run(this::instanceFilter));
    }
    List<BatchRun.Outcome<Incident>> outcomes = new BatchRun<Incident>("Retried", err())
        .run(incidents, incident -> retry(client, incident));
    printResults(outcomes);
    return outcomes.stream().allMatch(BatchRun.Outcome::succeeded) ? ExitCodes.OK : ExitCodes.REFUSED;
  }

  /**
   * Whether the filter names exactly the open incidents of some instances (by process or
   * instance), so one server-side batch over those instances does exactly what was confirmed; other
   * filters (error type, element, time) and other retry counts go incident by incident.
   */
  private boolean fitsServerBatch() {
    return retries == 1 && filter.state == io.camunda.client.api.search.enums.IncidentState.ACTIVE
        && filter.errorType == null && filter.scope.elementId == null && filter.createdAfter == null
        && filter.createdBefore == null;
  }

  private void instanceFilter(ProcessInstanceFilter instances) {
    Filters.ifSet(filter.scope.processId, instances::processDefinitionId);
    Filters.ifSet(filter.scope.instanceKey, instances::processInstanceKey);
  }

  private int printBatch(ServerBatchRetry.Result result) {
    List<Column<ServerBatchRetry.ItemResult>> columns = List.of(
        Column.of("INCIDENT", "incidentKey", ServerBatchRetry.ItemResult::incidentKey),
        Column.of("INSTANCE", "processInstanceKey", ServerBatchRetry.ItemResult::processInstanceKey),
        Column.of("RESULT", "result", item -> item.resolved() ? "resolved" : "failed"),
        Column.wide("ERROR", "error", ServerBatchRetry.ItemResult::error, 80));
    Listing<ServerBatchRetry.ItemResult> listing = new Listing<>(columns, times);
    long failed = result.items().stream().filter(item -> !item.resolved()).count();
    int total = result.items().size();
    if (json) {
      var document = Listing.JSON.createObjectNode();
      document.put("batchOperationKey", result.batchOperationKey());
      document.put("state", String.valueOf(result.state()));
      var items = document.putArray("items");
      result.items().forEach(item -> items.add(listing.jsonRow(item)));
      document.put("resolved", total - failed);
      document.put("failed", failed);
      out().println(Listing.pretty(document));
    } else {
      listing.print(out(), false, result.items(), -1, "incidents");
      out().printf("Resolved %d of %d incident%s; %d failed.%nBatch operation %s: %s.%n", total - failed, total,
          total == 1 ? "" : "s", failed, result.batchOperationKey(), result.state());
    }
    out().flush();
    return failed == 0 ? ExitCodes.OK : ExitCodes.REFUSED;
  }

  private List<Incident> select(CamundaClient client) {
    boolean byFilter = all || filter.scope.instanceKey != null;
    if (!incidentKeys.isEmpty() && byFilter) {
      throw new UserError(KEYS_AND_FILTER);
    }
    if (!incidentKeys.isEmpty()) {
      List<Incident> named = new ArrayList<>();
      for (long key : incidentKeys) {
        named.add(client.newIncidentGetRequest(key).send().join());
      }
      return named;
    }
    if (!byFilter) {
      throw new UserError(NOTHING_NAMED);
    }
    return EngineFeatures.require("incident search", () -> Pages.fetch(ListingOptions.MAX_LIMIT * 100,
        page -> client.newIncidentSearchRequest().filter(filter::apply)
            .sort(sort -> sort.incidentKey().asc()).page(page).send().join())).items();
  }

  private CompletionStage<?> retry(CamundaClient client, Incident incident) {
    CompletionStage<?> retriesRaised = incident.getJobKey() == null
        ? CompletableFuture.completedFuture(null)
        : client.newUpdateRetriesCommand(incident.getJobKey()).retries(retries).send();
    return retriesRaised.thenCompose(ignored -> client.newResolveIncidentCommand(incident.getIncidentKey()).send());
  }

  private void printResults(List<BatchRun.Outcome<Incident>> outcomes) {
    List<Column<BatchRun.Outcome<Incident>>> columns = List.of(
        Column.of("INCIDENT", "incidentKey", o -> o.item().getIncidentKey()),
        Column.of("INSTANCE", "processInstanceKey", o -> o.item().getProcessInstanceKey()),
        Column.of("ELEMENT", "elementId", o -> o.item().getElementId()),
        Column.of("JOB", "jobKey", o -> o.item().getJobKey()),
        Column.of("RESULT", "result", o -> o.succeeded() ? "resolved" : "failed"),
        Column.wide("ERROR", "error", BatchRun.Outcome::error, 80));
    Listing<BatchRun.Outcome<Incident>> listing = new Listing<>(columns, times);
    long failed = outcomes.stream().filter(o -> !o.succeeded()).count();
    if (json) {
      var document = Listing.JSON.createObjectNode();
      var items = document.putArray("items");
      outcomes.forEach(outcome -> items.add(listing.jsonRow(outcome)));
      document.put("resolved", outcomes.size() - failed);
      document.put("failed", failed);
      out().println(Listing.pretty(document));
    } else if (!outcomes.isEmpty()) {
      listing.print(out(), false, outcomes, -1, "incidents");
      out().printf("Resolved %d of %d incident%s; %d failed.%n", outcomes.size() - failed, outcomes.size(),
          outcomes.size() == 1 ? "" : "s", failed);
    }
    out().flush();
  }
}
