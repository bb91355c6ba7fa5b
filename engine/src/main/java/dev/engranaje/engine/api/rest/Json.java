package dev.engranaje.engine.api.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/** JSON conventions of the REST API: the shared mapper, keys as strings, variables, dates. */
final class Json {

  /** Keys and versions the engine reports as -1 mean "none". */
  static final long NONE = -1;

  private static final TypeReference<LinkedHashMap<String, Object>> OBJECT =
      new TypeReference<>() {};
  private static final DateTimeFormatter ISO_MILLIS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX").withZone(ZoneOffset.UTC);

  // Lenient on unknown fields so newer clients keep working; decimals stay exact in variables.
  static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .serializationInclusion(JsonInclude.Include.NON_NULL)
          .build();

  private Json() {}

  static <T> T read(byte[] body, Class<T> type) {
    try {
      if (body.length == 0) {
        return MAPPER.readValue("{}", type);
      }
      return MAPPER.readValue(body, type);
    } catch (JsonProcessingException e) {
      throw RestRequest.badRequest("Malformed JSON request body: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode readTree(byte[] body) {
    JsonNode node = read(body, JsonNode.class);
    if (!node.isObject()) {
      throw RestRequest.badRequest("Expected a JSON object as request body");
    }
    return node;
  }

  static byte[] write(Object value) {
    try {
      return MAPPER.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Could not serialize a response", e);
    }
  }

  /** A JSON variables document as JSON object text for the engine; null stays null. */
  static String variablesToJson(Map<String, Object> variables) {
    if (variables == null) {
      return null;
    }
    try {
      return MAPPER.writeValueAsString(variables);
    } catch (JsonProcessingException e) {
      throw RestRequest.badRequest("Variables are not serializable: " + e.getOriginalMessage());
    }
  }

  /** The engine's JSON object text as a map for a response; null or blank is an empty map. */
  static Map<String, Object> variablesFromJson(String json) {
    if (json == null || json.isBlank()) {
      return new LinkedHashMap<>();
    }
    try {
      return MAPPER.readValue(json, OBJECT);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("The engine returned variables that are not a JSON object", e);
    }
  }

  static long parseKey(String text, String what) {
    if (text == null || text.isEmpty()) {
      throw RestRequest.badRequest("Expected a " + what + ", but none was given");
    }
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw RestRequest.badRequest(
          "Expected " + what + " to be a numeric key, but got '" + text + "'");
    }
  }

  static Long parseKeyOrNull(String text, String what) {
    return text == null ? null : parseKey(text, what);
  }

  static String key(long key) {
    return Long.toString(key);
  }

  /** A key the engine reports as -1 (none) is left out of the response. */
  static String keyOrNull(long key) {
    return key == NONE ? null : Long.toString(key);
  }

  static String dateTime(long epochMillis) {
    return ISO_MILLIS.format(Instant.ofEpochMilli(epochMillis));
  }

  static String dateTimeOrNull(long epochMillis) {
    return epochMillis == NONE ? null : dateTime(epochMillis);
  }
}
