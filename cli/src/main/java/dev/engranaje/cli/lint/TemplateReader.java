package dev.engranaje.cli.lint;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Reads the parts of an element template's JSON that lint uses. */
final class TemplateReader {

  private TemplateReader() {}

  static ElementTemplate read(String file, JsonNode node) {
    List<TemplateProperty> properties = new ArrayList<>();
    String jobType = null;
    for (JsonNode property : node.path("properties")) {
      JsonNode binding = property.path("binding");
      String type = binding.path("type").asText(null);
      if (type == null) {
        continue;
      }
      TemplateBinding bound = new TemplateBinding(type, bindingName(binding));
      String value = property.hasNonNull("value") ? property.get("value").asText() : null;
      if (type.equals("zeebe:taskDefinition") && "type".equals(bound.name())
          || type.equals("zeebe:taskDefinition:type")) {
        jobType = value;
      }
      String label = property.path("label").asText(bound.describe());
      properties.add(new TemplateProperty(property.path("id").asText(null), label, bound, value,
          property.path("constraints").path("notEmpty").asBoolean(false), conditions(property.path("condition"))));
    }
    return new ElementTemplate(file, node.get("id").asText(), node.path("version").asInt(0),
        node.path("name").asText(node.get("id").asText()), jobType, properties);
  }

  private static String bindingName(JsonNode binding) {
    for (String field : List.of("name", "key", "property", "source")) {
      if (binding.hasNonNull(field)) {
        return binding.get(field).asText();
      }
    }
    return binding.path("type").asText().equals("zeebe:taskDefinition:type") ? "type" : null;
  }

  private static List<TemplateProperty.Condition> conditions(JsonNode condition) {
    List<TemplateProperty.Condition> result = new ArrayList<>();
    if (condition.isMissingNode() || condition.isNull()) {
      return result;
    }
    if (condition.has("allMatch")) {
      condition.get("allMatch").forEach(c -> result.addAll(conditions(c)));
      return result;
    }
    List<String> values = new ArrayList<>();
    if (condition.has("equals")) {
      values.add(condition.get("equals").asText());
    }
    condition.path("oneOf").forEach(v -> values.add(v.asText()));
    result.add(new TemplateProperty.Condition(condition.path("property").asText(), values));
    return result;
  }
}
