package dev.engranaje.cli.lint.rules;

import dev.engranaje.cli.lint.TemplateBinding;
import io.camunda.zeebe.model.bpmn.instance.BaseElement;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeHeader;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeInput;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeIoMapping;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeOutput;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeProperties;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeProperty;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskHeaders;

/** Reads the value a template binding wrote into a task, as Camunda Modeler writes it. */
final class TaskValues {

  private TaskValues() {}

  /** The bound value, or {@code null} when the task has none. */
  static String read(BaseElement task, TemplateBinding binding) {
    return switch (binding.type()) {
      case "zeebe:input" -> input(task, binding.name());
      case "zeebe:output" -> output(task, binding.name());
      case "zeebe:taskHeader" -> header(task, binding.name());
      case "zeebe:taskDefinition", "zeebe:taskDefinition:type" -> taskDefinition(task, binding.name());
      case "zeebe:property" -> property(task, binding.name());
      case "property" -> task.getAttributeValue(binding.name());
      default -> null;
    };
  }

  private static String input(BaseElement task, String name) {
    ZeebeIoMapping mapping = ModelElements.extension(task, ZeebeIoMapping.class);
    return mapping == null ? null : mapping.getInputs().stream().filter(i -> name.equals(i.getTarget()))
        .map(ZeebeInput::getSource).findFirst().orElse(null);
  }

  private static String output(BaseElement task, String source) {
    ZeebeIoMapping mapping = ModelElements.extension(task, ZeebeIoMapping.class);
    return mapping == null ? null : mapping.getOutputs().stream().filter(o -> source.equals(o.getSource()))
        .map(ZeebeOutput::getTarget).findFirst().orElse(null);
  }

  private static String header(BaseElement task, String key) {
    ZeebeTaskHeaders headers = ModelElements.extension(task, ZeebeTaskHeaders.class);
    return headers == null ? null : headers.getHeaders().stream().filter(h -> key.equals(h.getKey()))
        .map(ZeebeHeader::getValue).findFirst().orElse(null);
  }

  private static String taskDefinition(BaseElement task, String property) {
    ZeebeTaskDefinition definition = ModelElements.extension(task, ZeebeTaskDefinition.class);
    if (definition == null) {
      return null;
    }
    return "retries".equals(property) ? definition.getRetries() : definition.getType();
  }

  private static String property(BaseElement task, String name) {
    ZeebeProperties properties = ModelElements.extension(task, ZeebeProperties.class);
    return properties == null ? null : properties.getProperties().stream().filter(p -> name.equals(p.getName()))
        .map(ZeebeProperty::getValue).findFirst().orElse(null);
  }
}
