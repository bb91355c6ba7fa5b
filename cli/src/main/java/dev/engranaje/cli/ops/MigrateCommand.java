package dev.engranaje.cli.ops;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.engranaje.cli.ExitCodes;
import dev.engranaje.cli.UserError;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.MigrateProcessInstanceCommandStep1.MigrateProcessInstanceCommandFinalStep;
import io.camunda.client.api.search.enums.ElementInstanceState;
import io.camunda.client.api.search.enums.ElementInstanceType;
import io.camunda.client.api.search.response.ElementInstance;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code rpa migrate KEY --to PROCESS_DEFINITION_KEY [--map SOURCE=TARGET ...]}. */
@Command(name = "migrate", mixinStandardHelpOptions = true,
    description = {"Move a running process instance to another process definition (usually a newer version):"
        + " each active element continues in the element it is mapped to, with its job, user task, timers,"
        + " message subscriptions and incidents.",
        "Active elements whose id also exists in the target are mapped to it automatically; --map maps the others"
            + " (or overrides). The engine checks the whole plan first; a refused plan changes nothing. What can"
            + " and cannot be migrated: docs/engine/repair.md.",
        "Exit codes: 0 migrated, 1 bad arguments, 2 refused by the engine (the message names the element),"
            + " 3 engine unreachable."})
public final class MigrateCommand extends OperatorCommand {
  @Parameters(index = "0", paramLabel = "KEY", description = "Process instance key.")
  long processInstanceKey;

  @Option(names = "--to", required = true, paramLabel = "PROCESS_DEFINITION_KEY",
      description = "The process definition to migrate to (see 'rpa processes').")
  long target;

  @Option(names = "--map", paramLabel = "SOURCE=TARGET", description = "Map element SOURCE to TARGET (repeatable).")
  List<String> maps = new ArrayList<>();

  @Option(names = "--json", description = "Print the mapping sent as JSON.")
  boolean json;

  @Override
  int call(CamundaClient client) {
    Map<String, String> explicit = new LinkedHashMap<>();
    for (String map : maps) {
      int eq = map.indexOf('=');
      if (eq <= 0 || eq == map.length() - 1) {
        throw new UserError("Expected --map SOURCE=TARGET, but got '" + map + "'");
      }
      explicit.put(map.substring(0, eq), map.substring(eq + 1));
    }
    Map<String, String> mapping = new LinkedHashMap<>(explicit);
    Set<String> automatic = new LinkedHashSet<>();
    Set<String> targetIds = elementIds(client);
    for (String active : activeElementIds(client)) {
      if (!mapping.containsKey(active) && targetIds.contains(active)) {
        mapping.put(active, active);
        automatic.add(active);
      }
    }
    if (mapping.isEmpty()) {
      throw new UserError("Expected at least one mapping, but no active element of process instance "
          + processInstanceKey + " exists in process definition " + target + "; map them with --map SOURCE=TARGET");
    }
    MigrateProcessInstanceCommandFinalStep command = null;
    for (Map.Entry<String, String> entry : mapping.entrySet()) {
      command = command == null
          ? client.newMigrateProcessInstanceCommand(processInstanceKey).migrationPlan(target)
              .addMappingInstruction(entry.getKey(), entry.getValue())
          : command.addMappingInstruction(entry.getKey(), entry.getValue());
    }
    command.send().join();
    return json ? printJson(mapping, automatic) : printText(mapping, automatic);
  }

  private List<String> activeElementIds(CamundaClient client) {
    List<ElementInstance> active = Pages.fetch(Integer.MAX_VALUE, page -> client.newElementInstanceSearchRequest()
        .filter(f -> f.processInstanceKey(processInstanceKey).state(ElementInstanceState.ACTIVE)).page(page)
        .send().join()).items();
    return active.stream().filter(element -> element.getType() != ElementInstanceType.PROCESS
        && element.getType() != ElementInstanceType.SEQUENCE_FLOW).map(ElementInstance::getElementId).distinct().toList();
  }

  private Set<String> elementIds(CamundaClient client) {
    String xml = client.newProcessDefinitionGetXmlRequest(target).send().join();
    Set<String> ids = new LinkedHashSet<>();
    Bpmn.readModelFromStream(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))
        .getModelElementsByType(FlowNode.class).forEach(node -> ids.add(node.getId()));
    return ids;
  }

  private int printText(Map<String, String> mapping, Set<String> automatic) {
    List<String> parts = new ArrayList<>();
    mapping.forEach((source, mapped) -> parts.add(source + " -> " + mapped + (automatic.contains(source) ? " (same id)" : "")));
    return done("Migrated process instance %d to process definition %d: %s%n", processInstanceKey, target,
        String.join(", ", parts));
  }

  private int printJson(Map<String, String> mapping, Set<String> automatic) {
    ObjectNode document = Listing.JSON.createObjectNode();
    document.put("processInstanceKey", String.valueOf(processInstanceKey));
    document.put("targetProcessDefinitionKey", String.valueOf(target));
    ArrayNode items = document.putArray("mappingInstructions");
    mapping.forEach((source, mapped) -> items.addObject().put("sourceElementId", source).put("targetElementId", mapped)
        .put("automatic", automatic.contains(source)));
    out().println(Listing.pretty(document));
    out().flush();
    return ExitCodes.OK;
  }
}
