package dev.engranaje.examples.payment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes the sample files of {@code examples/supplier-payment/} from {@link SupplierPaymentData}.
 * Run from the repository root: {@code java -cp ... dev.engranaje.examples.payment.SupplierPaymentDataGenerator
 * examples/supplier-payment}; {@code SupplierPaymentDataGeneratorTest} checks that the committed files are
 * what this writes and that each invoice reads as what it is there to show.
 */
public final class SupplierPaymentDataGenerator {
  public static final String MASTER = "supplier-master.xlsx";
  public static final String HISTORY = "payment-history.jsonl";
  public static final String OPEN_INVOICES = "open-invoices.xlsx";

  private SupplierPaymentDataGenerator() {}

  public static void main(String[] args) throws IOException {
    Path directory = Path.of(args.length == 0 ? "examples/supplier-payment" : args[0]);
    Map<String, byte[]> files = files();
    for (Map.Entry<String, byte[]> file : files.entrySet()) {
      Path target = directory.resolve(file.getKey());
      Files.createDirectories(target.getParent());
      Files.write(target, file.getValue());
    }
    System.out.println("Wrote " + files.size() + " files to " + directory);
  }

  /** Every generated file by its path below {@code examples/supplier-payment/}: invoices under {@code mail/} or {@code inbox/}. */
  public static Map<String, byte[]> files() {
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put(MASTER, SupplierMasterWriter.write(SupplierPaymentData.SUPPLIERS));
    files.put(OPEN_INVOICES, OpenInvoicesWriter.write(SupplierPaymentData.OPEN_ITEMS));
    files.put(HISTORY, history());
    for (SampleInvoice invoice : SupplierPaymentData.INVOICES) {
      files.put(invoice.channel() + "/" + invoice.file(), invoiceFile(invoice));
    }
    return files;
  }

  /** The invoice as its supplier sends it. */
  public static byte[] invoiceFile(SampleInvoice invoice) {
    return switch (invoice.format()) {
      case UBL -> UblInvoiceWriter.write(invoice);
      case CII -> CiiInvoiceWriter.write(invoice);
      case FACTUR_X -> PdfInvoiceWriter.facturX(invoice, CiiInvoiceWriter.write(invoice));
      case PLAIN_PDF -> PdfInvoiceWriter.plain(invoice);
    };
  }

  private static byte[] history() {
    try {
      return (new ObjectMapper().writeValueAsString(SupplierPaymentData.PAID_BEFORE) + "\n").getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
