package dev.engranaje.workers.web;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.engranaje.workers.api.TechnicalFailure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a web script from YAML or JSON text into a {@link WebScript}. The top level is either a list
 * of steps or a map with {@code steps} and optionally {@code browser} and {@code timeout}. Each step
 * is a map with one key, the step kind. Every error names the step's index (from 1), kind and field.
 *
 * <p>Thread-safe.
 */
public final class ScriptParser {
  static final String UNPARSABLE = "Expected a web script in YAML or JSON, but %s could not be parsed: %s";
  static final String NO_STEPS = "Expected a web script with a non-empty 'steps' list, but %s has none";
  static final String BAD_TOP = "Expected the web script's top level to have only 'browser', 'timeout' and 'steps', but it has '%s'";
  static final String STEP_SHAPE = "Expected step %d to be a map with exactly one step kind (one of %s), but it is %s";
  static final String UNKNOWN_KIND = "Expected step %d to be one of %s, but it is '%s'";
  static final String ONE_OF = "Expected step %d (%s) to have exactly one of the fields %s, but it has %s";
  static final String IN_SOURCE = "%s (in %s)";

  static final Set<String> KINDS = Set.of("open", "click", "type", "select", "check", "waitFor", "assert", "extract",
      "download", "upload", "switchFrame", "switchWindow", "screenshot");

  private final ObjectMapper yaml = new YAMLMapper();
  private final ObjectMapper json = new ObjectMapper();
  private final Duration defaultTimeout;

  /** @param defaultTimeout the wait per step when the script sets none */
  public ScriptParser(Duration defaultTimeout) {
    this.defaultTimeout = defaultTimeout;
  }

  /**
   * Parses {@code text}; {@code source} names where it came from in messages (e.g. {@code file
   * 'scripts/login.yaml'}).
   */
  public WebScript parse(String text, String source) throws TechnicalFailure {
    JsonNode root;
    try {
      String trimmed = text == null ? "" : text.strip();
      root = trimmed.startsWith("{") || trimmed.startsWith("[") ? json.readTree(trimmed) : yaml.readTree(trimmed);
    } catch (JacksonException e) {
      throw TechnicalFailure.permanent(String.format(UNPARSABLE, source, e.getOriginalMessage()), e);
    }
    try {
      return parse(root, source);
    } catch (IllegalArgumentException e) {
      throw TechnicalFailure.permanent(String.format(IN_SOURCE, e.getMessage(), source), e);
    }
  }

  private WebScript parse(JsonNode root, String source) {
    JsonNode steps = root;
    Optional<BrowserKind> browser = Optional.empty();
    Duration timeout = defaultTimeout;
    if (root != null && root.isObject()) {
      Iterator<String> names = root.fieldNames();
      while (names.hasNext()) {
        String name = names.next();
        if (!Set.of("browser", "timeout", "steps").contains(name)) {
          throw new IllegalArgumentException(String.format(BAD_TOP, name));
        }
      }
      if (root.hasNonNull("browser")) {
        browser = Optional.of(BrowserKind.parse(root.get("browser").asText()));
      }
      if (root.hasNonNull("timeout")) {
        timeout = Durations.parse(root.get("timeout").asText());
      }
      steps = root.get("steps");
    }
    if (steps == null || !steps.isArray() || steps.isEmpty()) {
      throw new IllegalArgumentException(String.format(NO_STEPS, source));
    }
    List<WebStep> parsed = new ArrayList<>();
    int index = 1;
    for (JsonNode step : steps) {
      parsed.add(step(index++, step));
    }
    return new WebScript(browser, timeout, parsed);
  }

  private WebStep step(int index, JsonNode node) {
    if (!node.isObject() || node.size() != 1) {
      throw new IllegalArgumentException(String.format(STEP_SHAPE, index, new java.util.TreeSet<>(KINDS), StepFields.describe(node)));
    }
    Map.Entry<String, JsonNode> entry = node.fields().next();
    String kind = entry.getKey();
    JsonNode value = entry.getValue();
    switch (kind) {
      case "open":
        return new WebStep.Open(new StepFields(index, kind, value, "url").allowOnly(Set.of("url")).requiredString("url"));
      case "click": {
        StepFields f = fields(index, kind, value, "target", "timeout");
        return new WebStep.Click(f.requiredTarget("target"), f.timeout());
      }
      case "type": {
        StepFields f = fields(index, kind, value, "target", "text", "clear", "timeout");
        return new WebStep.Type(f.requiredTarget("target"), f.requiredString("text"), f.bool("clear", true), f.timeout());
      }
      case "select":
        return select(fields(index, kind, value, "target", "option", "value", "timeout"));
      case "check": {
        StepFields f = fields(index, kind, value, "target", "checked", "timeout");
        return new WebStep.Check(f.requiredTarget("target"), f.bool("checked", true), f.timeout());
      }
      case "waitFor":
        return StepReaders.waitFor(fields(index, kind, value, "visible", "visible", "clickable", "text", "contains", "url", "timeout"));
      case "assert":
        return StepReaders.assertion(fields(index, kind, value, "present", "present", "absent", "visible", "target",
            "textContains", "textEquals", "urlContains", "titleContains", "code", "message", "retry"));
      case "extract":
        return StepReaders.extract(fields(index, kind, value, "text", "text", "attribute", "table", "target", "as", "timeout"));
      case "download": {
        StepFields f = fields(index, kind, value, "click", "click", "saveAs", "as", "timeout");
        return new WebStep.Download(f.requiredTarget("click"), f.optionalString("saveAs"), f.name("as", false), f.timeout());
      }
      case "upload": {
        StepFields f = fields(index, kind, value, "target", "file", "timeout");
        return new WebStep.Upload(f.requiredTarget("target"), f.requiredString("file"), f.timeout());
      }
      case "switchFrame":
        return StepReaders.switchFrame(index, value);
      case "switchWindow":
        return StepReaders.switchWindow(index, value);
      case "screenshot":
        return new WebStep.Screenshot(fields(index, kind, value, "name", "name").name("name", true));
      default:
        throw new IllegalArgumentException(String.format(UNKNOWN_KIND, index, new java.util.TreeSet<>(KINDS), kind));
    }
  }

  private static WebStep.Select select(StepFields f) {
    boolean byValue = f.has("value");
    if (byValue == f.has("option")) {
      throw new IllegalArgumentException(String.format(ONE_OF, f.index(), "select", "[option, value]", byValue ? "both" : "neither"));
    }
    return new WebStep.Select(f.requiredTarget("target"), f.requiredString(byValue ? "value" : "option"), byValue, f.timeout());
  }

  /** The step's fields; {@code primary} is the field a scalar shorthand fills, then the allowed fields. */
  private static StepFields fields(int index, String kind, JsonNode value, String primary, String... allowed) {
    Set<String> names = new java.util.HashSet<>(List.of(allowed));
    names.add(primary);
    return new StepFields(index, kind, value, primary).allowOnly(names);
  }
}
