package dev.engranaje.engine.processing.query;

import dev.engranaje.engine.gateway.IncidentFilter;
import dev.engranaje.engine.gateway.IncidentView;
import dev.engranaje.engine.gateway.ProcessInstanceFilter;
import dev.engranaje.engine.gateway.ProcessInstanceView;
import dev.engranaje.engine.gateway.VariableView;
import dev.engranaje.engine.record.IncidentRecord;
import dev.engranaje.engine.state.ElementInstance;
import dev.engranaje.engine.state.EngineState;
import dev.engranaje.engine.state.IncidentState.IncidentEntry;
import dev.engranaje.engine.state.InstanceHistory.Summary;
import dev.engranaje.engine.state.VariableState.Variable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Answers the lookups a client needs to find what to repair: instances, incidents, variables. */
public final class StateQueries {
  private final EngineState state;

  public StateQueries(EngineState state) {
    this.state = state;
  }

  public Optional<ProcessInstanceView> processInstance(long key) {
    return Optional.ofNullable(state.history().get(key)).map(StateQueries::view);
  }

  public List<ProcessInstanceView> processInstances(ProcessInstanceFilter filter) {
    List<ProcessInstanceView> result = new ArrayList<>();
    if (filter.processInstanceKey() != null) {
      processInstance(filter.processInstanceKey()).filter(v -> matches(v, filter)).ifPresent(result::add);
      return result;
    }
    for (Summary summary : state.history().all()) {
      ProcessInstanceView view = view(summary);
      if (matches(view, filter)) {
        result.add(view);
      }
    }
    return result;
  }

  public List<IncidentView> incidents(IncidentFilter filter) {
    List<IncidentView> result = new ArrayList<>();
    if (filter.incidentKey() != null) {
      IncidentEntry entry = state.incidents().get(filter.incidentKey());
      if (entry != null && matches(entry, filter)) {
        result.add(view(entry));
      }
      return result;
    }
    for (IncidentEntry entry : state.incidents().all()) {
      if (matches(entry, filter)) {
        result.add(view(entry));
      }
    }
    return result;
  }

  /** Variables of one scope, or of every live scope of an instance when scopeKey is null. */
  public List<VariableView> variables(Long processInstanceKey, Long scopeKey) {
    List<VariableView> result = new ArrayList<>();
    if (scopeKey != null) {
      addScope(result, scopeKey);
      return result;
    }
    if (processInstanceKey == null) {
      return result;
    }
    for (ElementInstance instance : state.elementInstances().all()) {
      if (instance.processInstanceKey() == processInstanceKey) {
        addScope(result, instance.key());
      }
    }
    return result;
  }

  private void addScope(List<VariableView> result, long scopeKey) {
    ElementInstance scope = state.elementInstances().get(scopeKey);
    if (scope == null) {
      return;
    }
    for (Variable variable : state.variables().local(scopeKey).values()) {
      result.add(new VariableView(variable.key(), variable.name(), variable.json(), scopeKey, scope.processInstanceKey(),
          scope.value().tenantId()));
    }
  }

  private static boolean matches(ProcessInstanceView view, ProcessInstanceFilter filter) {
    return (filter.bpmnProcessId() == null || filter.bpmnProcessId().equals(view.bpmnProcessId()))
        && (filter.state() == null || filter.state().equals(view.state()))
        && (filter.hasIncident() == null || filter.hasIncident() == view.hasIncident());
  }

  private static boolean matches(IncidentEntry entry, IncidentFilter filter) {
    IncidentRecord r = entry.record();
    String incidentState = entry.resolved() ? "RESOLVED" : "ACTIVE";
    return (filter.processInstanceKey() == null || filter.processInstanceKey() == r.processInstanceKey())
        && (filter.state() == null || filter.state().equals(incidentState))
        && (filter.errorType() == null || filter.errorType().equals(r.errorType()))
        && (filter.bpmnProcessId() == null || filter.bpmnProcessId().equals(r.bpmnProcessId()));
  }

  private static ProcessInstanceView view(Summary s) {
    return new ProcessInstanceView(s.key(), s.bpmnProcessId(), s.version(), s.processDefinitionKey(), s.state(),
        s.startTime(), s.endTime(), s.hasIncident(), s.parentProcessInstanceKey(), s.parentElementInstanceKey(),
        s.tenantId());
  }

  private static IncidentView view(IncidentEntry e) {
    IncidentRecord r = e.record();
    return new IncidentView(e.key(), r.errorType(), r.errorMessage(), r.bpmnProcessId(), r.processDefinitionKey(),
        r.processInstanceKey(), r.elementId(), r.elementInstanceKey(), r.jobKey(), e.resolved() ? "RESOLVED" : "ACTIVE",
        e.creationTime(), r.tenantId());
  }
}
