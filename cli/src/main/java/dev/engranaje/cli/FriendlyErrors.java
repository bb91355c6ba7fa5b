package dev.engranaje.cli;

import io.camunda.client.api.command.ClientStatusException;
import io.camunda.client.api.command.ProblemException;
import java.net.ConnectException;
import java.util.concurrent.CompletionException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns failures into one clear line on stderr and an exit code, instead of a stack trace: 2 for a
 * request the engine refused, 3 when the engine cannot be reached, 1 otherwise.
 */
final class FriendlyErrors implements IExecutionExceptionHandler {
  static final int REFUSED = ExitCodes.REFUSED;
  static final int UNREACHABLE = ExitCodes.UNREACHABLE;

  @Override
  public int handleExecutionException(Exception exception, CommandLine commandLine, ParseResult parseResult) {
    Throwable cause = exception instanceof CompletionException && exception.getCause() != null ? exception.getCause() : exception;
    CommandLine.Help.ColorScheme colors = commandLine.getColorScheme();
    if (cause instanceof UserError userError) {
      commandLine.getErr().println(colors.errorText(userError.getMessage()));
      return userError.exitCode();
    }
    if (cause instanceof ProblemException problem) {
      String detail = problem.details() == null ? problem.getMessage() : problem.details().getDetail();
      commandLine.getErr().println(colors.errorText("The engine refused the request (HTTP " + problem.code() + "): " + detail));
      return REFUSED;
    }
    if (cause instanceof ClientStatusException status) {
      commandLine.getErr().println(colors.errorText("The engine refused the request: " + status.getMessage()));
      return REFUSED;
    }
    if (causedBy(cause, ConnectException.class)) {
      commandLine.getErr().println(colors.errorText("Could not reach the engine: " + cause.getMessage()
          + ". Is it running? Start one with 'rpa engine start', or set --address."));
      return UNREACHABLE;
    }
    commandLine.getErr().println(colors.errorText("Failed: " + cause));
    return ExitCodes.USAGE;
  }

  private static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }
}
