package dev.engranaje.engine.api.rest;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Errors Jetty answers itself, before a request reaches the {@link Router} (headers too large, a
 * malformed request line), as problem+json like every other error, naming the limit that applied.
 */
final class ProblemErrorHandler extends ErrorHandler {

  static final String HEADERS_TOO_LARGE =
      "Expected request headers of at most %d bytes (the header size limit), but they are larger; raise it with "
          + ServerLimits.MAX_HEADER_SIZE_OPTION;
  static final String BAD_REQUEST = "Expected a well-formed HTTP request, but %s";

  private final ServerLimits limits;

  ProblemErrorHandler(ServerLimits limits) {
    this.limits = limits;
  }

  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    fields.put(HttpHeader.CONTENT_TYPE, RestResponse.PROBLEM_JSON);
    return ByteBuffer.wrap(Json.write(problem(status, reason, null).body()));
  }

  @Override
  protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
      Callback callback) {
    RestResponse problem = problem(code, message, Request.getPathInContext(request));
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, RestResponse.PROBLEM_JSON);
    response.write(true, ByteBuffer.wrap(Json.write(problem.body())), callback);
  }

  private RestResponse problem(int status, String reason, String instance) {
    if (status == 431) {
      return ProblemDetails.of(status, "REQUEST_HEADER_FIELDS_TOO_LARGE",
          String.format(HEADERS_TOO_LARGE, limits.maxHeaderBytes()), instance);
    }
    if (status >= 500) {
      return ProblemDetails.internalError(instance);
    }
    String why = reason == null || reason.isBlank() ? "it is not (status " + status + ")" : "it is not: " + reason;
    return ProblemDetails.of(status, status == 400 ? "INVALID_ARGUMENT" : "HTTP_" + status,
        String.format(BAD_REQUEST, ProblemDetails.echo(why)), instance);
  }
}
