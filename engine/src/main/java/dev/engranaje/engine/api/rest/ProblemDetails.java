package dev.engranaje.engine.api.rest;

import dev.engranaje.engine.gateway.Rejection;
import io.camunda.client.protocol.rest.ProblemDetail;
import java.net.URI;

/** RFC 9457 problem responses, in the shape the Camunda client parses into its exceptions. */
final class ProblemDetails {

  private static final URI ABOUT_BLANK = URI.create("about:blank");

  private ProblemDetails() {}

  static RestResponse of(int status, String title, String detail, String instance) {
    ProblemDetail problem = new ProblemDetail();
    problem.setType(ABOUT_BLANK);
    problem.setTitle(title);
    problem.setStatus(status);
    problem.setDetail(detail);
    problem.setInstance(instance);
    return new RestResponse(status, problem, RestResponse.PROBLEM_JSON);
  }

  static RestResponse rejection(Rejection rejection, String instance) {
    return of(
        rejection.type().httpStatus(), rejection.type().name(), rejection.getMessage(), instance);
  }

  static RestResponse notFound(String instance) {
    return of(404, "NOT_FOUND", "No resource at " + instance, instance);
  }

  static RestResponse methodNotAllowed(String method, String instance) {
    return of(
        405,
        "METHOD_NOT_ALLOWED",
        "Method " + method + " is not supported for " + instance,
        instance);
  }

  static RestResponse internalError(String instance) {
    return of(
        500,
        "INTERNAL_SERVER_ERROR",
        "Unexpected error while processing the request; see the engine log",
        instance);
  }
}
