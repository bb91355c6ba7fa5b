package dev.engranaje.workers.spreadsheet;

import java.util.List;
import java.util.Map;

/**
 * The rows a read or filter produced.
 *
 * @param rows the rows as field maps when they fit into variables, else {@code null}
 * @param dataFile the workspace reference of the JSON Lines data file holding them when they did
 *     not, else {@code null}
 * @param rowCount the number of rows produced
 * @param scannedCount the number of data rows looked at (equal to {@code rowCount} for a read)
 * @param columns the field names, in column order
 * @param sheet the sheet read, {@code null} for a CSV or data file
 */
public record RowsResult(List<Map<String, Object>> rows, String dataFile, long rowCount, long scannedCount,
    List<String> columns, String sheet) {}
