package dev.engranaje.workers.finance.statement;

/** The other party of an entry; any component may be {@code null}. */
public record Counterparty(String name, String iban, String bic) {
  /** A counterparty that names nothing. */
  public static final Counterparty UNKNOWN = new Counterparty(null, null, null);
}
