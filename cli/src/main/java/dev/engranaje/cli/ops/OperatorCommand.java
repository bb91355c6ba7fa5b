package dev.engranaje.cli.ops;

import dev.engranaje.cli.ConnectionOptions;
import io.camunda.client.CamundaClient;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What every operator command shares: the connection options, the output streams picocli gives
 * (tests capture them) and the clock for times. A subclass implements {@link #call(CamundaClient)};
 * the client is opened and closed around it.
 */
abstract class OperatorCommand implements Callable<Integer> {
  @Mixin ConnectionOptions connection;

  @Spec CommandSpec spec;

  final Times times = Times.system();

  @Override
  public final Integer call() throws Exception {
    try (CamundaClient client = connection.newClient()) {
      return call(client);
    }
  }

  abstract int call(CamundaClient client) throws Exception;

  PrintWriter out() {
    return spec.commandLine().getOut();
  }

  /** Prints the one-line outcome of a command and returns exit code 0. */
  int done(String format, Object... arguments) {
    out().printf(format, arguments);
    out().flush();
    return 0;
  }

  PrintWriter err() {
    return spec.commandLine().getErr();
  }
}
