package dev.engranaje.workers.finance.payment;

import java.math.BigInteger;
import java.util.Locale;

/**
 * ISO 11649 creditor references ({@code RF18 5390 0754 7034}): {@code RF}, two check digits and up to
 * 21 letters or digits, valid when the mod-97 of the rearranged reference is 1. Such a reference is
 * sent as structured remittance information; anything else as text.
 */
public final class CreditorReference {
  private CreditorReference() {}

  /** Whether {@code reference} (spaces allowed) is a valid RF creditor reference. */
  public static boolean isValid(String reference) {
    String compact = reference.replace(" ", "").toUpperCase(Locale.ROOT);
    if (!compact.matches("RF\\d{2}[A-Z0-9]{1,21}")) {
      return false;
    }
    String rearranged = compact.substring(4) + compact.substring(0, 4);
    StringBuilder digits = new StringBuilder();
    for (char c : rearranged.toCharArray()) {
      digits.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
    }
    return new BigInteger(digits.toString()).mod(BigInteger.valueOf(97)).intValue() == 1;
  }
}
