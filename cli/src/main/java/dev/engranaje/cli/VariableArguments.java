package dev.engranaje.cli;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The {@code --var NAME=VALUE} and {@code --vars-file FILE} options of the commands that send
 * variables ({@code run}, {@code task complete}, {@code set-variable}, {@code publish}).
 */
public final class VariableArguments {
  // "2026-12-07" is text, not the number 2026 followed by garbage
  private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  @Option(names = "--var", paramLabel = "NAME=VALUE",
      description = "A variable; VALUE is read as JSON when it parses (42, true, \"x\", {...}), else as text. Repeatable.")
  List<String> variables = List.of();

  @Option(names = "--vars-file", paramLabel = "FILE", description = "A JSON object file of variables (--var entries win).")
  Path variablesFile;

  /** The variables given, file first, then each {@code --var}; throws {@link UserError} on bad input. */
  @SuppressWarnings("unchecked")
  public Map<String, Object> collect() {
    Map<String, Object> vars = new LinkedHashMap<>();
    if (variablesFile != null) {
      try {
        Object parsed = JSON.readValue(Files.readString(variablesFile), Object.class);
        if (!(parsed instanceof Map<?, ?> map)) {
          throw new UserError("Expected " + variablesFile + " to hold a JSON object, but it holds " + describe(parsed));
        }
        vars.putAll((Map<String, Object>) map);
      } catch (IOException e) {
        throw new UserError("Could not read variables from " + variablesFile + ": " + e.getMessage());
      }
    }
    for (String entry : variables) {
      int eq = entry.indexOf('=');
      if (eq <= 0) {
        throw new UserError("Expected --var NAME=VALUE, but got '" + entry + "'");
      }
      vars.put(entry.substring(0, eq), parseValue(entry.substring(eq + 1)));
    }
    return vars;
  }

  /** {@code text} as JSON when it parses, else as the text itself. */
  public static Object parseValue(String text) {
    try {
      return JSON.readValue(text, Object.class);
    } catch (IOException notJson) {
      return text;
    }
  }

  /** Whether {@code text} is one complete JSON value. */
  public static boolean isJson(String text) {
    try {
      JSON.readTree(text);
      return !text.isBlank();
    } catch (IOException notJson) {
      return false;
    }
  }

  private static String describe(Object value) {
    return value == null ? "null" : value instanceof List ? "an array" : "a " + value.getClass().getSimpleName();
  }
}
