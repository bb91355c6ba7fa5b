package dev.engranaje.workers.spreadsheet;

import dev.engranaje.workers.api.TechnicalFailure;
import java.util.Locale;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.hssf.OldExcelFormatException;

/**
 * Turns what POI and the streaming reader throw for a bad workbook into one clear, permanent
 * failure naming the file (and the row, when the problem is in one): a hostile, encrypted,
 * truncated or unsupported file does not get better by retrying.
 */
final class WorkbookFailures {
  static final String ENCRYPTED =
      "Expected an unencrypted workbook, but '%s' is password-protected; pass its password as a secret"
          + " reference in 'password' (e.g. secrets.SUPPLIER_XLSX_PASSWORD) or save it without a password";
  static final String WRONG_PASSWORD =
      "Expected the password to open '%s', but it was refused; check the secret given in 'password'";
  static final String OLD_EXCEL =
      "Expected an Excel 97 or later workbook, but '%s' is an Excel 5.0/95 (BIFF5) or older file; open it in"
          + " Excel or LibreOffice and save it as .xlsx";
  static final String HOSTILE =
      "Expected a well-behaved workbook, but '%s' was refused as hostile (%s); it was not expanded. Ask the"
          + " sender for a clean copy";
  static final String CORRUPT =
      "Expected a complete xlsx/xls workbook, but '%s' is corrupt or truncated (%s); ask the sender to save and"
          + " send it again";
  static final String BROKEN_ROW =
      "Expected readable cells in '%s' sheet '%s', but row %d could not be read (%s); fix or remove that row";

  private WorkbookFailures() {}

  /** A failure opening {@code reference}. */
  static TechnicalFailure opening(String reference, Throwable problem) {
    if (problem instanceof TechnicalFailure failure) {
      return failure;
    }
    String text = describe(problem).toLowerCase(Locale.ROOT);
    if (has(problem, OldExcelFormatException.class)) {
      return TechnicalFailure.permanent(String.format(OLD_EXCEL, reference), problem);
    }
    if (text.contains("password") || text.contains("encrypted")) {
      boolean given = text.contains("supplied password") || text.contains("invalid password")
          || text.contains("password is incorrect");
      return TechnicalFailure.permanent(String.format(given ? WRONG_PASSWORD : ENCRYPTED, reference), problem);
    }
    if (has(problem, EncryptedDocumentException.class)) {
      return TechnicalFailure.permanent(String.format(ENCRYPTED, reference), problem);
    }
    String hostile = hostileReason(text);
    if (hostile != null) {
      return TechnicalFailure.permanent(String.format(HOSTILE, reference, hostile), problem);
    }
    return TechnicalFailure.permanent(String.format(CORRUPT, reference, describe(problem)), problem);
  }

  /** A failure reading row {@code rowNumber} (1-based) of {@code sheet} in {@code reference}. */
  static TechnicalFailure readingRow(String reference, String sheet, int rowNumber, Throwable problem) {
    String hostile = hostileReason(describe(problem).toLowerCase(Locale.ROOT));
    if (hostile != null) {
      return TechnicalFailure.permanent(String.format(HOSTILE, reference, hostile + " near row " + rowNumber), problem);
    }
    return TechnicalFailure.permanent(String.format(BROKEN_ROW, reference, sheet, rowNumber, describe(problem)), problem);
  }

  private static String hostileReason(String text) {
    if (text.contains("zip bomb")) {
      return "zip bomb: a part inflates far beyond its compressed size";
    }
    if (text.contains("doctype") || text.contains("entity") || text.contains("entities")) {
      return "XML with a DOCTYPE or entity declarations, as used by entity-expansion bombs";
    }
    if (text.contains("exceed") && (text.contains("max") || text.contains("size"))) {
      return "a part exceeds the size limit";
    }
    if (text.contains("duplicate") && text.contains("entr")) {
      return "the ZIP holds two entries with the same name";
    }
    return null;
  }

  private static boolean has(Throwable problem, Class<? extends Throwable> type) {
    for (Throwable t = problem; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  /** The messages of a throwable and its causes, without repeats. */
  static String describe(Throwable problem) {
    StringBuilder text = new StringBuilder();
    int depth = 0;
    for (Throwable t = problem; t != null && depth < 4; t = t.getCause(), depth++) {
      String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
      if (!text.toString().contains(message)) {
        text.append(text.length() == 0 ? "" : "; ").append(message);
      }
    }
    return text.toString();
  }
}
