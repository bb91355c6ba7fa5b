package dev.engranaje.workers.spreadsheet;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.engranaje.workers.api.JobContext;
import dev.engranaje.workers.api.JobInfo;
import dev.engranaje.workers.ledger.SqliteIdempotencyLedger;
import dev.engranaje.workers.secrets.Redactor;
import dev.engranaje.workers.secrets.SecretResolver;
import dev.engranaje.workers.secrets.SecretSource;
import dev.engranaje.workers.workspace.Workspace;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.Map;

/** A real JobContext over a temporary directory, and fixtures copied into its workspace. */
final class JobContexts implements AutoCloseable {
  final Path root;
  final Workspace workspace;
  final SqliteIdempotencyLedger ledger;
  final JobContext context;

  JobContexts(Path root, String jobType, long jobKey) {
    this.root = root;
    this.workspace = new Workspace(root.resolve("instance"), Map.of());
    this.ledger = SqliteIdempotencyLedger.open(root.resolve("ledger.db"), Clock.systemUTC());
    ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    this.context = new JobContext(new JobInfo(jobKey, jobType, 1L, "process", "task", 3, Map.of()), workspace,
        new SecretResolver(SecretSource.of(Map.of()), new Redactor()), ledger, json, Clock.systemUTC());
  }

  JobContext withJobKey(String jobType, long jobKey) {
    return new JobContext(new JobInfo(jobKey, jobType, 1L, "process", "task", 3, Map.of()), workspace,
        context.secrets(), ledger, context.json(), context.clock());
  }

  /** Copies classpath resource {@code spreadsheet/<name>} into the workspace as {@code name}'s file name. */
  String fixture(String name) {
    String fileName = name.substring(name.lastIndexOf('/') + 1);
    try (InputStream in = JobContexts.class.getResourceAsStream("/spreadsheet/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("No fixture spreadsheet/" + name);
      }
      Files.copy(in, workspace.directory().resolve(fileName), StandardCopyOption.REPLACE_EXISTING);
      return fileName;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes {@code content} into the workspace as {@code name}. */
  String file(String name, byte[] content) {
    try {
      Files.write(workspace.directory().resolve(name), content);
      return name;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Path path(String reference) {
    return workspace.directory().resolve(reference);
  }

  @Override
  public void close() {
    ledger.close();
  }
}
