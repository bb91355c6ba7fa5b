package dev.engranaje.workers.finance.mapping;

import java.util.List;

/**
 * How a file writes numbers and dates and, for CSV, how it is delimited and encoded: the {@code
 * locale} section of a mapping file. Every value is {@code null} (or empty) when not given.
 *
 * @param decimalSeparator one character
 * @param thousandsSeparator one character, different from the decimal separator
 * @param dateFormats java.time patterns, tried in order
 * @param delimiter one character, or {@code tab} / {@code space}
 * @param quote the CSV quote character
 * @param encoding a charset name
 */
public record FileLocale(String decimalSeparator, String thousandsSeparator, List<String> dateFormats, String delimiter,
    String quote, String encoding) {

  public FileLocale {
    dateFormats = dateFormats == null ? List.of() : List.copyOf(dateFormats);
  }

  /** No locale section: the readers' defaults. */
  public static final FileLocale DEFAULTS = new FileLocale(null, null, List.of(), null, null, null);
}
