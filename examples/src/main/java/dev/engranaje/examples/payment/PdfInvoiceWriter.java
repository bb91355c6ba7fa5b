package dev.engranaje.examples.payment;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;

/**
 * Writes the sample invoices a person can read: a Factur-X invoice (PDF/A-3B structure: embedded
 * font, output intent, XMP with the PDF/A identification and the Factur-X extension schema, the CII
 * embedded as {@code factur-x.xml} with relationship {@code Alternative}) and a plain PDF with the
 * same kind of text but no structured data. Fixed dates and document id, so the bytes are the same
 * on every run.
 */
final class PdfInvoiceWriter {
  static final String FACTUR_X_NAME = "factur-x.xml";
  private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
  private static final String PROFILE = "/org/apache/pdfbox/resources/icc/CGATS001Compat-v2-micro.icc";

  private PdfInvoiceWriter() {}

  /** A Factur-X (EN 16931 profile) PDF carrying {@code cii}. */
  static byte[] facturX(SampleInvoice invoice, byte[] cii) {
    return write(invoice, cii);
  }

  /** A PDF with the invoice as text only: what a scanner or an old ERP sends. */
  static byte[] plain(SampleInvoice invoice) {
    return write(invoice, null);
  }

  private static byte[] write(SampleInvoice invoice, byte[] cii) {
    try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      document.setDocumentId((long) invoice.number().hashCode());
      Calendar created = calendar(invoice);
      PDDocumentInformation info = document.getDocumentInformation();
      info.setTitle("Invoice " + invoice.number());
      info.setAuthor(invoice.supplier().name());
      info.setProducer("Engranaje sample generator");
      info.setCreationDate(created);
      info.setModificationDate(created);
      PDPage page = new PDPage(PDRectangle.A4);
      document.addPage(page);
      PDFont font;
      try (InputStream in = PdfInvoiceWriter.class.getResourceAsStream(FONT)) {
        font = PDType0Font.load(document, in, true);
      }
      try (PDPageContentStream text = new PDPageContentStream(document, page)) {
        text.setNonStrokingColor(0f);
        float y = 780;
        for (String line : lines(invoice)) {
          text.beginText();
          text.setFont(font, line.startsWith("INVOICE") ? 16 : 10);
          text.newLineAtOffset(60, y);
          text.showText(line);
          text.endText();
          y -= line.isEmpty() ? 10 : 16;
        }
      }
      if (cii != null) {
        pdfA3(document, invoice, cii, created);
      }
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void pdfA3(PDDocument document, SampleInvoice invoice, byte[] cii, Calendar created) throws IOException {
    PDEmbeddedFile embedded = new PDEmbeddedFile(document, new ByteArrayInputStream(cii));
    embedded.setSubtype("text/xml");
    embedded.setSize(cii.length);
    embedded.setCreationDate(created);
    embedded.setModDate(created);
    PDComplexFileSpecification spec = new PDComplexFileSpecification();
    spec.setFile(FACTUR_X_NAME);
    spec.setFileUnicode(FACTUR_X_NAME);
    spec.setFileDescription("Factur-X invoice " + invoice.number());
    spec.setEmbeddedFile(embedded);
    spec.setEmbeddedFileUnicode(embedded);
    spec.getCOSObject().setName(COSName.getPDFName("AFRelationship"), "Alternative");
    PDEmbeddedFilesNameTreeNode tree = new PDEmbeddedFilesNameTreeNode();
    tree.setNames(Map.of(FACTUR_X_NAME, spec));
    PDDocumentNameDictionary names = new PDDocumentNameDictionary(document.getDocumentCatalog());
    names.setEmbeddedFiles(tree);
    document.getDocumentCatalog().setNames(names);
    COSArray associated = new COSArray();
    associated.add(spec);
    document.getDocumentCatalog().getCOSObject().setItem(COSName.getPDFName("AF"), associated);

    try (InputStream profile = PdfInvoiceWriter.class.getResourceAsStream(PROFILE)) {
      PDOutputIntent intent = new PDOutputIntent(document, profile);
      intent.setInfo("CGATS TR 001");
      intent.setOutputCondition("CGATS TR 001");
      intent.setOutputConditionIdentifier("CGATS TR 001");
      intent.setRegistryName("http://www.color.org");
      document.getDocumentCatalog().addOutputIntent(intent);
    }
    PDMetadata metadata = new PDMetadata(document);
    metadata.importXMPMetadata(xmp(invoice, created).getBytes(StandardCharsets.UTF_8));
    document.getDocumentCatalog().setMetadata(metadata);
  }

  private static String xmp(SampleInvoice invoice, Calendar created) {
    String date = created.toInstant().atOffset(ZoneOffset.UTC).toString();
    return """
        <?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
        <x:xmpmeta xmlns:x="adobe:ns:meta/">
         <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
          <rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">
           <pdfaid:part>3</pdfaid:part><pdfaid:conformance>B</pdfaid:conformance>
          </rdf:Description>
          <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
           <dc:title><rdf:Alt><rdf:li xml:lang="x-default">Invoice %1$s</rdf:li></rdf:Alt></dc:title>
           <dc:creator><rdf:Seq><rdf:li>%2$s</rdf:li></rdf:Seq></dc:creator>
          </rdf:Description>
          <rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
           <xmp:CreateDate>%3$s</xmp:CreateDate><xmp:ModifyDate>%3$s</xmp:ModifyDate>
          </rdf:Description>
          <rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
           <pdf:Producer>Engranaje sample generator</pdf:Producer>
          </rdf:Description>
          <rdf:Description rdf:about="" xmlns:fx="urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#">
           <fx:DocumentType>INVOICE</fx:DocumentType><fx:DocumentFileName>factur-x.xml</fx:DocumentFileName>
           <fx:Version>1.0</fx:Version><fx:ConformanceLevel>EN 16931</fx:ConformanceLevel>
          </rdf:Description>
          <rdf:Description rdf:about="" xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/"
              xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
           <pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">
            <pdfaSchema:schema>Factur-X PDFA Extension Schema</pdfaSchema:schema>
            <pdfaSchema:namespaceURI>urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#</pdfaSchema:namespaceURI>
            <pdfaSchema:prefix>fx</pdfaSchema:prefix>
            <pdfaSchema:property><rdf:Seq>
             <rdf:li rdf:parseType="Resource"><pdfaProperty:name>DocumentFileName</pdfaProperty:name><pdfaProperty:valueType>Text</pdfaProperty:valueType><pdfaProperty:category>external</pdfaProperty:category><pdfaProperty:description>The name of the embedded XML invoice file</pdfaProperty:description></rdf:li>
             <rdf:li rdf:parseType="Resource"><pdfaProperty:name>DocumentType</pdfaProperty:name><pdfaProperty:valueType>Text</pdfaProperty:valueType><pdfaProperty:category>external</pdfaProperty:category><pdfaProperty:description>INVOICE</pdfaProperty:description></rdf:li>
             <rdf:li rdf:parseType="Resource"><pdfaProperty:name>Version</pdfaProperty:name><pdfaProperty:valueType>Text</pdfaProperty:valueType><pdfaProperty:category>external</pdfaProperty:category><pdfaProperty:description>The version of the Factur-X data</pdfaProperty:description></rdf:li>
             <rdf:li rdf:parseType="Resource"><pdfaProperty:name>ConformanceLevel</pdfaProperty:name><pdfaProperty:valueType>Text</pdfaProperty:valueType><pdfaProperty:category>external</pdfaProperty:category><pdfaProperty:description>The conformance level of the Factur-X data</pdfaProperty:description></rdf:li>
            </rdf:Seq></pdfaSchema:property>
           </rdf:li></rdf:Bag></pdfaExtension:schemas>
          </rdf:Description>
         </rdf:RDF>
        </x:xmpmeta>
        <?xpacket end="w"?>
        """.formatted(invoice.number(), invoice.supplier().name(), date);
  }

  private static List<String> lines(SampleInvoice invoice) {
    SampleSupplier s = invoice.supplier();
    List<String> lines = new ArrayList<>();
    lines.add("INVOICE " + invoice.number());
    lines.add("");
    lines.add(s.name() + ", " + s.street() + ", " + s.postcode() + " " + s.city() + ", " + s.country());
    lines.add("VAT id " + s.vatId() + " - " + s.email());
    lines.add("");
    lines.add("To: " + SupplierPaymentData.BUYER + ", Gewerbepark 9, 30659 Hannover, DE (VAT id " + SupplierPaymentData.BUYER_VAT_ID + ")");
    lines.add("Invoice date " + invoice.issueDate() + " - due " + invoice.dueDate());
    lines.add("");
    lines.add(invoice.quantity().toPlainString() + " x " + invoice.item() + " at EUR " + invoice.price().toPlainString());
    lines.add("Net EUR " + invoice.net().toPlainString());
    lines.add("VAT " + invoice.rate().stripTrailingZeros().toPlainString() + "% EUR " + invoice.tax().toPlainString());
    lines.add("Total due EUR " + invoice.gross().toPlainString());
    lines.add("");
    lines.add("Please pay to IBAN " + invoice.iban() + " (BIC " + s.bic() + "), reference " + invoice.number());
    return lines;
  }

  private static Calendar calendar(SampleInvoice invoice) {
    Calendar calendar = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
    calendar.setTimeInMillis(invoice.issueDate().atTime(9, 0).toInstant(ZoneOffset.UTC).toEpochMilli());
    return calendar;
  }
}
