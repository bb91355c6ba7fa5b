package dev.engranaje.workers.finance.payment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.engranaje.workers.api.TechnicalFailure;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The invoices already paid, as JSON Lines ({@link PaidInvoice} per line), written by {@code
 * rpa:payments.record-payments:1} and read by the invoice check to find duplicates. Appending is the
 * only change; a line that cannot be read is a permanent failure naming the file and line, never
 * skipped (a skipped line could let a duplicate through).
 */
public final class PaymentHistory {
  static final String BAD_LINE = "Expected line %d of the payment history '%s' to be a paid invoice as JSON, but: %s";
  static final String UNREADABLE = "Expected to read the payment history '%s', but: %s";

  private PaymentHistory() {}

  /** The paid invoices; none when the file does not exist yet. */
  public static List<PaidInvoice> read(Path file, String reference, ObjectMapper json) throws TechnicalFailure {
    List<PaidInvoice> paid = new ArrayList<>();
    if (!Files.exists(file)) {
      return paid;
    }
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      int number = 0;
      while ((line = in.readLine()) != null) {
        number++;
        if (line.isBlank()) {
          continue;
        }
        try {
          paid.add(json.readValue(line, PaidInvoice.class));
        } catch (JsonProcessingException e) {
          throw TechnicalFailure.permanent(BAD_LINE.formatted(number, reference, e.getOriginalMessage()), e);
        }
      }
    } catch (IOException e) {
      throw TechnicalFailure.retryable(UNREADABLE.formatted(reference, e.getMessage()), e);
    }
    return paid;
  }

  /** Appends the lines and forces them to disk. */
  public static void append(Path file, List<PaidInvoice> invoices, ObjectMapper json) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    StringBuilder text = new StringBuilder();
    for (PaidInvoice invoice : invoices) {
      text.append(json.writer().without(SerializationFeature.INDENT_OUTPUT)
          .writeValueAsString(invoice)).append('\n');
    }
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
        StandardOpenOption.APPEND)) {
      out.write(text.toString());
    }
  }
}
