package dev.engranaje.engine.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.engranaje.engine.history.HistoryQuery.Condition;
import dev.engranaje.engine.history.HistoryQuery.Sort;
import dev.engranaje.engine.history.HistoryQuery.VariableCondition;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Searches the history, off the processor and off the HTTP threads: each call runs on a small pool
 * of search threads against a committed snapshot of the database. Usable as soon as it is built;
 * calls made before the database is opened wait for it. Thread-safe.
 */
public final class HistorySearch implements AutoCloseable {
  private static final int THREADS = 3;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter ISO_MILLIS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX").withZone(ZoneOffset.UTC);

  private final CompletableFuture<HistoryReads> database = new CompletableFuture<>();
  private final ExecutorService threads = Executors.newFixedThreadPool(THREADS, new SearchThreads());

  /** Connects the searches to the opened database. */
  public void attach(HistoryReads reads) {
    database.complete(reads);
  }

  /** Fails every waiting and later search: the database could not be opened. */
  public void failed(Throwable cause) {
    database.completeExceptionally(cause);
  }

  /** Runs reading work on a search thread once the database is open. */
  public <T> CompletableFuture<T> read(HistoryReads.Work<T> work) {
    return database.thenApplyAsync(reads -> reads.read(work), (Executor) threads);
  }

  public CompletableFuture<HistoryPage> search(HistoryEntity entity, HistoryQuery query) {
    return read(connection -> search(connection, entity, query));
  }

  /** The entity with this key, if the history has it. */
  public CompletableFuture<Optional<Map<String, Object>>> get(HistoryEntity entity, Object key) {
    return read(connection -> {
      SqlConditions where = new SqlConditions().add(entity.keyColumn() + " = ?", key);
      List<Map<String, Object>> rows = rows(connection, entity, where, "", 0, 1);
      return rows.stream().findFirst();
    });
  }

  private static HistoryPage search(Connection connection, HistoryEntity entity, HistoryQuery query)
      throws SQLException {
    SqlConditions where = new SqlConditions();
    if (entity.visible() != null) {
      where.add(entity.visible());
    }
    for (Condition condition : query.conditions()) {
      where.add(condition);
    }
    for (VariableCondition variable : query.variables()) {
      where.add(variable);
    }
    List<String> order = new ArrayList<>();
    for (Sort sort : query.sort()) {
      order.add(sort.field().sql() + (sort.descending() ? " DESC" : " ASC"));
    }
    order.add(entity.keyColumn() + " ASC");
    long total = count(connection, "SELECT COUNT(*) FROM " + entity.table() + " t" + where.where(), where.arguments());
    List<Map<String, Object>> items = query.limit() == 0 ? List.of()
        : rows(connection, entity, where, " ORDER BY " + String.join(", ", order), query.from(), query.limit());
    return new HistoryPage(items, total, query.from());
  }

  private static List<Map<String, Object>> rows(Connection connection, HistoryEntity entity, SqlConditions where,
      String orderBy, int from, int limit) throws SQLException {
    List<HistoryField> fields = entity.fields().stream().filter(HistoryField::output).toList();
    List<String> columns = fields.stream().map(HistoryField::sql).toList();
    String sql = "SELECT " + String.join(", ", columns) + " FROM " + entity.table() + " t" + where.where() + orderBy
        + " LIMIT ? OFFSET ?";
    List<Object> arguments = new ArrayList<>(where.arguments());
    arguments.add(limit);
    arguments.add(from);
    List<Map<String, Object>> rows = new ArrayList<>();
    try (PreparedStatement statement = prepare(connection, sql, arguments); ResultSet rs = statement.executeQuery()) {
      while (rs.next()) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < fields.size(); i++) {
          row.put(fields.get(i).name(), value(rs, i + 1, fields.get(i).type()));
        }
        rows.add(row);
      }
    }
    return rows;
  }

  static PreparedStatement prepare(Connection connection, String sql, List<Object> arguments) throws SQLException {
    PreparedStatement statement = connection.prepareStatement(sql);
    for (int i = 0; i < arguments.size(); i++) {
      statement.setObject(i + 1, arguments.get(i));
    }
    return statement;
  }

  static long count(Connection connection, String sql, List<Object> arguments) throws SQLException {
    try (PreparedStatement statement = prepare(connection, sql, arguments); ResultSet rs = statement.executeQuery()) {
      return rs.next() ? rs.getLong(1) : 0;
    }
  }

  /** A column as the API returns it. */
  static Object value(ResultSet rs, int column, HistoryField.Type type) throws SQLException {
    switch (type) {
      case KEY -> {
        long key = rs.getLong(column);
        return rs.wasNull() || key == -1 ? null : Long.toString(key);
      }
      case DATE -> {
        long millis = rs.getLong(column);
        return rs.wasNull() || millis == -1 ? null : dateTime(millis);
      }
      case INTEGER -> {
        long number = rs.getLong(column);
        return rs.wasNull() ? null : (Object) (number == (int) number ? Integer.valueOf((int) number) : number);
      }
      case BOOLEAN -> {
        int flag = rs.getInt(column);
        return rs.wasNull() ? null : flag != 0;
      }
      case JSON -> {
        String text = rs.getString(column);
        try {
          return text == null ? null : JSON.readValue(text, Object.class);
        } catch (JsonProcessingException e) {
          throw new IllegalStateException("Expected JSON in the history, but read: " + text, e);
        }
      }
      default -> {
        return rs.getString(column);
      }
    }
  }

  public static String dateTime(long epochMillis) {
    return ISO_MILLIS.format(Instant.ofEpochMilli(epochMillis));
  }

  @Override
  public void close() {
    threads.shutdownNow();
  }

  private static final class SearchThreads implements java.util.concurrent.ThreadFactory {
    private final AtomicInteger count = new AtomicInteger();

    @Override
    public Thread newThread(Runnable runnable) {
      Thread thread = new Thread(runnable, "engranaje-search-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    }
  }
}
