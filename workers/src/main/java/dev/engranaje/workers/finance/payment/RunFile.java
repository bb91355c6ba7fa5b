package dev.engranaje.workers.finance.payment;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.engranaje.workers.api.TechnicalFailure;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * A payment run as prepared ({@code payments/run-<runId>.json}): who prepared it, from which account,
 * the payments and the invoices left out, and later what was released and what the bank said.
 * Amounts are exact decimal strings. Immutable; the workers write a new version with {@code with…}.
 *
 * @param fingerprint SHA-256 over every payment's id, account and amount: an approval is recorded
 *     against it, so a run changed after its approval no longer counts as approved
 * @param payments every payment the run may make, the held ones included
 * @param release what {@code write-pain001} released, {@code null} before
 * @param bankStatus what the bank's status report said per payment, empty before
 */
public record RunFile(String runId, String preparer, String preparedAt, Debtor debtor, String executionDate,
    String currency, String total, int paymentCount, String largestAmount, String fingerprint, List<Payment> payments,
    List<InvoiceCheck> rejected, List<InvoiceCheck> held, List<InvoiceCheck> manual, Release release,
    List<BankStatus> bankStatus) {

  static final String MISSING = "Expected the payment run '%s' in the workspace, but it does not exist; check 'runRef'"
      + " (prepare-run writes it)";
  static final String UNREADABLE = "Expected '%s' to be a payment run written by prepare-run, but: %s";

  public RunFile {
    payments = payments == null ? List.of() : List.copyOf(payments);
    rejected = rejected == null ? List.of() : List.copyOf(rejected);
    held = held == null ? List.of() : List.copyOf(held);
    manual = manual == null ? List.of() : List.copyOf(manual);
    bankStatus = bankStatus == null ? List.of() : List.copyOf(bankStatus);
  }

  /** The account the run pays from. */
  public record Debtor(String name, String iban, String bic) {}

  /**
   * One payment.
   *
   * @param held the supplier's IBAN differs from the master's: paid only once verified
   * @param executionDate the day the bank is asked to execute it (ISO)
   */
  public record Payment(String endToEndId, String invoiceNumber, String supplierId, String supplierName,
      String supplierEmail, String iban, String bic, String amount, String currency, String issueDate, String dueDate,
      String executionDate, String paymentReference, String invoiceFile, boolean held) {}

  /**
   * A released payment file.
   *
   * @param endToEndIds the payments in it (held ones not verified are not)
   */
  public record Release(String paymentFile, String messageId, String version, String releasedAt, String controlSum,
      List<String> endToEndIds) {}

  /** What the bank said about one payment. */
  public record BankStatus(String endToEndId, String outcome, String statusCode, String reasonCode, String reasonText) {}

  /** The workspace reference of the run file of {@code runId}. */
  public static String reference(String runId) {
    return "payments/run-" + runId + ".json";
  }

  /** Reads a run file. */
  public static RunFile read(Path file, String reference, ObjectMapper json) throws TechnicalFailure {
    if (!Files.isRegularFile(file)) {
      throw TechnicalFailure.permanent(MISSING.formatted(reference));
    }
    try {
      return json.readValue(file.toFile(), RunFile.class);
    } catch (IOException e) {
      throw TechnicalFailure.permanent(UNREADABLE.formatted(reference, e.getMessage()), e);
    }
  }

  /** Writes the run file atomically (a reader never sees half a run). */
  public void write(Path file, ObjectMapper json) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    Path partial = file.resolveSibling(file.getFileName() + ".partial");
    Files.writeString(partial, json.writer().with(SerializationFeature.INDENT_OUTPUT).writeValueAsString(this),
        StandardCharsets.UTF_8);
    Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /** The fingerprint of the payments as they are now. */
  public static String fingerprintOf(List<Payment> payments) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (Payment p : payments) {
        String line = String.join("|", p.endToEndId(), String.valueOf(p.supplierId()), String.valueOf(p.iban()),
            String.valueOf(p.bic()), new BigDecimal(p.amount()).toPlainString(), p.currency(), p.executionDate(),
            Boolean.toString(p.held())) + "\n";
        sha.update(line.getBytes(StandardCharsets.UTF_8));
      }
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Expected SHA-256 in every Java runtime, but it is missing", e);
    }
  }

  /** True when the payments are the ones the fingerprint was taken of. */
  public boolean unchanged() {
    return fingerprintOf(payments).equals(fingerprint);
  }

  /** The payment with this end-to-end id or invoice number among the held ones; {@code null} when none. */
  public Payment heldPayment(String subject) {
    List<Payment> matches = payments.stream().filter(Payment::held)
        .filter(p -> p.endToEndId().equals(subject) || p.invoiceNumber().equals(subject)).toList();
    return matches.size() == 1 ? matches.get(0) : null;
  }

  public RunFile withRelease(Release value) {
    return new RunFile(runId, preparer, preparedAt, debtor, executionDate, currency, total, paymentCount, largestAmount,
        fingerprint, payments, rejected, held, manual, value, bankStatus);
  }

  public RunFile withBankStatus(List<BankStatus> value) {
    return new RunFile(runId, preparer, preparedAt, debtor, executionDate, currency, total, paymentCount, largestAmount,
        fingerprint, payments, rejected, held, manual, release, value);
  }
}
