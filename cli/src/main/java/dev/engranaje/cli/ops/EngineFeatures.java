package dev.engranaje.cli.ops;

import dev.engranaje.cli.UserError;
import io.camunda.client.api.command.ProblemException;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * Tells "this engine has no such endpoint" apart from "no such instance": an engine that predates
 * an endpoint answers 404 for the path itself (the embedded engine: "No resource at …"; Spring-based
 * Camunda: "No static resource …") or 405 when only other methods exist there. Such a failure
 * becomes one line naming the feature, with the "refused" exit code, instead of a stack trace.
 */
final class EngineFeatures {
  static final String NOT_OFFERED = "This engine does not offer %s yet (HTTP %d on its REST API); Camunda 8.8+"
      + " and Engranaje engines with the history API (docs/engine/search-api.md) do.";

  private EngineFeatures() {}

  /** Runs {@code call}; a missing endpoint becomes a {@link UserError} naming {@code feature}. */
  static <T> T require(String feature, Supplier<T> call) {
    try {
      return call.get();
    } catch (RuntimeException e) {
      ProblemException problem = problem(e);
      if (problem != null && isMissingEndpoint(problem)) {
        throw new UserError(notOffered(feature, problem), dev.engranaje.cli.ExitCodes.REFUSED);
      }
      throw e;
    }
  }

  static String notOffered(String feature, ProblemException problem) {
    return String.format(NOT_OFFERED, feature, problem.code());
  }

  /** The problem behind {@code error}, or null when it is something else. */
  static ProblemException problem(Throwable error) {
    Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    return cause instanceof ProblemException problem ? problem : null;
  }

  static boolean isMissingEndpoint(ProblemException problem) {
    if (problem.code() == 405) {
      return true;
    }
    if (problem.code() != 404) {
      return false;
    }
    String detail = problem.details() == null ? null : problem.details().getDetail();
    return detail == null || detail.startsWith("No resource at") || detail.startsWith("No static resource")
        || detail.startsWith("No endpoint");
  }
}
