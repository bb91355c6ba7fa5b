package dev.engranaje.workers.secrets;

import dev.engranaje.workers.api.TechnicalFailure;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The hosts each secret may be sent to, as the operator bound them ({@code secrets.hosts} in
 * worker.yaml). A bound secret goes only to a matching {@link Destination}; an unbound secret goes
 * wherever the job says. An entry is {@code host} (any port), {@code host:port}, {@code
 * *.example.com} (any subdomain, not example.com itself) or an IP address ({@code [::1]:8443} for
 * IPv6 with a port). Immutable.
 */
public final class SecretBindings {
  /** No secret is bound. */
  public static final SecretBindings NONE = new SecretBindings(Map.of());

  public static final String BAD_ENTRY = "Expected a host, host:port or *.domain for secret '%s', but got '%s'";
  public static final String NOT_BOUND_THERE = "Expected secret '%s' to be sent only to %s, but the job sends it to %s;"
      + " nothing was sent. Fix the model's destination, or bind the secret to that host too (secrets.hosts.%1$s)";
  private static final Pattern ENTRY =
      Pattern.compile("(\\*\\.)?([A-Za-z0-9_.-]+|\\[[0-9A-Fa-f:.]+])(?::(\\d{1,5}))?");

  private final Map<String, List<Entry>> hosts;

  private SecretBindings(Map<String, List<Entry>> hosts) {
    this.hosts = hosts;
  }

  /**
   * Parses bindings, secret name to its host entries.
   *
   * @throws IllegalArgumentException naming the secret and the entry that is not a host
   */
  public static SecretBindings of(Map<String, List<String>> bindings) {
    Map<String, List<Entry>> parsed = new LinkedHashMap<>();
    bindings.forEach((name, entries) -> parsed.put(name, entries.stream().map(e -> Entry.parse(name, e)).toList()));
    return new SecretBindings(Map.copyOf(parsed));
  }

  /** The hosts {@code name} is bound to, as written; empty when it is unbound. */
  public Optional<List<String>> hostsOf(String name) {
    return Optional.ofNullable(hosts.get(name)).map(list -> list.stream().map(Entry::text).toList());
  }

  /**
   * Passes when {@code name} is unbound or bound to {@code destination}.
   *
   * @throws TechnicalFailure a permanent failure naming the secret and the destination, never the value
   */
  public void check(String name, Destination destination) throws TechnicalFailure {
    List<Entry> bound = hosts.get(name);
    if (bound != null && bound.stream().noneMatch(entry -> entry.matches(destination))) {
      throw TechnicalFailure.permanent(String.format(NOT_BOUND_THERE, name,
          bound.stream().map(Entry::text).toList(), destination));
    }
  }

  private record Entry(String text, boolean subdomains, String host, int port) {
    static Entry parse(String name, String text) {
      Matcher matcher = ENTRY.matcher(text == null ? "" : text.trim());
      if (!matcher.matches()) {
        throw new IllegalArgumentException(String.format(BAD_ENTRY, name, text));
      }
      int port = matcher.group(3) == null ? -1 : Integer.parseInt(matcher.group(3));
      if (port > 65535 || (matcher.group(2).startsWith("[") && matcher.group(1) != null)) {
        throw new IllegalArgumentException(String.format(BAD_ENTRY, name, text));
      }
      return new Entry(text.trim(), matcher.group(1) != null, Destination.normalize(matcher.group(2)), port);
    }

    boolean matches(Destination destination) {
      boolean hostMatches = subdomains ? destination.host().endsWith("." + host) : destination.host().equals(host);
      return hostMatches && (port < 0 || port == destination.port());
    }
  }
}
