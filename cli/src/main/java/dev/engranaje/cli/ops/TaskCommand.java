package dev.engranaje.cli.ops;

import dev.engranaje.cli.VariableArguments;
import io.camunda.client.CamundaClient;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code rpa task complete|assign|unassign}: work on one user task. */
@Command(name = "task", mixinStandardHelpOptions = true,
    subcommands = {TaskCommand.Complete.class, TaskCommand.Assign.class, TaskCommand.Unassign.class},
    description = {"Work on a user task: complete it (with the form's variables), assign or unassign it."
        + " 'rpa tasks' lists the open ones with their keys.",
        "Exit codes: 0 done, 1 bad arguments, 2 refused by the engine (e.g. already completed), 3 engine unreachable."})
public final class TaskCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code rpa task complete KEY}. */
  @Command(name = "complete", mixinStandardHelpOptions = true,
      description = "Complete a user task; --var and --vars-file give the variables its form would submit.")
  static final class Complete extends OperatorCommand {
    @Parameters(index = "0", paramLabel = "KEY", description = "User task key.")
    long key;

    @Mixin VariableArguments variables;

    @Override
    int call(CamundaClient client) {
      Map<String, Object> vars = variables.collect();
      client.newCompleteUserTaskCommand(key).variables(vars).send().join();
      return done("Completed user task %d%s%n", key, vars.isEmpty() ? "" : " with " + String.join(", ", vars.keySet()));
    }
  }

  /** {@code rpa task assign KEY USER}. */
  @Command(name = "assign", mixinStandardHelpOptions = true, description = "Assign a user task to a user.")
  static final class Assign extends OperatorCommand {
    @Parameters(index = "0", paramLabel = "KEY", description = "User task key.")
    long key;

    @Parameters(index = "1", paramLabel = "USER", description = "The assignee.")
    String assignee;

    @Option(names = "--force", description = "Take it over even if someone else has it.")
    boolean force;

    @Override
    int call(CamundaClient client) {
      client.newAssignUserTaskCommand(key).assignee(assignee).allowOverride(force).send().join();
      return done("Assigned user task %d to %s%n", key, assignee);
    }
  }

  /** {@code rpa task unassign KEY}. */
  @Command(name = "unassign", mixinStandardHelpOptions = true, description = "Give a user task back to its candidates.")
  static final class Unassign extends OperatorCommand {
    @Parameters(index = "0", paramLabel = "KEY", description = "User task key.")
    long key;

    @Override
    int call(CamundaClient client) {
      client.newUnassignUserTaskCommand(key).send().join();
      return done("Unassigned user task %d%n", key);
    }
  }
}
