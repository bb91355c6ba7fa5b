package dev.engranaje.workers.spreadsheet;

import java.util.Map;

/**
 * How an xlsx sheet is laid out when written (CSV ignores it).
 *
 * @param boldHeader the header row in bold (default true)
 * @param numberFormat an Excel number format for decimals, e.g. {@code #,##0.00}; {@code null}
 *     keeps General
 * @param dateFormat the Excel format of date cells (default {@code yyyy-mm-dd})
 * @param dateTimeFormat the Excel format of date-time cells (default {@code yyyy-mm-dd hh:mm:ss})
 * @param columnWidths field to width in characters; other columns get the header's width, at
 *     least 10
 * @param autoFilter an autofilter over the header and the rows written (default true)
 */
record WriteStyle(boolean boldHeader, String numberFormat, String dateFormat, String dateTimeFormat,
    Map<String, Integer> columnWidths, boolean autoFilter) {
  WriteStyle {
    dateFormat = dateFormat == null || dateFormat.isBlank() ? "yyyy-mm-dd" : dateFormat;
    dateTimeFormat = dateTimeFormat == null || dateTimeFormat.isBlank() ? "yyyy-mm-dd hh:mm:ss" : dateTimeFormat;
    columnWidths = columnWidths == null ? Map.of() : Map.copyOf(columnWidths);
  }
}
