package dev.engranaje.engine.decision;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.engranaje.engine.decision.EvaluatedDecision.EvaluatedInput;
import dev.engranaje.engine.decision.EvaluatedDecision.EvaluatedOutput;
import dev.engranaje.engine.decision.EvaluatedDecision.MatchedRule;
import dev.engranaje.engine.expression.FeelValues;
import java.util.ArrayList;
import java.util.List;
import org.camunda.dmn.Audit;
import org.camunda.dmn.parser.ParsedDecisionTable;
import org.camunda.dmn.parser.ParsedRule;
import org.camunda.feel.syntaxtree.Val;
import org.camunda.feel.valuemapper.ValueMapper;
import scala.jdk.javaapi.CollectionConverters;

/** Turns the DMN engine's audit log into {@link EvaluatedDecision}s with JSON values. */
final class AuditTrail {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final ValueMapper VALUES = ValueMapper.defaultValueMapper();

  private AuditTrail() {}

  static List<EvaluatedDecision> of(Audit.AuditLog log) {
    List<EvaluatedDecision> decisions = new ArrayList<>();
    for (Audit.AuditLogEntry entry : CollectionConverters.asJava(log.entries())) {
      Audit.EvaluationResult result = entry.result();
      if (result instanceof Audit.DecisionTableEvaluationResult table
          && entry.decisionLogic() instanceof ParsedDecisionTable parsedTable) {
        decisions.add(new EvaluatedDecision(entry.id(), entry.name(), "DECISION_TABLE", json(table.result()),
            inputs(table), matchedRules(table, parsedTable)));
      } else {
        decisions.add(new EvaluatedDecision(entry.id(), entry.name(), "LITERAL_EXPRESSION",
            result == null ? "null" : json(result.result()), List.of(), List.of()));
      }
    }
    return List.copyOf(decisions);
  }

  private static List<EvaluatedInput> inputs(Audit.DecisionTableEvaluationResult table) {
    List<EvaluatedInput> inputs = new ArrayList<>();
    for (Audit.EvaluatedInput input : CollectionConverters.asJava(table.inputs())) {
      inputs.add(new EvaluatedInput(input.input().id(), input.input().name(), json(input.value())));
    }
    return inputs;
  }

  private static List<MatchedRule> matchedRules(Audit.DecisionTableEvaluationResult table, ParsedDecisionTable parsed) {
    List<ParsedRule> rules = new ArrayList<>();
    CollectionConverters.asJava(parsed.rules()).forEach(rules::add);
    List<MatchedRule> matched = new ArrayList<>();
    for (Audit.EvaluatedRule rule : CollectionConverters.asJava(table.matchedRules())) {
      List<EvaluatedOutput> outputs = new ArrayList<>();
      for (Audit.EvaluatedOutput output : CollectionConverters.asJava(rule.outputs())) {
        outputs.add(new EvaluatedOutput(output.output().id(), output.output().name(), json(output.value())));
      }
      matched.add(new MatchedRule(rule.rule().id(), rules.indexOf(rule.rule()) + 1, outputs));
    }
    return matched;
  }

  /** A FEEL value or an unpacked result as JSON text; values without a JSON form become null. */
  static String json(Object value) {
    Object unpacked = value instanceof Val val ? VALUES.unpackVal(val) : value;
    try {
      return MAPPER.writeValueAsString(FeelValues.toJsonValue(unpacked));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Expected plain JSON values, but " + e.getMessage(), e);
    }
  }
}
