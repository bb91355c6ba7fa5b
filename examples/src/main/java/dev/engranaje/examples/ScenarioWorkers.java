package dev.engranaje.examples;

import com.icegreen.greenmail.util.ServerSetup;
import dev.engranaje.workers.api.JobWorker;
import dev.engranaje.workers.catalog.WorkerCatalog;
import dev.engranaje.workers.catalog.WorkerFactory;
import dev.engranaje.workers.catalog.WorkerSettings;
import dev.engranaje.workers.runtime.Backoff;
import dev.engranaje.workers.runtime.WorkerOptions;
import dev.engranaje.workers.runtime.WorkerRuntime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;

/**
 * The catalog's real workers for every job type of a model, running in process as a scenario stack
 * runs them: one web job at a time (a browser each), two-minute job timeouts, the stack's backoff.
 * {@link #close()} stops the runtime and ends the workers' resources (browser sessions).
 */
public final class ScenarioWorkers implements AutoCloseable {
  static final String MISSING_WORKERS = "Expected workers for every job type of %s, but the catalog has none for %s;"
      + " it has %s";

  private final WorkerRuntime runtime;
  private final List<AutoCloseable> closeables;

  private ScenarioWorkers(WorkerRuntime runtime, List<AutoCloseable> closeables) {
    this.runtime = runtime;
    this.closeables = closeables;
  }

  /**
   * Adds a worker for each of {@code jobTypes} to {@code runtime} and starts it.
   *
   * @param model names the model in the message when the catalog lacks a job type
   * @param settings the settings of a job type's worker, from its type and settings section
   * @param wrappers optional wrappers by job type (a test's crashing worker)
   * @throws IllegalStateException when the catalog has no worker for one of the job types
   */
  public static ScenarioWorkers start(WorkerRuntime.Builder runtime, String model, List<String> jobTypes, Backoff backoff,
      BiFunction<String, String, WorkerSettings> settings, Map<String, UnaryOperator<JobWorker<?, ?>>> wrappers) {
    WorkerCatalog catalog = WorkerCatalog.discover();
    List<String> missing = jobTypes.stream().filter(type -> !catalog.contains(type)).toList();
    if (!missing.isEmpty()) {
      throw new IllegalStateException(String.format(MISSING_WORKERS, model, missing, catalog.jobTypes()));
    }
    List<AutoCloseable> closeables = new ArrayList<>();
    for (String type : jobTypes) {
      WorkerFactory factory = catalog.factory(type);
      JobWorker<?, ?> worker = factory.create(settings.apply(type, factory.settingsSection()));
      if (worker instanceof AutoCloseable closeable) {
        closeables.add(closeable);
      }
      worker = wrappers.getOrDefault(type, UnaryOperator.identity()).apply(worker);
      WorkerOptions options = WorkerOptions.DEFAULT.withBackoff(backoff).withTimeout(Duration.ofMinutes(2));
      runtime.worker(worker, type.startsWith("rpa:web.") ? options.withMaxJobsActive(1) : options);
    }
    return new ScenarioWorkers(runtime.build().start(), closeables);
  }

  /** A mail server for a scenario: GreenMail with SMTP and IMAP on free ports of 127.0.0.1, started; it refuses no one until told to. */
  public static RefusingGreenMail loopbackMail() {
    RefusingGreenMail mail = new RefusingGreenMail(new ServerSetup[] {
        new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort(),
        new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP).dynamicPort()});
    mail.start();
    return mail;
  }

  /**
   * Closes each in order, even when one fails (a stack's workers, ledger, portal, mail server); the
   * first failure is thrown after all were tried.
   */
  public static void closeAll(AutoCloseable... resources) {
    RuntimeException first = null;
    for (AutoCloseable resource : resources) {
      try {
        if (resource != null) {
          resource.close();
        }
      } catch (Exception e) {
        if (first == null) {
          first = e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }

  @Override
  public void close() {
    runtime.close();
    for (AutoCloseable closeable : closeables) {
      try {
        closeable.close();
      } catch (Exception e) {
        // closing a browser session that already ended is no concern of a scenario
      }
    }
  }
}
