package dev.engranaje.cli.ops;

import static dev.engranaje.cli.ops.Filters.ifSet;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.enums.IncidentState;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.search.response.Incident;
import io.camunda.client.api.search.response.ProcessInstance;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code rpa watch}: a live view of instances moving and incidents as they happen. */
@Command(name = "watch", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Watch the engine: polls the active instances and open incidents every --interval and prints"
        + " each change as it is seen (instance started or ended, incident raised or resolved), with a summary"
        + " first. Runs until Ctrl-C (or --polls).",
        "Exit codes: 0 stopped, 1 bad arguments, 2 refused by the engine, 3 engine unreachable."})
public final class WatchCommand extends OperatorCommand {
  private static final int MAX_ACTIVE = ListingOptions.MAX_LIMIT;

  @Option(names = "--process", paramLabel = "ID", description = "Only this BPMN process id.")
  String processId;

  @Option(names = "--interval", paramLabel = "DURATION", defaultValue = "PT2S",
      description = "Time between polls (ISO-8601, default: ${DEFAULT-VALUE}).")
  Duration interval;

  @Option(names = "--polls", paramLabel = "N", defaultValue = "0",
      description = "Stop after N polls (default: ${DEFAULT-VALUE}, until Ctrl-C).")
  int polls;

  @Option(names = "--json", description = "One JSON object per line and change:"
      + " {time, event (STARTED, ENDED, INCIDENT, RESOLVED), processInstanceKey, processDefinitionId, elementId, detail}.")
  boolean json;

  @Override
  int call(CamundaClient client) throws InterruptedException {
    if (interval.isNegative() || interval.isZero()) {
      throw new dev.engranaje.cli.UserError("Expected a positive --interval, but got " + interval);
    }
    WatchState state = new WatchState();
    for (int poll = 1; polls == 0 || poll <= polls; poll++) {
      List<WatchState.Event> events = state.update(activeInstances(client), openIncidents(client));
      if (poll == 1) {
        summary(state);
      }
      for (WatchState.Event event : events) {
        print(event.kind() == WatchState.Kind.ENDED ? withEndState(client, event) : event);
      }
      out().flush();
      if (polls == 0 || poll < polls) {
        Thread.sleep(interval.toMillis());
      }
    }
    return 0;
  }

  private List<ProcessInstance> activeInstances(CamundaClient client) {
    return EngineFeatures.require("process instance search", () -> Pages.fetch(MAX_ACTIVE,
        page -> client.newProcessInstanceSearchRequest().filter(filter -> {
          filter.state(ProcessInstanceState.ACTIVE);
          ifSet(processId, filter::processDefinitionId);
        }).page(page).send().join())).items();
  }

  private List<Incident> openIncidents(CamundaClient client) {
    return EngineFeatures.require("incident search", () -> Pages.fetch(MAX_ACTIVE,
        page -> client.newIncidentSearchRequest().filter(filter -> {
          filter.state(IncidentState.ACTIVE);
          ifSet(processId, filter::processDefinitionId);
        }).page(page).send().join())).items();
  }

  /** An instance that left the active set: completed or terminated, as the engine says now. */
  private WatchState.Event withEndState(CamundaClient client, WatchState.Event ended) {
    try {
      ProcessInstance instance = client.newProcessInstanceGetRequest(ended.processInstanceKey()).send().join();
      return new WatchState.Event(ended.kind(), ended.processInstanceKey(), ended.processDefinitionId(), null,
          String.valueOf(instance.getState()));
    } catch (RuntimeException gone) {
      return ended;
    }
  }

  private void summary(WatchState state) {
    if (json) {
      return;
    }
    out().printf("%s  watching %s: %d active instance%s (%d with an incident), %d open incident%s; every %s, Ctrl-C stops%n",
        times.table(times.now()), processId == null ? "all processes" : "'" + processId + "'",
        state.activeCount(), state.activeCount() == 1 ? "" : "s", state.withIncident(), state.incidentCount(),
        state.incidentCount() == 1 ? "" : "s", interval);
    for (Incident incident : state.incidents()) {
      out().printf("  open incident %d on instance %d, element '%s': %s%n", incident.getIncidentKey(),
          incident.getProcessInstanceKey(), incident.getElementId(), Listing.cut(String.valueOf(incident.getErrorMessage()), 100));
    }
  }

  private void print(WatchState.Event event) {
    OffsetDateTime now = times.now();
    if (json) {
      var node = Listing.JSON.createObjectNode();
      node.put("time", now.toString());
      node.put("event", event.kind().name());
      node.set("processInstanceKey", Listing.jsonValue(event.processInstanceKey()));
      node.put("processDefinitionId", event.processDefinitionId());
      node.put("elementId", event.elementId());
      node.put("detail", event.detail());
      out().println(node.toString());
      return;
    }
    out().printf("%s  %-8s instance %d of '%s'%s%s%n", times.table(now), event.kind().name().toLowerCase(),
        event.processInstanceKey(), event.processDefinitionId(),
        event.elementId() == null ? "" : " at '" + event.elementId() + "'",
        event.detail() == null ? "" : ": " + Listing.cut(event.detail(), 120));
  }
}
