package dev.engranaje.workers.finance.payment;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Invoice numbers compared the way a duplicate slips through: {@code INV-0042}, {@code inv 42} and
 * {@code INV/042} are one number. Upper case, separators (anything but letters and digits) dropped,
 * leading zeros of each run of digits dropped.
 */
public final class InvoiceNumbers {
  private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}]+");
  private static final Pattern DIGITS = Pattern.compile("\\d+");

  private InvoiceNumbers() {}

  /** The normalised number; the empty string for {@code null} or a number with no letter or digit. */
  public static String normalise(String number) {
    if (number == null) {
      return "";
    }
    StringBuilder out = new StringBuilder();
    Matcher token = TOKEN.matcher(number.toUpperCase(Locale.ROOT));
    while (token.find()) {
      Matcher digits = DIGITS.matcher(token.group());
      StringBuilder part = new StringBuilder();
      while (digits.find()) {
        String run = digits.group().replaceFirst("^0+(?=\\d)", "");
        digits.appendReplacement(part, run);
      }
      digits.appendTail(part);
      out.append(part);
    }
    return out.toString();
  }
}
