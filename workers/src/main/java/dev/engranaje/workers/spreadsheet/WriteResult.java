package dev.engranaje.workers.spreadsheet;

import java.util.List;

/**
 * What a write or append did.
 *
 * @param file the workspace reference of the file written
 * @param rowCount the data rows written by this job
 * @param columns the fields written, in column order
 * @param sheet the sheet written, {@code null} for CSV
 */
public record WriteResult(String file, long rowCount, List<String> columns, String sheet) {}
