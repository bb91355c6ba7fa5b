package dev.engranaje.workers.http;

import java.net.URI;
import java.net.http.HttpRequest.BodyPublisher;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One request, ready to send: secrets interpolated, query appended, body encoded. The body
 * publisher is reusable (it is sent again on retries and 307/308 redirects).
 *
 * @param headers in order; {@code sensitive} names (lower case) are not sent to another origin
 * @param contentType the body's type, null without a body
 * @param bodySecrets the names of the secrets interpolated into the body (checked again before a
 *     redirect to another origin resends it)
 * @param maxAttempts attempts within one job
 * @param maxRetryWait the total wait between attempts within one job
 */
record HttpCall(
    String method,
    URI uri,
    List<Header> headers,
    Set<String> sensitive,
    BodyPublisher body,
    String contentType,
    Set<String> bodySecrets,
    Duration timeout,
    boolean followRedirects,
    boolean nonIdempotent,
    int maxAttempts,
    Duration maxRetryWait) {

  record Header(String name, String value) {}

  /** The target as safe to show: scheme, host, port and path, never the query or user info. */
  String describe() {
    return method + " " + describe(uri);
  }

  static String describe(URI uri) {
    String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    return uri.getScheme() + "://" + uri.getHost() + port + path;
  }

  /** Scheme, host and port: credentials stay within it across redirects. */
  static String origin(URI uri) {
    int port = uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    return uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ":" + port;
  }
}
