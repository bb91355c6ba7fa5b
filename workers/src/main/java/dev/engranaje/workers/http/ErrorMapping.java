package dev.engranaje.workers.http;

import dev.engranaje.workers.api.TechnicalFailure;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Rules from HTTP status to BPMN error code: an exact status ({@code "404"}) or a class ({@code
 * "4xx"}); the exact rule wins. Validated once per job. Immutable.
 */
final class ErrorMapping {
  static final String BAD_RULE =
      "Expected errorMapping keys like \"404\" or \"4xx\" and non-empty BPMN error codes, but got \"%s\": \"%s\"";
  private static final Pattern EXACT = Pattern.compile("[1-5][0-9][0-9]");
  private static final Pattern CLASS = Pattern.compile("[1-5]xx");

  private final Map<String, String> rules;

  private ErrorMapping(Map<String, String> rules) {
    this.rules = rules;
  }

  static ErrorMapping of(Map<String, String> configured) throws TechnicalFailure {
    Map<String, String> rules = new HashMap<>();
    for (Map.Entry<String, String> rule : configured.entrySet()) {
      String key = rule.getKey().trim().toLowerCase(java.util.Locale.ROOT);
      String code = rule.getValue();
      if (!(EXACT.matcher(key).matches() || CLASS.matcher(key).matches()) || code == null || code.isBlank()) {
        throw TechnicalFailure.permanent(String.format(BAD_RULE, rule.getKey(), code));
      }
      rules.put(key, code.trim());
    }
    return new ErrorMapping(Map.copyOf(rules));
  }

  /** The BPMN error code for {@code status}, if a rule names it. */
  Optional<String> codeFor(int status) {
    String exact = rules.get(Integer.toString(status));
    return Optional.ofNullable(exact != null ? exact : rules.get((status / 100) + "xx"));
  }
}
