package dev.engranaje.engine.storage;

import dev.engranaje.engine.history.HistoryCatchUp;
import dev.engranaje.engine.history.HistoryProjection;
import dev.engranaje.engine.history.HistoryReads;
import dev.engranaje.engine.history.HistoryRetention;
import dev.engranaje.engine.record.Intent;
import dev.engranaje.engine.record.Record;
import dev.engranaje.engine.record.RecordType;
import dev.engranaje.engine.record.ValueType;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The record log in one SQLite database in WAL mode. Each {@link #append} is one transaction, so a
 * batch of records is either wholly stored or not at all; a crash (even {@code kill -9}) after
 * append returns loses nothing. The history projection ({@link HistoryProjection}) is written in
 * the same transaction, so it holds exactly what the log holds; it is brought up to date (or
 * rebuilt) when the database is opened.
 */
public final class SqliteRecordLog implements RecordLog {
  /** The database file in the data directory. */
  public static final String DATABASE_FILE = "engranaje.db";
  private static final int SCHEMA_VERSION = 2;
  /**
   * The process instance a record belongs to, from its JSON value (a decision evaluation nests it),
   * NULL when it belongs to none.
   */
  private static final String INSTANCE_OF = "NULLIF(MAX(COALESCE(json_extract(%1$s, '$.processInstanceKey'),"
      + " json_extract(%1$s, '$.process.processInstanceKey')), 0), 0)";
  private static final int SQLITE_READONLY = 8;
  private static final int SQLITE_IOERR = 10;
  private static final int SQLITE_FULL = 13;
  private static final int SQLITE_CANTOPEN = 14;

  private final Connection connection;
  private final PreparedStatement insert;
  private static final int READ_CONNECTIONS = 3;

  private final RecordCodec codec = new RecordCodec();
  private final HistoryProjection history;
  private final HistoryReads historyReads;
  private long lastPosition;
  private volatile MaintenanceObserver maintenance = MaintenanceObserver.NONE;

  private SqliteRecordLog(Connection connection, Path file) throws SQLException {
    this.connection = connection;
    migrate();
    this.insert = connection.prepareStatement(
        "INSERT INTO records (position, record_key, timestamp, record_type, value_type, intent, value, process_instance_key)"
        + " VALUES (?,?,?,?,?,?,?," + INSTANCE_OF.formatted("?7") + ")");
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("SELECT COALESCE(MAX(position), 0) FROM records")) {
      rs.next();
      lastPosition = rs.getLong(1);
    }
    connection.setAutoCommit(false);
    this.history = new HistoryProjection(connection);
    HistoryCatchUp.bringUpToDate(connection, history, lastPosition, this::readAfter);
    // an in-memory database has one connection: reads share it, taking turns with the writer
    this.historyReads = file == null ? new SharedReads() : new ReadConnections(file, READ_CONNECTIONS);
  }

  /** Opens (creating if needed) the log in a data directory. */
  public static SqliteRecordLog open(Path dataDirectory, boolean durableCommits) {
    try {
      Files.createDirectories(dataDirectory);
    } catch (IOException e) {
      throw new UncheckedIOException("Expected to create the data directory '" + dataDirectory + "', but failed", e);
    }
    Path file = dataDirectory.resolve(DATABASE_FILE);
    try {
      Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
      try (Statement statement = connection.createStatement()) {
        statement.execute("PRAGMA journal_mode=WAL");
        statement.execute("PRAGMA synchronous=" + (durableCommits ? "FULL" : "NORMAL"));
        statement.execute("PRAGMA busy_timeout=5000");
      }
      return new SqliteRecordLog(connection, file);
    } catch (SQLException e) {
      int primary = e.getErrorCode() & 0xff;
      if (primary == SQLITE_READONLY || (primary == SQLITE_CANTOPEN && !Files.isWritable(dataDirectory))
          || (Files.exists(file) && !Files.isWritable(file))) {
        throw new IllegalStateException("Expected to write to the data directory '" + dataDirectory.toAbsolutePath()
            + "', but it is read-only (the database '" + file.getFileName() + "' cannot be written);"
            + " make it writable for this user or choose another --data-dir", e);
      }
      throw new IllegalStateException("Expected to open the engine database '" + file + "', but failed: " + e.getMessage(), e);
    }
  }

  /** A log that lives in memory and is gone when closed. */
  public static SqliteRecordLog inMemory() {
    try {
      return new SqliteRecordLog(DriverManager.getConnection("jdbc:sqlite::memory:"), null);
    } catch (SQLException e) {
      throw new IllegalStateException("Expected to open an in-memory database, but failed: " + e.getMessage(), e);
    }
  }

  private void migrate() throws SQLException {
    try (Statement statement = connection.createStatement()) {
      int version;
      try (ResultSet rs = statement.executeQuery("PRAGMA user_version")) {
        rs.next();
        version = rs.getInt(1);
      }
      if (version > SCHEMA_VERSION) {
        throw new IllegalStateException("Expected a database of schema version " + SCHEMA_VERSION
            + " or older, but it is version " + version + ": it was written by a newer Engranaje");
      }
      if (version < 1) {
        statement.execute("""
            CREATE TABLE IF NOT EXISTS records (
              position INTEGER PRIMARY KEY,
              record_key INTEGER NOT NULL,
              timestamp INTEGER NOT NULL,
              record_type TEXT NOT NULL,
              value_type TEXT NOT NULL,
              intent TEXT NOT NULL,
              value TEXT NOT NULL)""");
      }
      if (version < 2) {
        // the instance a record belongs to, so compaction finds an instance's records by index
        statement.execute("ALTER TABLE records ADD COLUMN process_instance_key INTEGER");
        statement.execute("UPDATE records SET process_instance_key = " + INSTANCE_OF.formatted("value"));
        statement.execute("CREATE INDEX IF NOT EXISTS records_by_instance ON records(process_instance_key)"
            + " WHERE process_instance_key IS NOT NULL");
        SnapshotTable.create(statement);
        LogCompaction.create(statement);
      }
      if (version < SCHEMA_VERSION) {
        statement.execute("PRAGMA user_version=" + SCHEMA_VERSION);
      }
    }
  }

  @Override
  public synchronized void append(List<Record> records) {
    if (records.isEmpty()) {
      return;
    }
    try {
      for (Record record : records) {
        insert.setLong(1, record.position());
        insert.setLong(2, record.key());
        insert.setLong(3, record.timestamp());
        insert.setString(4, record.recordType().name());
        insert.setString(5, record.valueType().name());
        insert.setString(6, record.intent().name());
        insert.setString(7, codec.encode(record.value()));
        insert.addBatch();
      }
      insert.executeBatch();
      history.apply(records);
      connection.commit();
      lastPosition = records.get(records.size() - 1).position();
    } catch (SQLException e) {
      try {
        insert.clearBatch();
      } catch (SQLException clearFailure) {
        e.addSuppressed(clearFailure);
      }
      rollback(e);
      history.forgetCaches();
      throw classify("Expected to store " + records.size() + " records, but the database refused: " + e.getMessage(), e);
    }
  }

  /**
   * A storage failure (disk full, I/O error, read-only) as a {@link StorageFailure}; anything else
   * (a constraint violation: a bug or a second writer) as an {@link IllegalStateException}.
   */
  static RuntimeException classify(String message, SQLException e) {
    int primary = e.getErrorCode() & 0xff;
    if (primary == SQLITE_FULL) {
      return new StorageFailure(StorageFailure.Kind.FULL, message, e);
    }
    if (primary == SQLITE_IOERR || primary == SQLITE_READONLY || primary == SQLITE_CANTOPEN) {
      return new StorageFailure(StorageFailure.Kind.IO_ERROR, message, e);
    }
    return new IllegalStateException(message, e);
  }

  /**
   * Writes and commits a tiny transaction (insert and delete of one probe row), to learn whether
   * the storage takes writes again after a {@link StorageFailure}.
   *
   * @throws StorageFailure while it still cannot
   */
  @Override
  public synchronized void probe() {
    try (Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE IF NOT EXISTS storage_probe (id INTEGER PRIMARY KEY, payload BLOB)");
      statement.execute("INSERT INTO storage_probe (payload) VALUES (zeroblob(8192))");
      statement.execute("DELETE FROM storage_probe");
      connection.commit();
    } catch (SQLException e) {
      rollback(e);
      throw classify("Expected the database to take a write again, but it refused: " + e.getMessage(), e);
    }
  }

  /**
   * Rolls the open transaction back. On SQLITE_FULL SQLite may already have rolled it back itself;
   * the driver's rollback then fails ("no transaction is active") and opens no new transaction, so
   * one is opened here: otherwise the next statements would run outside a transaction and the next
   * commit would fail with an error that is not a storage failure.
   */
  private void rollback(SQLException failure) {
    try {
      connection.rollback();
    } catch (SQLException rollbackFailure) {
      if (String.valueOf(rollbackFailure.getMessage()).contains("no transaction is active")) {
        try (Statement statement = connection.createStatement()) {
          statement.execute("BEGIN");
        } catch (SQLException beginFailure) {
          failure.addSuppressed(beginFailure);
        }
      } else {
        failure.addSuppressed(rollbackFailure);
      }
    }
  }

  /**
   * Caps the database at {@code pages} pages ({@code PRAGMA max_page_count}); SQLite then refuses
   * writes beyond it with SQLITE_FULL, exactly as on a full disk. Tests use it to stand in for a
   * full disk; 0 asks for the current cap without changing it.
   *
   * @return the cap in effect afterwards
   */
  public long maxPageCount(long pages) {
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery(pages > 0 ? "PRAGMA max_page_count=" + pages : "PRAGMA max_page_count")) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException("Expected to set max_page_count, but failed: " + e.getMessage(), e);
    }
  }

  /** The database's current size in pages. */
  public long pageCount() {
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("PRAGMA page_count")) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException("Expected to read page_count, but failed: " + e.getMessage(), e);
    }
  }

  @Override
  public synchronized void replay(Consumer<Record> consumer) {
    read("SELECT position, record_key, timestamp, record_type, value_type, intent, value FROM records ORDER BY position",
        consumer);
  }

  @Override
  public synchronized void replayEvents(Consumer<Record> consumer) {
    read("SELECT position, record_key, timestamp, record_type, value_type, intent, value FROM records"
        + " WHERE record_type = 'EVENT' ORDER BY position", consumer);
  }

  @Override
  public synchronized void replayEventsAfter(long position, Consumer<Record> consumer) {
    read("SELECT position, record_key, timestamp, record_type, value_type, intent, value FROM records"
        + " WHERE record_type = 'EVENT' AND position > " + position + " ORDER BY position", consumer);
  }

  /** Sets who sees the maintenance transactions (tests that kill the engine inside them). */
  public void observeMaintenance(MaintenanceObserver observer) {
    this.maintenance = observer;
  }

  @Override
  public synchronized List<Long> snapshotPositions() {
    try {
      List<Long> positions = SnapshotTable.positions(connection);
      connection.commit();
      return positions;
    } catch (SQLException e) {
      throw new IllegalStateException("Expected to list the stored snapshots, but failed: " + e.getMessage(), e);
    }
  }

  @Override
  public synchronized Optional<byte[]> readSnapshot(long position) {
    try {
      Optional<byte[]> content = SnapshotTable.read(connection, position);
      connection.commit();
      return content;
    } catch (SQLException e) {
      throw new IllegalStateException("Expected to read the snapshot at position " + position + ", but failed: "
          + e.getMessage(), e);
    }
  }

  @Override
  public synchronized void storeSnapshot(long position, byte[] content) {
    try {
      SnapshotTable.insert(connection, position, content);
      maintenance.snapshotWritten(position);
      connection.commit();
    } catch (SQLException e) {
      rollback(e);
      throw classify("Expected to store the snapshot at position " + position + ", but the database refused: "
          + e.getMessage(), e);
    }
  }

  @Override
  public synchronized int compact(long commandsBeforeMillis) {
    try {
      int removed = LogCompaction.compactBatch(connection, commandsBeforeMillis);
      if (removed > 0) {
        maintenance.compactionBatchDeleted(removed);
      }
      connection.commit();
      return removed;
    } catch (SQLException e) {
      rollback(e);
      throw classify("Expected to compact the record log, but the database refused: " + e.getMessage(), e);
    }
  }

  @Override
  public synchronized long compactedMaxKey() {
    try {
      long key = LogCompaction.maxKey(connection);
      connection.commit();
      return key;
    } catch (SQLException e) {
      throw new IllegalStateException("Expected to read the compaction state, but failed: " + e.getMessage(), e);
    }
  }

  /**
   * Up to {@code limit} stored records after {@code position}, in position order, for projecting the
   * history: without the records of instances that retention removed and compaction has yet to
   * remove, so a rebuilt history never brings them back.
   */
  private synchronized List<Record> readAfter(long position, int limit) {
    List<Record> records = new ArrayList<>();
    try (PreparedStatement query = connection.prepareStatement("SELECT position, record_key, timestamp, record_type,"
        + " value_type, intent, value FROM records WHERE position > ? AND (process_instance_key IS NULL"
        + " OR process_instance_key NOT IN (SELECT process_instance_key FROM log_compaction_queue))"
        + " AND NOT (value_type = 'AUDIT_LOG' AND timestamp < ?)"
        + " AND NOT (value_type = 'BATCH_OPERATION' AND record_key IN (SELECT batch_operation_key FROM log_removed_batch))"
        + " ORDER BY position LIMIT ?")) {
      query.setLong(1, position);
      query.setLong(2, LogCompaction.auditRemovedBefore(connection));
      query.setInt(3, limit);
      try (ResultSet rs = query.executeQuery()) {
        while (rs.next()) {
          records.add(record(rs));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Expected to read the record log, but failed: " + e.getMessage(), e);
    }
    return records;
  }

  private Record record(ResultSet rs) throws SQLException {
    ValueType valueType = ValueType.valueOf(rs.getString(5));
    Intent intent = valueType.intent(rs.getString(6));
    return new Record(rs.getLong(1), rs.getLong(2), rs.getLong(3), RecordType.valueOf(rs.getString(4)), valueType,
        intent, codec.decode(valueType, rs.getString(7)));
  }

  /** Read access to the history tables, for searches on any thread. */
  public HistoryReads historyReads() {
    return historyReads;
  }

  /**
   * Drops the history and rebuilds it from the whole log (what opening a database without a
   * history does); for tests that compare a rebuilt history with the one written live.
   */
  public synchronized void rebuildHistory() {
    try {
      HistoryCatchUp.discard(connection);
      history.forgetCaches();
      HistoryCatchUp.bringUpToDate(connection, history, lastPosition, this::readAfter);
    } catch (SQLException e) {
      throw new IllegalStateException("Expected to rebuild the history, but failed: " + e.getMessage(), e);
    }
  }

  /**
   * Removes one batch of finished instances that ended before {@code cutoffMillis} from the history
   * ({@link HistoryRetention}), in its own short transaction between appends.
   *
   * @return how many root instances were removed
   */
  public synchronized int removeFinishedHistory(long cutoffMillis, int batch) {
    try {
      List<Long> removedInstances = new ArrayList<>();
      List<Long> removedBatchOperations = new ArrayList<>();
      int removed = HistoryRetention.removeBatch(connection, cutoffMillis, batch, removedInstances::addAll,
          removedBatchOperations::addAll);
      LogCompaction.queue(connection, removedInstances);
      LogCompaction.batchOperationsRemoved(connection, removedBatchOperations);
      LogCompaction.auditRemovedBefore(connection, cutoffMillis);
      if (removed > 0) {
        maintenance.retentionBatchRemoved(removed);
      }
      connection.commit();
      return removed;
    } catch (SQLException e) {
      rollback(e);
      throw classify("Expected to remove finished instances from the history, but the database refused: "
          + e.getMessage(), e);
    }
  }

  /** Reads on the writer's own connection, between appends: for the in-memory database. */
  private final class SharedReads implements HistoryReads {
    @Override
    public <T> T read(Work<T> work) {
      synchronized (SqliteRecordLog.this) {
        try {
          return work.run(connection);
        } catch (SQLException e) {
          throw new IllegalStateException("Expected to read the history, but the database refused: "
              + e.getMessage(), e);
        } finally {
          try {
            connection.commit(); // ends the read transaction; nothing is pending between appends
          } catch (SQLException e) {
            // the next append commits its own transaction
          }
        }
      }
    }

    @Override
    public void close() {}
  }

  private void read(String query, Consumer<Record> consumer) {
    try (Statement statement = connection.createStatement()) {
      statement.setFetchSize(10_000);
      try (ResultSet rs = statement.executeQuery(query)) {
        while (rs.next()) {
          consumer.accept(record(rs));
        }
      }
      connection.commit();
    } catch (SQLException e) {
      throw new IllegalStateException("Expected to read the record log, but failed: " + e.getMessage(), e);
    }
  }

  @Override
  public long lastPosition() {
    return lastPosition;
  }

  @Override
  public synchronized void close() {
    try {
      historyReads.close();
      history.close();
      insert.close();
      connection.close();
    } catch (SQLException e) {
      throw new IllegalStateException("Expected to close the engine database, but failed: " + e.getMessage(), e);
    }
  }
}
