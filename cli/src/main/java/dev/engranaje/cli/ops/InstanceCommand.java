package dev.engranaje.cli.ops;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.engranaje.cli.UserError;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.enums.ElementInstanceType;
import io.camunda.client.api.search.response.ElementInstance;
import io.camunda.client.api.search.response.Incident;
import io.camunda.client.api.search.response.ProcessInstance;
import io.camunda.client.api.search.response.ProcessInstanceSequenceFlow;
import io.camunda.client.api.search.response.Variable;
import java.io.PrintWriter;
import java.util.List;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code rpa instance KEY}: everything about one process instance. */
@Command(name = "instance", mixinStandardHelpOptions = true,
    description = {"Show one process instance: its state, the element tree with states and times, the path"
        + " taken, its incidents and its variables. A part the engine does not offer yet is named, the rest shown.",
        "Exit codes: 0 shown, 1 bad arguments, 2 refused by the engine (e.g. no such instance), 3 engine unreachable."})
public final class InstanceCommand extends OperatorCommand {
  private static final int VALUE_WIDTH = 60;
  private static final int SECTION_LIMIT = 1_000;

  private static final List<Column<ElementTree.Row>> ELEMENTS = List.of(
      Column.wide("ELEMENT", "elementId", row -> "  ".repeat(row.depth()) + row.element().getElementId(), 50),
      Column.of("NAME", "elementName", row -> row.element().getElementName()),
      Column.of("TYPE", "type", row -> row.element().getType()),
      Column.of("STATE", "state", row -> row.element().getState()),
      Column.of("STARTED", "startDate", row -> row.element().getStartDate()),
      Column.of("ENDED", "endDate", row -> row.element().getEndDate()),
      Column.of("INCIDENT", "incidentKey", row -> row.element().getIncidentKey()),
      Column.of("KEY", "elementInstanceKey", row -> row.element().getElementInstanceKey()));

  @Parameters(index = "0", paramLabel = "KEY", description = "The process instance key.")
  long key;

  @Option(names = "--json", description = "Print JSON: {instance, elements (a tree: children), path, sequenceFlows,"
      + " incidents, variables, unavailable (what the engine does not offer)}.")
  boolean json;

  @Option(names = "--full", description = "Do not cut long variable values (fetch values the engine cut whole).")
  boolean full;

  @Override
  int call(CamundaClient client) {
    ProcessInstance instance = client.newProcessInstanceGetRequest(key).send().join();
    Section<List<ElementTree.Row>> elements = section(() -> new ElementTree(client, key).read());
    Section<List<ProcessInstanceSequenceFlow>> flows = section(() -> EngineFeatures.require("sequence flows",
        () -> client.newProcessInstanceSequenceFlowsRequest(key).send().join()));
    List<Incident> incidents = EngineFeatures.require("incident search", () -> Pages.fetch(SECTION_LIMIT,
        page -> client.newIncidentSearchRequest().filter(f -> f.processInstanceKey(key)).page(page).send().join())).items();
    List<Variable> variables = EngineFeatures.require("variable search", () -> Pages.fetch(SECTION_LIMIT,
        page -> client.newVariableSearchRequest().filter(f -> f.processInstanceKey(key)).page(page).send().join())).items();
    if (full) {
      variables = FullValues.of(client, variables);
    }
    if (json) {
      printJson(instance, elements, flows, incidents, variables);
    } else {
      printText(instance, elements, flows, incidents, variables);
    }
    out().flush();
    return 0;
  }

  /** A part of the answer, or why the engine could not give it. */
  private record Section<T>(T value, String unavailable) {}

  private static <T> Section<T> section(Supplier<T> read) {
    try {
      return new Section<>(read.get(), null);
    } catch (UserError notOffered) {
      return new Section<>(null, notOffered.getMessage());
    }
  }

  /** The elements entered, in start order, without sequence flows and the scopes around them. */
  static List<String> path(List<ElementTree.Row> rows) {
    return ElementTree.flatten(rows).stream().map(ElementTree.Row::element)
        .filter(element -> element.getType() != ElementInstanceType.SEQUENCE_FLOW
            && element.getType() != ElementInstanceType.MULTI_INSTANCE_BODY)
        .sorted(java.util.Comparator.comparing(ElementInstance::getStartDate,
            java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder())))
        .map(ElementInstance::getElementId).toList();
  }

  /** The BPMN ids of the flows taken (the API's sequenceFlowId may be a composite record id). */
  private static List<String> flowIds(List<ProcessInstanceSequenceFlow> flows) {
    return flows.stream()
        .map(flow -> flow.getElementId() != null ? flow.getElementId() : flow.getSequenceFlowId())
        .distinct().toList();
  }

  private void printText(ProcessInstance instance, Section<List<ElementTree.Row>> elements,
      Section<List<ProcessInstanceSequenceFlow>> flows, List<Incident> incidents, List<Variable> variables) {
    PrintWriter out = out();
    out.printf("Process instance %d of '%s' version %d: %s%s%n", instance.getProcessInstanceKey(),
        instance.getProcessDefinitionId(), instance.getProcessDefinitionVersion(), instance.getState(),
        Boolean.TRUE.equals(instance.getHasIncident()) ? ", with incident" : "");
    out.printf("  started %s%s%s%n", times.table(instance.getStartDate()),
        instance.getEndDate() == null ? "" : ", ended " + times.table(instance.getEndDate()),
        instance.getParentProcessInstanceKey() == null ? "" : ", called by instance " + instance.getParentProcessInstanceKey());
    out.println();
    out.println("Elements");
    if (elements.unavailable() != null) {
      out.println("  " + elements.unavailable());
    } else {
      new Listing<>(ELEMENTS, times).print(out, false, ElementTree.flatten(elements.value()), -1, "elements");
      out.println();
      out.println("Path taken: " + String.join(" -> ", path(elements.value())));
    }
    if (flows.value() != null && !flows.value().isEmpty()) {
      out.println("Sequence flows taken: " + String.join(", ", flowIds(flows.value())));
    }
    out.println();
    out.println("Incidents");
    new Listing<>(IncidentsCommand.COLUMNS, times).print(out, false, incidents, -1, "incidents");
    out.println();
    out.println("Variables");
    new Listing<>(VariablesCommand.columns(full ? Integer.MAX_VALUE : VALUE_WIDTH), times)
        .print(out, false, variables, -1, "variables");
  }

  private void printJson(ProcessInstance instance, Section<List<ElementTree.Row>> elements,
      Section<List<ProcessInstanceSequenceFlow>> flows, List<Incident> incidents, List<Variable> variables) {
    ObjectNode document = Listing.JSON.createObjectNode();
    document.set("instance", new Listing<>(InstanceColumns.INSTANCE, times).jsonRow(instance));
    ArrayNode unavailable = Listing.JSON.createArrayNode();
    if (elements.unavailable() != null) {
      document.putNull("elements");
      document.putNull("path");
      unavailable.add(elements.unavailable());
    } else {
      document.set("elements", tree(elements.value()));
      document.set("path", Listing.jsonValue(path(elements.value())));
    }
    if (flows.unavailable() != null) {
      document.putNull("sequenceFlows");
      unavailable.add(flows.unavailable());
    } else {
      document.set("sequenceFlows", Listing.jsonValue(flowIds(flows.value())));
    }
    document.set("incidents", rows(IncidentsCommand.COLUMNS, incidents));
    document.set("variables", rows(VariablesCommand.columns(Integer.MAX_VALUE), variables));
    document.set("unavailable", unavailable);
    out().println(Listing.pretty(document));
  }

  private ArrayNode tree(List<ElementTree.Row> rows) {
    Listing<ElementTree.Row> listing = new Listing<>(ELEMENTS.subList(1, ELEMENTS.size()), times);
    ArrayNode array = Listing.JSON.createArrayNode();
    for (ElementTree.Row row : rows) {
      ObjectNode node = Listing.JSON.createObjectNode();
      node.put("elementId", row.element().getElementId());
      node.setAll(listing.jsonRow(row));
      node.set("children", tree(row.children()));
      array.add(node);
    }
    return array;
  }

  private <T> ArrayNode rows(List<Column<T>> columns, List<T> items) {
    Listing<T> listing = new Listing<>(columns, times);
    ArrayNode array = Listing.JSON.createArrayNode();
    items.forEach(item -> array.add(listing.jsonRow(item)));
    return array;
  }
}
