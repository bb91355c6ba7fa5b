package dev.engranaje.cli.lint;

import java.util.List;
import java.util.Objects;

/**
 * What lint needs from one Camunda Modeler element template.
 *
 * @param file the template file's name, for messages
 * @param id the template id, matched against a task's {@code zeebe:modelerTemplate}
 * @param version the template version, matched against {@code zeebe:modelerTemplateVersion}
 * @param name the label Modeler shows
 * @param jobType the job type it sets (its hidden {@code zeebe:taskDefinition type}), or {@code null}
 * @param properties its properties that bind a value
 */
public record ElementTemplate(String file, String id, int version, String name, String jobType,
    List<TemplateProperty> properties) {

  public ElementTemplate {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(id, "id");
    properties = List.copyOf(properties);
  }

  /** The property with the given template-local id, or {@code null}. */
  public TemplateProperty property(String propertyId) {
    return properties.stream().filter(p -> propertyId.equals(p.id())).findFirst().orElse(null);
  }
}
