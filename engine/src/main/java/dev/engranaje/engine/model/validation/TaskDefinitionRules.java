package dev.engranaje.engine.model.validation;

import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.FlowElement;
import io.camunda.zeebe.model.bpmn.instance.MessageEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.SendTask;
import io.camunda.zeebe.model.bpmn.instance.ServiceTask;
import io.camunda.zeebe.model.bpmn.instance.ThrowEvent;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeHeader;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskHeaders;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Job-based elements (service and send tasks, message throw and end events): task definition, retries and headers (spec 1.2
 * "Required attributes" and "Headers", spec 4). FEEL values are checked by {@link ExpressionRules}.
 */
final class TaskDefinitionRules implements ModelRule {

  static final String MISSING_TASK_DEFINITION =
      "Expected a 'zeebe:taskDefinition' with a non-empty 'type', but none was found";
  static final String EMPTY_TASK_TYPE =
      "Expected a 'zeebe:taskDefinition' with a non-empty 'type', but the 'type' was empty";
  static final String INVALID_RETRIES =
      "Expected 'retries' of 'zeebe:taskDefinition' to be a number or a FEEL expression starting"
          + " with '=', but it was '%s'";
  static final String EMPTY_HEADER_KEY =
      "Expected every task header to have a non-empty 'key', but one was empty";
  static final String DUPLICATE_HEADER_KEY =
      "Expected unique task header keys, but '%s' occurs %d times";
  static final String RESERVED_HEADER_KEY =
      "Expected task header keys not to start with '" + TaskDefinitionRules.RESERVED_PREFIX
          + "', but found '%s'";

  static final String RESERVED_PREFIX = "io.camunda.zeebe:";
  private static final Pattern WHOLE_NUMBER = Pattern.compile("\\s*[+-]?\\d+\\s*");

  @Override
  public void check(BpmnModelInstance model, Findings findings) {
    for (FlowElement element : Elements.flowElements(model)) {
      if (element instanceof ServiceTask || element instanceof SendTask || isMessageThrowEvent(element)) {
        checkTaskDefinition(element, findings);
        checkHeaders(element, findings);
      }
    }
  }

  /** Message intermediate throw and end events are implemented by a job worker (spec §4). */
  private static boolean isMessageThrowEvent(FlowElement element) {
    return element instanceof ThrowEvent
        && Elements.eventDefinitions(element).stream().anyMatch(MessageEventDefinition.class::isInstance);
  }

  private static void checkTaskDefinition(FlowElement task, Findings findings) {
    String id = Elements.id(task);
    ZeebeTaskDefinition definition = Elements.firstExtension(task, ZeebeTaskDefinition.class);
    if (definition == null) {
      findings.add(id, MISSING_TASK_DEFINITION);
      return;
    }
    if (Elements.isBlank(definition.getType())) {
      findings.add(id, EMPTY_TASK_TYPE);
    }
    String retries = definition.getAttributeValue("retries");
    if (retries != null
        && !FeelExpressions.isExpression(retries)
        && !WHOLE_NUMBER.matcher(retries).matches()) {
      findings.add(id, INVALID_RETRIES, retries);
    }
  }

  private static void checkHeaders(FlowElement task, Findings findings) {
    String id = Elements.id(task);
    ZeebeTaskHeaders headers = Elements.firstExtension(task, ZeebeTaskHeaders.class);
    if (headers == null) {
      return;
    }
    Map<String, Integer> counts = new HashMap<>();
    for (ZeebeHeader header : headers.getHeaders()) {
      String key = header.getKey();
      if (Elements.isBlank(key)) {
        findings.add(id, EMPTY_HEADER_KEY);
        continue;
      }
      counts.merge(key, 1, Integer::sum);
      if (key.startsWith(RESERVED_PREFIX)) {
        findings.add(id, RESERVED_HEADER_KEY, key);
      }
    }
    headers.getHeaders().stream()
        .map(ZeebeHeader::getKey)
        .filter(key -> counts.getOrDefault(key, 0) > 1)
        .distinct()
        .forEach(key -> findings.add(id, DUPLICATE_HEADER_KEY, key, counts.get(key)));
  }
}
