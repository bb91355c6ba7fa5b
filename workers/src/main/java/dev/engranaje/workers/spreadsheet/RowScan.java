package dev.engranaje.workers.spreadsheet;

import dev.engranaje.workers.api.BusinessError;
import dev.engranaje.workers.api.JobContext;
import dev.engranaje.workers.api.TechnicalFailure;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * The loop the read and filter workers share: open a source file from the workspace, stream its
 * records through a predicate into a {@link RowsCollector}, and describe the result.
 */
final class RowScan {
  static final String BAD_SETTING = "Expected valid settings for '%s', but %s";
  static final int DEFAULT_MAX_ROWS_IN_VARIABLES = 1000;

  private RowScan() {}

  static RowsResult scan(JobContext context, String file, SourceSettings settings, String into,
      Integer maxRowsInVariables, String output, Predicate<SheetRecord> keep)
      throws TechnicalFailure, BusinessError, IOException {
    Path source = context.workspace().resolve(file);
    ReadOptions options = options(settings, file);
    Delivery delivery = delivery(into, file);
    int limit = maxRowsInVariables == null ? DEFAULT_MAX_ROWS_IN_VARIABLES : maxRowsInVariables;
    String targetReference = output == null || output.isBlank() ? defaultOutput(source) : output;
    Path target = delivery == Delivery.VARIABLES ? source : context.workspace().resolveForWriting(targetReference);
    long scanned = 0;
    try (RecordSource records = RecordSources.open(source, file, options);
        RowsCollector collector = new RowsCollector(delivery, limit, target, file)) {
      SheetRecord record;
      while ((record = records.next()) != null) {
        scanned++;
        if (keep.test(record)) {
          collector.add(record.values());
        }
      }
      Path written = collector.finish();
      return new RowsResult(collector.rows(), written == null ? null : context.workspace().reference(written),
          collector.count(), scanned, records.fields(), records.sheetName());
    }
  }

  private static ReadOptions options(SourceSettings settings, String file) throws TechnicalFailure {
    try {
      return settings.readOptions();
    } catch (IllegalArgumentException e) {
      throw TechnicalFailure.permanent(String.format(BAD_SETTING, file, e.getMessage()), e);
    }
  }

  private static Delivery delivery(String into, String file) throws TechnicalFailure {
    try {
      return Delivery.parse(into);
    } catch (IllegalArgumentException e) {
      throw TechnicalFailure.permanent(String.format(BAD_SETTING, file, e.getMessage()), e);
    }
  }

  private static String defaultOutput(Path source) {
    String name = source.getFileName().toString();
    int dot = name.lastIndexOf('.');
    String base = (dot > 0 ? name.substring(0, dot) : name).replaceAll("[^A-Za-z0-9._-]", "_");
    return "spreadsheet/" + base.toLowerCase(Locale.ROOT) + ".jsonl";
  }
}
