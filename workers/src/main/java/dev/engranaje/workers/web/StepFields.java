package dev.engranaje.workers.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * The fields of one step while it is parsed; every error names the step's index, kind and field.
 * A step written as a scalar or a list (e.g. {@code click: css=#go}) means its primary field.
 *
 * <p>Not thread-safe; one per step.
 */
final class StepFields {
  static final String MISSING_FIELD = "Expected step %d (%s) to have field '%s', but it is missing";
  static final String BAD_FIELD = "Expected step %d (%s) field '%s' to be %s, but it is %s";
  static final String UNKNOWN_FIELD = "Expected step %d (%s) to have only the fields %s, but it has '%s'";
  static final String SECRET_MISPLACED =
      "Expected secrets only in the text of a type step, but step %d (%s) field '%s' references one;"
          + " secrets are only typed into fields, so they never reach URLs, selectors, logs or file names";

  private final int index;
  private final String kind;
  private final ObjectNode node;

  StepFields(int index, String kind, JsonNode value, String primaryField) {
    this.index = index;
    this.kind = kind;
    if (value.isObject()) {
      this.node = (ObjectNode) value;
    } else {
      this.node = JsonNodeFactory.instance.objectNode();
      node.set(primaryField, value);
    }
  }

  int index() {
    return index;
  }

  boolean has(String field) {
    JsonNode value = node.get(field);
    return value != null && !value.isNull();
  }

  /** Refuses fields the step kind does not know, so a typo is not silently ignored. */
  StepFields allowOnly(Set<String> fields) {
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!fields.contains(name)) {
        throw invalid(String.format(UNKNOWN_FIELD, index, kind, new java.util.TreeSet<>(fields), name));
      }
    }
    return this;
  }

  String requiredString(String field) {
    String value = optionalString(field);
    if (value == null) {
      throw invalid(String.format(MISSING_FIELD, index, kind, field));
    }
    return value;
  }

  String optionalString(String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isValueNode() || value.asText().isBlank()) {
      throw invalid(String.format(BAD_FIELD, index, kind, field, "a non-empty text", describe(value)));
    }
    String text = value.asText();
    if (text.contains("{{") && text.replace(" ", "").contains("{{secrets.") && !(kind.equals("type") && field.equals("text"))) {
      throw invalid(String.format(SECRET_MISPLACED, index, kind, field));
    }
    return text;
  }

  /** A name made of letters, digits, '_', '-' and '.', safe as an output key and in file names. */
  String name(String field, boolean required) {
    String value = required ? requiredString(field) : optionalString(field);
    if (value != null && !value.matches("[A-Za-z0-9_.-]{1,64}")) {
      throw invalid(String.format(BAD_FIELD, index, kind, field, "a name of letters, digits, '_', '-' or '.'", "'" + value + "'"));
    }
    return value;
  }

  Target requiredTarget(String field) {
    Target target = optionalTarget(field);
    if (target == null) {
      throw invalid(String.format(MISSING_FIELD, index, kind, field));
    }
    return target;
  }

  Target optionalTarget(String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    List<Selector> selectors = new ArrayList<>();
    if (value.isArray()) {
      for (JsonNode element : value) {
        selectors.add(selector(field, element));
      }
    } else {
      selectors.add(selector(field, value));
    }
    if (selectors.isEmpty()) {
      throw invalid(String.format(BAD_FIELD, index, kind, field, "a selector or a list of selectors", "an empty list"));
    }
    return new Target(selectors);
  }

  private Selector selector(String field, JsonNode element) {
    if (!element.isTextual() || element.asText().isBlank()) {
      throw invalid(String.format(BAD_FIELD, index, kind, field, "a selector like css=#id, xpath=//a or text=Sign in", describe(element)));
    }
    if (element.asText().contains("{{")) {
      throw invalid(String.format(SECRET_MISPLACED, index, kind, field));
    }
    return Selector.parse(element.asText());
  }

  boolean bool(String field, boolean fallback) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return fallback;
    }
    if (!value.isBoolean()) {
      throw invalid(String.format(BAD_FIELD, index, kind, field, "true or false", describe(value)));
    }
    return value.asBoolean();
  }

  Duration timeout() {
    JsonNode value = node.get("timeout");
    if (value == null || value.isNull()) {
      return null;
    }
    try {
      return Durations.parse(value.asText());
    } catch (IllegalArgumentException e) {
      throw invalid(String.format(BAD_FIELD, index, kind, "timeout", "a duration like 10s, 500ms, 2m or PT10S", describe(value)));
    }
  }

  IllegalArgumentException invalid(String message) {
    return new IllegalArgumentException(message);
  }

  static String describe(JsonNode value) {
    if (value.isObject()) {
      return "a map";
    }
    if (value.isArray()) {
      return "a list";
    }
    return "'" + value.asText() + "'";
  }
}
