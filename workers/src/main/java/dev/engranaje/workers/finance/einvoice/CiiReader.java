package dev.engranaje.workers.finance.einvoice;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Maps a UN/CEFACT Cross Industry Invoice D16B ({@code rsm:CrossIndustryInvoice}: Factur-X, ZUGFeRD 2,
 * XRechnung CII) to the {@link Invoice} model, following the EN 16931 CII binding. ZUGFeRD 1.0
 * ({@code CrossIndustryDocument}) is refused with a clear message by {@link EinvoiceReader}. Values it
 * does not model are ignored; malformed values are refused naming file, position and term.
 * Stateless and thread-safe.
 */
final class CiiReader {
  static final String NS = "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100";

  private static final String TX = "SupplyChainTradeTransaction";
  private static final String SETTLEMENT = TX + "/ApplicableHeaderTradeSettlement";
  private static final String SUMMATION = "SpecifiedTradeSettlementHeaderMonetarySummation";

  private CiiReader() {}

  static boolean accepts(XmlNode root) {
    return root.name().equals("CrossIndustryInvoice") && root.namespace().equals(NS);
  }

  static ParsedInvoice read(XmlNode root, TermReader terms, InvoiceFormat format, String embeddedFile, String sha256)
      throws EinvoiceException {
    Optional<XmlNode> settlement = root.at(SETTLEMENT);
    String currency = settlement.isEmpty() ? null : terms.code(settlement.get(), "InvoiceCurrencyCode", "BT-5");
    terms.expectCurrency(currency);
    XmlNode agreement = root.at(TX + "/ApplicableHeaderTradeAgreement").orElse(null);
    Invoice invoice = new Invoice(terms.source(), format, embeddedFile,
        terms.text(root, "ExchangedDocumentContext/GuidelineSpecifiedDocumentContextParameter/ID", "BT-24"),
        terms.text(root, "ExchangedDocument/ID", "BT-1"), terms.text(root, "ExchangedDocument/TypeCode", "BT-3"),
        terms.ciiDate(root, "ExchangedDocument/IssueDateTime/DateTimeString", "BT-2"),
        settlement.isEmpty() ? null : dueDate(settlement.get(), terms), currency,
        agreement == null ? null : terms.text(agreement, "BuyerReference", "BT-10"),
        agreement == null ? null : party(agreement.child("SellerTradeParty"), terms, true),
        agreement == null ? null : party(agreement.child("BuyerTradeParty"), terms, false),
        settlement.isEmpty() ? null : payment(settlement.get(), terms), lines(root, terms),
        settlement.isEmpty() ? List.of() : allowancesAndCharges(settlement.get(), terms),
        settlement.isEmpty() ? List.of() : breakdown(settlement.get(), terms),
        settlement.isEmpty() ? emptyTotals() : totals(settlement.get(), terms, currency), sha256);
    return new ParsedInvoice(invoice, terms.positions());
  }

  private static DocumentTotals emptyTotals() {
    return new DocumentTotals(null, null, null, null, null, null, null, null, null);
  }

  private static LocalDate dueDate(XmlNode settlement, TermReader terms) throws EinvoiceException {
    for (XmlNode paymentTerms : settlement.all("SpecifiedTradePaymentTerms")) {
      LocalDate due = terms.ciiDate(paymentTerms, "DueDateDateTime/DateTimeString", "BT-9");
      if (due != null) {
        return due;
      }
    }
    return null;
  }

  private static Party party(Optional<XmlNode> found, TermReader terms, boolean seller) {
    if (found.isEmpty()) {
      return null;
    }
    XmlNode party = found.get();
    String vat = null;
    String taxRegistration = null;
    for (XmlNode registration : party.all("SpecifiedTaxRegistration")) {
      Optional<XmlNode> id = registration.child("ID");
      String scheme = id.flatMap(i -> i.attribute("schemeID")).orElse("");
      if (scheme.equalsIgnoreCase("VA") && vat == null) {
        vat = TermReader.compact(terms.text(registration, "ID", seller ? "BT-31" : "BT-48"));
      } else if (scheme.equalsIgnoreCase("FC") && taxRegistration == null) {
        taxRegistration = terms.text(registration, "ID", "BT-32");
      }
    }
    return new Party(terms.text(party, "Name", seller ? "BT-27" : "BT-44"),
        terms.text(party, "SpecifiedLegalOrganization/TradingBusinessName", seller ? "BT-28" : "BT-45"), vat,
        taxRegistration, terms.text(party, "SpecifiedLegalOrganization/ID", seller ? "BT-30" : "BT-47"),
        terms.code(party, "PostalTradeAddress/CountryID", seller ? "BT-40" : "BT-55"));
  }

  private static PaymentInstructions payment(XmlNode settlement, TermReader terms) {
    List<XmlNode> means = settlement.all("SpecifiedTradeSettlementPaymentMeans");
    XmlNode chosen = means.stream().filter(m -> m.at("PayeePartyCreditorFinancialAccount").isPresent()).findFirst()
        .orElse(means.isEmpty() ? null : means.get(0));
    String description = settlement.all("SpecifiedTradePaymentTerms").stream()
        .map(t -> t.text("Description").orElse(null)).filter(t -> t != null).findFirst().orElse(null);
    String reference = terms.text(settlement, "PaymentReference", "BT-83");
    if (chosen == null) {
      return new PaymentInstructions(null, null, null, null, reference, description);
    }
    String account = terms.text(chosen, "PayeePartyCreditorFinancialAccount/IBANID", "BT-84");
    if (account == null) {
      account = terms.text(chosen, "PayeePartyCreditorFinancialAccount/ProprietaryID", "BT-84");
    }
    return new PaymentInstructions(terms.text(chosen, "TypeCode", "BT-81"), TermReader.compact(account),
        TermReader.compact(terms.text(chosen, "PayeeSpecifiedCreditorFinancialInstitution/BICID", "BT-86")),
        terms.text(chosen, "PayeePartyCreditorFinancialAccount/AccountName", "BT-85"), reference, description);
  }

  private static List<InvoiceLine> lines(XmlNode root, TermReader terms) throws EinvoiceException {
    List<InvoiceLine> lines = new ArrayList<>();
    Optional<XmlNode> transaction = root.child(TX);
    if (transaction.isEmpty()) {
      return lines;
    }
    int index = 0;
    for (XmlNode item : transaction.get().all("IncludedSupplyChainTradeLineItem")) {
      index++;
      XmlNode settlement = item.child("SpecifiedLineTradeSettlement").orElse(item);
      BigDecimal allowances = BigDecimal.ZERO;
      BigDecimal charges = BigDecimal.ZERO;
      for (XmlNode each : settlement.all("SpecifiedTradeAllowanceCharge")) {
        BigDecimal amount = terms.decimal(each, "ActualAmount", SourcePositions.in("BG-25", index, "BG-27/BT-136"));
        if (amount != null) {
          if (isCharge(each)) {
            charges = charges.add(amount);
          } else {
            allowances = allowances.add(amount);
          }
        }
      }
      Optional<XmlNode> quantity = item.at("SpecifiedLineTradeDelivery/BilledQuantity");
      lines.add(new InvoiceLine(
          terms.text(item, "AssociatedDocumentLineDocument/LineID", SourcePositions.in("BG-25", index, "BT-126")),
          terms.text(item, "SpecifiedTradeProduct/Name", SourcePositions.in("BG-25", index, "BT-153")),
          quantity.isEmpty() ? null : terms.decimal(quantity.get(), SourcePositions.in("BG-25", index, "BT-129")),
          quantity.flatMap(q -> q.attribute("unitCode")).orElse(null),
          terms.decimal(item, "SpecifiedLineTradeAgreement/NetPriceProductTradePrice/ChargeAmount",
              SourcePositions.in("BG-25", index, "BT-146")),
          terms.decimal(item, "SpecifiedLineTradeAgreement/NetPriceProductTradePrice/BasisQuantity",
              SourcePositions.in("BG-25", index, "BT-149")),
          allowances, charges,
          terms.decimal(settlement, "SpecifiedTradeSettlementLineMonetarySummation/LineTotalAmount",
              SourcePositions.in("BG-25", index, "BT-131")),
          terms.code(settlement, "ApplicableTradeTax/CategoryCode", SourcePositions.in("BG-25", index, "BT-151")),
          terms.decimal(settlement, "ApplicableTradeTax/RateApplicablePercent",
              SourcePositions.in("BG-25", index, "BT-152"))));
    }
    return lines;
  }

  private static boolean isCharge(XmlNode allowanceCharge) {
    return "true".equalsIgnoreCase(allowanceCharge.text("ChargeIndicator/Indicator").orElse(""));
  }

  private static List<AllowanceCharge> allowancesAndCharges(XmlNode settlement, TermReader terms)
      throws EinvoiceException {
    List<AllowanceCharge> result = new ArrayList<>();
    int index = 0;
    for (XmlNode each : settlement.all("SpecifiedTradeAllowanceCharge")) {
      index++;
      boolean charge = isCharge(each);
      result.add(new AllowanceCharge(charge,
          terms.decimal(each, "ActualAmount", SourcePositions.in("BG-20/21", index, charge ? "BT-99" : "BT-92")),
          terms.text(each, "Reason", SourcePositions.in("BG-20/21", index, charge ? "BT-104" : "BT-97")),
          terms.code(each, "CategoryTradeTax/CategoryCode", SourcePositions.in("BG-20/21", index, charge ? "BT-102" : "BT-95")),
          terms.decimal(each, "CategoryTradeTax/RateApplicablePercent",
              SourcePositions.in("BG-20/21", index, charge ? "BT-103" : "BT-96"))));
    }
    // ZUGFeRD/Factur-X EXTENDED: logistics service charges count as document level charges (BT-108)
    for (XmlNode each : settlement.all("SpecifiedLogisticsServiceCharge")) {
      index++;
      result.add(new AllowanceCharge(true,
          terms.decimal(each, "AppliedAmount", SourcePositions.in("BG-20/21", index, "BT-99")),
          terms.text(each, "Description", SourcePositions.in("BG-20/21", index, "BT-104")),
          terms.code(each, "AppliedTradeTax/CategoryCode", SourcePositions.in("BG-20/21", index, "BT-102")),
          terms.decimal(each, "AppliedTradeTax/RateApplicablePercent", SourcePositions.in("BG-20/21", index, "BT-103"))));
    }
    return result;
  }

  private static List<VatBreakdown> breakdown(XmlNode settlement, TermReader terms) throws EinvoiceException {
    List<VatBreakdown> result = new ArrayList<>();
    int index = 0;
    for (XmlNode tax : settlement.all("ApplicableTradeTax")) {
      index++;
      terms.positions().put(SourcePositions.in("BG-23", index, null), tax);
      String reason = terms.text(tax, "ExemptionReason", SourcePositions.in("BG-23", index, "BT-120"));
      if (reason == null) {
        reason = terms.text(tax, "ExemptionReasonCode", SourcePositions.in("BG-23", index, "BT-121"));
      }
      result.add(new VatBreakdown(terms.code(tax, "CategoryCode", SourcePositions.in("BG-23", index, "BT-118")),
          terms.decimal(tax, "RateApplicablePercent", SourcePositions.in("BG-23", index, "BT-119")),
          terms.decimal(tax, "BasisAmount", SourcePositions.in("BG-23", index, "BT-116")),
          terms.decimal(tax, "CalculatedAmount", SourcePositions.in("BG-23", index, "BT-117")), reason));
    }
    return result;
  }

  private static DocumentTotals totals(XmlNode settlement, TermReader terms, String currency)
      throws EinvoiceException {
    Optional<XmlNode> found = settlement.child(SUMMATION);
    if (found.isEmpty()) {
      return emptyTotals();
    }
    XmlNode sums = found.get();
    // BT-110 is the TaxTotalAmount in the invoice currency; a second one in the VAT accounting currency is BT-111
    XmlNode taxTotal = sums.all("TaxTotalAmount").stream()
        .filter(t -> currency == null || t.attribute("currencyID").map(currency::equalsIgnoreCase).orElse(true))
        .findFirst().orElse(null);
    return new DocumentTotals(terms.decimal(sums, "LineTotalAmount", "BT-106"),
        terms.decimal(sums, "AllowanceTotalAmount", "BT-107"), terms.decimal(sums, "ChargeTotalAmount", "BT-108"),
        terms.decimal(sums, "TaxBasisTotalAmount", "BT-109"),
        taxTotal == null ? null : terms.decimal(taxTotal, "BT-110"),
        terms.decimal(sums, "GrandTotalAmount", "BT-112"), terms.decimal(sums, "TotalPrepaidAmount", "BT-113"),
        terms.decimal(sums, "RoundingAmount", "BT-114"), terms.decimal(sums, "DuePayableAmount", "BT-115"));
  }
}
