package dev.engranaje.engine.history;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Read access to the database holding the history: runs a unit of reading work on a connection
 * that sees only committed data (one consistent snapshot per unit). Thread-safe.
 */
public interface HistoryReads extends AutoCloseable {

  /** A unit of reading work. */
  @FunctionalInterface
  interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  <T> T read(Work<T> work);

  @Override
  void close();
}
