package dev.engranaje.engine.history;

import dev.engranaje.engine.record.Record;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the history up to the log when the database is opened: creates it when missing, rebuilds
 * it when its schema version differs, and projects the records it lacks (a database written before
 * the history existed). A history that is up to date costs two lookups, so start-up stays as fast.
 */
public final class HistoryCatchUp {
  private static final Logger LOG = LoggerFactory.getLogger(HistoryCatchUp.class);
  private static final int CHUNK = 10_000;

  /** Reads stored records after a position, in position order. */
  @FunctionalInterface
  public interface RecordSource {
    List<Record> after(long position, int limit);
  }

  private HistoryCatchUp() {}

  /**
   * Runs on the connection that writes the log, with auto-commit off; commits each chunk.
   *
   * @return how many records were projected
   */
  public static long bringUpToDate(Connection connection, HistoryProjection projection, long lastPosition,
      RecordSource source) throws SQLException {
    long version = HistoryMeta.read(connection, HistoryMeta.VERSION);
    if (version != HistorySchema.VERSION) {
      if (version >= 0) {
        LOG.info("The history was written with schema version {}; rebuilding it from the log as version {}",
            version, HistorySchema.VERSION);
      }
      try (Statement statement = connection.createStatement()) {
        HistorySchema.drop(statement);
        HistorySchema.create(statement);
      }
      HistoryMeta.write(connection, HistoryMeta.VERSION, HistorySchema.VERSION);
      HistoryMeta.write(connection, HistoryMeta.POSITION, 0);
      connection.commit();
      projection.forgetCaches();
    }
    long position = HistoryMeta.read(connection, HistoryMeta.POSITION);
    if (position >= lastPosition) {
      return 0;
    }
    long started = System.nanoTime();
    long projected = 0;
    while (position < lastPosition) {
      List<Record> records = source.after(position, CHUNK);
      if (records.isEmpty()) {
        break;
      }
      projection.apply(records);
      connection.commit();
      projected += records.size();
      position = records.get(records.size() - 1).position();
    }
    LOG.info("Projected {} records into the history in {} ms", projected, (System.nanoTime() - started) / 1_000_000);
    return projected;
  }

  /** Drops the history so the next {@link #bringUpToDate} rebuilds it from the whole log. */
  public static void discard(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      HistorySchema.drop(statement);
    }
    connection.commit();
  }
}
