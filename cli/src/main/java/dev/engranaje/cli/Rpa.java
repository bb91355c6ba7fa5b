package dev.engranaje.cli;

import dev.engranaje.cli.bench.BenchCommand;
import dev.engranaje.cli.console.ConsoleCommand;
import dev.engranaje.cli.ops.CancelCommand;
import dev.engranaje.cli.ops.MigrateCommand;
import dev.engranaje.cli.ops.ModifyCommand;
import dev.engranaje.cli.ops.DecisionsCommand;
import dev.engranaje.cli.ops.IncidentsCommand;
import dev.engranaje.cli.ops.InstanceCommand;
import dev.engranaje.cli.ops.InstancesCommand;
import dev.engranaje.cli.ops.JobsCommand;
import dev.engranaje.cli.ops.ProcessesCommand;
import dev.engranaje.cli.ops.PublishCommand;
import dev.engranaje.cli.ops.RetryCommand;
import dev.engranaje.cli.ops.BatchesCommand;
import dev.engranaje.cli.ops.AuditCommand;
import dev.engranaje.cli.ops.SetVariableCommand;
import dev.engranaje.cli.ops.TaskCommand;
import dev.engranaje.cli.ops.TasksCommand;
import dev.engranaje.cli.ops.VariablesCommand;
import dev.engranaje.cli.ops.WatchCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code rpa} command: the entry point of the launcher script. */
@Command(
    name = "rpa",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Engranaje: robotic process automation on a Zeebe-compatible engine.",
    subcommands = {
      EngineCommand.class,
      UsersCommand.class,
      DeployCommand.class,
      RunCommand.class,
      WorkerCommand.class,
      InstancesCommand.class,
      InstanceCommand.class,
      IncidentsCommand.class,
      JobsCommand.class,
      TasksCommand.class,
      ProcessesCommand.class,
      VariablesCommand.class,
      DecisionsCommand.class,
      RetryCommand.class,
      BatchesCommand.class,
      AuditCommand.class,
      CancelCommand.class,
      SetVariableCommand.class,
      ModifyCommand.class,
      MigrateCommand.class,
      PublishCommand.class,
      TaskCommand.class,
      WatchCommand.class,
      ConsoleCommand.class,
      DemoCommand.class,
      BenchCommand.class,
      ReconcileCommand.class,
      EinvoiceCommand.class,
      CompletionCommand.class,
      LintCommand.class,
      TestCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Rpa implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The configured command line (also used by tests). */
  public static CommandLine commandLine() {
    CommandLine commandLine = new CommandLine(new Rpa());
    commandLine.setExecutionExceptionHandler(new FriendlyErrors());
    commandLine.setCaseInsensitiveEnumValuesAllowed(true);
    // picocli's default for a usage error is 2, the code this CLI keeps for "the engine refused"
    CommandLine.IParameterExceptionHandler usage = commandLine.getParameterExceptionHandler();
    commandLine.setParameterExceptionHandler((error, args) -> {
      usage.handleParseException(error, args);
      return ExitCodes.USAGE;
    });
    return commandLine;
  }

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
