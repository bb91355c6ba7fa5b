package dev.engranaje.workers.finance.einvoice;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One e-invoice in the normalised model, whatever syntax it came in. Business terms follow EN 16931
 * (BT/BG numbers in the component docs). Absent values are {@code null}; lists are never {@code null}.
 * Immutable.
 *
 * @param source the file as given to the reader (a workspace reference)
 * @param format the syntax it arrived in
 * @param embeddedFile for a PDF: the name of the embedded XML ({@code factur-x.xml}, …), else {@code null}
 * @param specification the specification identifier (BT-24), e.g. {@code urn:cen.eu:en16931:2017#compliant#…}
 * @param invoiceNumber the invoice number (BT-1)
 * @param typeCode the invoice type code (BT-3): {@code 380} invoice, {@code 381} credit note, …
 * @param issueDate the issue date (BT-2)
 * @param dueDate the payment due date (BT-9)
 * @param currency the invoice currency (BT-5), ISO 4217
 * @param buyerReference the buyer reference (BT-10)
 * @param supplier the seller (BG-4)
 * @param buyer the buyer (BG-7)
 * @param payment payment instructions (BG-16) and terms (BT-20)
 * @param lines the invoice lines (BG-25)
 * @param allowancesAndCharges document level allowances and charges (BG-20, BG-21)
 * @param vatBreakdown the VAT breakdown (BG-23)
 * @param totals the document totals (BG-22) as stated
 * @param sha256 the SHA-256 of the file read (hex), to recognise the same file again
 */
public record Invoice(String source, InvoiceFormat format, String embeddedFile, String specification,
    String invoiceNumber, String typeCode, LocalDate issueDate, LocalDate dueDate, String currency,
    String buyerReference, Party supplier, Party buyer, PaymentInstructions payment, List<InvoiceLine> lines,
    List<AllowanceCharge> allowancesAndCharges, List<VatBreakdown> vatBreakdown, DocumentTotals totals,
    String sha256) {

  public Invoice {
    lines = List.copyOf(lines);
    allowancesAndCharges = List.copyOf(allowancesAndCharges);
    vatBreakdown = List.copyOf(vatBreakdown);
  }

  /** UNTDID 1001 document types that are credit notes (EN 16931 allows these for BT-3). */
  static final Set<String> CREDIT_NOTE_TYPES = Set.of("81", "83", "261", "262", "296", "308", "381", "396", "420", "458", "532");

  /**
   * True for a credit note (type code 381 and the other credit types, or a UBL {@code CreditNote}): its
   * amounts are owed to the buyer, so nothing is to be paid to the supplier.
   */
  public boolean creditNote() {
    return typeCode != null && CREDIT_NOTE_TYPES.contains(typeCode.strip());
  }

  /**
   * True for the Factur-X / ZUGFeRD profiles MINIMUM and BASIC WL, which carry no invoice lines and
   * so are not EN 16931 invoices: the line rules (BR-16, BR-CO-10, BR-S-08 …) do not apply to them.
   */
  public boolean withoutLines() {
    String spec = specification == null ? "" : specification.toLowerCase(Locale.ROOT);
    return spec.endsWith(":minimum") || spec.endsWith(":basicwl");
  }
}
