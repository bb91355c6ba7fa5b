package dev.engranaje.workers.finance.statement.export;

import dev.engranaje.workers.finance.statement.StatementException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.DateUtil;

/**
 * Turns export cells into exact amounts and dates as the profile's locale writes them: a CSV cell is
 * text ({@code 1.234,56}, {@code -89,90}, {@code 89,90-}, {@code 28.11.2026}), an xlsx cell may
 * already be a number or a date (a number in a date column is an Excel serial date). A cell that
 * does not fit fails naming the file, row and column. Immutable and thread-safe.
 */
final class ExportValues {
  private final char decimalSeparator;
  private final Character thousandsSeparator;
  private final List<DateTimeFormatter> dateFormats = new ArrayList<>();
  private final String dateFormatText;

  ExportValues(ExportProfile profile) {
    this.decimalSeparator = profile.decimalSeparator() == null ? '.' : profile.decimalSeparator().charAt(0);
    this.thousandsSeparator = profile.thousandsSeparator() == null ? null : profile.thousandsSeparator().charAt(0);
    for (String pattern : profile.dateFormats()) {
      dateFormats.add(DateTimeFormatter.ofPattern(pattern, Locale.ROOT));
    }
    List<String> shown = new ArrayList<>(profile.dateFormats());
    shown.add("yyyy-MM-dd");
    this.dateFormatText = String.join(" or ", shown);
  }

  /** The cell as an exact decimal, {@code null} when blank. */
  BigDecimal decimal(Object cell, String what, String source, int row, String header) throws StatementException {
    if (cell == null) {
      return null;
    }
    if (cell instanceof BigDecimal decimal) {
      return decimal;
    }
    if (cell instanceof Number number) {
      return new BigDecimal(number.toString());
    }
    String text = cell.toString().strip().replace("\u00a0", "").replace(" ", "");
    if (text.isEmpty()) {
      return null;
    }
    String plain = text;
    boolean trailingMinus = plain.endsWith("-") && plain.length() > 1;
    if (trailingMinus) {
      plain = plain.substring(0, plain.length() - 1);
    }
    if (plain.startsWith("+")) {
      plain = plain.substring(1);
    }
    if (thousandsSeparator != null) {
      plain = plain.replace(thousandsSeparator.toString(), "");
    }
    if (decimalSeparator != '.') {
      if (plain.indexOf('.') >= 0) {
        throw new StatementException(source, position(row, header), String.format(ExportParser.NOT_A_NUMBER, what,
            decimalSeparator, text));
      }
      plain = plain.replace(decimalSeparator, '.');
    }
    try {
      BigDecimal value = new BigDecimal(plain);
      return trailingMinus ? value.negate() : value;
    } catch (NumberFormatException e) {
      throw new StatementException(source, position(row, header), String.format(ExportParser.NOT_A_NUMBER, what,
          decimalSeparator, text));
    }
  }

  /** The cell as a date, {@code null} when blank. */
  LocalDate date(Object cell, String source, int row, String header) throws StatementException {
    if (cell == null) {
      return null;
    }
    if (cell instanceof LocalDate date) {
      return date;
    }
    if (cell instanceof LocalDateTime dateTime) {
      return dateTime.toLocalDate();
    }
    if (cell instanceof BigDecimal serial) {
      return DateUtil.getLocalDateTime(serial.doubleValue()).toLocalDate();
    }
    String text = cell.toString().strip();
    if (text.isEmpty()) {
      return null;
    }
    for (DateTimeFormatter format : dateFormats) {
      try {
        return LocalDate.parse(text, format);
      } catch (DateTimeParseException next) {
        // the next pattern, then ISO
      }
    }
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw new StatementException(source, position(row, header), String.format(ExportParser.NOT_A_DATE,
          dateFormatText, text));
    }
  }

  /** {@code amount} with the currency's decimals; more decimals than it has fail. */
  BigDecimal scaled(BigDecimal amount, String currency, String source, int row, String header)
      throws StatementException {
    int digits;
    try {
      digits = Currency.getInstance(currency).getDefaultFractionDigits();
    } catch (IllegalArgumentException unknown) {
      return amount;
    }
    if (digits < 0) {
      return amount;
    }
    if (amount.stripTrailingZeros().scale() > digits) {
      throw new StatementException(source, position(row, header), String.format(ExportParser.TOO_MANY_DECIMALS,
          digits, currency, amount.toPlainString()));
    }
    return amount.setScale(digits, RoundingMode.UNNECESSARY);
  }

  private static String position(int row, String header) {
    return "row " + row + ", column '" + header + "'";
  }
}
