package dev.engranaje.workers.finance.einvoice;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads business-term values out of {@link XmlNode}s for one file: decimals, dates and codes. It
 * records where each term was found in {@link #positions()} and refuses a malformed value naming the
 * file, the position and the term. Not thread-safe (one per file read).
 */
final class TermReader {
  static final String NOT_DECIMAL = "Expected a decimal number for %s, but found '%s'";
  static final String NOT_DATE = "Expected an ISO date (yyyy-MM-dd) for %s, but found '%s'";
  static final String NOT_CII_DATE = "Expected a date in format 102 (yyyyMMdd) for %s, but found '%s'%s";
  static final String OTHER_CURRENCY =
      "Expected %s in the invoice currency %s (BT-5), but it is in %s; amounts in two currencies cannot be added up";

  private static final DateTimeFormatter BASIC = DateTimeFormatter.BASIC_ISO_DATE;

  private final String source;
  private final SourcePositions positions = new SourcePositions();
  private String currency;

  TermReader(String source) {
    this.source = source;
  }

  String source() {
    return source;
  }

  SourcePositions positions() {
    return positions;
  }

  /**
   * From now on, an amount whose {@code currencyID} names another currency than {@code invoiceCurrency}
   * is refused (Peppol states it as PEPPOL-EN16931-R051; the sums of EN 16931 assume one currency).
   */
  void expectCurrency(String invoiceCurrency) {
    this.currency = invoiceCurrency;
  }

  /** The text at {@code path} below {@code node}, recorded under {@code key}; {@code null} when absent. */
  String text(XmlNode node, String path, String key) {
    Optional<XmlNode> found = node.at(path);
    if (found.isEmpty() || found.get().text().isEmpty()) {
      return null;
    }
    positions.put(key, found.get());
    return found.get().text();
  }

  /** The decimal at {@code path} below {@code node}; {@code null} when absent. */
  BigDecimal decimal(XmlNode node, String path, String key) throws EinvoiceException {
    Optional<XmlNode> found = node.at(path);
    return found.isEmpty() ? null : decimal(found.get(), key);
  }

  /** The decimal text of {@code node} itself; {@code null} when it is empty. */
  BigDecimal decimal(XmlNode node, String key) throws EinvoiceException {
    String text = node.text();
    if (text.isEmpty()) {
      return null;
    }
    positions.put(key, node);
    Optional<String> amountCurrency = node.attribute("currencyID");
    if (currency != null && amountCurrency.isPresent() && !amountCurrency.get().equalsIgnoreCase(currency)) {
      throw new EinvoiceException(source, node.position(),
          String.format(OTHER_CURRENCY, key, currency, amountCurrency.get()));
    }
    // xs:decimal: optional sign, digits, optional fraction; no exponent, no grouping, no comma
    if (!text.matches("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)")) {
      throw new EinvoiceException(source, node.position(), String.format(NOT_DECIMAL, key, text));
    }
    return new BigDecimal(text.startsWith("+") ? text.substring(1) : text);
  }

  /** An ISO date (UBL) at {@code path}; {@code null} when absent. */
  LocalDate isoDate(XmlNode node, String path, String key) throws EinvoiceException {
    Optional<XmlNode> found = node.at(path).filter(n -> !n.text().isEmpty());
    if (found.isEmpty()) {
      return null;
    }
    positions.put(key, found.get());
    try {
      // xs:date may carry a time zone (2017-11-13Z, 2017-11-13+01:00); the calendar date is what counts
      return LocalDate.parse(found.get().text().replaceFirst("(Z|[+-]\\d{2}:\\d{2})$", ""));
    } catch (DateTimeParseException e) {
      throw new EinvoiceException(source, found.get().position(), String.format(NOT_DATE, key, found.get().text()), e);
    }
  }

  /** A CII {@code udt:DateTimeString} (format 102) at {@code path}; {@code null} when absent. */
  LocalDate ciiDate(XmlNode node, String path, String key) throws EinvoiceException {
    Optional<XmlNode> found = node.at(path).filter(n -> !n.text().isEmpty());
    if (found.isEmpty()) {
      return null;
    }
    XmlNode date = found.get();
    positions.put(key, date);
    String format = date.attribute("format").orElse("102");
    if (!format.equals("102")) {
      throw new EinvoiceException(source, date.position(),
          String.format(NOT_CII_DATE, key, date.text(), " (format '" + format + "')"));
    }
    try {
      return LocalDate.parse(date.text(), BASIC);
    } catch (DateTimeParseException e) {
      throw new EinvoiceException(source, date.position(), String.format(NOT_CII_DATE, key, date.text(), ""), e);
    }
  }

  /** A code, trimmed and upper case; {@code null} when absent. */
  String code(XmlNode node, String path, String key) {
    String text = text(node, path, key);
    return text == null ? null : text.toUpperCase(Locale.ROOT);
  }

  /** An account or VAT identifier without blanks, upper case; {@code null} when absent. */
  static String compact(String text) {
    return text == null ? null : text.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
  }
}
