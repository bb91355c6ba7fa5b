package dev.engranaje.workers.finance.payment;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Test files for the payment workers: the corpus e-invoices (copied from {@code ../shared/corpus/einvoice/}
 * into {@code finance/einvoice/}, origins in {@code finance/SOURCES.md}), a supplier master made here
 * whose suppliers are the sellers of those invoices, and a text-only PDF.
 *
 * <p>What the corpus invoices are, as the supplier master below sees them:
 * <ul>
 *   <li>{@link #UBL} (471102, Lieferant GmbH, DE123456789, IBAN DE02120300000000202051, 529.87): accepted
 *   <li>{@link #FACTUR_X} (471102 again, same seller, no IBAN, 529.87): the same invoice as a Factur-X PDF
 *   <li>{@link #ALPHABET} (2015776085, Alphabet Fuhrparkmanagement GmbH, 1012.69): accepted
 *   <li>{@link #WECLAPP} (RE1001, weclapp.com, no IBAN on the invoice, 963.11): paid to the master's IBAN
 *   <li>{@link #CHANGED_IBAN} (123456XX, VAT id DE123456789 = Lieferant GmbH, IBAN DE75512108001245126199,
 *       336.90): the IBAN differs from the master's: held
 *   <li>{@link #BROKEN_TOTALS} (Factur-X MINIMUM whose totals do not add up): EN 16931 BR-CO-16
 * </ul>
 */
public final class PaymentFixtures {
  public static final String UBL = "mustang-XRECHNUNG_Einfach.ubl.xml";
  public static final String FACTUR_X = "mustang-EN16931_Einfach.pdf";
  public static final String ALPHABET = "mustang-TESTXRECHNUNG_INVDSS_012015776085.XML";
  public static final String WECLAPP = "mustang-MustangBeispiel20221026.pdf";
  public static final String CHANGED_IBAN = "mustang-01.01a-INVOICE.cii.xml";
  public static final String BROKEN_TOTALS = "mustang-facturFrMinimum.xml";
  public static final String PEPPOL = "peppol-base-example.xml";

  public static final String LIEFERANT_IBAN = "DE02120300000000202051";
  public static final String WECLAPP_IBAN = "DE89370400440532013000";

  /** The master, header first: ids with leading zeros, a VAT id written with a space. */
  public static final List<String> MASTER = List.of(
      "supplierId,name,vatId,iban,bic,email,country",
      "00042,Lieferant GmbH,DE123456789,DE02 1203 0000 0000 2020 51,BYLADEM1001,ap@lieferant.example,DE",
      "S-7,Alphabet Fuhrparkmanagement GmbH,DE 238574172,DE34700700100156919301,,billing@alphabet.example,DE",
      "S-9,weclapp.com,DE327606228," + WECLAPP_IBAN + ",COBADEFFXXX,invoices@weclapp.example,DE");

  private PaymentFixtures() {}

  /** A corpus e-invoice on the test classpath. */
  public static Path corpus(String name) {
    try {
      return Path.of(Objects.requireNonNull(PaymentFixtures.class.getResource("/finance/einvoice/" + name), name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Copies corpus invoices into {@code directory}. */
  public static void copy(Path directory, String... names) throws IOException {
    Files.createDirectories(directory);
    for (String name : names) {
      try (InputStream in = Files.newInputStream(corpus(name))) {
        Files.copy(in, directory.resolve(name));
      }
    }
  }

  /** Writes the master as CSV. */
  public static Path masterCsv(Path file) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    return Files.write(file, (String.join("\n", MASTER) + "\n").getBytes(StandardCharsets.UTF_8));
  }

  /** Writes the master as xlsx with other headers (see {@link #MAPPING}) on a sheet named Kreditoren. */
  public static Path masterXlsx(Path file) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
      workbook.createSheet("Notes").createRow(0).createCell(0).setCellValue("Kreditoren on the next sheet");
      XSSFSheet sheet = workbook.createSheet("Kreditoren");
      String[] headers = {"Kreditor", "Name", "USt-IdNr.", "IBAN", "BIC", "E-Mail", "Land"};
      for (int i = 0; i < MASTER.size(); i++) {
        String[] cells = i == 0 ? headers : MASTER.get(i).split(",", -1);
        var row = sheet.createRow(i);
        for (int c = 0; c < cells.length; c++) {
          if (i > 0 && c == 0 && cells[c].matches("\\d+")) {
            row.createCell(c).setCellValue(Double.parseDouble(cells[c]));
          } else {
            row.createCell(c).setCellValue(cells[c]);
          }
        }
      }
      workbook.write(out);
    }
    return file;
  }

  /** The mapping of {@link #masterXlsx(Path)}. */
  public static final String MAPPING = """
      sheet: Kreditoren
      columns:
        supplierId: Kreditor
        name: Name
        vatId: USt-IdNr.
        iban: IBAN
        bic: BIC
        email: E-Mail
        country: Land
      """;

  /** A one-page PDF with text only: no structured invoice in it. */
  public static byte[] plainPdf(String text) throws IOException {
    try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PDPage page = new PDPage();
      document.addPage(page);
      try (PDPageContentStream content = new PDPageContentStream(document, page)) {
        content.beginText();
        content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
        content.newLineAtOffset(72, 700);
        content.showText(text);
        content.endText();
      }
      document.save(out);
      return out.toByteArray();
    }
  }
}
