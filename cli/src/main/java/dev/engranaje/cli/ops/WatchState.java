package dev.engranaje.cli.ops;

import io.camunda.client.api.search.response.Incident;
import io.camunda.client.api.search.response.ProcessInstance;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code rpa watch} saw at its last poll, and the changes between two polls: instances that
 * appeared (started) or left the active set (ended), incidents that appeared (raised) or went
 * (resolved). Pure: no I/O, so it is tested directly. Not thread-safe.
 */
final class WatchState {
  /** One change seen between polls. */
  record Event(Kind kind, Long processInstanceKey, String processDefinitionId, String elementId, String detail) {}

  /** What changed. */
  enum Kind { STARTED, ENDED, INCIDENT, RESOLVED }

  private Map<Long, ProcessInstance> active = Map.of();
  private Map<Long, Incident> incidents = Map.of();
  private boolean first = true;

  /** The changes since the previous poll; at the first poll, none (the caller prints a summary). */
  List<Event> update(List<ProcessInstance> activeNow, List<Incident> incidentsNow) {
    Map<Long, ProcessInstance> instances = new LinkedHashMap<>();
    activeNow.forEach(instance -> instances.put(instance.getProcessInstanceKey(), instance));
    Map<Long, Incident> open = new LinkedHashMap<>();
    incidentsNow.forEach(incident -> open.put(incident.getIncidentKey(), incident));
    List<Event> events = new ArrayList<>();
    if (!first) {
      instances.values().stream().filter(i -> !active.containsKey(i.getProcessInstanceKey()))
          .forEach(i -> events.add(new Event(Kind.STARTED, i.getProcessInstanceKey(), i.getProcessDefinitionId(), null,
              "version " + i.getProcessDefinitionVersion())));
      active.values().stream().filter(i -> !instances.containsKey(i.getProcessInstanceKey()))
          .forEach(i -> events.add(new Event(Kind.ENDED, i.getProcessInstanceKey(), i.getProcessDefinitionId(), null, null)));
      open.values().stream().filter(i -> !incidents.containsKey(i.getIncidentKey()))
          .forEach(i -> events.add(new Event(Kind.INCIDENT, i.getProcessInstanceKey(), i.getProcessDefinitionId(),
              i.getElementId(), i.getErrorType() + ": " + i.getErrorMessage())));
      incidents.values().stream().filter(i -> !open.containsKey(i.getIncidentKey()))
          .forEach(i -> events.add(new Event(Kind.RESOLVED, i.getProcessInstanceKey(), i.getProcessDefinitionId(),
              i.getElementId(), "incident " + i.getIncidentKey())));
    }
    first = false;
    active = instances;
    incidents = open;
    return events;
  }

  int activeCount() {
    return active.size();
  }

  long withIncident() {
    return active.values().stream().filter(i -> Boolean.TRUE.equals(i.getHasIncident())).count();
  }

  int incidentCount() {
    return incidents.size();
  }

  List<Incident> incidents() {
    return List.copyOf(incidents.values());
  }
}
