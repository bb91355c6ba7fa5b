package dev.engranaje.workers.http;

import dev.engranaje.workers.api.JobContext;
import dev.engranaje.workers.api.Secret;
import dev.engranaje.workers.api.TechnicalFailure;
import dev.engranaje.workers.secrets.Destination;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * The {@code Authorization} header of one job's requests. Every value derived from a secret (the
 * encoded basic credentials, a fetched access token) is registered with the redactor, so it is
 * masked if a peer echoes it back. A secret bound to hosts is checked against the host it goes to
 * before anything is sent.
 */
sealed interface Credentials {
  String UNKNOWN =
      "Expected 'authType' to be none, basic, bearer or oauth2, but got '%s'";
  String MISSING =
      "Expected '%s' for authType '%s', but it is not set; set it (secrets as references like secrets.NAME)";

  /** The header value, or empty for none; {@code stale} is a value the server just refused. */
  Optional<String> header(String stale) throws Exception;

  /** True when a refused value can be replaced by a fresh one (OAuth2 tokens). */
  default boolean refreshable() {
    return false;
  }

  static Credentials of(HttpRequestInput input, JobContext context, OAuth2TokenCache tokens) throws TechnicalFailure {
    return switch (input.authType()) {
      case "none" -> new None();
      case "basic" -> {
        require(input.username(), "username", input);
        require(input.password(), "password", input);
        context.secrets().check(input.password(), Destination.of(HttpCallFactory.parseUrl(input.url())));
        String pair = input.username() + ":" + input.password().reveal();
        String encoded = Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
        context.secrets().redactor().register(encoded);
        yield new Fixed("Basic " + encoded);
      }
      case "bearer" -> {
        require(input.token(), "token", input);
        context.secrets().check(input.token(), Destination.of(HttpCallFactory.parseUrl(input.url())));
        yield new Fixed("Bearer " + input.token().reveal());
      }
      case "oauth2" -> {
        require(input.tokenUrl(), "tokenUrl", input);
        require(input.clientId(), "clientId", input);
        require(input.clientSecret(), "clientSecret", input);
        URI tokenUrl = HttpCallFactory.parseUrl(input.tokenUrl());
        // the client secret goes to the token endpoint only; the token it buys goes to 'url'
        context.secrets().check(input.clientSecret(), Destination.of(tokenUrl));
        OAuth2TokenCache.Grant grant = new OAuth2TokenCache.Grant(tokenUrl, input.clientId(),
            input.clientSecret(), input.scope(), !input.tokenAuthMethod().equals("body"), Duration.ofSeconds(input.timeoutSeconds()));
        yield new ClientCredentials(tokens, grant, context);
      }
      default -> throw TechnicalFailure.permanent(String.format(UNKNOWN, input.authType()));
    };
  }

  private static void require(Object value, String property, HttpRequestInput input) throws TechnicalFailure {
    if (value == null || (value instanceof String text && text.isBlank())) {
      throw TechnicalFailure.permanent(String.format(MISSING, property, input.authType()));
    }
  }

  /** No Authorization header. */
  record None() implements Credentials {
    @Override
    public Optional<String> header(String stale) {
      return Optional.empty();
    }
  }

  /** Basic or bearer: the same value every time. */
  record Fixed(String value) implements Credentials {
    @Override
    public Optional<String> header(String stale) {
      return Optional.of(value);
    }

    @Override
    public String toString() {
      return "Fixed[***]";
    }
  }

  /** OAuth2 client credentials: a cached token, refreshed on expiry or when refused. */
  record ClientCredentials(OAuth2TokenCache tokens, OAuth2TokenCache.Grant grant, JobContext context) implements Credentials {
    @Override
    public Optional<String> header(String stale) throws Exception {
      String staleToken = stale == null ? null : stale.substring("Bearer ".length());
      return Optional.of("Bearer " + tokens.token(grant, staleToken, context.clock(), context.secrets().redactor()));
    }

    @Override
    public boolean refreshable() {
      return true;
    }
  }

  /** For messages: names the secret, never its value. */
  static String describe(Secret secret) {
    return secret == null ? "(none)" : "secrets." + secret.name();
  }
}
