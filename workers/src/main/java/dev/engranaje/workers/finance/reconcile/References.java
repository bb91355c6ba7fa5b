package dev.engranaje.workers.finance.reconcile;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Normalises payment references so that the bank's spelling and the ledger's meet: upper case,
 * separators and spaces dropped, leading zeros of each number dropped ({@code inv 0042},
 * {@code INV-42} and {@code Inv.42} are all {@code INV42}). A token shaped like an ISO 11649 creditor
 * reference ({@code RF}, two check digits, up to 21 letters or digits) is kept as is when its check
 * digits verify (mod 97 = 1) and is not a reference at all when they do not. Stateless.
 */
final class References {
  /** Longest normalised reference considered (an end-to-end id has at most 35 characters). */
  static final int MAX_LENGTH = 35;
  /** Most consecutive words of a text joined into one reference ({@code RF18 5390 0754 7034 …}). */
  static final int MAX_WORDS = 8;
  /** End-to-end ids that name nothing. */
  private static final String NOT_PROVIDED = "NOTPROVIDED";

  private References() {}

  /** The normalised key of a whole value (a ledger reference, an end-to-end id), or {@code null}. */
  static String key(String raw) {
    if (raw == null) {
      return null;
    }
    StringBuilder compact = new StringBuilder(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (isAlnum(c)) {
        compact.append(Character.toUpperCase(c));
      }
    }
    return normalise(compact);
  }

  /**
   * Calls {@code sink} with the key of every run of 1 to {@link #MAX_WORDS} consecutive words of
   * {@code text} (words are runs of ASCII letters and digits), so that a reference is found whole,
   * never as a part of a longer word: {@code INV-1001} is not found in {@code INV-10010}.
   */
  static void keysIn(String text, Consumer<String> sink) {
    if (text == null || text.isEmpty()) {
      return;
    }
    List<String> words = words(text);
    StringBuilder joined = new StringBuilder(MAX_LENGTH);
    for (int start = 0; start < words.size(); start++) {
      joined.setLength(0);
      for (int end = start; end < words.size() && end - start < MAX_WORDS; end++) {
        joined.append(words.get(end));
        if (joined.length() > MAX_LENGTH) {
          break;
        }
        String key = normalise(joined);
        if (key != null) {
          sink.accept(key);
        }
      }
    }
  }

  private static List<String> words(String text) {
    List<String> words = new ArrayList<>();
    int start = -1;
    for (int i = 0; i <= text.length(); i++) {
      boolean alnum = i < text.length() && isAlnum(text.charAt(i));
      if (alnum && start < 0) {
        start = i;
      } else if (!alnum && start >= 0) {
        words.add(text.substring(start, i).toUpperCase(java.util.Locale.ROOT));
        start = -1;
      }
    }
    return words;
  }

  private static boolean isAlnum(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  /** {@code compact} is upper-case letters and digits only. */
  private static String normalise(CharSequence compact) {
    int length = compact.length();
    if (length == 0 || length > MAX_LENGTH) {
      return null;
    }
    if (isCreditorReferenceShape(compact)) {
      return isValidCreditorReference(compact) ? compact.toString() : null;
    }
    StringBuilder key = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      char c = compact.charAt(i);
      if (isDigit(c) && (i == 0 || !isDigit(compact.charAt(i - 1)))) {
        // drop the leading zeros of a number, keeping its last digit
        while (c == '0' && i + 1 < length && isDigit(compact.charAt(i + 1))) {
          i++;
          c = compact.charAt(i);
        }
      }
      key.append(c);
    }
    String result = key.toString();
    return NOT_PROVIDED.equals(result) ? null : result;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** {@code RF}, two digits, then 1 to 21 letters or digits (ISO 11649). */
  static boolean isCreditorReferenceShape(CharSequence compact) {
    return compact.length() >= 5 && compact.length() <= 25 && compact.charAt(0) == 'R' && compact.charAt(1) == 'F'
        && isDigit(compact.charAt(2)) && isDigit(compact.charAt(3));
  }

  /** ISO 11649: move {@code RFcc} to the end, letters to numbers (A = 10 … Z = 35), mod 97 must be 1. */
  static boolean isValidCreditorReference(CharSequence compact) {
    int remainder = 0;
    int length = compact.length();
    for (int n = 0; n < length; n++) {
      char c = compact.charAt((n + 4) % length);
      if (isDigit(c)) {
        remainder = (remainder * 10 + (c - '0')) % 97;
      } else {
        int value = c - 'A' + 10;
        remainder = (remainder * 100 + value) % 97;
      }
    }
    return remainder == 1;
  }

  /** The check digits that make {@code RF??body} valid, for generators and tests. */
  static String creditorReference(String body) {
    String compact = body.replaceAll("[^A-Za-z0-9]", "").toUpperCase(java.util.Locale.ROOT);
    for (int check = 2; check <= 98; check++) {
      String candidate = String.format("RF%02d%s", check, compact);
      if (isValidCreditorReference(candidate)) {
        return candidate;
      }
    }
    throw new IllegalArgumentException("Expected a creditor reference body of letters and digits, but it is '" + body + "'");
  }
}
