package dev.engranaje.workers.secrets;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;

/**
 * Where a worker is about to send a secret: a host name or address (lower case, IPv6 without
 * brackets) and a port. Safe to show in messages.
 *
 * @param host never {@code null}
 * @param port the effective port (a URL without one gets its scheme's default)
 */
public record Destination(String host, int port) {

  public Destination {
    host = normalize(Objects.requireNonNull(host, "host"));
  }

  /** The host and port of an http(s) URL; a URL without a port gets 80 or 443. */
  public static Destination of(URI uri) {
    String host = uri.getHost() == null ? "" : uri.getHost();
    int port = uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    return new Destination(host, port);
  }

  static String normalize(String host) {
    String trimmed = host.trim().toLowerCase(Locale.ROOT);
    return trimmed.startsWith("[") && trimmed.endsWith("]") ? trimmed.substring(1, trimmed.length() - 1) : trimmed;
  }

  /** {@code host:port}, IPv6 in brackets. */
  @Override
  public String toString() {
    return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
  }
}
