package dev.engranaje.workers.finance.pain001;

import java.text.Normalizer;
import java.util.List;
import java.util.Map;

/**
 * The SEPA (EPC) basic Latin character set: {@code a-z A-Z 0-9 / - ? : ( ) . , ' +} and space.
 * Text outside it is transliterated (accents dropped, {@code ß → ss}, {@code & → +}) and what has
 * no Latin form becomes {@code .}; every change is reported. Stateless and thread-safe.
 */
public final class SepaCharacters {
  private static final String ALLOWED_PUNCTUATION = "/-?:().,'+ ";
  private static final Map<Character, String> SPECIAL = Map.ofEntries(
      Map.entry('ß', "ss"), Map.entry('æ', "ae"), Map.entry('Æ', "AE"), Map.entry('ø', "o"), Map.entry('Ø', "O"),
      Map.entry('œ', "oe"), Map.entry('Œ', "OE"), Map.entry('ł', "l"), Map.entry('Ł', "L"), Map.entry('đ', "d"),
      Map.entry('Đ', "D"), Map.entry('þ', "th"), Map.entry('Þ', "TH"), Map.entry('&', "+"), Map.entry('_', "-"),
      Map.entry('"', "'"), Map.entry('\u2019', "'"), Map.entry('\u2018', "'"), Map.entry('\u2013', "-"),
      Map.entry('\u2014', "-"), Map.entry('\t', " "), Map.entry('\n', " "), Map.entry('\r', " "));

  /** One field whose text was changed to fit the set. */
  public record Replacement(String field, String original, String written) {}

  private SepaCharacters() {}

  /** {@code true} when every character of the text is in the set. */
  public static boolean isSepa(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (!allowed(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /**
   * The text in the SEPA set, adding a {@link Replacement} to {@code report} when it changed.
   *
   * @param field a name for the report, e.g. {@code payment 'E2E-1' creditor name}
   */
  public static String fit(String field, String text, List<Replacement> report) {
    if (text == null || isSepa(text)) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (allowed(c)) {
        out.append(c);
      } else if (SPECIAL.containsKey(c)) {
        out.append(SPECIAL.get(c));
      } else {
        String stripped = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        out.append(stripped.length() == 1 && allowed(stripped.charAt(0)) ? stripped : ".");
      }
    }
    String written = out.toString();
    report.add(new Replacement(field, text, written));
    return written;
  }

  private static boolean allowed(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || ALLOWED_PUNCTUATION.indexOf(c) >= 0;
  }
}
