package dev.engranaje.cli.bench;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code rpa bench recovery}: how long a durable engine takes to recover, with and without snapshots. */
@Command(name = "recovery", mixinStandardHelpOptions = true,
    description = {"Measure recovery: generate finished and active instances through a durable engine (fsync on), "
        + "then time Engine.start replaying the whole log (snapshots removed) and from the snapshot the clean stop "
        + "wrote; report the fixed start-up cost, the cost per replayed record and the disk used per finished "
        + "instance, before and after history retention (1 day, clock moved 2 days) and log compaction."})
public final class RecoveryBenchCommand implements Callable<Integer> {
  @Option(names = "--finished", paramLabel = "N", defaultValue = "10000",
      description = "Instances run to the end (start -> service task -> end) (default: ${DEFAULT-VALUE}).")
  int finished;

  @Option(names = "--active", paramLabel = "N", defaultValue = "1000",
      description = "Instances left waiting at a service task (default: ${DEFAULT-VALUE}).")
  int active;

  @Override
  public Integer call() throws Exception {
    System.out.print(new RecoveryBench(finished, active).run().toTable());
    return 0;
  }
}
