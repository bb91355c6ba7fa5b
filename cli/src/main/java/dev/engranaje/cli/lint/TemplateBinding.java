package dev.engranaje.cli.lint;

import java.util.Objects;

/**
 * Where a template property writes its value: {@code type} as in the template ({@code zeebe:input},
 * {@code zeebe:taskHeader}, {@code zeebe:taskDefinition}, {@code zeebe:output}, {@code
 * zeebe:property}, {@code property}) and the name, key, property or source it binds.
 */
public record TemplateBinding(String type, String name) {

  public TemplateBinding {
    Objects.requireNonNull(type, "type");
  }

  /** How messages name it, e.g. {@code zeebe:input 'url'}. */
  public String describe() {
    return type + " '" + name + "'";
  }
}
