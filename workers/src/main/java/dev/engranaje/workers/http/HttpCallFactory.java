package dev.engranaje.workers.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.engranaje.workers.api.JobContext;
import dev.engranaje.workers.api.TechnicalFailure;
import dev.engranaje.workers.secrets.Destination;
import dev.engranaje.workers.secrets.SecretResolver;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.UUID;

/**
 * Turns a job's {@link HttpRequestInput} into an {@link HttpCall}: validates it once (a mistake is a
 * permanent failure naming the property), interpolates {@code {{secrets.NAME}}} in headers, query,
 * form and JSON strings (each checked against the hosts it is bound to), and adds the {@code Idempotency-Key} header to POST and PATCH. Stateless.
 */
final class HttpCallFactory {
  static final String BAD_URL =
      "Expected an absolute http or https URL in 'url', but got '%s'; write it like https://api.example.com/orders";
  static final String BAD_METHOD = "Expected 'method' to be one of %s, but got '%s'";
  static final String TWO_BODIES = "Expected at most one of 'body', 'form' and 'bodyFile', but got %s";
  static final String MISSING_BODY_FILE =
      "Expected the body file '%s' to exist in the workspace, but it does not; write it first or fix 'bodyFile'";
  static final String BAD_LIMITS =
      "Expected timeoutSeconds >= 1, maxAttempts >= 1, maxRetryWaitSeconds >= 0 and maxInlineBytes >= 0, but got %d, %d, %d and %d";
  static final String AUTH_TWICE =
      "Expected the Authorization header from either 'authType' or 'headers', but both set it; remove one";
  static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");
  private static final Set<String> ALWAYS_SENSITIVE = Set.of("authorization", "proxy-authorization", "cookie");

  private final ObjectMapper json;

  HttpCallFactory(ObjectMapper json) {
    this.json = json;
  }

  HttpCall create(HttpRequestInput input, JobContext context, String ledgerKey) throws TechnicalFailure {
    validateLimits(input);
    if (!METHODS.contains(input.method())) {
      throw TechnicalFailure.permanent(String.format(BAD_METHOD, new java.util.TreeSet<>(METHODS), input.method()));
    }
    SecretResolver secrets = context.secrets();
    URI target = parseUrl(input.url());
    Destination destination = Destination.of(target);
    URI uri = withQuery(target, input.query(), secrets, destination);
    List<HttpCall.Header> headers = new ArrayList<>();
    Set<String> sensitive = new HashSet<>(ALWAYS_SENSITIVE);
    String contentType = null;
    for (Map.Entry<String, String> header : input.headers().entrySet()) {
      String name = header.getKey().trim();
      String raw = header.getValue() == null ? "" : header.getValue();
      if (raw.contains("{{")) {
        sensitive.add(name.toLowerCase(Locale.ROOT));
      }
      if (name.equalsIgnoreCase("content-type")) {
        contentType = raw;
      } else {
        headers.add(new HttpCall.Header(name, secrets.interpolate(raw, destination)));
      }
    }
    if (!input.authType().equals("none") && input.headers().keySet().stream().anyMatch(h -> h.equalsIgnoreCase("authorization"))) {
      throw TechnicalFailure.permanent(AUTH_TWICE);
    }
    if (input.isNonIdempotent() && !input.idempotencyKeyHeader().isEmpty()
        && input.headers().keySet().stream().noneMatch(h -> h.equalsIgnoreCase(input.idempotencyKeyHeader()))) {
      String key = UUID.nameUUIDFromBytes(ledgerKey.getBytes(StandardCharsets.UTF_8)).toString();
      headers.add(new HttpCall.Header(input.idempotencyKeyHeader(), key));
    }
    Body body = body(input, context, contentType, destination);
    return new HttpCall(input.method(), uri, List.copyOf(headers), Set.copyOf(sensitive), body.publisher(), body.contentType(),
        bodySecrets(input),
        Duration.ofSeconds(input.timeoutSeconds()), input.followRedirects(), input.isNonIdempotent(), input.maxAttempts(),
        Duration.ofSeconds(input.maxRetryWaitSeconds()));
  }

  private static void validateLimits(HttpRequestInput input) throws TechnicalFailure {
    if (input.timeoutSeconds() < 1 || input.maxAttempts() < 1 || input.maxRetryWaitSeconds() < 0 || input.maxInlineBytes() < 0) {
      throw TechnicalFailure.permanent(String.format(BAD_LIMITS, input.timeoutSeconds(), input.maxAttempts(),
          input.maxRetryWaitSeconds(), input.maxInlineBytes()));
    }
  }

  static URI parseUrl(String url) throws TechnicalFailure {
    try {
      URI uri = new URI(url == null ? "" : url.trim());
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
        return uri;
      }
    } catch (java.net.URISyntaxException invalid) {
      // reported below, like any other URL we cannot call
    }
    throw TechnicalFailure.permanent(String.format(BAD_URL, url));
  }

  private static URI withQuery(URI uri, Map<String, Object> query, SecretResolver secrets, Destination destination)
      throws TechnicalFailure {
    if (query.isEmpty()) {
      return uri;
    }
    StringJoiner parameters = new StringJoiner("&");
    for (Map.Entry<String, Object> parameter : query.entrySet()) {
      Collection<?> values = parameter.getValue() instanceof Collection<?> list ? list : java.util.Collections.singletonList(parameter.getValue());
      for (Object value : values) {
        String text = value == null ? "" : secrets.interpolate(String.valueOf(value), destination);
        parameters.add(encode(parameter.getKey()) + "=" + encode(text));
      }
    }
    String text = uri.toString();
    int fragment = text.indexOf('#');
    String base = fragment < 0 ? text : text.substring(0, fragment);
    String separator = uri.getRawQuery() == null ? "?" : "&";
    return URI.create(base + separator + parameters + (fragment < 0 ? "" : text.substring(fragment)));
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  private record Body(BodyPublisher publisher, String contentType) {}

  private Body body(HttpRequestInput input, JobContext context, String contentType, Destination destination)
      throws TechnicalFailure {
    List<String> given = new ArrayList<>();
    if (input.body() != null && !input.body().isNull()) {
      given.add("body");
    }
    if (!input.form().isEmpty()) {
      given.add("form");
    }
    if (input.bodyFile() != null && !input.bodyFile().isBlank()) {
      given.add("bodyFile");
    }
    if (given.size() > 1) {
      throw TechnicalFailure.permanent(String.format(TWO_BODIES, given));
    }
    if (given.isEmpty()) {
      return new Body(BodyPublishers.noBody(), contentType);
    }
    return switch (given.get(0)) {
      case "body" -> jsonOrText(interpolate(input.body(), context.secrets(), destination), contentType);
      case "form" -> form(input.form(), context.secrets(), contentType, destination);
      default -> file(input.bodyFile(), context, contentType);
    };
  }

  private Body jsonOrText(JsonNode body, String contentType) throws TechnicalFailure {
    if (body.isTextual() && contentType != null && !contentType.toLowerCase(Locale.ROOT).contains("json")) {
      return new Body(BodyPublishers.ofByteArray(body.textValue().getBytes(StandardCharsets.UTF_8)), contentType);
    }
    try {
      byte[] bytes = json.writeValueAsBytes(body);
      return new Body(BodyPublishers.ofByteArray(bytes), contentType != null ? contentType : "application/json");
    } catch (JsonProcessingException e) {
      throw TechnicalFailure.permanent("Expected a JSON 'body', but it cannot be written: " + e.getOriginalMessage(), e);
    }
  }

  private static Body form(Map<String, String> form, SecretResolver secrets, String contentType, Destination destination)
      throws TechnicalFailure {
    StringJoiner fields = new StringJoiner("&");
    for (Map.Entry<String, String> field : form.entrySet()) {
      String value = field.getValue() == null ? "" : secrets.interpolate(field.getValue(), destination);
      fields.add(encode(field.getKey()) + "=" + encode(value));
    }
    byte[] bytes = fields.toString().getBytes(StandardCharsets.UTF_8);
    return new Body(BodyPublishers.ofByteArray(bytes), contentType != null ? contentType : "application/x-www-form-urlencoded");
  }

  private static Body file(String reference, JobContext context, String contentType) throws TechnicalFailure {
    Path file = context.workspace().resolve(reference);
    if (!Files.isRegularFile(file)) {
      throw TechnicalFailure.permanent(String.format(MISSING_BODY_FILE, reference));
    }
    try {
      String type = contentType != null ? contentType : Files.probeContentType(file);
      return new Body(BodyPublishers.ofFile(file), type != null ? type : "application/octet-stream");
    } catch (FileNotFoundException e) {
      throw TechnicalFailure.permanent(String.format(MISSING_BODY_FILE, reference), e);
    } catch (IOException e) {
      throw TechnicalFailure.retryable("Expected to read the body file '" + reference + "', but " + e.getMessage(), e);
    }
  }

  /** The secrets the body carries: a redirect to another origin may resend it only where they may go. */
  private static Set<String> bodySecrets(HttpRequestInput input) {
    Set<String> names = new java.util.LinkedHashSet<>();
    if (input.body() != null) {
      collect(input.body(), names);
    }
    input.form().values().forEach(value -> names.addAll(SecretResolver.referencedIn(value)));
    return Set.copyOf(names);
  }

  private static void collect(JsonNode node, Set<String> names) {
    if (node.isTextual()) {
      names.addAll(SecretResolver.referencedIn(node.textValue()));
    }
    node.forEach(child -> collect(child, names));
  }

  // Secrets inside JSON strings, e.g. a login payload {"password": "{{secrets.PORTAL_PASSWORD}}"}.
  private static JsonNode interpolate(JsonNode node, SecretResolver secrets, Destination destination) throws TechnicalFailure {
    if (node.isTextual()) {
      return node.textValue().contains("{{") ? TextNode.valueOf(secrets.interpolate(node.textValue(), destination)) : node;
    }
    if (node.isObject()) {
      ObjectNode copy = ((ObjectNode) node).deepCopy();
      for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
        Map.Entry<String, JsonNode> field = fields.next();
        copy.set(field.getKey(), interpolate(field.getValue(), secrets, destination));
      }
      return copy;
    }
    if (node.isArray()) {
      ArrayNode copy = ((ArrayNode) node).arrayNode();
      for (JsonNode element : node) {
        copy.add(interpolate(element, secrets, destination));
      }
      return copy;
    }
    return node;
  }
}
