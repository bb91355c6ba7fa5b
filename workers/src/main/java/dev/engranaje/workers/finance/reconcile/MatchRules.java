package dev.engranaje.workers.finance.reconcile;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.engranaje.workers.finance.reconcile.MatchRule.CounterpartyBy;
import dev.engranaje.workers.finance.reconcile.MatchRule.Source;
import dev.engranaje.workers.finance.reconcile.MatchRule.SuggestBy;
import dev.engranaje.workers.finance.reconcile.MatchRule.YamlNamed;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * An ordered list of match rules read from YAML, applied first to last: each rule sees only the
 * entries and items no earlier rule has placed in a group. {@link #defaults()} is the bundled
 * {@code default-match-rules.yaml}; {@link #read(Path)} reads an analyst's file. Every property is
 * documented in {@code docs/finance/matching.md}; unknown properties are rejected, so a typo never
 * silently falls back to a default. Immutable and thread-safe.
 */
public final class MatchRules {
  static final String RESOURCE = "default-match-rules.yaml";
  static final String UNREADABLE = "Expected match rules in %s, but it could not be read: %s";
  static final String NOT_YAML = "Expected match rules in %s to be YAML, but %s";
  static final String TOP_LEVEL = "Expected the top level of %s to be a map with 'rules' (and optionally "
      + "'version'), but it has '%s'";
  static final String NO_RULES = "Expected %s to have a non-empty 'rules' list, but it has none";
  static final String BAD_VERSION = "Expected 'version' in %s to be 1, but it is '%s'";
  static final String RULE_SHAPE = "Expected rule #%d in %s to be a map, but it is %s";
  static final String NO_ID = "Expected rule #%d in %s to have an 'id', but it has none";
  static final String DUPLICATE_ID = "Expected rule ids in %s to be unique, but '%s' appears more than once";
  static final String BAD_KIND = "Expected rule '%s' property 'kind' to be one of %s, but it is '%s'";
  static final String UNKNOWN_PROPERTY = "Expected rule '%s' (kind '%s') to have only the properties %s, "
      + "but it has '%s'";
  static final String BAD_VALUE = "Expected rule '%s' property '%s' to be %s, but it is '%s'";
  static final String NEVER_CONFIRMS = "Expected rule '%s' (kind 'suggest-only', which never confirms) to have "
      + "confidence 'medium' or 'low', but it is 'high'";

  private static final YAMLMapper YAML = new YAMLMapper();

  private final List<MatchRule> rules;

  private MatchRules(List<MatchRule> rules) {
    this.rules = List.copyOf(rules);
  }

  /** The rules, first to last. */
  public List<MatchRule> rules() {
    return rules;
  }

  /** Rules from code (tests and tools); ids must be unique. */
  public static MatchRules of(List<MatchRule> rules) {
    Set<String> ids = new HashSet<>();
    for (MatchRule rule : rules) {
      if (!ids.add(rule.id())) {
        throw new IllegalArgumentException(String.format(DUPLICATE_ID, "the given rules", rule.id()));
      }
    }
    return new MatchRules(rules);
  }

  /** The bundled default rules ({@code default-match-rules.yaml} next to this class). */
  public static MatchRules defaults() {
    try (InputStream in = MatchRules.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("Expected the resource " + RESOURCE + " on the class path, but it is missing");
      }
      return parse(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8), "resource " + RESOURCE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InvalidMatchRules e) {
      throw new IllegalStateException("The bundled " + RESOURCE + " is invalid: " + e.getMessage(), e);
    }
  }

  /** Reads a rules file; the message of the exception names the file, the rule and the property. */
  public static MatchRules read(Path yaml) throws InvalidMatchRules {
    String text;
    try {
      text = Files.readString(yaml);
    } catch (IOException | UncheckedIOException e) {
      throw new InvalidMatchRules(String.format(UNREADABLE, "file '" + yaml + "'", e.getMessage()), e);
    }
    return parse(text, "file '" + yaml + "'");
  }

  /** Parses rules from YAML text; {@code source} names it in messages. */
  public static MatchRules parse(String text, String source) throws InvalidMatchRules {
    JsonNode root;
    try {
      root = YAML.readTree(text);
    } catch (JacksonException e) {
      throw new InvalidMatchRules(String.format(NOT_YAML, source, e.getOriginalMessage()), e);
    }
    if (root == null || !root.isObject()) {
      throw new InvalidMatchRules(String.format(NO_RULES, source));
    }
    for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!name.equals("rules") && !name.equals("version")) {
        throw new InvalidMatchRules(String.format(TOP_LEVEL, source, name));
      }
    }
    JsonNode version = root.get("version");
    if (version != null && !version.asText().equals("1")) {
      throw new InvalidMatchRules(String.format(BAD_VERSION, source, version.asText()));
    }
    JsonNode list = root.get("rules");
    if (list == null || !list.isArray() || list.isEmpty()) {
      throw new InvalidMatchRules(String.format(NO_RULES, source));
    }
    List<MatchRule> rules = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < list.size(); i++) {
      MatchRule rule = rule(list.get(i), i + 1, source);
      if (!ids.add(rule.id())) {
        throw new InvalidMatchRules(String.format(DUPLICATE_ID, source, rule.id()));
      }
      rules.add(rule);
    }
    return new MatchRules(rules);
  }

  private static MatchRule rule(JsonNode node, int position, String source) throws InvalidMatchRules {
    if (!node.isObject()) {
      throw new InvalidMatchRules(String.format(RULE_SHAPE, position, source, node.getNodeType().name().toLowerCase(Locale.ROOT)));
    }
    JsonNode idNode = node.get("id");
    if (idNode == null || !idNode.isValueNode() || idNode.asText().isBlank()) {
      throw new InvalidMatchRules(String.format(NO_ID, position, source));
    }
    String id = idNode.asText().strip();
    String kindName = node.path("kind").asText("");
    RuleKind kind = RuleKind.ofYaml(kindName);
    if (kind == null) {
      throw new InvalidMatchRules(String.format(BAD_KIND, id, RuleKind.yamlNames(), kindName));
    }
    Set<String> allowed = new java.util.TreeSet<>(RuleKind.COMMON);
    allowed.addAll(kind.properties());
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!allowed.contains(name)) {
        throw new InvalidMatchRules(String.format(UNKNOWN_PROPERTY, id, kind.yamlName(), allowed, name));
      }
    }
    Values values = new Values(id, node);
    Confidence confidence = values.confidence(kind == RuleKind.SUGGEST_ONLY ? Confidence.LOW : Confidence.HIGH);
    if (kind == RuleKind.SUGGEST_ONLY && confidence == Confidence.HIGH) {
      throw new InvalidMatchRules(String.format(NEVER_CONFIRMS, id));
    }
    return new MatchRule(id, kind, node.path("description").asText(""), confidence, values.tolerance(),
        values.set("sources", Source.values(), EnumSet.allOf(Source.class)),
        values.positive("minReferenceLength", 5),
        values.nonNegative("dateWindowDays", kind == RuleKind.SUGGEST_ONLY ? 30 : 10),
        values.set("counterparty", CounterpartyBy.values(), EnumSet.allOf(CounterpartyBy.class)),
        values.atLeast("maxItems", 5, 2),
        values.atLeast("maxEntries", 4, 2),
        values.positive("maxCandidates", kind == RuleKind.SUGGEST_ONLY ? 3 : 20),
        values.positive("maxSteps", 5_000),
        values.set("by", SuggestBy.values(), EnumSet.allOf(SuggestBy.class)));
  }

  /** Reads typed values of one rule, naming the rule and property when one is wrong. */
  private record Values(String id, JsonNode node) {
    InvalidMatchRules bad(String property, String expected, JsonNode value) {
      return new InvalidMatchRules(String.format(BAD_VALUE, id, property, expected, value));
    }

    Confidence confidence(Confidence fallback) throws InvalidMatchRules {
      JsonNode value = node.get("confidence");
      if (value == null) {
        return fallback;
      }
      for (Confidence confidence : Confidence.values()) {
        if (confidence.name().equalsIgnoreCase(value.asText())) {
          return confidence;
        }
      }
      throw bad("confidence", "one of [high, medium, low]", value);
    }

    int positive(String property, int fallback) throws InvalidMatchRules {
      return atLeast(property, fallback, 1);
    }

    int nonNegative(String property, int fallback) throws InvalidMatchRules {
      return atLeast(property, fallback, 0);
    }

    int atLeast(String property, int fallback, int minimum) throws InvalidMatchRules {
      JsonNode value = node.get(property);
      if (value == null) {
        return fallback;
      }
      if (!value.canConvertToInt() || !value.isIntegralNumber() || value.asInt() < minimum) {
        throw bad(property, "a whole number of at least " + minimum, value);
      }
      return value.asInt();
    }

    Tolerance tolerance() throws InvalidMatchRules {
      JsonNode value = node.get("tolerance");
      if (value == null) {
        return Tolerance.EXACT;
      }
      if (!value.isObject()) {
        throw bad("tolerance", "a map with 'absolute' and/or 'percent'", value);
      }
      for (Iterator<String> names = value.fieldNames(); names.hasNext(); ) {
        String name = names.next();
        if (!name.equals("absolute") && !name.equals("percent")) {
          throw bad("tolerance." + name, "absent (tolerance has only 'absolute' and 'percent')", value.get(name));
        }
      }
      BigDecimal absolute = decimal("tolerance.absolute", value.get("absolute"));
      BigDecimal percent = decimal("tolerance.percent", value.get("percent"));
      if (absolute == null && percent == null) {
        return Tolerance.EXACT;
      }
      // A bound left out does not limit: the other one alone applies.
      return new Tolerance(absolute == null ? new BigDecimal("1E+15") : absolute,
          percent == null ? BigDecimal.valueOf(100) : percent);
    }

    private BigDecimal decimal(String property, JsonNode value) throws InvalidMatchRules {
      if (value == null) {
        return null;
      }
      try {
        BigDecimal decimal = new BigDecimal(value.asText().strip());
        if (decimal.signum() < 0 || !value.isValueNode()) {
          throw bad(property, "a decimal of at least 0, written as a string (e.g. \"5.00\")", value);
        }
        return decimal;
      } catch (NumberFormatException e) {
        throw bad(property, "a decimal of at least 0, written as a string (e.g. \"5.00\")", value);
      }
    }

    <E extends Enum<E> & YamlNamed> Set<E> set(String property, E[] values, Set<E> fallback) throws InvalidMatchRules {
      JsonNode value = node.get(property);
      if (value == null) {
        return fallback;
      }
      List<String> names = Arrays.stream(values).map(YamlNamed::yamlName).toList();
      if (!value.isArray() || value.isEmpty()) {
        throw bad(property, "a non-empty list of " + names, value);
      }
      Set<E> chosen = new java.util.LinkedHashSet<>();
      for (JsonNode element : value) {
        E match = Arrays.stream(values).filter(v -> v.yamlName().equals(element.asText())).findFirst().orElse(null);
        if (match == null) {
          throw bad(property, "a non-empty list of " + names, value);
        }
        chosen.add(match);
      }
      return chosen;
    }
  }
}
