package dev.engranaje.cli.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.engranaje.engine.api.rest.ConsoleSessions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Forwards the console's {@code /v2} calls to the engine, with the logged-in user's credentials
 * (kept in their session, never sent to the browser) or the console's own (from the environment,
 * as the CLI's other commands take them). Only the body, its media type and the answer cross.
 */
final class EngineProxy extends Handler.Abstract.NonBlocking {

  static final int MAX_BODY_BYTES = 16 * 1024 * 1024;
  static final String UNREACHABLE = "Expected the engine at %s to answer, but %s; is it running? Check --address";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI engine;
  private final ConsoleSessions sessions;
  private final Supplier<Map<String, String>> ownCredentials;
  private final HttpClient http;

  EngineProxy(URI engine, ConsoleSessions sessions, Supplier<Map<String, String>> ownCredentials, HttpClient http) {
    this.engine = engine;
    this.sessions = sessions;
    this.ownCredentials = ownCredentials;
    this.http = http;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    String path = Request.getPathInContext(request);
    if (!path.startsWith("/v2/")) {
      return false;
    }
    String query = request.getHttpURI().getQuery();
    URI target = URI.create(ConsoleServer.base(engine) + request.getHttpURI().getPath() + (query == null ? "" : "?" + query));
    Content.Source.asByteArrayAsync(request, MAX_BODY_BYTES).whenComplete((body, failure) -> {
      if (failure != null) {
        problem(413, "Expected a request body of at most " + MAX_BODY_BYTES + " bytes", response, callback);
        return;
      }
      HttpRequest.Builder forward = HttpRequest.newBuilder(target).method(request.getMethod(),
          body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
      copy(request, HttpHeader.CONTENT_TYPE.asString(), forward);
      copy(request, HttpHeader.ACCEPT.asString(), forward);
      String authorization = sessions.find(request).map(ConsoleSessions.Session::authorization).orElse(null);
      if (authorization != null) {
        forward.header("Authorization", authorization);
      } else {
        ownCredentials.get().forEach(forward::header);
      }
      http.sendAsync(forward.build(), HttpResponse.BodyHandlers.ofByteArray()).whenComplete((answer, error) -> {
        if (error != null) {
          problem(502, String.format(UNREACHABLE, engine, error.getMessage() == null ? error.getClass().getSimpleName()
              : error.getMessage()), response, callback);
          return;
        }
        response.setStatus(answer.statusCode());
        answer.headers().firstValue("Content-Type")
            .ifPresent(type -> response.getHeaders().put(HttpHeader.CONTENT_TYPE, type));
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.write(true, ByteBuffer.wrap(answer.body()), callback);
      });
    });
    return true;
  }

  private static void copy(Request request, String name, HttpRequest.Builder forward) {
    String value = request.getHeaders().get(name);
    if (value != null) {
      forward.header(name, value);
    }
  }

  private static void problem(int status, String detail, Response response, Callback callback) {
    byte[] json;
    try {
      json = JSON.writeValueAsBytes(Map.of("type", "about:blank", "title", status == 502 ? "BAD_GATEWAY" : "INVALID_ARGUMENT",
          "status", status, "detail", detail));
    } catch (JsonProcessingException e) {
      callback.failed(e);
      return;
    }
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/problem+json");
    response.write(true, ByteBuffer.wrap(json), callback);
  }
}
