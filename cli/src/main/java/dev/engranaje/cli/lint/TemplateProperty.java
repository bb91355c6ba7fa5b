package dev.engranaje.cli.lint;

import java.util.List;

/**
 * One bound property of an element template.
 *
 * @param id the property's id within the template, or {@code null}
 * @param label the label Modeler shows (or the binding, when there is none)
 * @param binding where the value is written in the BPMN
 * @param defaultValue the template's {@code value}, or {@code null}
 * @param notEmpty whether {@code constraints.notEmpty} requires a value
 * @param conditions when the property applies (all must hold); empty for always
 */
public record TemplateProperty(String id, String label, TemplateBinding binding, String defaultValue, boolean notEmpty,
    List<Condition> conditions) {

  public TemplateProperty {
    conditions = List.copyOf(conditions);
  }

  /**
   * A template {@code condition}: the property {@code property} equals one of {@code values}, or,
   * when {@code values} is empty, is active (has a value).
   */
  public record Condition(String property, List<String> values) {
    public Condition {
      values = List.copyOf(values);
    }
  }
}
