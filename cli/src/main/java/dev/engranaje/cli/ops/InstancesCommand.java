package dev.engranaje.cli.ops;

import static dev.engranaje.cli.ops.Filters.ifSet;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.search.response.ProcessInstance;
import java.time.OffsetDateTime;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code rpa instances}: process instances, filtered. */
@Command(name = "instances", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"List process instances, newest first, filtered by process, version, state, incident,"
        + " variable value and time range. Times are local; --json gives ISO-8601.",
        "Exit codes: 0 listed, 1 bad arguments, 2 refused by the engine, 3 engine unreachable."})
public final class InstancesCommand extends ListingCommand<ProcessInstance> {
  @Option(names = "--process", paramLabel = "ID", description = "BPMN process id.")
  String processId;

  @Option(names = "--process-version", paramLabel = "N", description = "Process version (with --process).")
  Integer version;

  @Option(names = "--state", paramLabel = "STATE", description = "active, completed or terminated.")
  ProcessInstanceState state;

  @Option(names = "--incident", negatable = true,
      description = "Only instances with an incident (--no-incident: only those without).")
  Boolean incident;

  @Option(names = "--var", paramLabel = "NAME=VALUE",
      description = "Variable NAME holds VALUE (JSON when it parses, else text). Repeatable: all must hold.")
  List<String> variables = List.of();

  @Option(names = "--started-after", paramLabel = "TIME", converter = TimeConverter.class,
      description = "Started at or after TIME: " + Times.ACCEPTED + ".")
  OffsetDateTime startedAfter;

  @Option(names = "--started-before", paramLabel = "TIME", converter = TimeConverter.class,
      description = "Started at or before TIME.")
  OffsetDateTime startedBefore;

  @Option(names = "--ended-after", paramLabel = "TIME", converter = TimeConverter.class,
      description = "Ended at or after TIME.")
  OffsetDateTime endedAfter;

  @Option(names = "--ended-before", paramLabel = "TIME", converter = TimeConverter.class,
      description = "Ended at or before TIME.")
  OffsetDateTime endedBefore;

  public InstancesCommand() {
    super("instances", "process instance search");
  }

  @Override
  List<Column<ProcessInstance>> columns() {
    return InstanceColumns.INSTANCE;
  }

  @Override
  Pages.Request<ProcessInstance> search(CamundaClient client) {
    TimeRange started = new TimeRange(startedAfter, startedBefore);
    TimeRange ended = new TimeRange(endedAfter, endedBefore);
    var matches = VariableMatch.filters(variables);
    return page -> client.newProcessInstanceSearchRequest()
        .filter(filter -> {
          ifSet(processId, filter::processDefinitionId);
          ifSet(version, filter::processDefinitionVersion);
          ifSet(state, filter::state);
          ifSet(incident, filter::hasIncident);
          if (!matches.isEmpty()) {
            filter.variables(matches);
          }
          if (started.isSet()) {
            filter.startDate(started.property());
          }
          if (ended.isSet()) {
            filter.endDate(ended.property());
          }
        })
        .sort(sort -> sort.startDate().desc())
        .page(page).send().join();
  }
}
