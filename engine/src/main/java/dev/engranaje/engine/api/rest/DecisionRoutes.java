package dev.engranaje.engine.api.rest;

import dev.engranaje.engine.decision.EvaluatedDecision;
import dev.engranaje.engine.gateway.DecisionEvaluationResult;
import dev.engranaje.engine.gateway.EngineGateway;
import dev.engranaje.engine.gateway.EvaluateDecision;
import io.camunda.client.protocol.rest.DecisionEvaluationInstruction;
import io.camunda.client.protocol.rest.EvaluateDecisionResult;
import io.camunda.client.protocol.rest.EvaluatedDecisionInputItem;
import io.camunda.client.protocol.rest.EvaluatedDecisionOutputItem;
import io.camunda.client.protocol.rest.EvaluatedDecisionResult;
import io.camunda.client.protocol.rest.MatchedDecisionRuleItem;
import java.util.concurrent.CompletionStage;

/** {@code POST /v2/decision-definitions/evaluation}: evaluates a deployed decision by id or key. */
final class DecisionRoutes {
  private final EngineGateway gateway;

  DecisionRoutes(EngineGateway gateway) {
    this.gateway = gateway;
  }

  void register(Router router) {
    router.add("POST", "/v2/decision-definitions/evaluation", this::evaluate);
  }

  private CompletionStage<RestResponse> evaluate(RestRequest request) {
    DecisionEvaluationInstruction body = request.body(DecisionEvaluationInstruction.class);
    Long key = Json.parseKeyOrNull(body.getDecisionDefinitionKey(), "decisionDefinitionKey");
    String id = body.getDecisionDefinitionId();
    if (key == null && (id == null || id.isEmpty())) {
      throw RestRequest.badRequest("Expected either decisionDefinitionKey or decisionDefinitionId, but got neither");
    }
    if (key != null && id != null) {
      throw RestRequest.badRequest("Expected either decisionDefinitionKey or decisionDefinitionId, but got both");
    }
    EvaluateDecision command = new EvaluateDecision(id, key, Json.variablesToJson(body.getVariables()),
        ProcessInstanceRoutes.tenant(body.getTenantId()));
    return gateway.evaluateDecision(command).thenApply(result -> RestResponse.ok(toResponse(result)));
  }

  private static EvaluateDecisionResult toResponse(DecisionEvaluationResult result) {
    EvaluateDecisionResult response = new EvaluateDecisionResult();
    response.setDecisionDefinitionId(result.decisionId());
    response.setDecisionDefinitionName(result.decisionName());
    response.setDecisionDefinitionVersion(result.version());
    response.setDecisionDefinitionKey(Json.key(result.decisionKey()));
    response.setDecisionRequirementsId(result.decisionRequirementsId());
    response.setDecisionRequirementsKey(Json.key(result.decisionRequirementsKey()));
    response.setDecisionEvaluationKey(Json.key(result.decisionEvaluationKey()));
    response.setDecisionInstanceKey(Json.key(result.decisionEvaluationKey()));
    response.setOutput(result.output());
    response.setFailedDecisionDefinitionId(result.failedDecisionId());
    response.setFailureMessage(result.failureMessage());
    response.setTenantId(result.tenantId());
    response.setEvaluatedDecisions(result.evaluatedDecisions().stream()
        .map(decision -> evaluatedDecision(decision, result)).toList());
    return response;
  }

  private static EvaluatedDecisionResult evaluatedDecision(EvaluatedDecision decision, DecisionEvaluationResult result) {
    EvaluatedDecisionResult evaluated = new EvaluatedDecisionResult();
    evaluated.setDecisionDefinitionId(decision.decisionId());
    evaluated.setDecisionDefinitionName(decision.decisionName());
    evaluated.setDecisionDefinitionType(decision.decisionType());
    evaluated.setOutput(decision.output());
    evaluated.setTenantId(result.tenantId());
    if (decision.decisionId().equals(result.decisionId())) {
      evaluated.setDecisionDefinitionKey(Json.key(result.decisionKey()));
      evaluated.setDecisionDefinitionVersion(result.version());
    }
    evaluated.setEvaluatedInputs(decision.evaluatedInputs().stream().map(input -> {
      EvaluatedDecisionInputItem item = new EvaluatedDecisionInputItem();
      item.setInputId(input.inputId());
      item.setInputName(input.inputName());
      item.setInputValue(input.inputValue());
      return item;
    }).toList());
    evaluated.setMatchedRules(decision.matchedRules().stream().map(rule -> {
      MatchedDecisionRuleItem item = new MatchedDecisionRuleItem();
      item.setRuleId(rule.ruleId());
      item.setRuleIndex(rule.ruleIndex());
      item.setEvaluatedOutputs(rule.evaluatedOutputs().stream().map(output -> {
        EvaluatedDecisionOutputItem outputItem = new EvaluatedDecisionOutputItem();
        outputItem.setOutputId(output.outputId());
        outputItem.setOutputName(output.outputName());
        outputItem.setOutputValue(output.outputValue());
        return outputItem;
      }).toList());
      return item;
    }).toList());
    return evaluated;
  }
}
