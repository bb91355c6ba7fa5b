package dev.engranaje.workers.finance.reconcile;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Normalises counterparty names and IBANs for comparison. A name loses accents, case, punctuation and
 * trailing legal-form words ({@code ACME GmbH & Co. KG}, {@code Acme S.L.} and {@code acme} are all
 * {@code acme}); an IBAN loses spaces and case. Stateless.
 */
final class Names {
  /** Legal-form words dropped from the end of a name (dots removed first, so {@code S.A.} is {@code sa}). */
  static final Set<String> LEGAL_FORMS = Set.of(
      "gmbh", "mbh", "ag", "kg", "kgaa", "ohg", "ug", "ev", "eg", "se", "co", "cie", "cia", "and", "und",
      "sl", "slu", "sll", "slne", "sa", "sau", "sas", "sarl", "eurl", "snc", "srl", "srls", "spa", "sapa", "sc", "scp",
      "cb", "lda", "ltda", "ltd", "limited", "llc", "llp", "lp", "inc", "corp", "corporation", "plc", "pty",
      "bv", "nv", "vof", "cv", "oy", "oyj", "ab", "as", "asa", "aps", "kft", "zrt", "nyrt", "sro", "doo",
      "sp", "z", "oo", "spzoo", "sk", "ek", "kv");

  private Names() {}

  /** The normalised name, or {@code null} when nothing is left. */
  static String name(String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    String text = raw;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) >= 128) {
        text = Normalizer.normalize(text, Normalizer.Form.NFD);
        break;
      }
    }
    List<String> words = new ArrayList<>(6);
    StringBuilder word = new StringBuilder();
    for (int i = 0; i <= text.length(); i++) {
      char c = i < text.length() ? text.charAt(i) : ' ';
      if (c == '.' || Character.getType(c) == Character.NON_SPACING_MARK) {
        continue; // S.A. is sa; an accent goes with its letter
      }
      if (Character.isLetterOrDigit(c)) {
        word.append(Character.toLowerCase(c));
      } else if (word.length() > 0) {
        words.add(word.toString());
        word.setLength(0);
      }
    }
    while (words.size() > 1 && LEGAL_FORMS.contains(words.get(words.size() - 1))) {
      words.remove(words.size() - 1);
    }
    return words.isEmpty() ? null : String.join(" ", words);
  }

  /** The IBAN without spaces, upper case, or {@code null}. */
  static String iban(String raw) {
    if (raw == null) {
      return null;
    }
    if (isCompact(raw)) {
      return raw;
    }
    StringBuilder compact = new StringBuilder(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (!Character.isWhitespace(c)) {
        compact.append(Character.toUpperCase(c));
      }
    }
    return compact.length() == 0 ? null : compact.toString();
  }

  // Already without spaces and in upper case (as IBANs mostly come): nothing to do.
  private static boolean isCompact(String raw) {
    if (raw.isEmpty()) {
      return false;
    }
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
        return false;
      }
    }
    return true;
  }
}
