package dev.engranaje.examples.payment;

import java.nio.charset.StandardCharsets;

/** Writes a sample invoice as UBL 2.1 in the Peppol BIS Billing 3.0 profile (EN 16931). */
final class UblInvoiceWriter {
  private UblInvoiceWriter() {}

  static byte[] write(SampleInvoice invoice) {
    SampleSupplier s = invoice.supplier();
    String rate = invoice.rate().stripTrailingZeros().toPlainString();
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"
            xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"
            xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">
          <cbc:CustomizationID>urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0</cbc:CustomizationID>
          <cbc:ProfileID>urn:fdc:peppol.eu:2017:poacc:billing:01:1.0</cbc:ProfileID>
          <cbc:ID>%1$s</cbc:ID>
          <cbc:IssueDate>%2$s</cbc:IssueDate>
          <cbc:DueDate>%3$s</cbc:DueDate>
          <cbc:InvoiceTypeCode>380</cbc:InvoiceTypeCode>
          <cbc:DocumentCurrencyCode>EUR</cbc:DocumentCurrencyCode>
          <cbc:BuyerReference>AP-KESTREL</cbc:BuyerReference>
          <cac:AccountingSupplierParty>
            <cac:Party>
              <cac:PartyName><cbc:Name>%4$s</cbc:Name></cac:PartyName>
              <cac:PostalAddress>
                <cbc:StreetName>%5$s</cbc:StreetName><cbc:CityName>%6$s</cbc:CityName><cbc:PostalZone>%7$s</cbc:PostalZone>
                <cac:Country><cbc:IdentificationCode>%8$s</cbc:IdentificationCode></cac:Country>
              </cac:PostalAddress>
              <cac:PartyTaxScheme><cbc:CompanyID>%9$s</cbc:CompanyID><cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:PartyTaxScheme>
              <cac:PartyLegalEntity><cbc:RegistrationName>%4$s</cbc:RegistrationName></cac:PartyLegalEntity>
              <cac:Contact><cbc:ElectronicMail>%10$s</cbc:ElectronicMail></cac:Contact>
            </cac:Party>
          </cac:AccountingSupplierParty>
          <cac:AccountingCustomerParty>
            <cac:Party>
              <cac:PartyName><cbc:Name>%11$s</cbc:Name></cac:PartyName>
              <cac:PostalAddress>
                <cbc:StreetName>Gewerbepark 9</cbc:StreetName><cbc:CityName>Hannover</cbc:CityName><cbc:PostalZone>30659</cbc:PostalZone>
                <cac:Country><cbc:IdentificationCode>DE</cbc:IdentificationCode></cac:Country>
              </cac:PostalAddress>
              <cac:PartyTaxScheme><cbc:CompanyID>%12$s</cbc:CompanyID><cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:PartyTaxScheme>
              <cac:PartyLegalEntity><cbc:RegistrationName>%11$s</cbc:RegistrationName></cac:PartyLegalEntity>
            </cac:Party>
          </cac:AccountingCustomerParty>
          <cac:PaymentMeans>
            <cbc:PaymentMeansCode>58</cbc:PaymentMeansCode>
            <cbc:PaymentID>%1$s</cbc:PaymentID>
            <cac:PayeeFinancialAccount>
              <cbc:ID>%13$s</cbc:ID>
              <cac:FinancialInstitutionBranch><cbc:ID>%14$s</cbc:ID></cac:FinancialInstitutionBranch>
            </cac:PayeeFinancialAccount>
          </cac:PaymentMeans>
          <cac:PaymentTerms><cbc:Note>30 days net</cbc:Note></cac:PaymentTerms>
          <cac:TaxTotal>
            <cbc:TaxAmount currencyID="EUR">%15$s</cbc:TaxAmount>
            <cac:TaxSubtotal>
              <cbc:TaxableAmount currencyID="EUR">%16$s</cbc:TaxableAmount>
              <cbc:TaxAmount currencyID="EUR">%15$s</cbc:TaxAmount>
              <cac:TaxCategory><cbc:ID>S</cbc:ID><cbc:Percent>%17$s</cbc:Percent><cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:TaxCategory>
            </cac:TaxSubtotal>
          </cac:TaxTotal>
          <cac:LegalMonetaryTotal>
            <cbc:LineExtensionAmount currencyID="EUR">%16$s</cbc:LineExtensionAmount>
            <cbc:TaxExclusiveAmount currencyID="EUR">%16$s</cbc:TaxExclusiveAmount>
            <cbc:TaxInclusiveAmount currencyID="EUR">%18$s</cbc:TaxInclusiveAmount>
            <cbc:PayableAmount currencyID="EUR">%18$s</cbc:PayableAmount>
          </cac:LegalMonetaryTotal>
          <cac:InvoiceLine>
            <cbc:ID>1</cbc:ID>
            <cbc:InvoicedQuantity unitCode="C62">%19$s</cbc:InvoicedQuantity>
            <cbc:LineExtensionAmount currencyID="EUR">%16$s</cbc:LineExtensionAmount>
            <cac:Item>
              <cbc:Name>%20$s</cbc:Name>
              <cac:ClassifiedTaxCategory><cbc:ID>S</cbc:ID><cbc:Percent>%17$s</cbc:Percent><cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:ClassifiedTaxCategory>
            </cac:Item>
            <cac:Price><cbc:PriceAmount currencyID="EUR">%21$s</cbc:PriceAmount></cac:Price>
          </cac:InvoiceLine>
        </Invoice>
        """.formatted(invoice.number(), invoice.issueDate(), invoice.dueDate(), s.name(), s.street(), s.city(), s.postcode(),
        s.country(), s.vatId(), s.email(), SupplierPaymentData.BUYER, SupplierPaymentData.BUYER_VAT_ID, invoice.iban(), s.bic(),
        invoice.tax().toPlainString(), invoice.net().toPlainString(), rate, invoice.gross().toPlainString(),
        invoice.quantity().toPlainString(), invoice.item(), invoice.price().toPlainString()).getBytes(StandardCharsets.UTF_8);
  }
}
