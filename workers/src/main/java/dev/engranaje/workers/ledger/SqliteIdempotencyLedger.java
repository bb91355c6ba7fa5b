package dev.engranaje.workers.ledger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The idempotency ledger in a local SQLite file (WAL, {@code synchronous=FULL}: an entry is on disk
 * before a method returns, so it survives a crash or power loss right after the side effect).
 *
 * <p>Thread-safe: one connection, used under this object's lock (ledger writes are rare next to the
 * side effects they guard).
 */
public final class SqliteIdempotencyLedger implements IdempotencyLedger {
  private final Connection connection;
  private final Clock clock;

  private SqliteIdempotencyLedger(Connection connection, Clock clock) {
    this.connection = connection;
    this.clock = clock;
  }

  /** Opens (or creates) the ledger file. */
  public static SqliteIdempotencyLedger open(Path file, Clock clock) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
      try (Statement statement = connection.createStatement()) {
        statement.execute("PRAGMA journal_mode=WAL");
        statement.execute("PRAGMA synchronous=FULL");
        statement.execute(
            "CREATE TABLE IF NOT EXISTS side_effects ("
                + " idempotency_key TEXT PRIMARY KEY, job_type TEXT NOT NULL, job_key INTEGER NOT NULL,"
                + " state TEXT NOT NULL, result_json TEXT, started_at INTEGER NOT NULL, done_at INTEGER)");
      }
      return new SqliteIdempotencyLedger(connection, clock);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot open the idempotency ledger " + file + ": " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create the directory of the idempotency ledger " + file, e);
    }
  }

  @Override
  public synchronized Optional<LedgerEntry> find(String key) {
    try (PreparedStatement select = connection.prepareStatement(
        "SELECT idempotency_key, job_type, job_key, state, result_json, started_at, done_at FROM side_effects WHERE idempotency_key = ?")) {
      select.setString(1, key);
      try (ResultSet rows = select.executeQuery()) {
        return rows.next() ? Optional.of(entry(rows)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw failure("read", key, e);
    }
  }

  @Override
  public synchronized void start(String key, String jobType, long jobKey) {
    try (PreparedStatement insert = connection.prepareStatement(
        "INSERT INTO side_effects (idempotency_key, job_type, job_key, state, started_at) VALUES (?, ?, ?, 'STARTED', ?)")) {
      insert.setString(1, key);
      insert.setString(2, jobType);
      insert.setLong(3, jobKey);
      insert.setLong(4, clock.millis());
      insert.executeUpdate();
    } catch (SQLException e) {
      throw failure("record the start of", key, e);
    }
  }

  @Override
  public synchronized void done(String key, String resultJson) {
    try (PreparedStatement update = connection.prepareStatement(
        "UPDATE side_effects SET state = 'DONE', result_json = ?, done_at = ? WHERE idempotency_key = ?")) {
      update.setString(1, resultJson);
      update.setLong(2, clock.millis());
      update.setString(3, key);
      if (update.executeUpdate() != 1) {
        throw new IllegalStateException("Expected side effect '" + key + "' to be started in the ledger, but it is not");
      }
    } catch (SQLException e) {
      throw failure("record the result of", key, e);
    }
  }

  @Override
  public synchronized void forget(String key) {
    try (PreparedStatement delete = connection.prepareStatement("DELETE FROM side_effects WHERE idempotency_key = ?")) {
      delete.setString(1, key);
      delete.executeUpdate();
    } catch (SQLException e) {
      throw failure("forget", key, e);
    }
  }

  @Override
  public synchronized List<LedgerEntry> inDoubt() {
    try (PreparedStatement select = connection.prepareStatement(
        "SELECT idempotency_key, job_type, job_key, state, result_json, started_at, done_at FROM side_effects WHERE state = 'STARTED' ORDER BY started_at");
        ResultSet rows = select.executeQuery()) {
      List<LedgerEntry> entries = new ArrayList<>();
      while (rows.next()) {
        entries.add(entry(rows));
      }
      return entries;
    } catch (SQLException e) {
      throw failure("list", "in-doubt entries", e);
    }
  }

  @Override
  public synchronized void close() {
    try {
      connection.close();
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot close the idempotency ledger: " + e.getMessage(), e);
    }
  }

  private static LedgerEntry entry(ResultSet rows) throws SQLException {
    long doneAt = rows.getLong("done_at");
    boolean hasDoneAt = !rows.wasNull();
    return new LedgerEntry(
        rows.getString("idempotency_key"),
        rows.getString("job_type"),
        rows.getLong("job_key"),
        LedgerEntry.State.valueOf(rows.getString("state")),
        rows.getString("result_json"),
        Instant.ofEpochMilli(rows.getLong("started_at")),
        hasDoneAt ? Instant.ofEpochMilli(doneAt) : null);
  }

  private static IllegalStateException failure(String action, String key, SQLException e) {
    return new IllegalStateException("Cannot " + action + " side effect '" + key + "' in the idempotency ledger: " + e.getMessage(), e);
  }
}
