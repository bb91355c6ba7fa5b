package dev.engranaje.cli.ops;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.response.Incident;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code rpa incidents}: incidents, active ones by default. */
@Command(name = "incidents", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"List incidents (active ones unless --state says otherwise), filtered by process, instance,"
        + " element, error type and creation time. Repair them with 'rpa retry'.",
        "Exit codes: 0 listed, 1 bad arguments, 2 refused by the engine, 3 engine unreachable."})
public final class IncidentsCommand extends ListingCommand<Incident> {
  static final List<Column<Incident>> COLUMNS = List.of(
      Column.of("KEY", "incidentKey", Incident::getIncidentKey),
      Column.of("INSTANCE", "processInstanceKey", Incident::getProcessInstanceKey),
      Column.of("PROCESS", "processDefinitionId", Incident::getProcessDefinitionId),
      Column.of("ELEMENT", "elementId", Incident::getElementId),
      Column.of("TYPE", "errorType", Incident::getErrorType),
      Column.of("STATE", "state", Incident::getState),
      Column.of("CREATED", "creationTime", Incident::getCreationTime),
      Column.wide("MESSAGE", "errorMessage", Incident::getErrorMessage, 60),
      Column.jsonOnly("jobKey", Incident::getJobKey),
      Column.jsonOnly("elementInstanceKey", Incident::getElementInstanceKey),
      Column.jsonOnly("processDefinitionKey", Incident::getProcessDefinitionKey));

  @Mixin IncidentFilterOptions filter;

  public IncidentsCommand() {
    super("incidents", "incident search");
  }

  @Override
  List<Column<Incident>> columns() {
    return COLUMNS;
  }

  @Override
  Pages.Request<Incident> search(CamundaClient client) {
    return page -> client.newIncidentSearchRequest().filter(filter::apply)
        .sort(sort -> sort.creationTime().desc()).page(page).send().join();
  }
}
