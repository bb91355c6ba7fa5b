package dev.engranaje.workers.http;

import dev.engranaje.workers.api.TechnicalFailure;
import dev.engranaje.workers.secrets.Destination;
import dev.engranaje.workers.secrets.SecretResolver;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * One attempt of an {@link HttpCall}: sends it with the current credentials, follows redirects
 * (at most {@value #MAX_REDIRECTS}; 303, and 301/302 after a POST, continue as GET without a body;
 * credentials and secret-bearing headers are not sent to another origin, a body carrying a secret
 * only where that secret may go) and, when an OAuth2 token
 * is refused with 401, fetches a fresh token and sends once more.
 *
 * <p>Not thread-safe; one per job.
 */
final class SingleExchange {
  static final int MAX_REDIRECTS = 5;
  static final String RESTRICTED_HEADER =
      "Expected headers the HTTP client lets a worker set, but '%s' is set by the client itself; remove it from 'headers'";
  private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

  private final HttpClient client;
  private final HttpCall call;
  private final Credentials credentials;
  private final SecretResolver secrets;

  SingleExchange(HttpClient client, HttpCall call, Credentials credentials, SecretResolver secrets) {
    this.client = client;
    this.call = call;
    this.credentials = credentials;
    this.secrets = secrets;
  }

  HttpResponse<InputStream> send() throws Exception {
    Optional<String> authorization = credentials.header(null);
    HttpResponse<InputStream> response = follow(authorization.orElse(null));
    if (response.statusCode() == 401 && credentials.refreshable()) {
      ResponseBodies.discard(response);
      response = follow(credentials.header(authorization.orElse(null)).orElse(null));
    }
    return response;
  }

  private HttpResponse<InputStream> follow(String authorization) throws IOException, InterruptedException, TechnicalFailure {
    URI uri = call.uri();
    String method = call.method();
    boolean withBody = true;
    boolean sameOrigin = true;
    for (int hop = 0; ; hop++) {
      HttpRequest request = request(uri, method, withBody, sameOrigin ? authorization : null, sameOrigin);
      HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
      Optional<URI> next = nextLocation(response, uri, hop);
      if (next.isEmpty()) {
        return response;
      }
      ResponseBodies.discard(response);
      int status = response.statusCode();
      if ((status == 303 && !method.equals("HEAD")) || ((status == 301 || status == 302) && method.equals("POST"))) {
        method = "GET";
        withBody = false;
      }
      sameOrigin = sameOrigin && HttpCall.origin(next.get()).equals(HttpCall.origin(call.uri()));
      if (!sameOrigin && withBody) {
        // a 307/308 resends the body, secrets included: only where those secrets may go
        for (String name : call.bodySecrets()) {
          secrets.check(secrets.byName(name), Destination.of(next.get()));
        }
      }
      uri = next.get();
    }
  }

  private Optional<URI> nextLocation(HttpResponse<InputStream> response, URI current, int hop) {
    if (!call.followRedirects() || !REDIRECTS.contains(response.statusCode()) || hop >= MAX_REDIRECTS) {
      return Optional.empty();
    }
    try {
      Optional<URI> next = response.headers().firstValue("location").map(current::resolve);
      return next.filter(uri -> uri.getScheme() != null && uri.getHost() != null
          && Set.of("http", "https").contains(uri.getScheme().toLowerCase(Locale.ROOT)));
    } catch (IllegalArgumentException unreadable) {
      return Optional.empty();
    }
  }

  private HttpRequest request(URI uri, String method, boolean withBody, String authorization, boolean sameOrigin)
      throws TechnicalFailure {
    BodyPublisher body = withBody ? call.body() : BodyPublishers.noBody();
    HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(call.timeout()).method(method, body);
    for (HttpCall.Header header : call.headers()) {
      if (sameOrigin || !call.sensitive().contains(header.name().toLowerCase(Locale.ROOT))) {
        set(builder, header.name(), header.value());
      }
    }
    if (withBody && call.contentType() != null) {
      set(builder, "Content-Type", call.contentType());
    }
    if (authorization != null) {
      set(builder, "Authorization", authorization);
    }
    return builder.build();
  }

  private static void set(HttpRequest.Builder builder, String name, String value) throws TechnicalFailure {
    try {
      builder.setHeader(name, value);
    } catch (IllegalArgumentException restricted) {
      throw TechnicalFailure.permanent(String.format(RESTRICTED_HEADER, name));
    }
  }
}
