package dev.engranaje.workers.finance.ledger;

/**
 * A ledger export that cannot be read as open items: unreadable file, a missing column, a broken
 * cell, a duplicate id. The message names the file and, where known, the row and column.
 */
public final class LedgerException extends Exception {
  private final String source;
  private final int row;

  LedgerException(String source, int row, String message, Throwable cause) {
    super(message, cause);
    this.source = source;
    this.row = row;
  }

  /** The export as named by the caller. */
  public String source() {
    return source;
  }

  /** The 1-based row (CSV: record) the problem is in, 0 when it concerns the whole file. */
  public int row() {
    return row;
  }
}
