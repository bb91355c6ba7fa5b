package dev.engranaje.workers.secrets;

import dev.engranaje.workers.api.Secret;
import dev.engranaje.workers.api.TechnicalFailure;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves secret references at run time. A reference is {@code secrets.NAME} or, inside text,
 * {@code {{secrets.NAME}}}. Every resolved value is registered with the {@link Redactor}, so it is
 * masked wherever it could echo back (logs, failure messages, output variables).
 */
public final class SecretResolver {
  /** A whole-value reference: {@code secrets.NAME} or {@code {{secrets.NAME}}}. */
  private static final Pattern REFERENCE =
      Pattern.compile("\\s*(?:\\{\\{\\s*secrets\\.([A-Za-z0-9_.-]+)\\s*}}|secrets\\.([A-Za-z0-9_.-]+))\\s*");
  private static final Pattern EMBEDDED = Pattern.compile("\\{\\{\\s*secrets\\.([A-Za-z0-9_.-]+)\\s*}}");
  static final String MISSING =
      "Expected secret '%s' to be set, but neither the environment nor the secrets file defines it;"
          + " set the environment variable %s or add it to the secrets file";

  private final SecretSource source;
  private final Redactor redactor;

  public SecretResolver(SecretSource source, Redactor redactor) {
    this.source = source;
    this.redactor = redactor;
  }

  /** True when {@code text} is a reference to one secret. */
  public static boolean isReference(String text) {
    return text != null && REFERENCE.matcher(text).matches();
  }

  /** The secret a whole-value reference names. */
  public Secret resolve(String reference) throws TechnicalFailure {
    Matcher matcher = REFERENCE.matcher(reference == null ? "" : reference);
    if (!matcher.matches()) {
      throw TechnicalFailure.permanent(
          "Expected a secret reference like secrets.NAME, but got a literal value; put the value in the"
              + " environment or the secrets file and reference it");
    }
    String name = matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
    return byName(name);
  }

  /** The secret called {@code name}. */
  public Secret byName(String name) throws TechnicalFailure {
    Optional<String> value = source.lookup(name);
    if (value.isEmpty()) {
      throw TechnicalFailure.permanent(String.format(MISSING, name, name));
    }
    redactor.register(value.get());
    return new Secret(name, value.get());
  }

  /**
   * Replaces every {@code {{secrets.NAME}}} inside {@code text} with its value, for text handed
   * straight to a peer (a form field, an HTTP header). The result must never be logged unredacted.
   */
  public String interpolate(String text) throws TechnicalFailure {
    if (text == null || !text.contains("{{")) {
      return text;
    }
    Matcher matcher = EMBEDDED.matcher(text);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      matcher.appendReplacement(out, Matcher.quoteReplacement(byName(matcher.group(1)).reveal()));
    }
    matcher.appendTail(out);
    return out.toString();
  }

  public Redactor redactor() {
    return redactor;
  }
}
