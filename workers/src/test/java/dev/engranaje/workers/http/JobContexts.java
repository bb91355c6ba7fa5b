package dev.engranaje.workers.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.engranaje.workers.api.JobContext;
import dev.engranaje.workers.api.JobInfo;
import dev.engranaje.workers.ledger.IdempotencyLedger;
import dev.engranaje.workers.secrets.Redactor;
import dev.engranaje.workers.secrets.SecretResolver;
import dev.engranaje.workers.secrets.SecretSource;
import dev.engranaje.workers.workspace.Workspace;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/** Builds the JobContext a worker gets from the runtime, for calling workers directly in tests. */
final class JobContexts {
  private JobContexts() {}

  static ObjectMapper json() {
    return new ObjectMapper().registerModule(new JavaTimeModule()).disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
  }

  static JobContext context(long jobKey, Path workspace, SecretResolver secrets, IdempotencyLedger ledger, Clock clock) {
    JobInfo job = new JobInfo(jobKey, "rpa:http.request:1", 100L, "process", "call", 3, Map.of());
    return new JobContext(job, new Workspace(workspace, Map.of()), secrets, ledger, json(), clock);
  }

  static SecretResolver secrets(Map<String, String> values) {
    return new SecretResolver(SecretSource.of(values), new Redactor());
  }

  /** A clock the test moves by hand. */
  static final class MovableClock extends Clock {
    private final AtomicReference<Instant> now;

    MovableClock(Instant start) {
      this.now = new AtomicReference<>(start);
    }

    void advance(Duration duration) {
      now.updateAndGet(instant -> instant.plus(duration));
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now.get();
    }
  }
}
