package dev.engranaje.workers.finance.einvoice;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.common.PDNameTreeNode;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;

/**
 * Takes the structured invoice out of a PDF/A-3 (Factur-X / ZUGFeRD 2 / XRechnung in PDF): the
 * embedded file named {@code factur-x.xml}, {@code zugferd-invoice.xml}, {@code xrechnung.xml} or
 * ZUGFeRD 1's {@code ZUGFeRD-invoice.xml}, found in the document's embedded-files name tree. Nothing
 * is taken from the page text: a PDF without such an attachment is {@linkplain
 * EinvoiceException#unstructured unstructured}. Stateless and thread-safe.
 */
final class PdfAttachment {
  static final String UNREADABLE = "Expected a readable PDF, but PDFBox says: %s";
  static final String ENCRYPTED = "Expected an unencrypted PDF, but it needs a password";
  static final String NO_XML =
      "Expected a PDF with an embedded structured invoice (factur-x.xml, zugferd-invoice.xml or xrechnung.xml),"
          + " but it has %s; it needs a person to read it, nothing is guessed from its text";
  static final String TOO_LARGE = "Expected the embedded '%s' to be at most %d bytes, but it has %d";

  /** The attachment names that carry the invoice, in order of preference (compared ignoring case). */
  static final List<String> NAMES = List.of("factur-x.xml", "zugferd-invoice.xml", "xrechnung.xml");

  static final int MAX_XML_BYTES = 20 * 1024 * 1024;

  /** An embedded XML: its name and content. */
  record Embedded(String name, byte[] xml) {}

  private PdfAttachment() {}

  static Embedded extract(byte[] pdf, String source) throws EinvoiceException {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      List<Attachment> found = new ArrayList<>();
      PDDocumentNameDictionary names = document.getDocumentCatalog().getNames();
      if (names != null && names.getEmbeddedFiles() != null) {
        collect(names.getEmbeddedFiles(), found);
      }
      for (String wanted : NAMES) {
        for (Attachment attachment : found) {
          if (attachment.name.toLowerCase(Locale.ROOT).equals(wanted)) {
            return read(attachment, source);
          }
        }
      }
      throw EinvoiceException.unstructured(source, String.format(NO_XML, found.isEmpty() ? "no attachments"
          : "only the attachments " + found.stream().map(a -> "'" + a.name + "'").toList()));
    } catch (InvalidPasswordException e) {
      throw new EinvoiceException(source, null, ENCRYPTED, e);
    } catch (IOException e) {
      throw new EinvoiceException(source, null, String.format(UNREADABLE, e.getMessage()), e);
    }
  }

  private static Embedded read(Attachment attachment, String source) throws IOException, EinvoiceException {
    PDEmbeddedFile file = attachment.spec.getEmbeddedFileUnicode() != null
        ? attachment.spec.getEmbeddedFileUnicode() : attachment.spec.getEmbeddedFile();
    if (file == null) {
      throw new EinvoiceException(source, null, String.format(UNREADABLE,
          "the attachment '" + attachment.name + "' has no embedded stream"));
    }
    if (file.getLength() > MAX_XML_BYTES) {
      throw new EinvoiceException(source, null,
          String.format(TOO_LARGE, attachment.name, MAX_XML_BYTES, file.getLength()));
    }
    return new Embedded(attachment.name, file.toByteArray());
  }

  private static void collect(PDNameTreeNode<PDComplexFileSpecification> node, List<Attachment> found) throws IOException {
    Map<String, PDComplexFileSpecification> entries = node.getNames();
    if (entries != null) {
      for (Map.Entry<String, PDComplexFileSpecification> entry : entries.entrySet()) {
        PDComplexFileSpecification spec = entry.getValue();
        String name = spec.getFileUnicode() != null ? spec.getFileUnicode()
            : spec.getFilename() != null ? spec.getFilename() : entry.getKey();
        found.add(new Attachment(name, spec));
      }
    }
    List<PDNameTreeNode<PDComplexFileSpecification>> kids = node.getKids();
    if (kids != null) {
      for (PDNameTreeNode<PDComplexFileSpecification> kid : kids) {
        collect(kid, found);
      }
    }
  }

  private record Attachment(String name, PDComplexFileSpecification spec) {}
}
