package dev.engranaje.workers.spreadsheet;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;

/**
 * How a CSV file is laid out and how its text turns into numbers and dates.
 *
 * <p>Defaults: delimiter {@code ,}, quote {@code "}, UTF-8 (a byte-order mark is skipped), decimal
 * separator {@code .}, no thousands separator, ISO dates ({@code 2026-11-27}, {@code
 * 2026-11-27T10:15:00}) plus the {@code dateFormats} given (java.time patterns such as {@code
 * dd.MM.yyyy}). Immutable.
 */
record CsvSettings(
    char delimiter, Character quote, Charset encoding, char decimalSeparator, Character thousandsSeparator,
    List<DateTimeFormatter> dateFormats) {
  static final String BAD_SETTING = "Expected %s, but got '%s'";
  static final CsvSettings DEFAULT = new CsvSettings(',', '"', StandardCharsets.UTF_8, '.', null, List.of());

  CsvSettings {
    dateFormats = List.copyOf(dateFormats);
  }

  /** Settings from the worker inputs; {@code null} or empty means the default. */
  static CsvSettings of(String delimiter, String quote, String encoding, String decimalSeparator,
      String thousandsSeparator, List<String> dateFormats) {
    return new CsvSettings(
        single(delimiter, ',', "a one-character delimiter such as ',' ';' or 'tab'"),
        quote == null ? Character.valueOf('"')
            : quote.isEmpty() || quote.equalsIgnoreCase("none") ? null : single(quote, '"', "a one-character quote"),
        charset(encoding),
        single(decimalSeparator, '.', "a one-character decimal separator"),
        thousandsSeparator == null || thousandsSeparator.isEmpty() ? null
            : single(thousandsSeparator, ',', "a one-character thousands separator"),
        formatters(dateFormats));
  }

  CSVFormat format() {
    return CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setQuote(quote).setIgnoreEmptyLines(true)
        .setRecordSeparator("\r\n").get();
  }

  private static char single(String text, char fallback, String expected) {
    if (text == null || text.isEmpty()) {
      return fallback;
    }
    String name = text.toLowerCase(Locale.ROOT);
    if (name.equals("tab") || name.equals("\\t")) {
      return '\t';
    }
    if (name.equals("space")) {
      return ' ';
    }
    if (text.length() != 1) {
      throw new IllegalArgumentException(String.format(BAD_SETTING, expected, text));
    }
    return text.charAt(0);
  }

  private static Charset charset(String name) {
    if (name == null || name.isBlank()) {
      return StandardCharsets.UTF_8;
    }
    try {
      return Charset.forName(name.trim());
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      throw new IllegalArgumentException(String.format(BAD_SETTING, "an encoding such as UTF-8 or windows-1252", name), e);
    }
  }

  private static List<DateTimeFormatter> formatters(List<String> patterns) {
    List<DateTimeFormatter> formatters = new ArrayList<>();
    for (String pattern : patterns == null ? List.<String>of() : patterns) {
      try {
        formatters.add(DateTimeFormatter.ofPattern(pattern, Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(String.format(BAD_SETTING, "a date pattern such as dd.MM.yyyy", pattern), e);
      }
    }
    return formatters;
  }
}
