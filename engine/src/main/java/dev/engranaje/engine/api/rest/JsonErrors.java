package dev.engranaje.engine.api.rest;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;

/**
 * Turns Jackson's exceptions into messages for clients: which property, what was expected and what
 * came, or where the JSON is malformed. Never a Java class name or Jackson's "at [Source: …]".
 */
final class JsonErrors {

  static final String WRONG_TYPE = "Expected %s to be %s, but got %s";
  static final String MALFORMED = "Malformed JSON request body at line %d, column %d: %s";
  static final String TRAILING = "Expected a single JSON object as request body, but more follows it at line %d, column %d";
  static final String INVALID_VALUE = "Expected %s to hold a valid value, but it does not%s";

  private JsonErrors() {}

  static String describe(JsonProcessingException e) {
    JsonLocation location = e.getLocation();
    int line = location == null ? 0 : location.getLineNr();
    int column = location == null ? 0 : location.getColumnNr();
    if (e instanceof MismatchedInputException mismatch) {
      if (mismatch.getPath().isEmpty() && String.valueOf(e.getOriginalMessage()).startsWith("Trailing token")) {
        return String.format(TRAILING, line, column);
      }
      return String.format(WRONG_TYPE, property(mismatch), expected(mismatch.getTargetType()), actual(mismatch));
    }
    if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      Throwable cause = mapping.getCause();
      String why = cause instanceof IllegalArgumentException && cause.getMessage() != null
          ? ": " + ProblemDetails.echo(firstLine(cause.getMessage())) : "";
      return String.format(INVALID_VALUE, property(mapping), why);
    }
    return String.format(MALFORMED, line, column, ProblemDetails.echo(firstLine(e.getOriginalMessage())));
  }

  private static String property(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference reference : e.getPath()) {
      if (reference.getFieldName() != null) {
        if (path.length() > 0) {
          path.append('.');
        }
        path.append(reference.getFieldName());
      } else if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    return path.length() == 0 ? "the request body" : "property '" + ProblemDetails.echo(path.toString()) + "'";
  }

  private static String expected(Class<?> type) {
    if (type == null) {
      return "a different value";
    }
    if (type == Integer.class || type == int.class || type == Long.class || type == long.class
        || type == Short.class || type == short.class || type == java.math.BigInteger.class) {
      return "an integer";
    }
    if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
      return "a number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "a boolean";
    }
    if (CharSequence.class.isAssignableFrom(type) || type == Character.class || type == char.class) {
      return "a string";
    }
    if (type.isEnum()) {
      return "one of " + Arrays.toString(type.getEnumConstants());
    }
    if (Temporal.class.isAssignableFrom(type)) {
      return "an ISO 8601 date-time string";
    }
    if (type.isArray() || Collection.class.isAssignableFrom(type)) {
      return "an array";
    }
    if (Map.class.isAssignableFrom(type) || !type.isPrimitive()) {
      return "an object";
    }
    return "a different value";
  }

  private static String actual(MismatchedInputException e) {
    if (e instanceof InvalidFormatException invalid && invalid.getValue() != null) {
      Object value = invalid.getValue();
      String text = ProblemDetails.echo(String.valueOf(value));
      return value instanceof String ? "the string '" + text + "'" : text;
    }
    if (e.getProcessor() instanceof JsonParser parser && parser.currentToken() != null) {
      return Json.describe(parser.currentToken());
    }
    return "a value of another type";
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable JSON";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
