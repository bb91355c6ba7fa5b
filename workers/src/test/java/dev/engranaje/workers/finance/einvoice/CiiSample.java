package dev.engranaje.workers.finance.einvoice;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A small EN 16931 CII invoice built in the test, so each arithmetic case states its own amounts:
 * lines, document allowances and charges, VAT breakdowns and the header sums.
 */
final class CiiSample {
  private final List<String> lines = new ArrayList<>();
  private final List<String> allowanceCharges = new ArrayList<>();
  private final List<String> taxes = new ArrayList<>();
  private String sums = "";

  CiiSample line(String quantity, String price, String net, String category, String rate) {
    lines.add("""
        <ram:IncludedSupplyChainTradeLineItem>
          <ram:AssociatedDocumentLineDocument><ram:LineID>%d</ram:LineID></ram:AssociatedDocumentLineDocument>
          <ram:SpecifiedTradeProduct><ram:Name>Item %d</ram:Name></ram:SpecifiedTradeProduct>
          <ram:SpecifiedLineTradeAgreement><ram:NetPriceProductTradePrice><ram:ChargeAmount>%s</ram:ChargeAmount></ram:NetPriceProductTradePrice></ram:SpecifiedLineTradeAgreement>
          <ram:SpecifiedLineTradeDelivery><ram:BilledQuantity unitCode="C62">%s</ram:BilledQuantity></ram:SpecifiedLineTradeDelivery>
          <ram:SpecifiedLineTradeSettlement>
            <ram:ApplicableTradeTax><ram:TypeCode>VAT</ram:TypeCode><ram:CategoryCode>%s</ram:CategoryCode>%s</ram:ApplicableTradeTax>
            <ram:SpecifiedTradeSettlementLineMonetarySummation><ram:LineTotalAmount>%s</ram:LineTotalAmount></ram:SpecifiedTradeSettlementLineMonetarySummation>
          </ram:SpecifiedLineTradeSettlement>
        </ram:IncludedSupplyChainTradeLineItem>
        """.formatted(lines.size() + 1, lines.size() + 1, price, quantity, category, rate(rate), net));
    return this;
  }

  CiiSample documentLevel(boolean charge, String amount, String category, String rate) {
    allowanceCharges.add("""
        <ram:SpecifiedTradeAllowanceCharge>
          <ram:ChargeIndicator><udt:Indicator>%s</udt:Indicator></ram:ChargeIndicator>
          <ram:ActualAmount>%s</ram:ActualAmount><ram:Reason>%s</ram:Reason>
          <ram:CategoryTradeTax><ram:TypeCode>VAT</ram:TypeCode><ram:CategoryCode>%s</ram:CategoryCode>%s</ram:CategoryTradeTax>
        </ram:SpecifiedTradeAllowanceCharge>
        """.formatted(charge, amount, charge ? "Freight" : "Discount", category, rate(rate)));
    return this;
  }

  CiiSample vat(String category, String rate, String basis, String tax) {
    taxes.add("""
        <ram:ApplicableTradeTax>
          <ram:CalculatedAmount>%s</ram:CalculatedAmount><ram:TypeCode>VAT</ram:TypeCode>%s
          <ram:BasisAmount>%s</ram:BasisAmount><ram:CategoryCode>%s</ram:CategoryCode>%s
        </ram:ApplicableTradeTax>
        """.formatted(tax, category.equals("S") || category.equals("Z") ? "" : "<ram:ExemptionReason>Exempt</ram:ExemptionReason>", basis,
        category, rate(rate)));
    return this;
  }

  /** The header sums; {@code null} leaves a term out. */
  CiiSample sums(String lineTotal, String charges, String allowances, String net, String tax, String gross,
      String prepaid, String rounding, String due) {
    StringBuilder out = new StringBuilder();
    element(out, "LineTotalAmount", lineTotal);
    element(out, "ChargeTotalAmount", charges);
    element(out, "AllowanceTotalAmount", allowances);
    element(out, "TaxBasisTotalAmount", net);
    if (tax != null) {
      out.append("<ram:TaxTotalAmount currencyID=\"EUR\">").append(tax).append("</ram:TaxTotalAmount>");
    }
    element(out, "RoundingAmount", rounding);
    element(out, "GrandTotalAmount", gross);
    element(out, "TotalPrepaidAmount", prepaid);
    element(out, "DuePayableAmount", due);
    sums = out.toString();
    return this;
  }

  byte[] xml() {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <rsm:CrossIndustryInvoice xmlns:rsm="urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100"
            xmlns:ram="urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100"
            xmlns:udt="urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100">
          <rsm:ExchangedDocumentContext><ram:GuidelineSpecifiedDocumentContextParameter><ram:ID>urn:cen.eu:en16931:2017</ram:ID></ram:GuidelineSpecifiedDocumentContextParameter></rsm:ExchangedDocumentContext>
          <rsm:ExchangedDocument><ram:ID>T-1</ram:ID><ram:TypeCode>380</ram:TypeCode>
            <ram:IssueDateTime><udt:DateTimeString format="102">20261201</udt:DateTimeString></ram:IssueDateTime></rsm:ExchangedDocument>
          <rsm:SupplyChainTradeTransaction>
        %s
            <ram:ApplicableHeaderTradeAgreement>
              <ram:SellerTradeParty><ram:Name>Seller GmbH</ram:Name>
                <ram:SpecifiedTaxRegistration><ram:ID schemeID="VA">DE123456789</ram:ID></ram:SpecifiedTaxRegistration></ram:SellerTradeParty>
              <ram:BuyerTradeParty><ram:Name>Buyer AG</ram:Name></ram:BuyerTradeParty>
            </ram:ApplicableHeaderTradeAgreement>
            <ram:ApplicableHeaderTradeDelivery/>
            <ram:ApplicableHeaderTradeSettlement>
              <ram:PaymentReference>T-1</ram:PaymentReference>
              <ram:InvoiceCurrencyCode>EUR</ram:InvoiceCurrencyCode>
              <ram:SpecifiedTradeSettlementPaymentMeans><ram:TypeCode>58</ram:TypeCode>
                <ram:PayeePartyCreditorFinancialAccount><ram:IBANID>DE02 1203 0000 0000 2020 51</ram:IBANID></ram:PayeePartyCreditorFinancialAccount>
              </ram:SpecifiedTradeSettlementPaymentMeans>
        %s%s
              <ram:SpecifiedTradePaymentTerms><ram:DueDateDateTime><udt:DateTimeString format="102">20261231</udt:DateTimeString></ram:DueDateDateTime></ram:SpecifiedTradePaymentTerms>
              <ram:SpecifiedTradeSettlementHeaderMonetarySummation>%s</ram:SpecifiedTradeSettlementHeaderMonetarySummation>
            </ram:ApplicableHeaderTradeSettlement>
          </rsm:SupplyChainTradeTransaction>
        </rsm:CrossIndustryInvoice>
        """.formatted(String.join("", lines), String.join("", taxes), String.join("", allowanceCharges), sums)
        .getBytes(StandardCharsets.UTF_8);
  }

  private static String rate(String rate) {
    return rate == null ? "" : "<ram:RateApplicablePercent>" + rate + "</ram:RateApplicablePercent>";
  }

  private static void element(StringBuilder out, String name, String value) {
    if (value != null) {
      out.append("<ram:").append(name).append('>').append(value).append("</ram:").append(name).append('>');
    }
  }
}
