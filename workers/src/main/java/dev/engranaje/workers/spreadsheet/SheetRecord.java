package dev.engranaje.workers.spreadsheet;

import java.util.Map;

/** One data row as fields: its 1-based row number in the file and its values by field name. */
record SheetRecord(int row, Map<String, Object> values) {}
