package dev.engranaje.workers.spreadsheet;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import org.apache.poi.ss.usermodel.DateUtil;

/**
 * Converts a cell value to a declared {@link ColumnType}, parsing text with the CSV settings
 * (decimal and thousands separators, date patterns). A value that does not fit throws {@link
 * IllegalArgumentException} whose message says what was expected; the caller adds file and row.
 * Stateless and thread-safe.
 */
final class ValueConverter {
  private final CsvSettings settings;

  ValueConverter(CsvSettings settings) {
    this.settings = settings;
  }

  Object convert(Object value, ColumnType type) {
    if (value == null || type == ColumnType.AUTO) {
      return value;
    }
    return switch (type) {
      case TEXT -> text(value);
      case DECIMAL -> decimal(value);
      case INTEGER -> integer(value);
      case DATE -> date(value);
      case DATETIME -> dateTime(value);
      case BOOLEAN -> bool(value);
      case AUTO -> value;
    };
  }

  static String text(Object value) {
    if (value instanceof BigDecimal decimal) {
      return decimal.toPlainString();
    }
    return value instanceof Boolean bool ? (bool ? "TRUE" : "FALSE") : value.toString();
  }

  BigDecimal decimal(Object value) {
    if (value instanceof BigDecimal decimal) {
      return decimal;
    }
    if (value instanceof Number number) {
      return new BigDecimal(number.toString());
    }
    if (value instanceof String text) {
      String plain = text.strip();
      if (settings.thousandsSeparator() != null) {
        plain = plain.replace(settings.thousandsSeparator().toString(), "");
      }
      if (settings.decimalSeparator() != '.') {
        plain = plain.replace('.', '\u0000').replace(settings.decimalSeparator(), '.');
      }
      try {
        return new BigDecimal(plain);
      } catch (NumberFormatException e) {
        throw mismatch("a decimal number");
      }
    }
    throw mismatch("a decimal number");
  }

  private Long integer(Object value) {
    BigDecimal decimal;
    try {
      decimal = decimal(value);
      return decimal.longValueExact();
    } catch (IllegalArgumentException | ArithmeticException e) {
      throw mismatch("a whole number");
    }
  }

  private LocalDate date(Object value) {
    Object parsed = temporal(value, "a date");
    if (parsed instanceof LocalDate date) {
      return date;
    }
    LocalDateTime dateTime = (LocalDateTime) parsed;
    if (!dateTime.toLocalTime().equals(LocalTime.MIDNIGHT)) {
      throw mismatch("a date without a time of day");
    }
    return dateTime.toLocalDate();
  }

  private LocalDateTime dateTime(Object value) {
    Object parsed = temporal(value, "a date-time");
    return parsed instanceof LocalDate date ? date.atStartOfDay() : (LocalDateTime) parsed;
  }

  private Object temporal(Object value, String expected) {
    if (value instanceof LocalDate || value instanceof LocalDateTime) {
      return value;
    }
    if (value instanceof BigDecimal serial) {
      // A workbook number without a date format: an Excel serial date.
      return DateUtil.getLocalDateTime(serial.doubleValue());
    }
    if (value instanceof String text) {
      String trimmed = text.strip();
      for (DateTimeFormatter format : settings.dateFormats()) {
        try {
          TemporalAccessor best = format.parseBest(trimmed, LocalDateTime::from, LocalDate::from);
          return best;
        } catch (DateTimeParseException next) {
          // try the next pattern, then ISO
        }
      }
      try {
        return trimmed.length() > 10 ? LocalDateTime.parse(trimmed) : LocalDate.parse(trimmed);
      } catch (DateTimeParseException e) {
        throw mismatch(expected);
      }
    }
    throw mismatch(expected);
  }

  private static Boolean bool(Object value) {
    if (value instanceof Boolean bool) {
      return bool;
    }
    String text = text(value).strip().toLowerCase(Locale.ROOT);
    return switch (text) {
      case "true", "yes", "y", "1", "x", "wahr", "verdadero", "sí", "si" -> true;
      case "false", "no", "n", "0", "falsch", "falso" -> false;
      default -> throw mismatch("a boolean (true/false, yes/no, 1/0)");
    };
  }

  private static IllegalArgumentException mismatch(String expected) {
    return new IllegalArgumentException(expected);
  }
}
