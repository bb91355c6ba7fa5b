package dev.engranaje.workers.spreadsheet;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDateTime;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;

/**
 * Turns a workbook cell into a typed value: text, an exact decimal, a boolean, a date or date-time
 * (from a numeric cell with a date format), the cached result of a formula, an error text such as
 * {@code #DIV/0!}, or {@code null} for a blank.
 *
 * <p>Workbooks store numbers as binary doubles; Excel shows and compares them with 15 significant
 * digits. A number is therefore rounded to 15 significant digits before it becomes a {@link
 * BigDecimal}, so {@code 0.1+0.2} reads as {@code 0.3}, never {@code 0.30000000000000004}.
 */
final class CellValues {
  static final MathContext EXCEL_PRECISION = new MathContext(15);
  private static final double LONG_EXACT = 1L << 53;

  private CellValues() {}

  static Object of(Cell cell) {
    CellType type = cell.getCellType();
    if (type == CellType.FORMULA) {
      type = cell.getCachedFormulaResultType();
    }
    return switch (type) {
      case NUMERIC -> numeric(cell);
      case STRING -> emptyToNull(cell.getStringCellValue());
      case BOOLEAN -> cell.getBooleanCellValue();
      case ERROR -> errorText(cell.getErrorCellValue());
      default -> null;
    };
  }

  private static Object numeric(Cell cell) {
    if (DateUtil.isCellDateFormatted(cell)) {
      LocalDateTime value = cell.getLocalDateTimeCellValue();
      if (value == null) {
        return null;
      }
      return value.toLocalTime().equals(java.time.LocalTime.MIDNIGHT) ? value.toLocalDate() : value;
    }
    return decimal(cell.getNumericCellValue());
  }

  /** The decimal Excel shows for a stored double (15 significant digits, no trailing zeros). */
  static BigDecimal decimal(double value) {
    if (value == Math.rint(value) && Math.abs(value) < LONG_EXACT) {
      return BigDecimal.valueOf((long) value);
    }
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      throw new NumberFormatException("Expected a finite number, but got " + value);
    }
    BigDecimal rounded = new BigDecimal(value).round(EXCEL_PRECISION).stripTrailingZeros();
    return rounded.scale() < 0 ? rounded.setScale(0) : rounded;
  }

  private static String emptyToNull(String text) {
    return text == null || text.isEmpty() ? null : text;
  }

  private static String errorText(byte code) {
    try {
      return FormulaError.forInt(code).getString();
    } catch (IllegalArgumentException unknown) {
      return "#ERROR!";
    }
  }
}
