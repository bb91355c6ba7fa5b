package dev.engranaje.engine.alert;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Set;

/**
 * The incident keys whose alert a receiver has taken, one per line in a file of the data directory, so
 * that a restart sends the alerts still owed and no others. Without a file (an in-memory engine) it
 * remembers for the life of the process only.
 */
final class DeliveredAlerts {
  private final Path file;
  private final Set<Long> delivered = new HashSet<>();

  private DeliveredAlerts(Path file) {
    this.file = file;
  }

  static DeliveredAlerts inMemory() {
    return new DeliveredAlerts(null);
  }

  static DeliveredAlerts in(Path file) {
    DeliveredAlerts alerts = new DeliveredAlerts(file);
    try {
      if (Files.exists(file)) {
        for (String line : Files.readAllLines(file, StandardCharsets.US_ASCII)) {
          // a line cut short by a crash is dropped: that alert is sent again, which receivers tolerate
          if (line.matches("\\d{1,19}")) {
            alerts.delivered.add(Long.parseLong(line));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Expected to read the delivered incident alerts from " + file + ", but could not", e);
    }
    return alerts;
  }

  synchronized boolean contains(long incidentKey) {
    return delivered.contains(incidentKey);
  }

  synchronized void add(long incidentKey) {
    if (!delivered.add(incidentKey) || file == null) {
      return;
    }
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, incidentKey + "\n", StandardCharsets.US_ASCII, StandardOpenOption.CREATE,
          StandardOpenOption.APPEND, StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw new UncheckedIOException("Expected to record the delivered incident alert " + incidentKey + " in " + file
          + ", but could not", e);
    }
  }
}
