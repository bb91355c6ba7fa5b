package dev.engranaje.workers.host;

import dev.engranaje.workers.api.JobInfo;
import dev.engranaje.workers.ledger.IdempotencyLedger;
import dev.engranaje.workers.runtime.JobObserver;
import dev.engranaje.workers.runtime.JobOutcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts jobs for Prometheus. Meter names (as scraped):
 *
 * <ul>
 *   <li>{@code engranaje_jobs_handled_total{type,outcome}}: jobs ended, by {@link JobOutcome#tag()};
 *   <li>{@code engranaje_job_duration_seconds{type,outcome}} (count, sum, max): time per job;
 *   <li>{@code engranaje_jobs_in_flight{type}}: jobs being handled now;
 *   <li>{@code engranaje_ledger_in_doubt}: side effects started and never recorded as done.
 * </ul>
 *
 * Plus the JVM's memory and thread meters. Thread-safe.
 */
final class JobMetrics implements JobObserver {
  static final String HANDLED = "engranaje.jobs.handled";
  static final String DURATION = "engranaje.job.duration";
  static final String IN_FLIGHT = "engranaje.jobs.in.flight";
  static final String IN_DOUBT = "engranaje.ledger.in.doubt";

  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();

  JobMetrics(Collection<String> jobTypes, IdempotencyLedger ledger) {
    jobTypes.forEach(this::inFlight);
    Gauge.builder(IN_DOUBT, ledger, l -> l.inDoubt().size())
        .description("Side effects started and never recorded as done; see 'rpa worker ledger list'")
        .register(registry);
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
  }

  private AtomicInteger inFlight(String jobType) {
    return inFlight.computeIfAbsent(jobType, type -> {
      AtomicInteger count = new AtomicInteger();
      Gauge.builder(IN_FLIGHT, count, AtomicInteger::get).tag("type", type)
          .description("Jobs being handled now").register(registry);
      return count;
    });
  }

  @Override
  public void started(JobInfo job) {
    inFlight(job.jobType()).incrementAndGet();
  }

  @Override
  public void finished(JobInfo job, JobOutcome outcome, Duration duration) {
    if (outcome != JobOutcome.RETURNED) {
      inFlight(job.jobType()).decrementAndGet();
    }
    Counter.builder(HANDLED).tag("type", job.jobType()).tag("outcome", outcome.tag())
        .description("Jobs ended, by outcome").register(registry).increment();
    Timer.builder(DURATION).tag("type", job.jobType()).tag("outcome", outcome.tag())
        .description("Time to handle a job, from activation hand-over to the engine's answer")
        .register(registry).record(duration);
  }

  /** The Prometheus text exposition of every meter. */
  String scrape() {
    return registry.scrape();
  }
}
