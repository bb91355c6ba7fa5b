package dev.engranaje.engine.metrics;

import dev.engranaje.engine.history.HistorySearch;
import dev.engranaje.engine.model.BpmnElementType;
import dev.engranaje.engine.record.JobBatchRecord;
import dev.engranaje.engine.record.JobIntent;
import dev.engranaje.engine.record.JobRecord;
import dev.engranaje.engine.record.ProcessInstanceIntent;
import dev.engranaje.engine.record.ProcessInstanceRecord;
import dev.engranaje.engine.record.Record;
import dev.engranaje.engine.record.RecordType;
import dev.engranaje.engine.record.ValueType;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The engine's Prometheus metrics. Counters and timers are fed from every committed batch of
 * records ({@link #observe}, on the log writer thread); gauges of the history (open incidents,
 * instances kept) are read from the history store when scraped ({@link #scrape}). Meter names as
 * scraped:
 *
 * <ul>
 *   <li>{@code engranaje_process_instances_started_total{process}}, {@code ..._completed_total},
 *       {@code ..._cancelled_total}: root and called instances by BPMN process id
 *   <li>{@code engranaje_jobs_activated_total{type}}, {@code engranaje_jobs_completed_total{type}},
 *       {@code engranaje_jobs_failed_total{type}}
 *   <li>{@code engranaje_job_activation_latency_seconds{type}}: from a job becoming activatable to
 *       a worker getting it (engine clock)
 *   <li>{@code engranaje_commit_latency_seconds}: from a batch's first record being written to the
 *       batch being stored (engine clock)
 *   <li>{@code engranaje_incidents_open}, {@code engranaje_history_process_instances}, {@code
 *       engranaje_log_records}, {@code engranaje_database_bytes} (0 in memory)
 * </ul>
 *
 * Thread-safe.
 */
public final class EngineMetrics {
  /** Activatable jobs whose activation latency is still to be measured; older ones are forgotten. */
  private static final int MAX_WAITING_JOBS = 100_000;

  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final Clock clock;
  private final HistorySearch history;
  private final Path database;
  private final AtomicLong openIncidents = new AtomicLong();
  private final AtomicLong historyInstances = new AtomicLong();
  private final Map<Long, Long> activatableSince = new LinkedHashMap<>(1024, 0.75f, false) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Long, Long> eldest) {
      return size() > MAX_WAITING_JOBS;
    }
  };
  private final Timer commitLatency;

  /**
   * @param committedPosition how many records the log holds
   * @param database the database file, or null in memory
   */
  public EngineMetrics(Clock clock, HistorySearch history, LongSupplier committedPosition, Path database) {
    this.clock = clock;
    this.history = history;
    this.database = database;
    this.commitLatency = Timer.builder("engranaje.commit.latency").description("From writing a batch to storing it")
        .publishPercentileHistogram().register(registry);
    Gauge.builder("engranaje.incidents.open", openIncidents, AtomicLong::get).register(registry);
    Gauge.builder("engranaje.history.process.instances", historyInstances, AtomicLong::get)
        .description("Process instances the history keeps, running and finished").register(registry);
    Gauge.builder("engranaje.log.records", committedPosition, supplier -> supplier.getAsLong()).register(registry);
    Gauge.builder("engranaje.database.bytes", this, EngineMetrics::databaseBytes)
        .description("The database file with its write-ahead log").register(registry);
  }

  /** Counts one committed batch of records; called on the log writer thread, in log order. */
  public void observe(List<Record> records) {
    if (records.isEmpty()) {
      return;
    }
    commitLatency.record(Duration.ofMillis(Math.max(0, clock.millis() - records.get(0).timestamp())));
    for (Record record : records) {
      if (record.recordType() != RecordType.EVENT) {
        continue;
      }
      if (record.valueType() == ValueType.PROCESS_INSTANCE) {
        instance((ProcessInstanceIntent) record.intent(), (ProcessInstanceRecord) record.value());
      } else if (record.valueType() == ValueType.JOB) {
        job(record, (JobIntent) record.intent(), (JobRecord) record.value());
      } else if (record.valueType() == ValueType.JOB_BATCH) {
        activated(record, (JobBatchRecord) record.value());
      }
    }
  }

  /** Refreshes the history gauges, then renders every meter in the Prometheus text format. */
  public CompletableFuture<String> scrape() {
    return history.read(connection -> {
      try (Statement statement = connection.createStatement()) {
        openIncidents.set(count(statement, "SELECT COUNT(*) FROM h_incident WHERE state = 'ACTIVE'"));
        historyInstances.set(count(statement, "SELECT COUNT(*) FROM h_process_instance"));
      }
      return registry.scrape();
    });
  }

  private static long count(Statement statement, String sql) throws java.sql.SQLException {
    try (ResultSet rs = statement.executeQuery(sql)) {
      return rs.next() ? rs.getLong(1) : 0;
    }
  }

  private void instance(ProcessInstanceIntent intent, ProcessInstanceRecord value) {
    if (value.bpmnElementType() != BpmnElementType.PROCESS) {
      return;
    }
    String name = switch (intent) {
      case ELEMENT_ACTIVATED -> "engranaje.process.instances.started";
      case ELEMENT_COMPLETED -> "engranaje.process.instances.completed";
      case ELEMENT_TERMINATED -> "engranaje.process.instances.cancelled";
      default -> null;
    };
    if (name != null) {
      Counter.builder(name).tag("process", value.bpmnProcessId()).register(registry).increment();
    }
  }

  private synchronized void job(Record record, JobIntent intent, JobRecord job) {
    switch (intent) {
      case CREATED, TIMED_OUT, RECURRED_AFTER_BACKOFF, YIELDED, RETRIES_UPDATED -> {
        activatableSince.put(record.key(), record.timestamp());
      }
      case COMPLETED -> Counter.builder("engranaje.jobs.completed").tag("type", job.type()).register(registry)
          .increment();
      case FAILED -> Counter.builder("engranaje.jobs.failed").tag("type", job.type()).register(registry).increment();
      default -> {
        // other job events change no metric
      }
    }
  }

  private synchronized void activated(Record record, JobBatchRecord batch) {
    Counter.builder("engranaje.jobs.activated").tag("type", batch.type()).register(registry)
        .increment(batch.jobKeys().size());
    Timer latency = Timer.builder("engranaje.job.activation.latency").tag("type", batch.type())
        .description("From a job becoming activatable to a worker getting it").publishPercentileHistogram()
        .register(registry);
    for (long jobKey : batch.jobKeys()) {
      Long since = activatableSince.remove(jobKey);
      if (since != null) {
        latency.record(Duration.ofMillis(Math.max(0, record.timestamp() - since)));
      }
    }
  }

  private double databaseBytes() {
    if (database == null) {
      return 0;
    }
    try {
      long bytes = Files.size(database);
      Path wal = database.resolveSibling(database.getFileName() + "-wal");
      return bytes + (Files.exists(wal) ? Files.size(wal) : 0);
    } catch (IOException e) {
      return Double.NaN; // the file is being replaced or was removed: no figure this time
    }
  }
}
