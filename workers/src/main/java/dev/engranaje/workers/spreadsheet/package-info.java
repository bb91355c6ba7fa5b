/**
 * Spreadsheet bots: read xlsx (streaming), xls and CSV into typed rows, write and append xlsx
 * (streaming) and CSV, filter rows and look one up by key.
 *
 * <p>Rows are maps from field name to a typed value: {@link java.lang.String}, {@link
 * java.math.BigDecimal} (exact, never a binary float artefact), {@link java.lang.Boolean}, {@link
 * java.time.LocalDate}, {@link java.time.LocalDateTime} or {@code null} for a blank cell. Large
 * results go to a workspace data file in JSON Lines (see {@link
 * dev.engranaje.workers.spreadsheet.JsonLinesWriter}); small ones into variables.
 *
 * <p>Every file problem (a hostile, encrypted, truncated or unsupported file, a broken cell) is a
 * permanent failure whose message names the file and, where known, the row: retrying cannot fix a
 * file.
 */
package dev.engranaje.workers.spreadsheet;
