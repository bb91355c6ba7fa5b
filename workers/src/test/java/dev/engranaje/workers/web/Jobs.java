package dev.engranaje.workers.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.engranaje.workers.api.JobContext;
import dev.engranaje.workers.api.JobInfo;
import dev.engranaje.workers.ledger.SqliteIdempotencyLedger;
import dev.engranaje.workers.secrets.Redactor;
import dev.engranaje.workers.secrets.SecretResolver;
import dev.engranaje.workers.secrets.SecretSource;
import dev.engranaje.workers.workspace.Workspace;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** Builds the JobContext a worker gets from the runtime, for tests that call the worker directly. */
final class Jobs {
  private static final AtomicLong KEYS = new AtomicLong(2251799813685000L);

  private Jobs() {}

  static JobContext context(Path root, Map<String, String> secrets, SqliteIdempotencyLedger ledger) {
    long key = KEYS.incrementAndGet();
    JobInfo job = new JobInfo(key, "rpa:web.run-script:1", 4503599627370000L, "portal", "fetch-statement", 3, Map.of());
    Workspace workspace = new Workspace(root.resolve("instance"), Map.of());
    SecretResolver resolver = new SecretResolver(SecretSource.of(secrets), new Redactor());
    ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());
    return new JobContext(job, workspace, resolver, ledger, json, Clock.systemUTC());
  }
}
