package dev.engranaje.cli.ops;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.engranaje.cli.ExitCodes;
import dev.engranaje.cli.UserError;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ModifyProcessInstanceCommandStep1;
import io.camunda.client.api.command.ModifyProcessInstanceCommandStep1.ModifyProcessInstanceCommandStep2;
import io.camunda.client.api.command.ModifyProcessInstanceCommandStep1.ModifyProcessInstanceCommandStep3;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code rpa modify KEY --activate ELEMENT [--variables JSON] --terminate ELEMENT_INSTANCE_KEY ...}. */
@Command(name = "modify", mixinStandardHelpOptions = true,
    description = {"Repair a running process instance in one step (Zeebe's process instance modification):"
        + " activate elements, move tokens, terminate element instances. The engine checks every instruction"
        + " first; if one is refused, nothing changes.",
        "Each --activate may be followed by its own --variables (created in the process instance, or with"
            + " --scope in the instance of that element) and --ancestor. A termination that leaves a subprocess or"
            + " the instance without active elements terminates it too. See docs/engine/repair.md.",
        "Exit codes: 0 modified, 1 bad arguments, 2 refused by the engine (the message names the element),"
            + " 3 engine unreachable."})
public final class ModifyCommand extends OperatorCommand {
  private static final TypeReference<LinkedHashMap<String, Object>> OBJECT = new TypeReference<>() {};

  @Parameters(index = "0", paramLabel = "KEY", description = "Process instance key.")
  long processInstanceKey;

  @ArgGroup(exclusive = false, multiplicity = "0..*")
  List<Activation> activations = new ArrayList<>();

  @Option(names = "--terminate", paramLabel = "ELEMENT_INSTANCE_KEY",
      description = "Terminate this element instance (repeatable).")
  List<Long> terminations = new ArrayList<>();

  @Option(names = "--terminate-element", paramLabel = "ELEMENT_ID",
      description = "Terminate every active instance of this element (repeatable).")
  List<String> terminatedElements = new ArrayList<>();

  @Option(names = "--move", paramLabel = "SOURCE=TARGET",
      description = "Move every active instance of element SOURCE to element TARGET (repeatable).")
  List<String> moves = new ArrayList<>();

  @Option(names = "--json", description = "Print what was sent as JSON.")
  boolean json;

  /** One --activate with the options that belong to it. */
  static final class Activation {
    @Option(names = "--activate", required = true, paramLabel = "ELEMENT_ID", description = "Activate this element.")
    String elementId;

    @Option(names = "--variables", paramLabel = "JSON", description = "Variables (a JSON object) for this activation.")
    String variables;

    @Option(names = "--scope", paramLabel = "ELEMENT_ID", description = "The element (this one or an enclosing"
        + " subprocess) whose instance gets the variables; default: the process instance.")
    String scope;

    @Option(names = "--ancestor", paramLabel = "ELEMENT_INSTANCE_KEY", description = "Activate inside this instance"
        + " of an enclosing subprocess (needed when it has more than one).")
    Long ancestor;
  }

  @Override
  int call(CamundaClient client) {
    if (activations.isEmpty() && terminations.isEmpty() && terminatedElements.isEmpty() && moves.isEmpty()) {
      throw new UserError("Expected at least one --activate, --move, --terminate or --terminate-element, but got none");
    }
    ModifyProcessInstanceCommandStep1 first = client.newModifyProcessInstanceCommand(processInstanceKey);
    ModifyProcessInstanceCommandStep2 command = null;
    for (Activation activation : activations) {
      ModifyProcessInstanceCommandStep1 step = command == null ? first : command.and();
      ModifyProcessInstanceCommandStep3 activated = activation.ancestor == null ? step.activateElement(activation.elementId)
          : step.activateElement(activation.elementId, activation.ancestor);
      if (activation.variables != null) {
        Map<String, Object> variables = parse(activation.variables);
        activated = activation.scope == null ? activated.withVariables(variables)
            : activated.withVariables(variables, activation.scope);
      } else if (activation.scope != null) {
        throw new UserError("Expected --variables with --scope '" + activation.scope + "', but got none");
      }
      command = activated;
    }
    for (String move : moves) {
      int eq = move.indexOf('=');
      if (eq <= 0 || eq == move.length() - 1) {
        throw new UserError("Expected --move SOURCE=TARGET, but got '" + move + "'");
      }
      command = (command == null ? first : command.and()).moveElements(move.substring(0, eq), move.substring(eq + 1));
    }
    for (long key : terminations) {
      command = (command == null ? first : command.and()).terminateElement(key);
    }
    for (String elementId : terminatedElements) {
      command = (command == null ? first : command.and()).terminateElements(elementId);
    }
    command.send().join();
    return json ? printJson() : printText();
  }

  private static Map<String, Object> parse(String variables) {
    try {
      return Listing.JSON.readValue(variables, OBJECT);
    } catch (JsonProcessingException e) {
      throw new UserError("Expected --variables to be a JSON object, but got '" + variables + "': "
          + e.getOriginalMessage());
    }
  }

  private int printText() {
    List<String> parts = new ArrayList<>();
    activations.forEach(a -> parts.add("activated " + a.elementId));
    moves.forEach(m -> parts.add("moved " + m.replace("=", " to ")));
    terminations.forEach(k -> parts.add("terminated element instance " + k));
    terminatedElements.forEach(e -> parts.add("terminated every instance of " + e));
    return done("Modified process instance %d: %s%n", processInstanceKey, String.join("; ", parts));
  }

  private int printJson() {
    ObjectNode document = Listing.JSON.createObjectNode();
    document.put("processInstanceKey", String.valueOf(processInstanceKey));
    ArrayNode activated = document.putArray("activated");
    for (Activation activation : activations) {
      ObjectNode item = activated.addObject().put("elementId", activation.elementId);
      if (activation.ancestor != null) {
        item.put("ancestorElementInstanceKey", String.valueOf(activation.ancestor));
      }
      if (activation.variables != null) {
        item.set("variables", Listing.JSON.valueToTree(parse(activation.variables)));
        item.put("scope", activation.scope);
      }
    }
    ArrayNode moved = document.putArray("moved");
    moves.forEach(m -> moved.addObject().put("sourceElementId", m.substring(0, m.indexOf('=')))
        .put("targetElementId", m.substring(m.indexOf('=') + 1)));
    ArrayNode terminated = document.putArray("terminated");
    terminations.forEach(k -> terminated.add(String.valueOf(k)));
    ArrayNode terminatedAll = document.putArray("terminatedElements");
    terminatedElements.forEach(terminatedAll::add);
    out().println(Listing.pretty(document));
    out().flush();
    return ExitCodes.OK;
  }
}
