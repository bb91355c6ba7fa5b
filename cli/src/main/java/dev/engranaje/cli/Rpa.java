package dev.engranaje.cli;

import dev.engranaje.cli.bench.BenchCommand;
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
      DeployCommand.class,
      RunCommand.class,
      WorkerCommand.class,
      DemoCommand.class,
      BenchCommand.class,
      ReconcileCommand.class,
      EinvoiceCommand.class,
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
    return commandLine;
  }

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
