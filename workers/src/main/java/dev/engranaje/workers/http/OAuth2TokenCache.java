package dev.engranaje.workers.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.engranaje.workers.api.Secret;
import dev.engranaje.workers.api.TechnicalFailure;
import dev.engranaje.workers.secrets.Redactor;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * OAuth2 client-credentials tokens (RFC 6749 section 4.4), cached per token endpoint, client,
 * scope and secret until shortly before they expire ({@value #SKEW_SECONDS} s early) or until a
 * server refuses them. Concurrent jobs needing the same token fetch it once.
 *
 * <p>Thread-safe. Tokens live in memory only.
 */
final class OAuth2TokenCache {
  static final long SKEW_SECONDS = 30;
  static final String REFUSED =
      "Expected an access token from the token endpoint %s, but it answered HTTP %d%s; check clientId '%s',"
          + " the client secret %s and the scope";
  static final String UNAVAILABLE =
      "Expected an access token from the token endpoint %s, but it answered HTTP %d; the job is retried";
  static final String UNREADABLE =
      "Expected a JSON object with an access_token from the token endpoint %s, but got %s; check 'tokenUrl'";
  static final String UNREACHABLE = "Expected a response from the token endpoint %s, but %s; the job is retried";

  /** What identifies a token; the secret is kept as given, the cache key only holds its digest. */
  record Grant(URI tokenUrl, String clientId, Secret clientSecret, String scope, boolean basicAuth, Duration timeout) {}

  private record Key(String tokenUrl, String clientId, String scope, String secretDigest) {}

  private record Token(String value, Instant refreshAt) {}

  private final HttpClient client;
  private final ObjectMapper json;
  private final Map<Key, Token> tokens = new ConcurrentHashMap<>();
  private final Map<Key, Object> locks = new ConcurrentHashMap<>();

  OAuth2TokenCache(HttpClient client, ObjectMapper json) {
    this.client = client;
    this.json = json;
  }

  /**
   * A valid token for {@code grant}: the cached one unless it is due for refresh or equals {@code
   * stale} (just refused by a server), else a new one from the token endpoint.
   */
  String token(Grant grant, String stale, Clock clock, Redactor redactor) throws TechnicalFailure, InterruptedException {
    Key key = new Key(grant.tokenUrl().toString(), grant.clientId(), String.valueOf(grant.scope()), digest(grant.clientSecret()));
    synchronized (locks.computeIfAbsent(key, k -> new Object())) {
      Token cached = tokens.get(key);
      if (cached != null && clock.instant().isBefore(cached.refreshAt()) && !cached.value().equals(stale)) {
        return cached.value();
      }
      Token fresh = fetch(grant, clock);
      redactor.register(fresh.value());
      tokens.put(key, fresh);
      return fresh.value();
    }
  }

  private Token fetch(Grant grant, Clock clock) throws TechnicalFailure, InterruptedException {
    String where = HttpCall.describe(grant.tokenUrl());
    StringBuilder form = new StringBuilder("grant_type=client_credentials");
    if (grant.scope() != null && !grant.scope().isBlank()) {
      form.append("&scope=").append(encode(grant.scope()));
    }
    HttpRequest.Builder request = HttpRequest.newBuilder(grant.tokenUrl()).timeout(grant.timeout())
        .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json");
    if (grant.basicAuth()) {
      String pair = encode(grant.clientId()) + ":" + encode(grant.clientSecret().reveal());
      request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
    } else {
      form.append("&client_id=").append(encode(grant.clientId())).append("&client_secret=").append(encode(grant.clientSecret().reveal()));
    }
    HttpResponse<String> response;
    try {
      response = client.send(request.POST(HttpRequest.BodyPublishers.ofString(form.toString())).build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw TechnicalFailure.retryable(String.format(UNREACHABLE, where, e), e);
    }
    int status = response.statusCode();
    if (status == 429 || status >= 500) {
      throw TechnicalFailure.retryable(String.format(UNAVAILABLE, where, status), null);
    }
    JsonNode body = parse(response.body());
    if (status / 100 != 2) {
      String error = body != null && body.hasNonNull("error") ? " (" + body.get("error").asText() + ")" : "";
      throw TechnicalFailure.permanent(String.format(REFUSED, where, status, error, grant.clientId(),
          Credentials.describe(grant.clientSecret())));
    }
    if (body == null || !body.hasNonNull("access_token") || body.get("access_token").asText().isBlank()) {
      throw TechnicalFailure.permanent(String.format(UNREADABLE, where, body == null ? "no JSON" : "fields " + fieldNames(body)));
    }
    Instant refreshAt = body.hasNonNull("expires_in")
        ? clock.instant().plusSeconds(Math.max(0, body.get("expires_in").asLong() - SKEW_SECONDS))
        : Instant.MAX;
    return new Token(body.get("access_token").asText(), refreshAt);
  }

  private JsonNode parse(String text) {
    try {
      JsonNode node = json.readTree(text);
      return node != null && node.isObject() ? node : null;
    } catch (IOException notJson) {
      return null;
    }
  }

  private static String fieldNames(JsonNode body) {
    java.util.List<String> names = new java.util.ArrayList<>();
    body.fieldNames().forEachRemaining(names::add);
    return names.toString();
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  private static String digest(Secret secret) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(secret.reveal().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Expected the JVM to provide SHA-256, but it does not", e);
    }
  }
}
