package dev.engranaje.workers.finance.mapping;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.nio.charset.Charset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads the values of a YAML mapping file (ledger mapping, bank export profile, supplier mapping).
 * Every problem is an {@link IllegalArgumentException} whose "Expected …, but …" message names the
 * key by its path ({@code locale.delimiter}); the caller prefixes the file's name. Stateless.
 */
public final class MappingFile {
  static final String NOT_YAML = "Expected a YAML mapping of keys, but it cannot be parsed: %s";
  static final String UNKNOWN_KEY = "Expected only the keys %s, but found '%s'";
  static final String NOT_TEXT = "Expected '%s' to be %s, but it is %s";
  static final String NOT_NUMBER = "Expected '%s' to be a whole number from %d, but got '%s'";
  static final String ONE_CHARACTER = "Expected 'locale.%s' to be one character (or 'tab'), but got '%s'";
  static final String SAME_SEPARATORS = "Expected different decimal and thousands separators, but both are '%s'";
  static final String BAD_ENCODING = "Expected 'locale.encoding' to be a charset such as UTF-8 or windows-1252, but got '%s'";
  static final String BAD_DATE_FORMAT = "Expected 'locale.%s' to be a java.time pattern such as dd.MM.yyyy, but got '%s'";
  static final String DATE_FORMAT_AND_FORMATS = "Expected 'locale.dateFormat' or 'locale.dateFormats', but both are given";

  /** The keys a {@code locale} section may have. */
  public static final Set<String> LOCALE_KEYS = Set.of("decimalSeparator", "thousandsSeparator", "dateFormat",
      "dateFormats", "delimiter", "quote", "encoding");

  private MappingFile() {}

  /** The root mapping of the YAML text. */
  public static JsonNode root(String yaml) {
    JsonNode root;
    try {
      root = new YAMLMapper().readTree(yaml);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(String.format(NOT_YAML, e.getOriginalMessage()
          + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")")), e);
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException(String.format(NOT_YAML, "it is " + (root == null ? "empty" : "not a mapping")));
    }
    return root;
  }

  /** Refuses a key of {@code node} that is not {@code allowed}; {@code prefix} is the node's path with a dot. */
  public static void requireKeys(JsonNode node, Set<String> allowed, String prefix) {
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!allowed.contains(name)) {
        List<String> sorted = allowed.stream().sorted().map(key -> prefix + key).toList();
        throw new IllegalArgumentException(String.format(UNKNOWN_KEY, sorted, prefix + name));
      }
    }
  }

  /** The mapping under {@code key}, or {@code null} when absent. */
  public static JsonNode object(JsonNode node, String key, String path) {
    JsonNode value = node.path(key);
    if (value.isMissingNode() || value.isNull()) {
      return null;
    }
    if (!value.isObject()) {
      throw new IllegalArgumentException(String.format(NOT_TEXT, path, "a mapping", describe(value)));
    }
    return value;
  }

  /** The single value under {@code key} as text, or {@code null} when absent or empty. */
  public static String text(JsonNode node, String key, String path) {
    JsonNode value = node.path(key);
    if (value.isMissingNode() || value.isNull()) {
      return null;
    }
    if (!value.isValueNode()) {
      throw new IllegalArgumentException(String.format(NOT_TEXT, path, "a single text value", describe(value)));
    }
    String text = value.asText();
    return text.isEmpty() ? null : text;
  }

  /** A single value or a list of values under {@code key}; empty when absent. */
  public static List<String> texts(JsonNode node, String key, String path) {
    JsonNode value = node.path(key);
    if (value.isMissingNode() || value.isNull()) {
      return List.of();
    }
    if (value.isValueNode()) {
      return value.asText().isEmpty() ? List.of() : List.of(value.asText());
    }
    if (!value.isArray()) {
      throw new IllegalArgumentException(String.format(NOT_TEXT, path, "a text value or a list of them",
          describe(value)));
    }
    List<String> values = new ArrayList<>();
    for (JsonNode item : value) {
      if (!item.isValueNode()) {
        throw new IllegalArgumentException(String.format(NOT_TEXT, path + "[]", "a text value", describe(item)));
      }
      values.add(item.asText());
    }
    return values;
  }

  /** The whole number under {@code key}, at least {@code minimum}; {@code null} when absent. */
  public static Integer number(JsonNode node, String key, int minimum) {
    JsonNode value = node.path(key);
    if (value.isMissingNode() || value.isNull()) {
      return null;
    }
    if (!value.canConvertToExactIntegral() && !value.asText().matches("\\d+") || value.asInt() < minimum) {
      throw new IllegalArgumentException(String.format(NOT_NUMBER, key, minimum, value.asText()));
    }
    return value.asInt();
  }

  /** Reads and checks the {@code locale} section of {@code root}; {@link FileLocale#DEFAULTS} when absent. */
  public static FileLocale locale(JsonNode root) {
    JsonNode locale = object(root, "locale", "locale");
    if (locale == null) {
      return FileLocale.DEFAULTS;
    }
    requireKeys(locale, LOCALE_KEYS, "locale.");
    String decimal = character(locale, "decimalSeparator");
    String thousands = character(locale, "thousandsSeparator");
    if (decimal != null && decimal.equals(thousands) || decimal == null && ".".equals(thousands)) {
      throw new IllegalArgumentException(String.format(SAME_SEPARATORS, thousands));
    }
    String delimiter = character(locale, "delimiter");
    String quote = text(locale, "quote", "locale.quote");
    String encoding = text(locale, "encoding", "locale.encoding");
    if (encoding != null) {
      try {
        Charset.forName(encoding);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(String.format(BAD_ENCODING, encoding), e);
      }
    }
    return new FileLocale(decimal, thousands, dateFormats(locale), delimiter, quote, encoding);
  }

  private static List<String> dateFormats(JsonNode locale) {
    String single = text(locale, "dateFormat", "locale.dateFormat");
    boolean many = !locale.path("dateFormats").isMissingNode() && !locale.path("dateFormats").isNull();
    if (single != null && many) {
      throw new IllegalArgumentException(DATE_FORMAT_AND_FORMATS);
    }
    List<String> patterns = single != null ? List.of(single) : texts(locale, "dateFormats", "locale.dateFormats");
    for (String pattern : patterns) {
      try {
        DateTimeFormatter.ofPattern(pattern, Locale.ROOT);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(String.format(BAD_DATE_FORMAT, single != null ? "dateFormat" : "dateFormats",
            pattern), e);
      }
    }
    return patterns;
  }

  private static String character(JsonNode locale, String key) {
    String text = text(locale, key, "locale." + key);
    if (text == null) {
      return null;
    }
    String name = text.toLowerCase(Locale.ROOT);
    if (text.length() != 1 && !name.equals("tab") && !name.equals("\\t") && !name.equals("space")) {
      throw new IllegalArgumentException(String.format(ONE_CHARACTER, key, text));
    }
    return text;
  }

  /** How a value is named in a message: {@code a mapping}, {@code a list} or the value quoted. */
  public static String describe(JsonNode node) {
    if (node.isObject()) {
      return "a mapping";
    }
    return node.isArray() ? "a list" : "'" + node.asText() + "'";
  }
}
