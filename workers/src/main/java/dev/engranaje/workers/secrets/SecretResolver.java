package dev.engranaje.workers.secrets;

import dev.engranaje.workers.api.Secret;
import dev.engranaje.workers.api.TechnicalFailure;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves secret references at run time. A reference is {@code secrets.NAME} or, inside text,
 * {@code {{secrets.NAME}}}. Only the secrets the {@link SecretSource} was given resolve; a missing
 * one is a permanent failure naming it and saying where to set it. Every resolved value is
 * registered with the {@link Redactor}, so it is masked wherever it could echo back (logs, failure
 * messages, output variables). Before a worker sends a secret it asks {@link #check} (or passes the
 * destination to {@link #interpolate}), so a secret bound to hosts ({@link SecretBindings}) never
 * leaves for another one.
 *
 * <p>Thread-safe.
 */
public final class SecretResolver {
  /** A whole-value reference: {@code secrets.NAME} or {@code {{secrets.NAME}}}. */
  private static final Pattern REFERENCE =
      Pattern.compile("\\s*(?:\\{\\{\\s*secrets\\.([A-Za-z0-9_.-]+)\\s*}}|secrets\\.([A-Za-z0-9_.-]+))\\s*");
  private static final Pattern EMBEDDED = Pattern.compile("\\{\\{\\s*secrets\\.([A-Za-z0-9_.-]+)\\s*}}");
  static final String MISSING = "Expected secret '%s' to be given to this worker, but %s; nothing was sent";
  static final String LITERAL = "Expected a secret reference like secrets.NAME, but got a literal value; put the value in"
      + " the secrets file (or the environment variable " + SecretSource.ENVIRONMENT_PREFIX + "NAME) and reference it";

  private final SecretSource source;
  private final Redactor redactor;
  private final SecretBindings bindings;

  /** A resolver without host bindings. */
  public SecretResolver(SecretSource source, Redactor redactor) {
    this(source, redactor, SecretBindings.NONE);
  }

  public SecretResolver(SecretSource source, Redactor redactor, SecretBindings bindings) {
    this.source = source;
    this.redactor = redactor;
    this.bindings = bindings;
  }

  /** True when {@code text} is a reference to one secret. */
  public static boolean isReference(String text) {
    return text != null && REFERENCE.matcher(text).matches();
  }

  /** The names of the {@code {{secrets.NAME}}} references inside {@code text}, in order; empty for null. */
  public static Set<String> referencedIn(String text) {
    Set<String> names = new LinkedHashSet<>();
    if (text != null) {
      Matcher matcher = EMBEDDED.matcher(text);
      while (matcher.find()) {
        names.add(matcher.group(1));
      }
    }
    return names;
  }

  /** The secret a whole-value reference names. */
  public Secret resolve(String reference) throws TechnicalFailure {
    Matcher matcher = REFERENCE.matcher(reference == null ? "" : reference);
    if (!matcher.matches()) {
      throw TechnicalFailure.permanent(LITERAL);
    }
    String name = matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
    return byName(name);
  }

  /** The secret called {@code name}. */
  public Secret byName(String name) throws TechnicalFailure {
    Optional<String> value = source.lookup(name);
    if (value.isEmpty()) {
      throw TechnicalFailure.permanent(String.format(MISSING, name, source.advice(name)));
    }
    redactor.register(value.get());
    return new Secret(name, value.get());
  }

  /**
   * Passes when {@code secret} may be sent to {@code destination}; call it before sending.
   *
   * @throws TechnicalFailure a permanent failure naming the secret and the destination, never the value
   */
  public void check(Secret secret, Destination destination) throws TechnicalFailure {
    bindings.check(secret.name(), destination);
  }

  /**
   * Replaces every {@code {{secrets.NAME}}} inside {@code text} with its value, for text handed
   * straight to {@code destination} (a form field, an HTTP header). Every secret is checked against
   * its bindings first. The result must never be logged unredacted.
   */
  public String interpolate(String text, Destination destination) throws TechnicalFailure {
    if (text == null || !text.contains("{{")) {
      return text;
    }
    Matcher matcher = EMBEDDED.matcher(text);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      Secret secret = byName(matcher.group(1));
      check(secret, destination);
      matcher.appendReplacement(out, Matcher.quoteReplacement(secret.reveal()));
    }
    matcher.appendTail(out);
    return out.toString();
  }

  public Redactor redactor() {
    return redactor;
  }
}
