package dev.engranaje.cli.ops;

import static dev.engranaje.cli.ops.Filters.ifSet;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.enums.JobState;
import io.camunda.client.api.search.response.Job;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code rpa jobs}: jobs, filtered. */
@Command(name = "jobs", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"List jobs (the work handed to workers), filtered by type, state, process, instance, element"
        + " and worker.",
        "Exit codes: 0 listed, 1 bad arguments, 2 refused by the engine (or no job search on it), 3 engine unreachable."})
public final class JobsCommand extends ListingCommand<Job> {
  static final List<Column<Job>> COLUMNS = List.of(
      Column.of("KEY", "jobKey", Job::getJobKey),
      Column.of("TYPE", "type", Job::getType),
      Column.of("STATE", "state", Job::getState),
      Column.of("RETRIES", "retries", Job::getRetries),
      Column.of("INSTANCE", "processInstanceKey", Job::getProcessInstanceKey),
      Column.of("ELEMENT", "elementId", Job::getElementId),
      Column.of("WORKER", "worker", Job::getWorker),
      Column.of("DEADLINE", "deadline", Job::getDeadline),
      Column.wide("ERROR", "errorMessage", Job::getErrorMessage, 50),
      Column.jsonOnly("processDefinitionId", Job::getProcessDefinitionId),
      Column.jsonOnly("elementInstanceKey", Job::getElementInstanceKey),
      Column.jsonOnly("kind", Job::getKind),
      Column.jsonOnly("errorCode", Job::getErrorCode),
      Column.jsonOnly("creationTime", Job::getCreationTime),
      Column.jsonOnly("endTime", Job::getEndTime));

  @Option(names = "--type", paramLabel = "TYPE", description = "Job type, e.g. rpa:mail.send:1.")
  String type;

  @Option(names = "--state", paramLabel = "STATE",
      description = "created, failed, completed, error_thrown, timed_out, retries_updated, canceled.")
  JobState state;

  @Mixin ScopeOptions scope;

  @Option(names = "--worker", paramLabel = "NAME", description = "The worker that activated it.")
  String worker;

  public JobsCommand() {
    super("jobs", "job search");
  }

  @Override
  List<Column<Job>> columns() {
    return COLUMNS;
  }

  @Override
  Pages.Request<Job> search(CamundaClient client) {
    return page -> client.newJobSearchRequest().filter(filter -> {
      ifSet(type, filter::type);
      ifSet(state, filter::state);
      ifSet(scope.processId, filter::processDefinitionId);
      ifSet(scope.instanceKey, filter::processInstanceKey);
      ifSet(scope.elementId, filter::elementId);
      ifSet(worker, filter::worker);
    }).page(page).send().join();
  }
}
