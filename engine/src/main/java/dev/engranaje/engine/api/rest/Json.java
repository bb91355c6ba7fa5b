package dev.engranaje.engine.api.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
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

  /** A body that is valid JSON but not an object ({@code null}, {@code []}, a number, a string). */
  static final String NOT_AN_OBJECT = "Expected a JSON object as request body, but got %s";

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
      try (JsonParser parser = MAPPER.createParser(body)) {
        JsonToken first = parser.nextToken();
        if (first != JsonToken.START_OBJECT) {
          throw RestRequest.badRequest(String.format(NOT_AN_OBJECT, describe(first)));
        }
        return MAPPER.readValue(parser, type);
      }
    } catch (JsonProcessingException e) {
      throw RestRequest.badRequest(JsonErrors.describe(e));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What a JSON token is, in words, for error messages. */
  static String describe(JsonToken token) {
    if (token == null) {
      return "nothing";
    }
    return switch (token) {
      case START_OBJECT, END_OBJECT -> "an object";
      case START_ARRAY, END_ARRAY -> "an array";
      case VALUE_STRING -> "a string";
      case VALUE_NUMBER_INT -> "an integer";
      case VALUE_NUMBER_FLOAT -> "a decimal number";
      case VALUE_TRUE, VALUE_FALSE -> "a boolean";
      case VALUE_NULL -> "null";
      default -> "a " + token.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    };
  }

  static JsonNode readTree(byte[] body) {
    JsonNode node = read(body, JsonNode.class);
    if (!node.isObject()) {
      throw RestRequest.badRequest(String.format(NOT_AN_OBJECT, describe(node.asToken())));
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
      throw RestRequest.badRequest("Expected variables that can be written as JSON, but they cannot: "
          + ProblemDetails.echo(e.getOriginalMessage()));
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
          "Expected " + what + " to be a numeric key, but got '" + ProblemDetails.echo(text) + "'");
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
