package dev.engranaje.workers.catalog;

import dev.engranaje.workers.api.JobType;
import dev.engranaje.workers.api.JobWorker;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;

/**
 * The workers this installation can run, by job type. {@link #discover()} finds them through
 * {@link ServiceLoader}:
 *
 * <ul>
 *   <li>a worker needing no settings: its class name on a line of {@code
 *       META-INF/services/dev.engranaje.workers.api.JobWorker} (public class, public no-argument
 *       constructor, {@code @JobType} on the class);
 *   <li>a worker needing settings: a {@link WorkerFactory} whose class name is on a line of {@code
 *       META-INF/services/dev.engranaje.workers.catalog.WorkerFactory}.
 * </ul>
 *
 * <p>Workers are made only when their job type is enabled, so a disabled worker's missing
 * settings do not matter. Immutable and thread-safe.
 */
public final class WorkerCatalog {
  static final String DUPLICATE = "Expected one worker per job type, but '%s' is registered by both %s and %s";
  static final String NOT_ANNOTATED =
      "Expected worker class %s listed in META-INF/services/%s to be annotated with @JobType, but it is not";
  static final String BROKEN_REGISTRATION =
      "Expected every class listed in META-INF/services/%s to load, but %s; fix or remove the line";
  static final String UNKNOWN_TYPE = "Expected a job type the catalog knows, but '%s' is not one; known job types: %s";

  private final Map<String, Registration> registrations;

  private WorkerCatalog(Map<String, Registration> registrations) {
    this.registrations = Collections.unmodifiableMap(new TreeMap<>(registrations));
  }

  /** The workers registered on the context class loader's classpath. */
  public static WorkerCatalog discover() {
    return discover(Thread.currentThread().getContextClassLoader());
  }

  /** The workers registered on {@code loader}'s classpath. */
  public static WorkerCatalog discover(ClassLoader loader) {
    Builder builder = builder();
    try {
      for (ServiceLoader.Provider<JobWorker> provider : ServiceLoader.load(JobWorker.class, loader).stream().toList()) {
        JobType type = provider.type().getAnnotation(JobType.class);
        if (type == null) {
          throw new InvalidConfiguration(String.format(NOT_ANNOTATED, provider.type().getName(), JobWorker.class.getName()));
        }
        builder.add(new LazyWorker(type.value(), provider), provider.type().getName());
      }
    } catch (ServiceConfigurationError e) {
      throw new InvalidConfiguration(String.format(BROKEN_REGISTRATION, JobWorker.class.getName(), e.getMessage()), e);
    }
    try {
      for (WorkerFactory factory : ServiceLoader.load(WorkerFactory.class, loader)) {
        builder.factory(factory);
      }
    } catch (ServiceConfigurationError e) {
      throw new InvalidConfiguration(String.format(BROKEN_REGISTRATION, WorkerFactory.class.getName(), e.getMessage()), e);
    }
    return builder.build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The job types known, sorted. */
  public Set<String> jobTypes() {
    return registrations.keySet();
  }

  public boolean contains(String jobType) {
    return registrations.containsKey(jobType);
  }

  /** The factory for {@code jobType}; {@link InvalidConfiguration} naming the known types when unknown. */
  public WorkerFactory factory(String jobType) {
    Registration registration = registrations.get(jobType);
    if (registration == null) {
      throw new InvalidConfiguration(String.format(UNKNOWN_TYPE, jobType, jobTypes()));
    }
    return registration.factory();
  }

  /** Where each job type's worker comes from (class name), for listings. */
  public String origin(String jobType) {
    factory(jobType);
    return registrations.get(jobType).origin();
  }

  private record Registration(WorkerFactory factory, String origin) {}

  /** A ServiceLoader-listed worker, created on first use. */
  private record LazyWorker(String jobType, ServiceLoader.Provider<JobWorker> provider) implements WorkerFactory {
    @Override
    public JobWorker<?, ?> create(WorkerSettings settings) {
      try {
        return provider.get();
      } catch (ServiceConfigurationError e) {
        throw new InvalidConfiguration(String.format(BROKEN_REGISTRATION, JobWorker.class.getName(), e.getMessage()), e);
      }
    }
  }

  /** Collects registrations; refuses two workers for one job type. */
  public static final class Builder {
    private final Map<String, Registration> registrations = new LinkedHashMap<>();

    private Builder() {}

    /** A ready-made worker that needs no settings. */
    public Builder worker(JobWorker<?, ?> worker) {
      return add(WorkerFactory.of(worker), worker.getClass().getName());
    }

    public Builder factory(WorkerFactory factory) {
      return add(factory, factory.getClass().getName());
    }

    private Builder add(WorkerFactory factory, String origin) {
      Registration earlier = registrations.putIfAbsent(factory.jobType(), new Registration(factory, origin));
      if (earlier != null) {
        throw new InvalidConfiguration(String.format(DUPLICATE, factory.jobType(), earlier.origin(), origin));
      }
      return this;
    }

    public WorkerCatalog build() {
      return new WorkerCatalog(registrations);
    }
  }
}
