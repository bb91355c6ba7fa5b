package dev.engranaje.cli.ops;

import io.camunda.client.api.search.response.ProcessInstance;
import java.util.List;

/** The columns of a process instance row, shared by {@code rpa instances} and {@code rpa instance}. */
final class InstanceColumns {
  static final List<Column<ProcessInstance>> INSTANCE = List.of(
      Column.of("KEY", "processInstanceKey", ProcessInstance::getProcessInstanceKey),
      Column.of("PROCESS", "processDefinitionId", ProcessInstance::getProcessDefinitionId),
      Column.of("VERSION", "processDefinitionVersion", ProcessInstance::getProcessDefinitionVersion),
      Column.of("STATE", "state", ProcessInstance::getState),
      Column.of("INCIDENT", "hasIncident", ProcessInstance::getHasIncident),
      Column.of("STARTED", "startDate", ProcessInstance::getStartDate),
      Column.of("ENDED", "endDate", ProcessInstance::getEndDate),
      Column.of("PARENT", "parentProcessInstanceKey", ProcessInstance::getParentProcessInstanceKey),
      Column.jsonOnly("processDefinitionKey", ProcessInstance::getProcessDefinitionKey),
      Column.jsonOnly("tenantId", ProcessInstance::getTenantId));

  private InstanceColumns() {}
}
