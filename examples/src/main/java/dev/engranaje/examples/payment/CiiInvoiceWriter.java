package dev.engranaje.examples.payment;

import java.nio.charset.StandardCharsets;

/**
 * Writes a sample invoice as UN/CEFACT CII D16B in the EN 16931 profile: the XML of a CII e-invoice,
 * and the one a Factur-X PDF embeds as {@code factur-x.xml}.
 */
final class CiiInvoiceWriter {
  static final String EN16931 = "urn:cen.eu:en16931:2017";

  private CiiInvoiceWriter() {}

  static byte[] write(SampleInvoice invoice) {
    SampleSupplier s = invoice.supplier();
    String rate = invoice.rate().toPlainString();
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <rsm:CrossIndustryInvoice xmlns:rsm="urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100"
            xmlns:ram="urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100"
            xmlns:udt="urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100">
          <rsm:ExchangedDocumentContext>
            <ram:GuidelineSpecifiedDocumentContextParameter><ram:ID>%1$s</ram:ID></ram:GuidelineSpecifiedDocumentContextParameter>
          </rsm:ExchangedDocumentContext>
          <rsm:ExchangedDocument>
            <ram:ID>%2$s</ram:ID>
            <ram:TypeCode>380</ram:TypeCode>
            <ram:IssueDateTime><udt:DateTimeString format="102">%3$s</udt:DateTimeString></ram:IssueDateTime>
          </rsm:ExchangedDocument>
          <rsm:SupplyChainTradeTransaction>
            <ram:IncludedSupplyChainTradeLineItem>
              <ram:AssociatedDocumentLineDocument><ram:LineID>1</ram:LineID></ram:AssociatedDocumentLineDocument>
              <ram:SpecifiedTradeProduct><ram:Name>%4$s</ram:Name></ram:SpecifiedTradeProduct>
              <ram:SpecifiedLineTradeAgreement><ram:NetPriceProductTradePrice><ram:ChargeAmount>%5$s</ram:ChargeAmount></ram:NetPriceProductTradePrice></ram:SpecifiedLineTradeAgreement>
              <ram:SpecifiedLineTradeDelivery><ram:BilledQuantity unitCode="C62">%6$s</ram:BilledQuantity></ram:SpecifiedLineTradeDelivery>
              <ram:SpecifiedLineTradeSettlement>
                <ram:ApplicableTradeTax><ram:TypeCode>VAT</ram:TypeCode><ram:CategoryCode>S</ram:CategoryCode><ram:RateApplicablePercent>%7$s</ram:RateApplicablePercent></ram:ApplicableTradeTax>
                <ram:SpecifiedTradeSettlementLineMonetarySummation><ram:LineTotalAmount>%8$s</ram:LineTotalAmount></ram:SpecifiedTradeSettlementLineMonetarySummation>
              </ram:SpecifiedLineTradeSettlement>
            </ram:IncludedSupplyChainTradeLineItem>
            <ram:ApplicableHeaderTradeAgreement>
              <ram:BuyerReference>AP-KESTREL</ram:BuyerReference>
              <ram:SellerTradeParty>
                <ram:Name>%9$s</ram:Name>
                <ram:DefinedTradeContact><ram:EmailURIUniversalCommunication><ram:URIID>%10$s</ram:URIID></ram:EmailURIUniversalCommunication></ram:DefinedTradeContact>
                <ram:PostalTradeAddress><ram:PostcodeCode>%11$s</ram:PostcodeCode><ram:LineOne>%12$s</ram:LineOne><ram:CityName>%13$s</ram:CityName><ram:CountryID>%14$s</ram:CountryID></ram:PostalTradeAddress>
                <ram:SpecifiedTaxRegistration><ram:ID schemeID="VA">%15$s</ram:ID></ram:SpecifiedTaxRegistration>
              </ram:SellerTradeParty>
              <ram:BuyerTradeParty>
                <ram:Name>%16$s</ram:Name>
                <ram:PostalTradeAddress><ram:PostcodeCode>30659</ram:PostcodeCode><ram:LineOne>Gewerbepark 9</ram:LineOne><ram:CityName>Hannover</ram:CityName><ram:CountryID>DE</ram:CountryID></ram:PostalTradeAddress>
                <ram:SpecifiedTaxRegistration><ram:ID schemeID="VA">%17$s</ram:ID></ram:SpecifiedTaxRegistration>
              </ram:BuyerTradeParty>
            </ram:ApplicableHeaderTradeAgreement>
            <ram:ApplicableHeaderTradeDelivery>
              <ram:ActualDeliverySupplyChainEvent><ram:OccurrenceDateTime><udt:DateTimeString format="102">%3$s</udt:DateTimeString></ram:OccurrenceDateTime></ram:ActualDeliverySupplyChainEvent>
            </ram:ApplicableHeaderTradeDelivery>
            <ram:ApplicableHeaderTradeSettlement>
              <ram:PaymentReference>%2$s</ram:PaymentReference>
              <ram:InvoiceCurrencyCode>EUR</ram:InvoiceCurrencyCode>
              <ram:SpecifiedTradeSettlementPaymentMeans>
                <ram:TypeCode>58</ram:TypeCode>
                <ram:PayeePartyCreditorFinancialAccount><ram:IBANID>%18$s</ram:IBANID></ram:PayeePartyCreditorFinancialAccount>
                <ram:PayeeSpecifiedCreditorFinancialInstitution><ram:BICID>%19$s</ram:BICID></ram:PayeeSpecifiedCreditorFinancialInstitution>
              </ram:SpecifiedTradeSettlementPaymentMeans>
              <ram:ApplicableTradeTax>
                <ram:CalculatedAmount>%20$s</ram:CalculatedAmount><ram:TypeCode>VAT</ram:TypeCode>
                <ram:BasisAmount>%8$s</ram:BasisAmount><ram:CategoryCode>S</ram:CategoryCode><ram:RateApplicablePercent>%7$s</ram:RateApplicablePercent>
              </ram:ApplicableTradeTax>
              <ram:SpecifiedTradePaymentTerms>
                <ram:Description>30 days net</ram:Description>
                <ram:DueDateDateTime><udt:DateTimeString format="102">%21$s</udt:DateTimeString></ram:DueDateDateTime>
              </ram:SpecifiedTradePaymentTerms>
              <ram:SpecifiedTradeSettlementHeaderMonetarySummation>
                <ram:LineTotalAmount>%8$s</ram:LineTotalAmount>
                <ram:TaxBasisTotalAmount>%8$s</ram:TaxBasisTotalAmount>
                <ram:TaxTotalAmount currencyID="EUR">%20$s</ram:TaxTotalAmount>
                <ram:GrandTotalAmount>%22$s</ram:GrandTotalAmount>
                <ram:DuePayableAmount>%22$s</ram:DuePayableAmount>
              </ram:SpecifiedTradeSettlementHeaderMonetarySummation>
            </ram:ApplicableHeaderTradeSettlement>
          </rsm:SupplyChainTradeTransaction>
        </rsm:CrossIndustryInvoice>
        """.formatted(EN16931, invoice.number(), date(invoice.issueDate()), invoice.item(), invoice.price().toPlainString(),
        invoice.quantity().toPlainString(), rate, invoice.net().toPlainString(), s.name(), s.email(), s.postcode(), s.street(),
        s.city(), s.country(), s.vatId(), SupplierPaymentData.BUYER, SupplierPaymentData.BUYER_VAT_ID, invoice.iban(), s.bic(),
        invoice.tax().toPlainString(), date(invoice.dueDate()), invoice.gross().toPlainString()).getBytes(StandardCharsets.UTF_8);
  }

  private static String date(java.time.LocalDate date) {
    return date.toString().replace("-", "");
  }
}
