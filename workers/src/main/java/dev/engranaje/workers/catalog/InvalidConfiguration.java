package dev.engranaje.workers.catalog;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * A configuration the runtime cannot start with: a bad key or value in {@code worker.yaml}, a
 * worker's settings section that does not fit, a broken worker registration. The message names the
 * key (or class) and says what to change; it is shown to the operator as is.
 */
public final class InvalidConfiguration extends IllegalArgumentException {
  public InvalidConfiguration(String message) {
    super(message);
  }

  public InvalidConfiguration(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * "key 'a.b.c' is invalid: ..." for a Jackson binding failure below {@code prefix} (empty for the
   * root), naming the known keys when the key is unknown (a typo).
   */
  public static String describe(String prefix, JsonMappingException mapping) {
    StringBuilder key = new StringBuilder(prefix);
    for (JsonMappingException.Reference ref : mapping.getPath()) {
      if (ref.getFieldName() != null) {
        key.append(key.isEmpty() ? "" : ".").append(ref.getFieldName());
      } else {
        key.append('[').append(ref.getIndex()).append(']');
      }
    }
    String problem = mapping.getOriginalMessage();
    if (mapping instanceof UnrecognizedPropertyException unknown) {
      problem = "it is not a known key; known keys here: " + unknown.getKnownPropertyIds();
    } else if (mapping.getCause() instanceof InvalidConfiguration ours) {
      problem = ours.getMessage();
    }
    return "key '" + key + "' is invalid: " + firstLine(problem);
  }

  private static String firstLine(String text) {
    if (text == null) {
      return "";
    }
    int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline);
  }
}
