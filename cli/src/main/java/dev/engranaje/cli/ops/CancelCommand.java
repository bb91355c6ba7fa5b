package dev.engranaje.cli.ops;

import dev.engranaje.cli.ExitCodes;
import io.camunda.client.CamundaClient;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code rpa cancel KEY...}: cancel process instances. */
@Command(name = "cancel", mixinStandardHelpOptions = true,
    description = {"Cancel process instances: every active element is terminated and the instance ends as"
        + " TERMINATED (its variables and history stay readable).",
        "Exit codes: 0 all cancelled, 1 bad arguments, 2 refused for at least one (e.g. already ended),"
            + " 3 engine unreachable."})
public final class CancelCommand extends OperatorCommand {
  @Parameters(arity = "1..*", paramLabel = "KEY", description = "Process instance keys.")
  List<Long> keys;

  @Override
  int call(CamundaClient client) throws InterruptedException {
    List<BatchRun.Outcome<Long>> outcomes = new BatchRun<Long>("Cancelled", keys.size() > 10 ? err() : quiet())
        .run(keys, key -> client.newCancelInstanceCommand(key).send());
    for (BatchRun.Outcome<Long> outcome : outcomes) {
      if (outcome.succeeded()) {
        out().printf("Cancelled process instance %d%n", outcome.item());
      } else {
        err().printf("Could not cancel process instance %d: %s%n", outcome.item(), outcome.error());
      }
    }
    out().flush();
    err().flush();
    return outcomes.stream().allMatch(BatchRun.Outcome::succeeded) ? ExitCodes.OK : ExitCodes.REFUSED;
  }

  private static java.io.PrintWriter quiet() {
    return new java.io.PrintWriter(java.io.Writer.nullWriter());
  }
}
