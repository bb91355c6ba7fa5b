package dev.engranaje.examples.bankportal;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One statement the portal offers for download, in both formats a bank customer can choose.
 *
 * @param id the bank's statement id, shown in the list and used in download URLs (letters, digits, '-')
 * @param date the statement's booking date (the end of its period)
 * @param iban the account the statement is for
 * @param entries how many entries it has, as the list shows
 * @param camt053 the ISO 20022 camt.053 file
 * @param mt940 the SWIFT MT940 file
 */
public record PortalStatement(String id, LocalDate date, String iban, int entries, byte[] camt053, byte[] mt940) {
  static final String EXPECTED_ID = "Expected a statement id of letters, digits and '-', but got '%s'";

  public PortalStatement {
    Objects.requireNonNull(id, "id");
    if (!id.matches("[A-Za-z0-9-]{1,64}")) {
      throw new IllegalArgumentException(String.format(EXPECTED_ID, id));
    }
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(iban, "iban");
    camt053 = camt053.clone();
    mt940 = mt940.clone();
  }

  /** The file of one format. */
  byte[] file(StatementFormat format) {
    return (format == StatementFormat.CAMT053 ? camt053 : mt940).clone();
  }
}
