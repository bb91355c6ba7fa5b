package dev.engranaje.cli;

import dev.engranaje.workers.ledger.LedgerEntry;
import dev.engranaje.workers.ledger.SqliteIdempotencyLedger;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code rpa worker ledger}: the operator's view of side effects in doubt, and the way to clear one. */
@Command(name = "ledger", mixinStandardHelpOptions = true, subcommands = {LedgerCommand.ListEntries.class, LedgerCommand.Forget.class},
    description = {"Inspect the idempotency ledger: side effects (a mail sent, a file uploaded) that started and were",
        "never recorded as done, because the worker died or the peer did not answer. Their jobs raise incidents",
        "instead of acting twice; check each effect, then forget the entry and retry the job."})
final class LedgerCommand {
  static final String NO_LEDGER = "Expected a ledger at %s, but there is no such file; give --ledger or --config";
  static final String NO_ENTRY = "Expected an entry '%s' in the ledger at %s, but there is none;"
      + " 'rpa worker ledger list' shows the entries in doubt";
  static final String DONE_ENTRY = "Expected entry '%s' to be in doubt, but it is recorded as done at %s: forgetting it"
      + " lets the job act again. Add --force if that is what you want";

  /** Where the ledger is: {@code --ledger}, else {@code ledger.file} of the worker configuration. */
  static final class LedgerLocation {
    @Option(names = "--config", paramLabel = "FILE", defaultValue = "${env:ENGRANAJE_WORKER_CONFIG:-worker.yaml}",
        description = "The worker configuration naming the ledger (default: $ENGRANAJE_WORKER_CONFIG, else ${DEFAULT-VALUE}).")
    Path config;

    @Option(names = "--ledger", paramLabel = "FILE", description = "The ledger file itself (instead of --config).")
    Path ledger;

    SqliteIdempotencyLedger open() {
      Path file = ledger != null ? ledger : WorkerCommand.loadConfig(config).ledgerFile();
      if (!Files.isRegularFile(file)) {
        throw new UserError(String.format(NO_LEDGER, file));
      }
      return SqliteIdempotencyLedger.open(file, Clock.systemUTC());
    }

    Path file() {
      return ledger != null ? ledger : WorkerCommand.loadConfig(config).ledgerFile();
    }
  }

  /** {@code rpa worker ledger list}. */
  @Command(name = "list", mixinStandardHelpOptions = true,
      description = {"List the side effects in doubt.", "Exit codes: 0 listed (even when none), 1 no ledger or bad configuration."})
  static final class ListEntries implements Callable<Integer> {
    @Mixin LedgerLocation location;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      try (SqliteIdempotencyLedger ledger = location.open()) {
        List<LedgerEntry> entries = ledger.inDoubt();
        if (entries.isEmpty()) {
          out.println("No side effects in doubt.");
          return 0;
        }
        out.printf("%-50s %-28s %-20s %s%n", "KEY", "JOB TYPE", "JOB KEY", "STARTED AT");
        entries.forEach(e -> out.printf("%-50s %-28s %-20d %s%n", e.key(), e.jobType(), e.jobKey(), e.startedAt()));
        out.printf("%d side effect(s) in doubt: check each, then 'rpa worker ledger forget KEY' and retry its job.%n",
            entries.size());
        return 0;
      }
    }
  }

  /** {@code rpa worker ledger forget KEY}. */
  @Command(name = "forget", mixinStandardHelpOptions = true,
      description = {"Forget an entry in doubt, so that the job acts again when retried (after you checked that the effect",
          "did not happen, or decided it may happen twice).",
          "Exit codes: 0 forgotten, 1 no such entry, entry done without --force, no ledger or bad configuration."})
  static final class Forget implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "KEY", description = "The entry's key, as 'ledger list' or the incident shows it.")
    String key;

    @Option(names = "--force", description = "Forget an entry even when it is recorded as done.")
    boolean force;

    @Mixin LedgerLocation location;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      try (SqliteIdempotencyLedger ledger = location.open()) {
        Optional<LedgerEntry> entry = ledger.find(key);
        if (entry.isEmpty()) {
          throw new UserError(String.format(NO_ENTRY, key, location.file()));
        }
        if (entry.get().state() == LedgerEntry.State.DONE && !force) {
          throw new UserError(String.format(DONE_ENTRY, key, entry.get().doneAt()));
        }
        ledger.forget(key);
        spec.commandLine().getOut().printf("Forgot '%s'. Retry its job (resolve the incident) to act again.%n", key);
        return 0;
      }
    }
  }
}
