package dev.engranaje.workers.finance.einvoice;

import dev.engranaje.workers.api.BusinessError;
import dev.engranaje.workers.api.JobContext;
import dev.engranaje.workers.api.JobType;
import dev.engranaje.workers.api.JobWorker;
import dev.engranaje.workers.api.TechnicalFailure;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * {@code rpa:finance.read-einvoice:1}: reads one e-invoice (UBL 2.1 / Peppol BIS 3.0 / XRechnung, UN/CEFACT
 * CII, or a Factur-X / ZUGFeRD PDF with the CII embedded), checks it against the EN 16931 rules ({@link
 * En16931Check}: totals recomputed from the lines, VAT per category and rate, required terms), writes the
 * normalised invoice as JSON into the workspace ({@code invoices/<name>.json}, see {@link InvoiceJson})
 * and returns its reference with a small summary whose amounts are exact decimal strings.
 *
 * <p>BPMN errors: {@value #INVALID} (unreadable, malformed, not an e-invoice, or breaking EN 16931 rules;
 * the message names the file and the position or the rule ids with the amounts, variables {@code rules}
 * and {@code violations}), {@value #UNSTRUCTURED} (a readable PDF without an embedded structured invoice:
 * for a person, nothing is guessed from its text). Thread-safe.
 */
@JobType("rpa:finance.read-einvoice:1")
public final class ReadEinvoiceWorker implements JobWorker<ReadEinvoiceWorker.Input, ReadEinvoiceWorker.Result> {
  static final String INVALID = "EINVOICE_INVALID";
  static final String UNSTRUCTURED = "EINVOICE_UNSTRUCTURED";
  static final String NOT_FOUND = "Expected the e-invoice file '%s' to exist, but it does not; check 'file'";
  static final String NO_FILE = "Expected 'file' (the workspace path of an e-invoice), but it is empty";
  static final String BREAKS_RULES =
      "Expected the e-invoice '%s' (invoice %s) to satisfy the EN 16931 rules, but it breaks %s: %s";

  private final EinvoiceReader reader = new EinvoiceReader();
  private final En16931Check check = new En16931Check();

  /**
   * @param file the e-invoice (workspace reference): UBL or CII XML, or a Factur-X / ZUGFeRD PDF
   * @param output where to write the normalised invoice JSON (workspace reference), default {@code
   *     invoices/<name>.json}
   */
  public record Input(String file, String output) {}

  /**
   * The summary the process routes on: all strings, amounts as exact decimal strings with at least two
   * decimals ({@code "336.90"} for a stated {@code 336.9}), dates ISO; absent values {@code null}.
   *
   * @param format {@code ubl}, {@code cii} or {@code factur-x}
   * @param kind {@code invoice}, or {@code credit-note} (type code 381 and the other credit types): a
   *     credit note's amounts are owed to the buyer, never paid to the supplier
   * @param typeCode the invoice type code (BT-3), e.g. {@code 380}
   * @param netTotal the invoice total without VAT (BT-109)
   * @param taxTotal the total VAT (BT-110)
   * @param grossTotal the invoice total with VAT (BT-112)
   * @param amountDue the amount due for payment (BT-115): what to pay, less any prepaid amount
   */
  public record Summary(String format, String kind, String typeCode, String supplierName, String supplierVatId, String supplierIban,
      String supplierBic, String invoiceNumber, String issueDate, String dueDate, String currency, String netTotal,
      String taxTotal, String grossTotal, String amountDue, String paymentReference, String buyerName) {}

  /**
   * @param invoice the summary
   * @param invoiceRef the workspace reference of the normalised invoice JSON
   * @param warnings the warnings the check left, each {@code [rule] message (at position)}
   */
  public record Result(Summary invoice, String invoiceRef, List<String> warnings) {}

  @Override
  public Class<Input> inputType() {
    return Input.class;
  }

  @Override
  public Result handle(Input input, JobContext context) throws Exception {
    if (input.file() == null || input.file().isBlank()) {
      throw TechnicalFailure.permanent(NO_FILE);
    }
    Path file = context.workspace().resolve(input.file());
    if (!Files.isRegularFile(file)) {
      throw new BusinessError(INVALID, String.format(NOT_FOUND, input.file()), Map.of("file", input.file()));
    }
    ParsedInvoice parsed;
    try {
      parsed = reader.read(file, input.file());
    } catch (EinvoiceException e) {
      throw new BusinessError(e.unstructured() ? UNSTRUCTURED : INVALID, e.getMessage(),
          Map.of("file", input.file(), "position", e.position()));
    }
    List<RuleViolation> violations = check.check(parsed);
    List<RuleViolation> fatal = violations.stream().filter(v -> v.severity() == RuleViolation.Severity.FATAL).toList();
    if (!fatal.isEmpty()) {
      List<String> rules = fatal.stream().map(RuleViolation::rule).distinct().toList();
      List<String> described = fatal.stream().map(RuleViolation::describe).toList();
      throw new BusinessError(INVALID, String.format(BREAKS_RULES, input.file(), parsed.invoice().invoiceNumber(),
          String.join(", ", rules), String.join("; ", described)),
          Map.of("file", input.file(), "rules", rules, "violations", described));
    }
    List<RuleViolation> warnings = violations.stream()
        .filter(v -> v.severity() == RuleViolation.Severity.WARNING).toList();
    String outputRef = input.output() == null || input.output().isBlank()
        ? "invoices/" + baseName(file) + ".json" : input.output();
    Path target = context.workspace().resolveForWriting(outputRef);
    Path partial = target.resolveSibling(target.getFileName() + ".partial");
    try (OutputStream out = Files.newOutputStream(partial)) {
      InvoiceJson.write(new CheckedInvoice(parsed.invoice(), warnings), out);
    } catch (IOException e) {
      throw TechnicalFailure.retryable("Expected to write '" + outputRef + "', but " + e.getMessage(), e);
    }
    Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    return new Result(summary(parsed.invoice()), context.workspace().reference(target),
        warnings.stream().map(RuleViolation::describe).toList());
  }

  /** The summary of an invoice: what the process routes on, amounts as exact decimal strings. */
  public static Summary summary(Invoice invoice) {
    Party supplier = invoice.supplier();
    PaymentInstructions payment = invoice.payment();
    DocumentTotals totals = invoice.totals();
    return new Summary(invoice.format().id(), invoice.creditNote() ? "credit-note" : "invoice", invoice.typeCode(),
        supplier == null ? null : supplier.name(),
        supplier == null ? null : supplier.vatId(), payment == null ? null : payment.iban(),
        payment == null ? null : payment.bic(), invoice.invoiceNumber(), text(invoice.issueDate()),
        text(invoice.dueDate()), invoice.currency(), text(totals.netTotal()), text(totals.taxTotal()),
        text(totals.grossTotal()), text(totals.amountDue()), payment == null ? null : payment.reference(),
        invoice.buyer() == null ? null : invoice.buyer().name());
  }

  /** At least two decimals ({@code "336.9"} as {@code "336.90"}), never fewer than stated: lossless. */
  private static String text(BigDecimal amount) {
    return amount == null ? null : (amount.scale() < 2 ? amount.setScale(2) : amount).toPlainString();
  }

  private static String text(LocalDate date) {
    return date == null ? null : date.toString();
  }

  private static String baseName(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }
}
