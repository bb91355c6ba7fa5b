package dev.engranaje.examples.reconciliation;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One booked entry of a generated statement.
 *
 * @param bankRef the bank's reference (camt {@code AcctSvcrRef}, MT940 {@code //} reference), at most 16 characters
 * @param credit true for money in
 * @param amount the amount, positive, two decimals
 * @param endToEndId the end-to-end id, or null when the payer gave none ("NOTPROVIDED" in camt)
 * @param creditorReference a structured ISO 11649 creditor reference (RF...), or null
 * @param remittance the unstructured remittance text (may be empty)
 * @param counterpartyName the payer (credit) or payee (debit), or null for the bank's own bookings
 * @param counterpartyIban its account, or null
 * @param counterpartyBic its bank, or null
 * @param kind what the bank booked: a transfer, a charge or interest
 */
public record BankEntry(String bankRef, LocalDate bookingDate, LocalDate valueDate, boolean credit, BigDecimal amount,
    String endToEndId, String creditorReference, String remittance, String counterpartyName, String counterpartyIban,
    String counterpartyBic, Kind kind) {

  /** What the bank booked, with its ISO bank transaction code and German GVC for MT940. */
  public enum Kind {
    TRANSFER_IN("PMNT", "RCDT", "ESCT", "NTRF", "166", "SEPA-GUTSCHRIFT"),
    TRANSFER_OUT("PMNT", "ICDT", "ESCT", "NTRF", "177", "SEPA-UEBERWEISUNG"),
    CHARGE("ACMT", "MDOP", "CHRG", "NCHG", "805", "ENTGELTABSCHLUSS"),
    INTEREST("ACMT", "MDOP", "INTR", "NINT", "804", "ABSCHLUSS ZINSEN");

    final String domain;
    final String family;
    final String subFamily;
    final String swiftCode;
    final String gvc;
    final String bookingText;

    Kind(String domain, String family, String subFamily, String swiftCode, String gvc, String bookingText) {
      this.domain = domain;
      this.family = family;
      this.subFamily = subFamily;
      this.swiftCode = swiftCode;
      this.gvc = gvc;
      this.bookingText = bookingText;
    }
  }

  /** The amount with its sign: negative for money out. */
  public BigDecimal signedAmount() {
    return credit ? amount : amount.negate();
  }
}
