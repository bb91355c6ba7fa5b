package dev.engranaje.workers.spreadsheet;

/**
 * Neutralises formula injection (CSV injection) in exported text: a value starting with {@code =},
 * {@code +}, {@code -}, {@code @}, a tab or a carriage return could be run as a formula by the
 * spreadsheet program that opens the export. In xlsx such text is written as a text cell with the
 * quote-prefix flag (Excel's leading apostrophe); in CSV it gets a leading {@code '}. Numbers are
 * typed values and are never touched, so {@code -12.50} as a decimal stays a number.
 */
public final class FormulaInjectionGuard {
  private FormulaInjectionGuard() {}

  /** Whether a spreadsheet program could take {@code text} for a formula. */
  public static boolean isDangerous(String text) {
    if (text == null || text.isEmpty()) {
      return false;
    }
    char first = text.charAt(0);
    return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
  }

  /** {@code text} as safe CSV field content. */
  static String forCsv(String text) {
    return isDangerous(text) ? "'" + text : text;
  }
}
