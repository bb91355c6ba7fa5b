package dev.engranaje.cli.ops;

import static dev.engranaje.cli.ops.Filters.ifSet;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.response.ProcessDefinition;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code rpa processes}: deployed process definitions. */
@Command(name = "processes", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"List deployed processes (every version, or only the latest with --latest).",
        "Exit codes: 0 listed, 1 bad arguments, 2 refused by the engine (or no process search on it), 3 engine unreachable."})
public final class ProcessesCommand extends ListingCommand<ProcessDefinition> {
  static final List<Column<ProcessDefinition>> COLUMNS = List.of(
      Column.of("KEY", "processDefinitionKey", ProcessDefinition::getProcessDefinitionKey),
      Column.of("ID", "processDefinitionId", ProcessDefinition::getProcessDefinitionId),
      Column.of("NAME", "name", ProcessDefinition::getName),
      Column.of("VERSION", "version", ProcessDefinition::getVersion),
      Column.of("TAG", "versionTag", ProcessDefinition::getVersionTag),
      Column.of("RESOURCE", "resourceName", ProcessDefinition::getResourceName));

  @Option(names = "--id", paramLabel = "ID", description = "BPMN process id.")
  String processId;

  @Option(names = "--name", paramLabel = "NAME", description = "Process name.")
  String name;

  @Option(names = "--latest", description = "Only each process's latest version.")
  boolean latest;

  public ProcessesCommand() {
    super("processes", "process definition search");
  }

  @Override
  List<Column<ProcessDefinition>> columns() {
    return COLUMNS;
  }

  @Override
  Pages.Request<ProcessDefinition> search(CamundaClient client) {
    return page -> client.newProcessDefinitionSearchRequest().filter(filter -> {
      ifSet(processId, filter::processDefinitionId);
      ifSet(name, filter::name);
      if (latest) {
        filter.isLatestVersion(true);
      }
    }).sort(sort -> sort.processDefinitionId().asc().version().desc()).page(page).send().join();
  }
}
