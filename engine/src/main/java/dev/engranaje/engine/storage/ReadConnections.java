package dev.engranaje.engine.storage;

import dev.engranaje.engine.history.HistoryReads;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * A few read-only connections to the engine database. In WAL mode readers never block the log
 * writer nor wait for it; each unit of work runs in one read transaction, so it sees one snapshot.
 */
final class ReadConnections implements HistoryReads {
  private final BlockingQueue<Connection> idle;
  private final List<Connection> all = new ArrayList<>();

  ReadConnections(Path file, int count) throws SQLException {
    idle = new ArrayBlockingQueue<>(count);
    for (int i = 0; i < count; i++) {
      Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
      try (Statement statement = connection.createStatement()) {
        statement.execute("PRAGMA query_only=1");
        statement.execute("PRAGMA busy_timeout=5000");
      }
      connection.setAutoCommit(false);
      all.add(connection);
      idle.add(connection);
    }
  }

  @Override
  public <T> T read(Work<T> work) {
    Connection connection;
    try {
      connection = idle.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for a database connection", e);
    }
    try {
      return work.run(connection);
    } catch (SQLException e) {
      throw new IllegalStateException("Expected to read the history, but the database refused: " + e.getMessage(), e);
    } finally {
      try {
        connection.rollback(); // ends the read transaction
      } catch (SQLException e) {
        // the next unit starts a fresh transaction anyway
      }
      idle.add(connection);
    }
  }

  @Override
  public void close() {
    for (Connection connection : all) {
      try {
        connection.close();
      } catch (SQLException e) {
        // nothing left to release
      }
    }
  }
}
