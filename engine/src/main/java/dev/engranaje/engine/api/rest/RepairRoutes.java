package dev.engranaje.engine.api.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.engranaje.engine.gateway.EngineGateway;
import dev.engranaje.engine.gateway.MigrateProcessInstance;
import dev.engranaje.engine.gateway.ModifyProcessInstance;
import dev.engranaje.engine.gateway.ModifyProcessInstance.Activation;
import dev.engranaje.engine.gateway.ModifyProcessInstance.AncestorSelection;
import dev.engranaje.engine.gateway.ModifyProcessInstance.Move;
import dev.engranaje.engine.gateway.ModifyProcessInstance.Termination;
import dev.engranaje.engine.gateway.ModifyProcessInstance.VariableInstruction;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletionStage;

/**
 * Repairing a running instance: {@code POST /v2/process-instances/{key}/modification} and {@code
 * POST /v2/process-instances/{key}/migration}, with the bodies camunda-client-java 8.9 sends
 * ({@code ProcessInstanceModificationInstruction}, {@code ProcessInstanceMigrationInstruction}).
 * Bodies are read as JSON trees because their instructions are one-of shapes (terminate by key or by
 * id, move source by id or by key, three ancestor kinds). Both answer 204 once applied.
 */
final class RepairRoutes {
  private final EngineGateway gateway;

  RepairRoutes(EngineGateway gateway) {
    this.gateway = gateway;
  }

  void register(Router router) {
    router.add("POST", "/v2/process-instances/{key}/modification", this::modify);
    router.add("POST", "/v2/process-instances/{key}/migration", this::migrate);
  }

  private CompletionStage<RestResponse> modify(RestRequest request) {
    long key = request.key("key");
    JsonNode body = Json.readTree(request.body());
    List<Activation> activations = new ArrayList<>();
    for (JsonNode node : array(body, "activateInstructions")) {
      activations.add(new Activation(requiredText(node, "elementId", "activate instruction"),
          optionalKey(node, "ancestorElementInstanceKey"), variableInstructions(node)));
    }
    List<Termination> terminations = new ArrayList<>();
    for (JsonNode node : array(body, "terminateInstructions")) {
      long instanceKey = optionalKey(node, "elementInstanceKey");
      String elementId = text(node, "elementId");
      if (instanceKey <= 0 && elementId == null) {
        throw RestRequest.badRequest("Expected a terminate instruction with an elementInstanceKey or an elementId,"
            + " but got neither");
      }
      terminations.add(instanceKey > 0 ? new Termination(instanceKey, null) : new Termination(null, elementId));
    }
    List<Move> moves = new ArrayList<>();
    for (JsonNode node : array(body, "moveInstructions")) {
      moves.add(move(node));
    }
    String what = "modified: " + activations.size() + " activated, " + terminations.size() + " terminated, "
        + moves.size() + " moved";
    return new OperatorAudit(gateway).record(request, "MODIFY", "PROCESS_INSTANCE", key,
        gateway.modifyProcessInstance(new ModifyProcessInstance(key, activations, terminations, moves)), what)
        .thenApply(ignored -> RestResponse.noContent());
  }

  private static Move move(JsonNode node) {
    String target = requiredText(node, "targetElementId", "move instruction");
    JsonNode source = node.get("sourceElementInstruction");
    if (source == null || !source.isObject()) {
      throw RestRequest.badRequest("Expected a move instruction with a sourceElementInstruction, but got none");
    }
    long sourceKey = optionalKey(source, "sourceElementInstanceKey");
    String sourceId = text(source, "sourceElementId");
    if (sourceKey <= 0 && sourceId == null) {
      throw RestRequest.badRequest("Expected a sourceElementInstruction with a sourceElementId or a"
          + " sourceElementInstanceKey, but got neither");
    }
    return new Move(sourceKey > 0 ? null : sourceId, sourceKey > 0 ? sourceKey : null, target,
        ancestor(node.get("ancestorScopeInstruction")), variableInstructions(node));
  }

  private static AncestorSelection ancestor(JsonNode node) {
    if (node == null || node.isNull()) {
      return AncestorSelection.none();
    }
    String type = text(node, "ancestorScopeType");
    long key = optionalKey(node, "ancestorElementInstanceKey");
    String kind = type == null ? (key > 0 ? "direct" : "") : type.toLowerCase(Locale.ROOT);
    return switch (kind) {
      // the client sends "direct" without a key (or -1) for a move that names no ancestor
      case "direct" -> key > 0 ? new AncestorSelection(AncestorSelection.Kind.DIRECT, key) : AncestorSelection.none();
      case "inferred" -> new AncestorSelection(AncestorSelection.Kind.INFERRED, -1);
      case "sourceparent" -> new AncestorSelection(AncestorSelection.Kind.SOURCE_PARENT, -1);
      default -> throw RestRequest.badRequest("Expected ancestorScopeType to be 'direct', 'inferred' or"
          + " 'sourceParent', but got '" + ProblemDetails.echo(String.valueOf(type)) + "'");
    };
  }

  private CompletionStage<RestResponse> migrate(RestRequest request) {
    long key = request.key("key");
    JsonNode body = Json.readTree(request.body());
    long target = optionalKey(body, "targetProcessDefinitionKey");
    if (target <= 0) {
      throw RestRequest.badRequest("Expected a targetProcessDefinitionKey, but none was given");
    }
    List<MigrateProcessInstance.Mapping> mappings = new ArrayList<>();
    for (JsonNode node : array(body, "mappingInstructions")) {
      mappings.add(new MigrateProcessInstance.Mapping(requiredText(node, "sourceElementId", "mapping instruction"),
          requiredText(node, "targetElementId", "mapping instruction")));
    }
    return new OperatorAudit(gateway).record(request, "MIGRATE", "PROCESS_INSTANCE", key,
        gateway.migrateProcessInstance(new MigrateProcessInstance(key, target, mappings)),
        "migrated to process definition " + target + " with " + mappings.size() + " mapping instructions")
        .thenApply(ignored -> RestResponse.noContent());
  }

  private static List<VariableInstruction> variableInstructions(JsonNode node) {
    List<VariableInstruction> instructions = new ArrayList<>();
    for (JsonNode instruction : array(node, "variableInstructions")) {
      JsonNode variables = instruction.get("variables");
      if (variables != null && !variables.isNull() && !variables.isObject()) {
        throw RestRequest.badRequest("Expected the variables of a variable instruction to be a JSON object, but got "
            + Json.describe(variables.asToken()));
      }
      instructions.add(new VariableInstruction(text(instruction, "scopeId"),
          variables == null || variables.isNull() ? "{}" : variables.toString()));
    }
    return instructions;
  }

  private static List<JsonNode> array(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return List.of();
    }
    if (!value.isArray()) {
      throw RestRequest.badRequest("Expected " + field + " to be an array, but got " + Json.describe(value.asToken()));
    }
    List<JsonNode> items = new ArrayList<>();
    for (JsonNode item : value) {
      if (!item.isObject()) {
        throw RestRequest.badRequest("Expected every item of " + field + " to be an object, but got "
            + Json.describe(item.asToken()));
      }
      items.add(item);
    }
    return items;
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() || value.asText().isEmpty() ? null : value.asText();
  }

  private static String requiredText(JsonNode node, String field, String what) {
    String value = text(node, field);
    if (value == null) {
      throw RestRequest.badRequest("Expected a " + what + " with a " + field + ", but got none");
    }
    return value;
  }

  /** A key sent as a JSON string or number; absent, null or negative (the client's "none") is -1. */
  private static long optionalKey(JsonNode node, String field) {
    String value = text(node, field);
    if (value == null) {
      return -1;
    }
    long key = Json.parseKey(value, field);
    return key > 0 ? key : -1;
  }
}
