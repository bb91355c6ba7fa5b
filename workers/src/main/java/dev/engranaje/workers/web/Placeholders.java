package dev.engranaje.workers.web;

import dev.engranaje.workers.api.Secret;
import dev.engranaje.workers.api.TechnicalFailure;
import dev.engranaje.workers.secrets.Destination;
import dev.engranaje.workers.secrets.SecretResolver;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills {@code ${name}} and {@code ${name.path.to.value}} placeholders in step fields from the job's
 * variables and the values extracted by earlier steps; {@code $${} writes a literal {@code ${}.
 * Secrets use the other syntax, {@code {{secrets.NAME}}}, resolved separately and only for typed
 * text, so a variable can never smuggle a secret into a URL or selector. Selectors are filled when the
 * step looks for its element ({@link ElementFinder}).
 *
 * <p>Not thread-safe; one per script run.
 */
final class Placeholders {
  static final String UNKNOWN =
      "Expected variable '%s' for step %d (%s), but it is not set; pass it in the job's 'variables' input"
          + " or extract it in an earlier step";
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$(\\$?)\\{([A-Za-z_][A-Za-z0-9_]*(?:\\.[A-Za-z0-9_]+)*)}");
  private static final Pattern PLACEHOLDER_OR_SECRET = Pattern.compile(PLACEHOLDER.pattern()
      + "|\\{\\{\\s*secrets\\.([A-Za-z0-9_.-]+)\\s*}}");

  private final Map<String, Object> variables;
  private final Map<String, Object> extracted;

  Placeholders(Map<String, Object> variables, Map<String, Object> extracted) {
    this.variables = variables;
    this.extracted = extracted;
  }

  /** No variables and nothing extracted: for finders used outside a script run. */
  static Placeholders none() {
    return new Placeholders(Map.of(), Map.of());
  }

  /**
   * {@code target} with the placeholders in each selector filled. A filled text selector is still
   * matched literally (quoted for XPath), so a value cannot change what the selector means.
   */
  Target fill(Target target, int step, String kind) {
    if (target.selectors().stream().noneMatch(selector -> selector.value().contains("${"))) {
      return target;
    }
    return new Target(target.selectors().stream()
        .map(selector -> new Selector(selector.strategy(), fill(selector.value(), step, kind)))
        .toList());
  }

  /** {@code text} with its placeholders filled; null stays null. */
  String fill(String text, int step, String kind) {
    try {
      return fill(text, step, kind, PLACEHOLDER, null, null);
    } catch (TechnicalFailure impossible) {
      throw new IllegalStateException(impossible);
    }
  }

  /**
   * {@code text} with its placeholders and its {@code {{secrets.NAME}}} references filled in one pass,
   * for typed text. Filled values are not scanned again, so a variable whose value looks like a
   * secret reference is typed as it is: process data cannot pull a secret into a field. A secret bound
   * to hosts is typed only into a page of one of them ({@code page}).
   */
  String fillWithSecrets(String text, int step, String kind, SecretResolver secrets, Destination page)
      throws TechnicalFailure {
    return fill(text, step, kind, PLACEHOLDER_OR_SECRET, secrets, page);
  }

  private String fill(String text, int step, String kind, Pattern pattern, SecretResolver secrets, Destination page)
      throws TechnicalFailure {
    if (text == null || !text.contains("{")) {
      return text;
    }
    Matcher matcher = pattern.matcher(text);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      String replacement;
      if (secrets != null && matcher.group(3) != null) {
        Secret secret = secrets.byName(matcher.group(3));
        secrets.check(secret, page);
        replacement = secret.reveal();
      } else if (!matcher.group(1).isEmpty()) {
        replacement = "${" + matcher.group(2) + "}";
      } else {
        Object value = lookup(matcher.group(2));
        if (value == null) {
          throw new IllegalArgumentException(String.format(UNKNOWN, matcher.group(2), step, kind));
        }
        replacement = value.toString();
      }
      matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    matcher.appendTail(out);
    return out.toString();
  }

  private Object lookup(String path) {
    String[] parts = path.split("\\.");
    Object current = extracted.containsKey(parts[0]) ? extracted.get(parts[0]) : variables.get(parts[0]);
    for (int i = 1; i < parts.length && current != null; i++) {
      current = child(current, parts[i]);
    }
    return current;
  }

  private static Object child(Object parent, String name) {
    if (parent instanceof Map<?, ?> map) {
      return map.get(name);
    }
    if (parent instanceof List<?> list && name.chars().allMatch(Character::isDigit)) {
      int index = Integer.parseInt(name);
      return index < list.size() ? list.get(index) : null;
    }
    return null;
  }
}
