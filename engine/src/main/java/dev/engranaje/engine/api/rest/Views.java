package dev.engranaje.engine.api.rest;

import dev.engranaje.engine.gateway.IncidentView;
import dev.engranaje.engine.gateway.ProcessInstanceView;
import dev.engranaje.engine.gateway.VariableView;
import io.camunda.client.protocol.rest.IncidentErrorTypeEnum;
import io.camunda.client.protocol.rest.IncidentResult;
import io.camunda.client.protocol.rest.IncidentStateEnum;
import io.camunda.client.protocol.rest.ProcessInstanceResult;
import io.camunda.client.protocol.rest.ProcessInstanceStateEnum;
import io.camunda.client.protocol.rest.VariableSearchResult;
import java.util.LinkedHashSet;

/** Maps the engine's read views to the REST result shapes. */
final class Views {

  private Views() {}

  static IncidentResult incident(IncidentView view) {
    IncidentResult result = new IncidentResult();
    result.setIncidentKey(Json.key(view.key()));
    result.setProcessDefinitionKey(Json.keyOrNull(view.processDefinitionKey()));
    result.setProcessDefinitionId(view.bpmnProcessId());
    result.setProcessInstanceKey(Json.keyOrNull(view.processInstanceKey()));
    result.setErrorType(errorType(view.errorType()));
    result.setErrorMessage(view.errorMessage());
    result.setElementId(view.elementId());
    result.setElementInstanceKey(Json.keyOrNull(view.elementInstanceKey()));
    result.setCreationTime(Json.dateTime(view.creationTime()));
    result.setState(incidentState(view.state()));
    result.setJobKey(Json.keyOrNull(view.jobKey()));
    result.setTenantId(view.tenantId());
    return result;
  }

  static ProcessInstanceResult processInstance(ProcessInstanceView view) {
    ProcessInstanceResult result = new ProcessInstanceResult();
    result.setProcessInstanceKey(Json.key(view.key()));
    result.setProcessDefinitionId(view.bpmnProcessId());
    // The engine keeps no separate display name; the id is what Operate shows when none is set.
    result.setProcessDefinitionName(view.bpmnProcessId());
    result.setProcessDefinitionVersion(view.version());
    result.setProcessDefinitionKey(Json.key(view.processDefinitionKey()));
    result.setState(processInstanceState(view.state()));
    result.setStartDate(Json.dateTime(view.startTime()));
    result.setEndDate(Json.dateTimeOrNull(view.endTime()));
    result.setHasIncident(view.hasIncident());
    result.setParentProcessInstanceKey(Json.keyOrNull(view.parentProcessInstanceKey()));
    result.setParentElementInstanceKey(Json.keyOrNull(view.parentElementInstanceKey()));
    if (view.parentProcessInstanceKey() == Json.NONE) {
      result.setRootProcessInstanceKey(Json.key(view.key()));
    }
    result.setTenantId(view.tenantId());
    result.setTags(new LinkedHashSet<>());
    return result;
  }

  static VariableSearchResult variable(VariableView view) {
    VariableSearchResult result = new VariableSearchResult();
    result.setVariableKey(Json.key(view.key()));
    result.setName(view.name());
    result.setValue(view.valueJson());
    result.setIsTruncated(false);
    result.setScopeKey(Json.key(view.scopeKey()));
    result.setProcessInstanceKey(Json.key(view.processInstanceKey()));
    result.setTenantId(view.tenantId());
    return result;
  }

  private static IncidentErrorTypeEnum errorType(String name) {
    try {
      return IncidentErrorTypeEnum.valueOf(name);
    } catch (IllegalArgumentException | NullPointerException e) {
      return IncidentErrorTypeEnum.UNKNOWN;
    }
  }

  private static IncidentStateEnum incidentState(String name) {
    try {
      return IncidentStateEnum.valueOf(name);
    } catch (IllegalArgumentException | NullPointerException e) {
      return IncidentStateEnum.UNKNOWN;
    }
  }

  private static ProcessInstanceStateEnum processInstanceState(String name) {
    return ProcessInstanceStateEnum.valueOf(name);
  }
}
