package dev.engranaje.workers.spreadsheet;

import dev.engranaje.workers.api.BusinessError;
import dev.engranaje.workers.api.TechnicalFailure;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.SharedStrings;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;

/**
 * The fast xlsx path: a StAX pull parser over the sheet part, on POI's {@link XSSFReader} with the
 * read-only shared strings table. Styles are looked up once per style (is it a date format?) instead
 * of once per cell, and numbers are parsed from the stored text, so a million rows read in bounded
 * memory at several hundred thousand rows per second. The XML factories are POI's hardened ones (no
 * DOCTYPE, no external entities); the ZIP is opened with POI's zip-bomb limits.
 *
 * <p>Rows and cells without {@code r} attributes are counted positionally. Not thread-safe.
 */
final class XlsxStreamReader implements RowReader {
  private final OPCPackage pack;
  private final SharedStrings strings;
  private final boolean[] dateStyles;
  private final boolean date1904;
  private final XMLStreamReader xml;
  private final InputStream sheetStream;
  private final String sheetName;
  private final String reference;
  private int lastRow;
  private final StringBuilder text = new StringBuilder();

  private XlsxStreamReader(OPCPackage pack, SharedStrings strings, boolean[] dateStyles, boolean date1904,
      InputStream sheetStream, String sheetName, String reference) throws XMLStreamException {
    this.pack = pack;
    this.strings = strings;
    this.dateStyles = dateStyles;
    this.date1904 = date1904;
    this.sheetStream = sheetStream;
    this.xml = XMLHelper.newXMLInputFactory().createXMLStreamReader(sheetStream);
    this.sheetName = sheetName;
    this.reference = reference;
  }

  /**
   * Opens the selected sheet. Throws {@link IllegalStateException} when the package is one this
   * path does not handle (e.g. Strict OOXML), so the caller can fall back to the general reader.
   */
  static XlsxStreamReader open(Path file, String reference, SheetSelector selector) throws BusinessError {
    OPCPackage pack = null;
    try {
      pack = OPCPackage.open(file.toFile(), PackageAccess.READ);
      XSSFReader reader = new XSSFReader(pack);
      WorkbookSheets sheets = WorkbookSheets.parse(reader.getWorkbookData());
      int index = selector.resolve(sheets.names(), sheets::hidden, reference);
      SharedStrings strings = pack.getPartsByContentType(
          "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml").isEmpty()
          ? null : new ReadOnlySharedStringsTable(pack, false);
      boolean[] dates = dateStyles(reader);
      InputStream sheet = reader.getSheet(sheets.relationIds().get(index));
      return new XlsxStreamReader(pack, strings, dates, sheets.date1904(), sheet, sheets.names().get(index), reference);
    } catch (BusinessError e) {
      revert(pack);
      throw e;
    } catch (Exception e) {
      revert(pack);
      throw new IllegalStateException(e);
    }
  }

  private static boolean[] dateStyles(XSSFReader reader) throws IOException {
    StylesTable styles;
    try {
      styles = reader.getStylesTable();
    } catch (org.apache.poi.openxml4j.exceptions.InvalidFormatException | RuntimeException noStyles) {
      return new boolean[0];
    }
    if (styles == null) {
      return new boolean[0];
    }
    boolean[] dates = new boolean[styles.getNumCellStyles()];
    for (int i = 0; i < dates.length; i++) {
      XSSFCellStyle style = styles.getStyleAt(i);
      dates[i] = style != null && DateUtil.isADateFormat(style.getDataFormat(), style.getDataFormatString());
    }
    return dates;
  }

  private static void revert(OPCPackage pack) {
    if (pack != null) {
      pack.revert();
    }
  }

  @Override
  public RawRow next() throws TechnicalFailure {
    try {
      while (xml.hasNext()) {
        if (xml.next() == XMLStreamConstants.START_ELEMENT && "row".equals(xml.getLocalName())) {
          String r = xml.getAttributeValue(null, "r");
          lastRow = r == null ? lastRow + 1 : Integer.parseInt(r);
          return new RawRow(lastRow, cells());
        }
      }
      return null;
    } catch (XMLStreamException | RuntimeException e) {
      throw WorkbookFailures.readingRow(reference, sheetName, lastRow + 1, e);
    }
  }

  private Object[] cells() throws XMLStreamException, TechnicalFailure {
    List<Object> cells = new ArrayList<>(16);
    int column = -1;
    while (xml.hasNext()) {
      int event = xml.next();
      if (event == XMLStreamConstants.END_ELEMENT && "row".equals(xml.getLocalName())) {
        break;
      }
      if (event == XMLStreamConstants.START_ELEMENT && "c".equals(xml.getLocalName())) {
        String ref = xml.getAttributeValue(null, "r");
        column = ref == null ? column + 1 : columnOf(ref);
        Object value = cell(xml.getAttributeValue(null, "t"), xml.getAttributeValue(null, "s"));
        if (value instanceof String string && string.length() > WorkbookRowReader.MAX_CELL_TEXT) {
          throw TechnicalFailure.permanent(String.format(WorkbookFailures.HOSTILE, reference, String.format(
              WorkbookRowReader.OVERSIZED_CELL, CellReference.convertNumToColString(column) + lastRow, lastRow,
              string.length())));
        }
        while (cells.size() <= column) {
          cells.add(null);
        }
        cells.set(column, value);
      }
    }
    return cells.toArray();
  }

  private Object cell(String type, String style) throws XMLStreamException, TechnicalFailure {
    String value = null;
    String inline = null;
    while (xml.hasNext()) {
      int event = xml.next();
      if (event == XMLStreamConstants.END_ELEMENT && "c".equals(xml.getLocalName())) {
        break;
      }
      if (event == XMLStreamConstants.START_ELEMENT) {
        String name = xml.getLocalName();
        if ("v".equals(name)) {
          value = xml.getElementText();
        } else if ("is".equals(name)) {
          inline = inlineText();
        }
      }
    }
    return typed(type, style, value, inline);
  }

  private String inlineText() throws XMLStreamException {
    text.setLength(0);
    int depth = 1;
    boolean phonetic = false;
    while (depth > 0 && xml.hasNext()) {
      int event = xml.next();
      if (event == XMLStreamConstants.START_ELEMENT) {
        depth++;
        if ("rPh".equals(xml.getLocalName())) {
          phonetic = true;
        } else if ("t".equals(xml.getLocalName()) && !phonetic) {
          text.append(xml.getElementText());
          depth--;
        }
      } else if (event == XMLStreamConstants.END_ELEMENT) {
        depth--;
        if ("rPh".equals(xml.getLocalName())) {
          phonetic = false;
        }
      }
    }
    return text.toString();
  }

  private Object typed(String type, String style, String value, String inline) throws TechnicalFailure {
    if (type == null || "n".equals(type)) {
      return value == null || value.isEmpty() ? null : number(value, style);
    }
    Object result = switch (type) {
      case "s" -> value == null ? null : strings.getItemAt(Integer.parseInt(value.trim())).getString();
      case "inlineStr" -> inline;
      case "str", "e" -> value;
      case "b" -> value == null ? null : "1".equals(value.trim()) || "true".equalsIgnoreCase(value.trim());
      case "d" -> value == null ? null : isoDate(value);
      default -> value;
    };
    return result instanceof String string && string.isEmpty() ? null : result;
  }

  private Object number(String value, String style) {
    int styleIndex = style == null ? 0 : Integer.parseInt(style);
    if (styleIndex < dateStyles.length && dateStyles[styleIndex]) {
      LocalDateTime moment = DateUtil.getLocalDateTime(Double.parseDouble(value), date1904, true);
      return moment.toLocalTime().equals(LocalTime.MIDNIGHT) ? moment.toLocalDate() : moment;
    }
    return exact(value);
  }

  /** The stored number text as Excel shows it: at most 15 significant digits, plain notation. */
  static BigDecimal exact(String value) {
    BigDecimal decimal = new BigDecimal(value.trim());
    if (decimal.precision() > 15) {
      decimal = decimal.round(CellValues.EXCEL_PRECISION);
    }
    if (decimal.scale() > 0) {
      decimal = decimal.stripTrailingZeros();
    }
    return decimal.scale() < 0 ? decimal.setScale(0) : decimal;
  }

  private static Object isoDate(String value) {
    LocalDateTime moment = LocalDateTime.parse(value.length() == 10 ? value + "T00:00:00" : value.replace("Z", ""));
    return moment.toLocalTime().equals(LocalTime.MIDNIGHT) ? moment.toLocalDate() : moment;
  }

  private static int columnOf(String ref) {
    int column = 0;
    for (int i = 0; i < ref.length(); i++) {
      char c = ref.charAt(i);
      if (c < 'A' || c > 'Z') {
        break;
      }
      column = column * 26 + (c - 'A' + 1);
    }
    return column - 1;
  }

  @Override
  public String sheetName() {
    return sheetName;
  }

  @Override
  public void close() {
    try {
      xml.close();
      sheetStream.close();
    } catch (XMLStreamException | IOException ignored) {
      // Read-only package: nothing to lose.
    }
    pack.revert();
  }
}
