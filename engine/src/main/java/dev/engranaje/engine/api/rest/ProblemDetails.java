package dev.engranaje.engine.api.rest;

import dev.engranaje.engine.gateway.Rejection;
import io.camunda.client.protocol.rest.ProblemDetail;
import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * RFC 9457 problem responses, in the shape the Camunda client parses into its exceptions. Nothing a
 * client sent is echoed back at length: quoted values and paths are cut to {@value #MAX_ECHO}
 * characters, a whole detail to {@value #MAX_DETAIL}.
 */
final class ProblemDetails {

  /** The most characters of a client's value (a name, a path) an answer repeats. */
  static final int MAX_ECHO = 100;

  /** The most characters of a problem's detail. */
  static final int MAX_DETAIL = 4_000;

  static final String ELLIPSIS = "…";

  private static final URI ABOUT_BLANK = URI.create("about:blank");
  // an opening quote follows no letter or digit, so the text between two quoted values is not one
  private static final Pattern LONG_QUOTED = Pattern.compile("(?<![\\w])'([^']{" + (MAX_ECHO + 1) + ",})'");

  private ProblemDetails() {}

  static RestResponse of(int status, String title, String detail, String instance) {
    ProblemDetail problem = new ProblemDetail();
    problem.setType(ABOUT_BLANK);
    problem.setTitle(title);
    problem.setStatus(status);
    problem.setDetail(shorten(detail));
    problem.setInstance(echo(instance));
    return new RestResponse(status, problem, RestResponse.PROBLEM_JSON);
  }

  static RestResponse rejection(Rejection rejection, String instance) {
    return of(
        rejection.type().httpStatus(), rejection.type().name(), rejection.getMessage(), instance);
  }

  static RestResponse notFound(String instance) {
    return of(404, "NOT_FOUND", "No resource at " + echo(instance), instance);
  }

  static RestResponse methodNotAllowed(String method, String instance) {
    return of(
        405,
        "METHOD_NOT_ALLOWED",
        "Method " + echo(method) + " is not supported for " + echo(instance),
        instance);
  }

  static RestResponse internalError(String instance) {
    return of(
        500,
        "INTERNAL_SERVER_ERROR",
        "Unexpected error while processing the request; see the engine log",
        instance);
  }

  /** {@code value} cut to {@value #MAX_ECHO} characters plus an ellipsis; null stays null. */
  static String echo(String value) {
    if (value == null || value.length() <= MAX_ECHO) {
      return value;
    }
    return value.substring(0, MAX_ECHO) + ELLIPSIS;
  }

  /** Long quoted values cut (see {@link #echo}), then the whole text to {@value #MAX_DETAIL}. */
  static String shorten(String detail) {
    if (detail == null) {
      return null;
    }
    String text = detail;
    if (text.length() > MAX_ECHO) {
      Matcher quoted = LONG_QUOTED.matcher(text);
      StringBuilder out = new StringBuilder();
      while (quoted.find()) {
        quoted.appendReplacement(out, Matcher.quoteReplacement("'" + echo(quoted.group(1)) + "'"));
      }
      quoted.appendTail(out);
      text = out.toString();
    }
    return text.length() <= MAX_DETAIL ? text : text.substring(0, MAX_DETAIL) + ELLIPSIS;
  }
}
