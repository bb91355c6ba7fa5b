package dev.engranaje.workers.finance.ledger;

/** A ledger mapping file that cannot be used; the message names the file, the key and what is expected. */
public final class InvalidLedgerMapping extends Exception {
  private final String source;

  InvalidLedgerMapping(String source, String message) {
    super(message);
    this.source = source;
  }

  InvalidLedgerMapping(String source, String message, Throwable cause) {
    super(message, cause);
    this.source = source;
  }

  /** The mapping file as named by the caller. */
  public String source() {
    return source;
  }
}
