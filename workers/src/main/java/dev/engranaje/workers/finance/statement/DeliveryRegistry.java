package dev.engranaje.workers.finance.statement;

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
import java.util.Optional;

/**
 * Remembers which statements were delivered, in a local SQLite file (WAL, {@code synchronous=FULL}),
 * so that the same statement delivered twice is not processed again. A statement is identified by
 * its account, statement id and sequence; the file's SHA-256 is kept with it, so a second delivery
 * tells whether it is the very same file or a different file claiming the same statement (both are
 * duplicates). Thread-safe: one connection used under this object's lock.
 */
public final class DeliveryRegistry implements AutoCloseable {
  static final String CANNOT_OPEN = "Expected to open the statement delivery store '%s', but %s";

  private final Connection connection;
  private final Clock clock;

  /** What was recorded for a statement delivered before. */
  public record Delivery(String source, String sha256, long recordedAtMillis) {}

  private DeliveryRegistry(Connection connection, Clock clock) {
    this.connection = connection;
    this.clock = clock;
  }

  /** Opens (or creates) the store file. */
  public static DeliveryRegistry open(Path file, Clock clock) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
      try (Statement statement = connection.createStatement()) {
        statement.execute("PRAGMA journal_mode=WAL");
        statement.execute("PRAGMA synchronous=FULL");
        statement.execute("CREATE TABLE IF NOT EXISTS statement_deliveries ("
            + " account TEXT NOT NULL, statement_id TEXT NOT NULL, sequence TEXT NOT NULL, sha256 TEXT NOT NULL,"
            + " source TEXT NOT NULL, recorded_at INTEGER NOT NULL, PRIMARY KEY (account, statement_id, sequence))");
      }
      return new DeliveryRegistry(connection, clock);
    } catch (SQLException e) {
      throw new IllegalStateException(String.format(CANNOT_OPEN, file, e.getMessage()), e);
    } catch (IOException e) {
      throw new UncheckedIOException(String.format(CANNOT_OPEN, file, e.getMessage()), e);
    }
  }

  /** The earlier delivery of {@code statement}, if any. */
  public synchronized Optional<Delivery> find(BankStatement statement) {
    try (PreparedStatement select = connection.prepareStatement(
        "SELECT source, sha256, recorded_at FROM statement_deliveries WHERE account = ? AND statement_id = ? AND sequence = ?")) {
      bind(select, statement);
      try (ResultSet rows = select.executeQuery()) {
        return rows.next() ? Optional.of(new Delivery(rows.getString(1), rows.getString(2), rows.getLong(3)))
            : Optional.empty();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Expected to read the statement delivery store, but " + e.getMessage(), e);
    }
  }

  /** Records every statement of {@code file} as delivered; statements recorded before are kept as they were. */
  public synchronized void record(StatementFile file) {
    try (PreparedStatement insert = connection.prepareStatement(
        "INSERT OR IGNORE INTO statement_deliveries (account, statement_id, sequence, sha256, source, recorded_at)"
            + " VALUES (?, ?, ?, ?, ?, ?)")) {
      for (BankStatement statement : file.statements()) {
        bind(insert, statement);
        insert.setString(4, file.sha256());
        insert.setString(5, file.source());
        insert.setLong(6, clock.millis());
        insert.executeUpdate();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Expected to write the statement delivery store, but " + e.getMessage(), e);
    }
  }

  private static void bind(PreparedStatement statement, BankStatement bank) throws SQLException {
    statement.setString(1, bank.accountId());
    statement.setString(2, bank.statementId());
    statement.setString(3, bank.sequence() == null ? "" : bank.sequence());
  }

  @Override
  public synchronized void close() {
    try {
      connection.close();
    } catch (SQLException e) {
      throw new IllegalStateException("Expected to close the statement delivery store, but " + e.getMessage(), e);
    }
  }
}
