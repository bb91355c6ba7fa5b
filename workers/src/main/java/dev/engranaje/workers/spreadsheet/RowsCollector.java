package dev.engranaje.workers.spreadsheet;

import dev.engranaje.workers.api.BusinessError;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Collects the rows a worker produces into variables or a JSON Lines data file, per {@link
 * Delivery}. Only up to {@code limit + 1} rows are ever held in memory; the data file is written to
 * a temporary name and moved into place when complete, so a failed job leaves no half-written file
 * under the final name. Not thread-safe.
 */
final class RowsCollector implements AutoCloseable {
  static final String TOO_MANY_ROWS = "TOO_MANY_ROWS";
  static final String TOO_MANY =
      "Expected at most %d rows from '%s' for the 'rows' variable, but there are more; set 'into' to file (or auto)"
          + " to get a data file, or raise 'maxRowsInVariables'";

  private final Delivery delivery;
  private final int limit;
  private final Path target;
  private final Path partial;
  private final String source;
  private final List<Map<String, Object>> buffered = new ArrayList<>();
  private JsonLinesWriter writer;
  private long count;

  RowsCollector(Delivery delivery, int limit, Path target, String source) {
    this.delivery = delivery;
    this.limit = limit;
    this.target = target;
    this.partial = target.resolveSibling(target.getFileName() + ".part");
    this.source = source;
  }

  void add(Map<String, Object> record) throws IOException, BusinessError {
    count++;
    if (delivery != Delivery.FILE && count <= limit) {
      buffered.add(record);
    } else if (delivery == Delivery.VARIABLES) {
      throw new BusinessError(TOO_MANY_ROWS, String.format(TOO_MANY, limit, source));
    } else if (!buffered.isEmpty()) {
      buffered.clear();
    }
    if (delivery != Delivery.VARIABLES) {
      if (writer == null) {
        writer = new JsonLinesWriter(partial);
      }
      writer.write(record);
    }
  }

  boolean inVariables() {
    return delivery == Delivery.VARIABLES || (delivery == Delivery.AUTO && count <= limit);
  }

  long count() {
    return count;
  }

  /** The rows for the variable, or {@code null} when they went to the data file. */
  List<Map<String, Object>> rows() {
    return inVariables() ? List.copyOf(buffered) : null;
  }

  /** Completes the data file (when used) and returns it, or {@code null} when rows went to variables. */
  Path finish() throws IOException {
    closeWriter();
    if (inVariables()) {
      Files.deleteIfExists(partial);
      return null;
    }
    if (writer == null) {
      new JsonLinesWriter(partial).close();
    }
    Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    return target;
  }

  private void closeWriter() throws IOException {
    if (writer != null) {
      writer.close();
    }
  }

  @Override
  public void close() {
    try {
      closeWriter();
      Files.deleteIfExists(partial);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
