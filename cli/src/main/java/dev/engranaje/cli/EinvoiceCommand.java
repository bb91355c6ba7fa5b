package dev.engranaje.cli;

import dev.engranaje.workers.finance.einvoice.DocumentTotals;
import dev.engranaje.workers.finance.einvoice.EinvoiceException;
import dev.engranaje.workers.finance.einvoice.EinvoiceReader;
import dev.engranaje.workers.finance.einvoice.En16931Check;
import dev.engranaje.workers.finance.einvoice.Invoice;
import dev.engranaje.workers.finance.einvoice.ParsedInvoice;
import dev.engranaje.workers.finance.einvoice.RuleViolation;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code rpa einvoice}: reads e-invoice files as {@code rpa:finance.read-einvoice:1} does (the same
 * reader and EN 16931 check) and says per file whether it would be read, and if not, why.
 */
@Command(name = "einvoice", mixinStandardHelpOptions = true,
    description = {"Read and check e-invoices (UBL 2.1 / Peppol BIS 3.0, UN/CEFACT CII, Factur-X / ZUGFeRD PDF) on files.",
        "Prints per file the invoice read (format, number, supplier, VAT id, IBAN, due date, amount due) with its warnings,",
        "or why it is refused: the EN 16931 rule ids with the amounts, the position of a malformed value, or a PDF",
        "without structured data (for a person). See docs/finance/einvoice.md.",
        "Exit codes: 0 every file read, 1 at least one refused."})
final class EinvoiceCommand implements Callable<Integer> {
  static final String MISSING = "Expected the e-invoice file '%s', but there is no such file";

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "E-invoice files (XML or PDF).")
  List<Path> files;

  @Spec CommandSpec spec;

  private final EinvoiceReader reader = new EinvoiceReader();
  private final En16931Check check = new En16931Check();

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    int refused = 0;
    for (Path file : files) {
      if (!Files.isRegularFile(file)) {
        throw new UserError(String.format(MISSING, file));
      }
      if (!report(file, out)) {
        refused++;
      }
    }
    out.printf("%d of %d read, %d refused%n", files.size() - refused, files.size(), refused);
    out.flush();
    return refused == 0 ? 0 : 1;
  }

  /** Prints the outcome for one file; true when it was read. */
  private boolean report(Path file, PrintWriter out) {
    ParsedInvoice parsed;
    try {
      parsed = reader.read(file, file.toString());
    } catch (EinvoiceException e) {
      out.printf("%s: %s%n  %s%n", file, e.unstructured() ? "unstructured, for a person" : "refused", e.getMessage());
      return false;
    } catch (IOException e) {
      throw new UserError("Expected to read '" + file + "', but " + e.getMessage());
    }
    List<RuleViolation> violations = check.check(parsed);
    List<RuleViolation> fatal = violations.stream().filter(v -> v.severity() == RuleViolation.Severity.FATAL).toList();
    if (!fatal.isEmpty()) {
      out.printf("%s: refused, breaks %s%n", file,
          String.join(", ", fatal.stream().map(RuleViolation::rule).distinct().toList()));
      fatal.forEach(v -> out.printf("  %s%n", v.describe()));
      return false;
    }
    Invoice invoice = parsed.invoice();
    DocumentTotals totals = invoice.totals();
    out.printf("%s: read (%s%s, %s %s, %s, VAT %s, IBAN %s, due %s, amount due %s %s)%n", file, invoice.format().id(),
        invoice.embeddedFile() == null ? "" : " " + invoice.embeddedFile(), invoice.creditNote() ? "credit note" : "invoice",
        invoice.invoiceNumber(), invoice.supplier() == null ? "no seller" : invoice.supplier().name(),
        invoice.supplier() == null ? "-" : dash(invoice.supplier().vatId()),
        invoice.payment() == null ? "-" : dash(invoice.payment().iban()), dash(invoice.dueDate()),
        totals.amountDue() == null ? "-" : totals.amountDue().toPlainString(), invoice.currency());
    violations.forEach(v -> out.printf("  warning %s%n", v.describe()));
    return true;
  }

  private static String dash(Object value) {
    return value == null ? "-" : value.toString();
  }
}
