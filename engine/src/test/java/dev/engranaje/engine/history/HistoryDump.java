package dev.engranaje.engine.history;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every history table's rows of a data directory's database, in primary key order, as text. */
public final class HistoryDump {
  private HistoryDump() {}

  public static Map<String, List<String>> of(Path dataDirectory) throws SQLException {
    Map<String, List<String>> tables = new LinkedHashMap<>();
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:"
        + dataDirectory.resolve("engranaje.db").toAbsolutePath()); Statement statement = connection.createStatement()) {
      for (String table : HistorySchema.TABLES) {
        List<String> rows = new ArrayList<>();
        try (ResultSet rs = statement.executeQuery("SELECT * FROM " + table + " ORDER BY 1, 2")) {
          ResultSetMetaData meta = rs.getMetaData();
          while (rs.next()) {
            StringBuilder row = new StringBuilder();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
              row.append(meta.getColumnName(i)).append('=').append(rs.getString(i)).append(' ');
            }
            rows.add(row.toString());
          }
        }
        tables.put(table, rows);
      }
    }
    return tables;
  }
}
