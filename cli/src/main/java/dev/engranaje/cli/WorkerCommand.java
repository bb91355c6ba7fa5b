package dev.engranaje.cli;

import dev.engranaje.cli.logging.RedactingLayout;
import dev.engranaje.workers.catalog.InvalidConfiguration;
import dev.engranaje.workers.catalog.WorkerCatalog;
import dev.engranaje.workers.host.WorkerConfigLoader;
import dev.engranaje.workers.host.WorkerHost;
import dev.engranaje.workers.host.WorkerHostConfig;
import dev.engranaje.workers.secrets.Redactor;
import io.camunda.client.CamundaClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code rpa worker}: runs the enabled workers unattended until SIGTERM or Ctrl-C, then stops
 * gracefully (see {@link dev.engranaje.workers.runtime.WorkerRuntime} for what happens to jobs).
 */
@Command(name = "worker", mixinStandardHelpOptions = true, subcommands = LedgerCommand.class,
    description = {"Run the workers (bots) unattended against the engine until stopped (SIGTERM or Ctrl-C): stop"
        + " activating jobs, let running ones finish within the grace period, exit.",
        "Configuration: worker.yaml (see docs/workers/runtime.md); ENGRANAJE_* and CAMUNDA_* environment variables override it.",
        "Exit codes: 0 stopped, 1 bad configuration or arguments, 2 refused by the engine, 3 engine unreachable at start."})
final class WorkerCommand implements Callable<Integer> {
  static final String STARTED = "Serving job types %s against %s; stop with Ctrl-C or SIGTERM%n";
  private static final Duration START_CHECK = Duration.ofSeconds(10);

  @Option(names = "--config", paramLabel = "FILE", defaultValue = "${env:ENGRANAJE_WORKER_CONFIG:-worker.yaml}",
      description = "The worker configuration (default: $ENGRANAJE_WORKER_CONFIG, else ${DEFAULT-VALUE}).")
  Path config;

  @Option(names = "--list", description = "List the job types this installation has workers for, and exit.")
  boolean list;

  @Mixin ConnectionOptions connection;

  @Spec CommandSpec spec;

  private final CountDownLatch stopped = new CountDownLatch(1);
  private volatile Runnable stopAction = stopped::countDown;

  @Override
  public Integer call() throws InterruptedException {
    WorkerCatalog catalog = catalog();
    if (list) {
      catalog.jobTypes().forEach(type -> spec.commandLine().getOut().printf("%s\t%s%n", type, catalog.origin(type)));
      return 0;
    }
    WorkerHostConfig settings = loadConfig(config);
    WorkerHost.Plan plan = plan(settings, catalog);
    Redactor redactor = RedactingLayout.redactor();
    CamundaClient client = connection.newClient(settings.engine(), plan.executionThreads(), redactor);
    Thread hook = null;
    try {
      client.newTopologyRequest().send().join(START_CHECK.toSeconds(), TimeUnit.SECONDS);
      WorkerHost host = start(plan, client, redactor);
      stopAction = () -> stop(host, client);
      hook = new Thread(this::requestStop, "rpa-worker-shutdown");
      Runtime.getRuntime().addShutdownHook(hook);
      spec.commandLine().getOut().printf(STARTED, plan.jobTypes(), client.getConfiguration().getRestAddress());
      spec.commandLine().getOut().flush();
      stopped.await();
      return 0;
    } finally {
      if (hook != null) {
        removeHook(hook);
      }
      client.close();
    }
  }

  /** Stops as SIGTERM does: used by the shutdown hook, and by tests. Returns once stopped. */
  void requestStop() {
    stopAction.run();
  }

  private void stop(WorkerHost host, CamundaClient client) {
    try {
      host.stop();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      stopped.countDown();
    }
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // the JVM is exiting: the hook is running or has run
    }
  }

  private static WorkerCatalog catalog() {
    try {
      return WorkerCatalog.discover();
    } catch (InvalidConfiguration e) {
      throw new UserError(e.getMessage());
    }
  }

  static WorkerHostConfig loadConfig(Path file) {
    try {
      return WorkerConfigLoader.load(file, System.getenv());
    } catch (InvalidConfiguration e) {
      throw new UserError(e.getMessage());
    }
  }

  private static WorkerHost.Plan plan(WorkerHostConfig settings, WorkerCatalog catalog) {
    try {
      return WorkerHost.plan(settings, catalog);
    } catch (InvalidConfiguration e) {
      throw new UserError(e.getMessage());
    }
  }

  private static WorkerHost start(WorkerHost.Plan plan, CamundaClient client, Redactor redactor) {
    try {
      return plan.start(client, redactor);
    } catch (InvalidConfiguration e) {
      throw new UserError(e.getMessage());
    }
  }
}
