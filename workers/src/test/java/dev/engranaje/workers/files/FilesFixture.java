package dev.engranaje.workers.files;

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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** An instance workspace with an inbox area and a ledger, for calling the file workers directly. */
final class FilesFixture implements AutoCloseable {
  final Path workspace;
  final Path inbox;
  final SqliteIdempotencyLedger ledger;
  private final Workspace files;

  FilesFixture(Path directory) throws IOException {
    workspace = Files.createDirectories(directory.resolve("ws/100"));
    inbox = Files.createDirectories(directory.resolve("inbox"));
    files = new Workspace(workspace, Map.of("inbox", inbox));
    ledger = SqliteIdempotencyLedger.open(directory.resolve("ledger.db"), Clock.systemUTC());
  }

  JobContext job(String jobType, long jobKey) {
    ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule()).disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    return new JobContext(new JobInfo(jobKey, jobType, 100L, "process", "task", 3, Map.of()), files,
        new SecretResolver(SecretSource.of(Map.of()), new Redactor()), ledger, json, Clock.systemUTC());
  }

  Path write(Path base, String relative, String content) throws IOException {
    Path file = base.resolve(relative);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, content);
  }

  /** A zip whose entries are named exactly as given, hostile names included. */
  static void zip(Path file, Map<String, byte[]> entries) throws IOException {
    Files.createDirectories(file.getParent());
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
      for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
        zip.putNextEntry(new ZipEntry(entry.getKey()));
        zip.write(entry.getValue());
        zip.closeEntry();
      }
    }
  }

  @Override
  public void close() {
    ledger.close();
  }
}
