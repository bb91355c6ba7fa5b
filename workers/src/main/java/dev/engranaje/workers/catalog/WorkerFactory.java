package dev.engranaje.workers.catalog;

import dev.engranaje.workers.api.JobWorker;
import java.util.Objects;

/**
 * Makes the worker for one job type. A worker that needs configuration (an SMTP host, a browser
 * choice) gets a factory that reads its section under {@code settings:} in {@code worker.yaml};
 * register the factory's class name in {@code META-INF/services/dev.engranaje.workers.catalog.WorkerFactory}.
 * A worker that needs no configuration and has a public no-argument constructor is simpler: list
 * the worker class itself in {@code META-INF/services/dev.engranaje.workers.api.JobWorker}.
 *
 * <p>Implementations need a public no-argument constructor (ServiceLoader creates them).
 */
public interface WorkerFactory {

  /** The job type of the worker made, e.g. {@code rpa:mail.send:1}. */
  String jobType();

  /**
   * The section under {@code settings:} in {@code worker.yaml} this worker reads, e.g. {@code
   * mail}; empty (the default) when it reads none. Several workers may share a section.
   */
  default String settingsSection() {
    return "";
  }

  /**
   * Makes the worker, once, when its job type is enabled. Throw {@link InvalidConfiguration}
   * (e.g. from {@link WorkerSettings#as(Class)}) when the settings are missing or wrong.
   */
  JobWorker<?, ?> create(WorkerSettings settings);

  /** A factory for a ready-made worker that needs no settings. */
  static WorkerFactory of(JobWorker<?, ?> worker) {
    Objects.requireNonNull(worker, "worker");
    String type = worker.jobType();
    return new WorkerFactory() {
      @Override
      public String jobType() {
        return type;
      }

      @Override
      public JobWorker<?, ?> create(WorkerSettings settings) {
        return worker;
      }
    };
  }
}
