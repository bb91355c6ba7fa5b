package dev.engranaje.cli.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.engranaje.engine.api.rest.ConsoleAuthority;
import dev.engranaje.engine.api.rest.ConsoleSessions;
import dev.engranaje.engine.api.rest.Role;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * A login checked by the engine itself: the user's name and password, as HTTP basic credentials,
 * must open {@code /v2/topology}. Their groups come from {@code /v2/authentication/me} where the
 * engine has it (a Camunda cluster), else they are unknown. What the user may do is the engine's
 * decision on every forwarded call; the console shows every action and reports the engine's 403.
 */
final class EngineLogin implements ConsoleAuthority {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI engine;
  private final HttpClient http;
  private final boolean requiresLogin;

  EngineLogin(URI engine, HttpClient http, boolean requiresLogin) {
    this.engine = engine;
    this.http = http;
    this.requiresLogin = requiresLogin;
  }

  @Override
  public boolean requiresLogin() {
    return requiresLogin;
  }

  @Override
  public CompletableFuture<Optional<ConsoleSessions.Session>> login(String user, char[] password,
      ConsoleSessions sessions) {
    String authorization = "Basic " + Base64.getEncoder().encodeToString(
        (user + ":" + new String(password)).getBytes(StandardCharsets.UTF_8));
    return get("/v2/topology", authorization).thenCompose(topology -> {
      if (topology.statusCode() == 401 || topology.statusCode() == 403) {
        return CompletableFuture.completedFuture(Optional.empty());
      }
      if (topology.statusCode() != 200) {
        throw new IllegalStateException("the engine answered HTTP " + topology.statusCode() + " to /v2/topology");
      }
      return get("/v2/authentication/me", authorization).handle((me, error) -> Optional.of(
          sessions.open(user, Set.of(Role.ADMIN), error == null ? groups(me) : null, authorization)));
    });
  }

  private CompletableFuture<HttpResponse<String>> get(String path, String authorization) {
    return http.sendAsync(HttpRequest.newBuilder(URI.create(ConsoleServer.base(engine) + path))
        .header("Authorization", authorization).header("Accept", "application/json").GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static Set<String> groups(HttpResponse<String> me) {
    if (me.statusCode() != 200) {
      return null;
    }
    try {
      JsonNode groups = JSON.readTree(me.body()).path("groups");
      if (!groups.isArray()) {
        return null;
      }
      Set<String> names = new LinkedHashSet<>();
      groups.forEach(group -> names.add(group.isTextual() ? group.asText() : group.path("groupId").asText()));
      return names;
    } catch (IOException e) {
      return null;
    }
  }
}
