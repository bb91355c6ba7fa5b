package dev.engranaje.workers.finance.einvoice;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Reads one e-invoice file into the {@link Invoice} model, recognising the format by content, not by
 * name: a PDF ({@code %PDF-} header) gives its embedded XML ({@link PdfAttachment}); an XML is UBL
 * ({@code Invoice-2} / {@code CreditNote-2} namespace) or CII ({@code CrossIndustryInvoice:100}). Any
 * other root, ZUGFeRD 1.0 included, is refused naming the root element and its namespace. Reading does
 * not judge the sums: {@link En16931Check} does. Stateless and thread-safe.
 */
public final class EinvoiceReader {
  static final String UNKNOWN_ROOT =
      "Expected a UBL 2.1 Invoice/CreditNote or a UN/CEFACT CrossIndustryInvoice (D16B), but the root element is"
          + " '%s' in namespace '%s'";
  static final String ZUGFERD_1 =
      "Expected ZUGFeRD 2 / Factur-X (CrossIndustryInvoice D16B), but this is ZUGFeRD 1.0 (CrossIndustryDocument,"
          + " namespace '%s'), which is not supported; ask the supplier for a current e-invoice";
  static final String TOO_LARGE = "Expected an e-invoice of at most %d bytes, but the file has %d";
  static final String EMPTY_FILE = "Expected an e-invoice, but the file is empty";

  static final long MAX_FILE_BYTES = 50L * 1024 * 1024;

  /**
   * Reads {@code file}.
   *
   * @param source how messages name the file (its workspace reference)
   * @throws EinvoiceException when it cannot be read as an e-invoice ({@link EinvoiceException#unstructured()}
   *     for a PDF without structured data)
   * @throws IOException when the file cannot be read at all
   */
  public ParsedInvoice read(Path file, String source) throws EinvoiceException, IOException {
    long size = Files.size(file);
    if (size > MAX_FILE_BYTES) {
      throw new EinvoiceException(source, null, String.format(TOO_LARGE, MAX_FILE_BYTES, size));
    }
    return read(Files.readAllBytes(file), source);
  }

  /** Reads the bytes of one file; {@code source} names it in messages. */
  public ParsedInvoice read(byte[] content, String source) throws EinvoiceException {
    if (content.length == 0) {
      throw new EinvoiceException(source, null, EMPTY_FILE);
    }
    String sha256 = sha256(content);
    if (isPdf(content)) {
      PdfAttachment.Embedded embedded = PdfAttachment.extract(content, source);
      String inner = source + " (embedded " + embedded.name() + ")";
      return readXml(embedded.xml(), inner, InvoiceFormat.FACTUR_X, embedded.name(), sha256);
    }
    return readXml(content, source, null, null, sha256);
  }

  private static ParsedInvoice readXml(byte[] xml, String source, InvoiceFormat pdf, String embeddedFile,
      String sha256) throws EinvoiceException {
    XmlNode root = XmlTreeReader.parse(xml, source);
    TermReader terms = new TermReader(source);
    if (UblReader.accepts(root)) {
      return UblReader.read(root, terms, pdf == null ? InvoiceFormat.UBL : pdf, embeddedFile, sha256);
    }
    if (CiiReader.accepts(root)) {
      return CiiReader.read(root, terms, pdf == null ? InvoiceFormat.CII : pdf, embeddedFile, sha256);
    }
    if (root.name().equals("CrossIndustryDocument")) {
      throw new EinvoiceException(source, root.position(), String.format(ZUGFERD_1, root.namespace()));
    }
    throw new EinvoiceException(source, root.position(), String.format(UNKNOWN_ROOT, root.name(), root.namespace()));
  }

  /**
   * A PDF header in the first KiB (PDF readers accept leading junk), unless the file starts like XML
   * (after a byte order mark and blanks), so an XML that mentions "%PDF-" in a note stays XML.
   */
  private static boolean isPdf(byte[] content) {
    String head = new String(content, 0, Math.min(content.length, 1024), StandardCharsets.ISO_8859_1);
    String start = head.replaceFirst("^(\u00EF\u00BB\u00BF|\u00FE\u00FF|\u00FF\u00FE)?\\s*", "");
    return !start.startsWith("<") && head.contains("%PDF-");
  }

  private static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Expected the JDK to provide SHA-256, but " + e.getMessage(), e);
    }
  }
}
