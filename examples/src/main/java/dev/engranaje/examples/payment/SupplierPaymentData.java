package dev.engranaje.examples.payment;

import dev.engranaje.examples.payment.SampleInvoice.InvoiceFile;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The sample of {@code examples/supplier-payment/}: the buyer (Kestrel Components GmbH) with its bank
 * account, six suppliers, the week's invoices and what each one is there to show.
 *
 * <ul>
 *   <li>NW-2026-118 (UBL, by mail), FL-2026-0457 (Factur-X PDF, by mail): paid.</li>
 *   <li>BB-7781 (CII, by mail): paid, but the supplier's account is on the portal's closed-accounts
 *       list, so the bank rejects the transfer with AC04.</li>
 *   <li>HM-2026-5531 (UBL, inbox): 12495.00, above the upper approval limit: the run needs two approvers.</li>
 *   <li>KM-2026-212 (CII, inbox): carries another IBAN than the master: held for verification.</li>
 *   <li>NW-2026-0098 (UBL, inbox): a duplicate of NW-2026-098, already paid (in the payment history).</li>
 *   <li>PS-88213 (plain PDF, by mail): no structured data: a person reviews it.</li>
 *   <li>PS-88190 (a row of the ERP's open items): paid; FL-2026-457 (another row): the Factur-X invoice
 *       FL-2026-0457 again, a duplicate across sources.</li>
 * </ul>
 */
public final class SupplierPaymentData {
  public static final String BUYER = "Kestrel Components GmbH";
  public static final String BUYER_VAT_ID = "DE298765431";
  public static final String DEBTOR_IBAN = "DE89370400440532013000";
  public static final String DEBTOR_BIC = "COBADEFFXXX";
  /** Invoices above this are refused outright (the check's {@code maxInvoiceAmount}). */
  public static final String MAX_INVOICE_AMOUNT = "50000.00";

  public static final SampleSupplier NORDWIND = new SampleSupplier("S-1001", "Nordwind Logistik GmbH", "DE811234560",
      "DE02120300000000202051", "BYLADEM1001", "billing@nordwind-logistik.example", "DE", "Am Sandtorkai 12", "Hamburg", "20457");
  public static final SampleSupplier LUMIERE = new SampleSupplier("S-1002", "Atelier Lumiere SARL", "FR40123456824",
      "FR1420041010050500013M02606", "PSSTFRPPXXX", "compta@atelier-lumiere.example", "FR", "12 rue de la Paix", "Lyon", "69002");
  public static final SampleSupplier BRIGHTLINE = new SampleSupplier("S-1003", "Brightline Buerobedarf GmbH", "DE276543219",
      "DE02500105170137075030", "INGDDEFFXXX", "rechnung@brightline.example", "DE", "Hanauer Landstrasse 5", "Frankfurt am Main", "60314");
  public static final SampleSupplier HANSA = new SampleSupplier("S-1004", "Hansa Maschinenbau GmbH", "DE183456782",
      "DE02200505501015871393", "HASPDEHHXXX", "debitoren@hansa-maschinenbau.example", "DE", "Werftstrasse 40", "Bremen", "28217");
  public static final SampleSupplier KELLER = new SampleSupplier("S-1005", "Keller Metallbau GmbH", "DE265432108",
      "DE75512108001245126199", "SOGEDEFFXXX", "buchhaltung@keller-metallbau.example", "DE", "Industriestrasse 7", "Stuttgart", "70565");
  public static final SampleSupplier SOMMER = new SampleSupplier("S-1006", "Papierwerk Sommer KG", "DE145678903",
      "DE02100100100006820101", "PBNKDEFFXXX", "info@papierwerk-sommer.example", "DE", "Muehlenweg 3", "Kassel", "34117");

  public static final List<SampleSupplier> SUPPLIERS = List.of(NORDWIND, LUMIERE, BRIGHTLINE, HANSA, KELLER, SOMMER);

  /** The account Keller's invoice asks to be paid to, not the one in the master. */
  public static final String KELLER_NEW_IBAN = "DE12500105170648489890";
  /** Accounts the bank portal knows as closed: transfers to them come back rejected (AC04). */
  public static final List<String> CLOSED_ACCOUNTS = List.of(BRIGHTLINE.iban());

  private static final LocalDate WEEK = LocalDate.of(2026, 11, 30);

  public static final List<SampleInvoice> INVOICES = List.of(
      invoice("NW-2026-118", NORDWIND, NORDWIND.iban(), 6, "Freight Hamburg - Lyon, 4 pallets", "1", "1000.00", InvoiceFile.UBL,
          "NW-2026-118.ubl.xml", "mail"),
      invoice("FL-2026-0457", LUMIERE, LUMIERE.iban(), 5, "Trade fair stand design", "2", "1000.00", InvoiceFile.FACTUR_X,
          "FL-2026-0457.facturx.pdf", "mail"),
      invoice("BB-7781", BRIGHTLINE, BRIGHTLINE.iban(), 4, "Printer paper A4, box of 5 reams", "10", "29.00", InvoiceFile.CII,
          "BB-7781.cii.xml", "mail"),
      invoice("PS-88213", SOMMER, SOMMER.iban(), 4, "Packaging board 1200 x 800", "40", "10.00", InvoiceFile.PLAIN_PDF,
          "PS-88213.pdf", "mail"),
      invoice("HM-2026-5531", HANSA, HANSA.iban(), 3, "Spindle overhaul, milling centre MC-4", "1", "10500.00", InvoiceFile.UBL,
          "HM-2026-5531.ubl.xml", "inbox"),
      invoice("KM-2026-212", KELLER, KELLER_NEW_IBAN, 3, "Steel brackets, galvanised", "150", "20.00", InvoiceFile.CII,
          "KM-2026-212.cii.xml", "inbox"),
      invoice("NW-2026-0098", NORDWIND, NORDWIND.iban(), 2, "Freight Bremen - Milan, 3 pallets", "1", "840.00", InvoiceFile.UBL,
          "NW-2026-0098.ubl.xml", "inbox"));

  /**
   * The open invoices the ERP exports ({@code open-invoices.xlsx}): PS-88190, a paper invoice of Papierwerk Sommer
   * keyed in by accounts payable (paid); FL-2026-457, Atelier Lumiere's Factur-X invoice FL-2026-0457 booked in the
   * ERP as well (the leading zero lost): a duplicate across the two sources, rejected.
   */
  public static final List<SampleOpenItem> OPEN_ITEMS = List.of(
      new SampleOpenItem("PS-88190", SOMMER, WEEK.minusDays(6), WEEK.plusDays(24), "238.00", "PS-88190"),
      new SampleOpenItem("FL-2026-457", LUMIERE, WEEK.minusDays(5), WEEK.plusDays(25), "2400.00", "FL-2026-457"));

  /** The invoice already paid that NW-2026-0098 repeats. */
  public static final HistoryLine PAID_BEFORE = new HistoryLine("2026-W47", "2026-11-20", "RUN-2026-W47-0003", NORDWIND.supplierId(),
      NORDWIND.name(), "NW-2026-098", "NW202698", "999.60", "EUR", "2026-11-10");

  /**
   * One line of the payment history, the fields {@code rpa:payments.record-payments:1} writes.
   *
   * @param normalisedNumber the invoice number upper-cased, separators and leading zeros of digit runs dropped
   */
  public record HistoryLine(String runId, String paidOn, String endToEndId, String supplierId, String supplierName,
      String invoiceNumber, String normalisedNumber, String amount, String currency, String issueDate) {}

  private SupplierPaymentData() {}

  private static SampleInvoice invoice(String number, SampleSupplier supplier, String iban, int daysBefore, String item,
      String quantity, String price, InvoiceFile format, String file, String channel) {
    LocalDate issued = WEEK.minusDays(daysBefore);
    BigDecimal rate = supplier.country().equals("FR") ? new BigDecimal("20.00") : new BigDecimal("19.00");
    return new SampleInvoice(number, supplier, iban, issued, issued.plusDays(30), item, new BigDecimal(quantity),
        new BigDecimal(price), rate, format, file, channel);
  }

  /** The invoice with this number. */
  public static SampleInvoice invoice(String number) {
    return INVOICES.stream().filter(i -> i.number().equals(number)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("Expected a sample invoice '" + number + "', but there is none"));
  }
}
