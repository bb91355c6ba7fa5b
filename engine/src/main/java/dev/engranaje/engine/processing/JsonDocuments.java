package dev.engranaje.engine.processing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.engranaje.engine.gateway.Rejection;
import dev.engranaje.engine.gateway.RejectionType;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * JSON documents as the engine handles them: a variables document is an object whose entries are
 * kept as canonical JSON text, so equal values compare equal as strings. Thread-safe.
 */
public final class JsonDocuments {
  private static final ObjectMapper MAPPER =
      new ObjectMapper().configure(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS, false);
  private static final TypeReference<Object> ANY = new TypeReference<>() {};

  private JsonDocuments() {}

  /**
   * Splits a JSON object into top-level entries of canonical JSON text. Null or blank text is an
   * empty document.
   *
   * @throws Rejection INVALID_ARGUMENT when the text is not a JSON object
   */
  public static Map<String, String> entries(String objectJson) {
    Map<String, String> result = new LinkedHashMap<>();
    if (objectJson == null || objectJson.isBlank()) {
      return result;
    }
    JsonNode node;
    try {
      node = MAPPER.readTree(objectJson);
    } catch (JsonProcessingException e) {
      throw new Rejection(RejectionType.INVALID_ARGUMENT, "Expected variables to be a JSON object, but they are not valid JSON: " + e.getOriginalMessage());
    }
    if (node == null || node.isNull()) {
      return result;
    }
    if (!(node instanceof ObjectNode object)) {
      throw new Rejection(RejectionType.INVALID_ARGUMENT, "Expected variables to be a JSON object, but got " + node.getNodeType());
    }
    Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      result.put(field.getKey(), field.getValue().toString());
    }
    return result;
  }

  /** Parses JSON text into plain Java values (maps, lists, strings, numbers, booleans, null). */
  public static Object parse(String json) {
    try {
      return MAPPER.readValue(json, ANY);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Expected stored JSON, but it is malformed: " + e.getOriginalMessage(), e);
    }
  }

  /** Writes a plain Java value as canonical JSON text. */
  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Expected a JSON-compatible value, but got " + value.getClass(), e);
    }
  }

  /** Joins entries of canonical JSON text into one JSON object text. */
  public static String object(Map<String, String> entries) {
    StringBuilder out = new StringBuilder(64).append('{');
    boolean first = true;
    for (Map.Entry<String, String> entry : entries.entrySet()) {
      if (!first) {
        out.append(',');
      }
      first = false;
      out.append(write(entry.getKey())).append(':').append(entry.getValue());
    }
    return out.append('}').toString();
  }
}
