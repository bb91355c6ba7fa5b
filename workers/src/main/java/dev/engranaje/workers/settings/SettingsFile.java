package dev.engranaje.workers.settings;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.engranaje.workers.secrets.SecretResolver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A settings file: a YAML or JSON map from variable name to value. Values may be text, whole
 * numbers, booleans, lists and maps; a decimal number is refused (money stays an exact decimal
 * string, so it must be quoted). A key that names a secret (password, secret, token, API key,
 * credential, passphrase, private key) must hold a reference such as {@code secrets.BANK_PASSWORD}:
 * the file lands in process variables, which must never hold a secret's value.
 */
final class SettingsFile {
  static final String NOT_A_MAP = "Expected settings file '%s' to be a map of variable names to values, but it is %s";
  static final String UNREADABLE = "Expected settings file '%s' to be valid YAML or JSON, but %s";
  static final String LITERAL_SECRET = "Expected key '%s' in settings file '%s' to hold a secret reference such as"
      + " secrets.NAME, but it holds a literal value; put the value in the secrets file (or the environment) and"
      + " write the reference here";
  static final String DECIMAL = "Expected key '%s' in settings file '%s' to be text, a whole number, a boolean, a list"
      + " or a map, but it is the unquoted decimal number %s; quote it as written (e.g. '50000.00') so the amount stays exact";
  static final String BAD_NAME = "Expected key '%s' in settings file '%s' to be a variable name (a letter or _, then"
      + " letters, digits or _), but it is not";

  private static final Pattern SECRET_KEY =
      Pattern.compile("(?i).*(password|passwd|secret|token|api[-_]?key|credential|passphrase|private[-_]?key).*");
  private static final Pattern VARIABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final ObjectMapper YAML = new YAMLMapper();

  private SettingsFile() {}

  /**
   * The settings in {@code file}, checked.
   *
   * @param reference the workspace reference of the file, for messages
   * @throws InvalidSettings naming the file and the key (or the line) at fault
   */
  static Map<String, Object> read(Path file, String reference) throws InvalidSettings, IOException {
    JsonNode root;
    try {
      root = YAML.readTree(Files.readAllBytes(file)); // YAML 1.1 is a superset of JSON
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
      throw new InvalidSettings(String.format(UNREADABLE, reference, "it cannot be parsed" + where + ": "
          + e.getOriginalMessage()));
    }
    if (root == null || !root.isObject()) {
      throw new InvalidSettings(String.format(NOT_A_MAP, reference, root == null || root.isMissingNode() ? "empty"
          : "a " + root.getNodeType().name().toLowerCase(java.util.Locale.ROOT)));
    }
    Map<String, Object> settings = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> fields = root.fields(); fields.hasNext(); ) {
      Map.Entry<String, JsonNode> field = fields.next();
      if (!VARIABLE_NAME.matcher(field.getKey()).matches()) {
        throw new InvalidSettings(String.format(BAD_NAME, field.getKey(), reference));
      }
      check(field.getKey(), field.getKey(), field.getValue(), reference);
      settings.put(field.getKey(), YAML.convertValue(field.getValue(), Object.class));
    }
    return settings;
  }

  private static void check(String key, String path, JsonNode value, String reference) throws InvalidSettings {
    if (SECRET_KEY.matcher(key).matches() && !(value.isTextual() && SecretResolver.isReference(value.asText()))
        && !value.isNull()) {
      throw new InvalidSettings(String.format(LITERAL_SECRET, path, reference));
    }
    if (value.isFloatingPointNumber()) {
      throw new InvalidSettings(String.format(DECIMAL, path, reference, value.asText()));
    }
    if (value.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> fields = value.fields(); fields.hasNext(); ) {
        Map.Entry<String, JsonNode> field = fields.next();
        check(field.getKey(), path + "." + field.getKey(), field.getValue(), reference);
      }
    } else if (value.isArray()) {
      for (int i = 0; i < value.size(); i++) {
        check(key, path + "[" + i + "]", value.get(i), reference);
      }
    }
  }

  /** The file breaks a rule; the message names the file and the key or line. */
  static final class InvalidSettings extends Exception {
    InvalidSettings(String message) {
      super(message);
    }
  }
}
