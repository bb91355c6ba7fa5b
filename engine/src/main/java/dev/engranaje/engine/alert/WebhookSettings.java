package dev.engranaje.engine.alert;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;

/**
 * Where and how incident alerts are sent.
 *
 * @param url the receiver; http or https, without user info (credentials go in {@code bearerToken})
 * @param bearerToken sent as {@code Authorization: Bearer ...} when not null; never logged or echoed
 * @param firstBackoff the wait after the first failed attempt, doubled after each further one
 * @param maxBackoff the longest wait between attempts
 * @param restAddress the engine's REST address, for the links in each alert (null: no links)
 */
public record WebhookSettings(URI url, String bearerToken, Duration firstBackoff, Duration maxBackoff, URI restAddress) {
  public static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
  public static final Duration MAX_BACKOFF = Duration.ofMinutes(5);

  public WebhookSettings {
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https") || url.getHost() == null) {
      throw new IllegalArgumentException("Expected the incident webhook to be an http or https URL such as"
          + " https://alerts.example.com/engranaje, but got '" + redacted(url) + "'");
    }
    if (url.getUserInfo() != null) {
      throw new IllegalArgumentException("Expected the incident webhook URL without credentials, but it has user info;"
          + " put a token in RPA_INCIDENT_WEBHOOK_TOKEN instead (sent as a bearer token, never logged)");
    }
    if (firstBackoff.isNegative() || firstBackoff.isZero() || maxBackoff.compareTo(firstBackoff) < 0) {
      throw new IllegalArgumentException("Expected 0 < first backoff <= max backoff, but got " + firstBackoff + " and " + maxBackoff);
    }
  }

  /** The receiver as logs may show it: scheme, host, port and path; no user info, query or fragment. */
  public String receiver() {
    return redacted(url);
  }

  private static String redacted(URI url) {
    String host = url.getHost() == null ? "?" : url.getHost();
    String port = url.getPort() < 0 ? "" : ":" + url.getPort();
    String path = url.getRawPath() == null ? "" : url.getRawPath();
    return (url.getScheme() == null ? "" : url.getScheme() + "://") + host + port + path;
  }
}
