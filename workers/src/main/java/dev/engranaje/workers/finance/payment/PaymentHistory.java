package dev.engranaje.workers.finance.payment;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.engranaje.workers.api.TechnicalFailure;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The invoices already paid, as JSON Lines ({@link PaidInvoice} per line), written by {@code
 * rpa:payments.record-payments:1} and read by the invoice check to find duplicates. Appending is the
 * only change; a line that cannot be read is a permanent failure naming the file and line.
 */
public final class PaymentHistory {
  private PaymentHistory() {}

  /** The paid invoices; none when the file does not exist yet. */
  public static List<PaidInvoice> read(Path file, String reference, ObjectMapper json) throws TechnicalFailure {
    return new JsonLinesFile<>(file, reference, PaidInvoice.class, "a paid invoice").read(json);
  }

  /** Appends the lines. */
  public static void append(Path file, String reference, List<PaidInvoice> invoices, ObjectMapper json)
      throws IOException {
    new JsonLinesFile<>(file, reference, PaidInvoice.class, "a paid invoice").append(invoices, json);
  }
}
