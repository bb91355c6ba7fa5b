package dev.engranaje.workers.finance.einvoice;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Maps a UBL 2.1 {@code Invoice} or {@code CreditNote} (Peppol BIS Billing 3.0, XRechnung UBL) to the
 * {@link Invoice} model, following the EN 16931 UBL binding. Values it does not model are ignored;
 * malformed values are refused naming file, position and term. Stateless and thread-safe.
 */
final class UblReader {
  static final String INVOICE_NS = "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2";
  static final String CREDIT_NOTE_NS = "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2";

  private UblReader() {}

  static boolean accepts(XmlNode root) {
    return (root.name().equals("Invoice") && root.namespace().equals(INVOICE_NS))
        || (root.name().equals("CreditNote") && root.namespace().equals(CREDIT_NOTE_NS));
  }

  static ParsedInvoice read(XmlNode root, TermReader terms, InvoiceFormat format, String embeddedFile, String sha256)
      throws EinvoiceException {
    boolean creditNote = root.name().equals("CreditNote");
    String typeCode = terms.text(root, creditNote ? "CreditNoteTypeCode" : "InvoiceTypeCode", "BT-3");
    LocalDate due = terms.isoDate(root, "DueDate", "BT-9");
    if (due == null) {
      due = terms.isoDate(root, "PaymentMeans/PaymentDueDate", "BT-9");
    }
    String currency = terms.code(root, "DocumentCurrencyCode", "BT-5");
    terms.expectCurrency(currency);
    Invoice invoice = new Invoice(terms.source(), format, embeddedFile, terms.text(root, "CustomizationID", "BT-24"),
        terms.text(root, "ID", "BT-1"), typeCode, terms.isoDate(root, "IssueDate", "BT-2"), due, currency,
        terms.text(root, "BuyerReference", "BT-10"),
        party(root.at("AccountingSupplierParty/Party"), terms, "BG-4"),
        party(root.at("AccountingCustomerParty/Party"), terms, "BG-7"), payment(root, terms),
        lines(root, terms, creditNote ? "CreditNoteLine" : "InvoiceLine", creditNote ? "CreditedQuantity" : "InvoicedQuantity"),
        allowancesAndCharges(root, terms), breakdown(root, terms, currency), totals(root, terms, currency), sha256);
    return new ParsedInvoice(invoice, terms.positions());
  }

  private static Party party(Optional<XmlNode> found, TermReader terms, String group) {
    if (found.isEmpty()) {
      return null;
    }
    XmlNode party = found.get();
    boolean seller = group.equals("BG-4");
    String vat = null;
    String taxRegistration = null;
    for (XmlNode scheme : party.all("PartyTaxScheme")) {
      String id = TermReader.compact(terms.text(scheme, "CompanyID", seller ? "BT-31" : "BT-48"));
      if ("VAT".equalsIgnoreCase(scheme.text("TaxScheme/ID").orElse(""))) {
        vat = vat == null ? id : vat;
      } else if (taxRegistration == null) {
        taxRegistration = id;
      }
    }
    String legalName = terms.text(party, "PartyLegalEntity/RegistrationName", seller ? "BT-27" : "BT-44");
    String tradingName = terms.text(party, "PartyName/Name", seller ? "BT-28" : "BT-45");
    return new Party(legalName != null ? legalName : tradingName, tradingName, vat, taxRegistration,
        terms.text(party, "PartyLegalEntity/CompanyID", seller ? "BT-30" : "BT-47"),
        terms.code(party, "PostalAddress/Country/IdentificationCode", seller ? "BT-40" : "BT-55"));
  }

  private static PaymentInstructions payment(XmlNode root, TermReader terms) {
    List<XmlNode> means = root.all("PaymentMeans");
    XmlNode chosen = means.stream().filter(m -> m.at("PayeeFinancialAccount/ID").isPresent()).findFirst()
        .orElse(means.isEmpty() ? null : means.get(0));
    String terms20 = root.all("PaymentTerms").stream().map(t -> t.text("Note").orElse(null))
        .filter(t -> t != null).findFirst().orElse(null);
    if (chosen == null) {
      return new PaymentInstructions(null, null, null, null, null, terms20);
    }
    return new PaymentInstructions(terms.text(chosen, "PaymentMeansCode", "BT-81"),
        TermReader.compact(terms.text(chosen, "PayeeFinancialAccount/ID", "BT-84")),
        TermReader.compact(terms.text(chosen, "PayeeFinancialAccount/FinancialInstitutionBranch/ID", "BT-86")),
        terms.text(chosen, "PayeeFinancialAccount/Name", "BT-85"), terms.text(chosen, "PaymentID", "BT-83"), terms20);
  }

  private static List<InvoiceLine> lines(XmlNode root, TermReader terms, String element, String quantity)
      throws EinvoiceException {
    List<InvoiceLine> lines = new ArrayList<>();
    int index = 0;
    for (XmlNode line : root.all(element)) {
      index++;
      BigDecimal allowances = BigDecimal.ZERO;
      BigDecimal charges = BigDecimal.ZERO;
      for (XmlNode each : line.all("AllowanceCharge")) {
        BigDecimal amount = terms.decimal(each, "Amount", SourcePositions.in("BG-25", index, "BG-27/BT-136"));
        if (amount != null) {
          if (isCharge(each)) {
            charges = charges.add(amount);
          } else {
            allowances = allowances.add(amount);
          }
        }
      }
      Optional<XmlNode> qty = line.child(quantity);
      lines.add(new InvoiceLine(terms.text(line, "ID", SourcePositions.in("BG-25", index, "BT-126")),
          terms.text(line, "Item/Name", SourcePositions.in("BG-25", index, "BT-153")),
          qty.isEmpty() ? null : terms.decimal(qty.get(), SourcePositions.in("BG-25", index, "BT-129")),
          qty.flatMap(q -> q.attribute("unitCode")).orElse(null),
          terms.decimal(line, "Price/PriceAmount", SourcePositions.in("BG-25", index, "BT-146")),
          terms.decimal(line, "Price/BaseQuantity", SourcePositions.in("BG-25", index, "BT-149")),
          allowances, charges,
          terms.decimal(line, "LineExtensionAmount", SourcePositions.in("BG-25", index, "BT-131")),
          terms.code(line, "Item/ClassifiedTaxCategory/ID", SourcePositions.in("BG-25", index, "BT-151")),
          terms.decimal(line, "Item/ClassifiedTaxCategory/Percent", SourcePositions.in("BG-25", index, "BT-152"))));
    }
    return lines;
  }

  private static boolean isCharge(XmlNode allowanceCharge) {
    return "true".equalsIgnoreCase(allowanceCharge.text("ChargeIndicator").orElse(""));
  }

  private static List<AllowanceCharge> allowancesAndCharges(XmlNode root, TermReader terms) throws EinvoiceException {
    List<AllowanceCharge> result = new ArrayList<>();
    int index = 0;
    for (XmlNode each : root.all("AllowanceCharge")) {
      index++;
      boolean charge = isCharge(each);
      result.add(new AllowanceCharge(charge,
          terms.decimal(each, "Amount", SourcePositions.in("BG-20/21", index, charge ? "BT-99" : "BT-92")),
          terms.text(each, "AllowanceChargeReason", SourcePositions.in("BG-20/21", index, charge ? "BT-104" : "BT-97")),
          terms.code(each, "TaxCategory/ID", SourcePositions.in("BG-20/21", index, charge ? "BT-102" : "BT-95")),
          terms.decimal(each, "TaxCategory/Percent", SourcePositions.in("BG-20/21", index, charge ? "BT-103" : "BT-96"))));
    }
    return result;
  }

  /** The VAT breakdown of the TaxTotal in the invoice currency (a second one may give BT-111). */
  private static List<VatBreakdown> breakdown(XmlNode root, TermReader terms, String currency)
      throws EinvoiceException {
    List<VatBreakdown> result = new ArrayList<>();
    Optional<XmlNode> total = taxTotal(root, currency);
    if (total.isEmpty()) {
      return result;
    }
    int index = 0;
    for (XmlNode subtotal : total.get().all("TaxSubtotal")) {
      index++;
      terms.positions().put(SourcePositions.in("BG-23", index, null), subtotal);
      String reason = terms.text(subtotal, "TaxCategory/TaxExemptionReason", SourcePositions.in("BG-23", index, "BT-120"));
      if (reason == null) {
        reason = terms.text(subtotal, "TaxCategory/TaxExemptionReasonCode", SourcePositions.in("BG-23", index, "BT-121"));
      }
      result.add(new VatBreakdown(terms.code(subtotal, "TaxCategory/ID", SourcePositions.in("BG-23", index, "BT-118")),
          terms.decimal(subtotal, "TaxCategory/Percent", SourcePositions.in("BG-23", index, "BT-119")),
          terms.decimal(subtotal, "TaxableAmount", SourcePositions.in("BG-23", index, "BT-116")),
          terms.decimal(subtotal, "TaxAmount", SourcePositions.in("BG-23", index, "BT-117")), reason));
    }
    return result;
  }

  private static Optional<XmlNode> taxTotal(XmlNode root, String currency) {
    List<XmlNode> totals = root.all("TaxTotal");
    return totals.stream()
        .filter(t -> currency == null || t.at("TaxAmount").flatMap(a -> a.attribute("currencyID"))
            .map(currency::equalsIgnoreCase).orElse(true))
        .findFirst().or(() -> totals.stream().findFirst());
  }

  private static DocumentTotals totals(XmlNode root, TermReader terms, String currency) throws EinvoiceException {
    Optional<XmlNode> found = root.child("LegalMonetaryTotal");
    Optional<XmlNode> tax = taxTotal(root, currency);
    BigDecimal taxTotal = tax.isEmpty() ? null : terms.decimal(tax.get(), "TaxAmount", "BT-110");
    if (found.isEmpty()) {
      return new DocumentTotals(null, null, null, null, taxTotal, null, null, null, null);
    }
    XmlNode totals = found.get();
    return new DocumentTotals(terms.decimal(totals, "LineExtensionAmount", "BT-106"),
        terms.decimal(totals, "AllowanceTotalAmount", "BT-107"), terms.decimal(totals, "ChargeTotalAmount", "BT-108"),
        terms.decimal(totals, "TaxExclusiveAmount", "BT-109"), taxTotal,
        terms.decimal(totals, "TaxInclusiveAmount", "BT-112"), terms.decimal(totals, "PrepaidAmount", "BT-113"),
        terms.decimal(totals, "PayableRoundingAmount", "BT-114"), terms.decimal(totals, "PayableAmount", "BT-115"));
  }
}
