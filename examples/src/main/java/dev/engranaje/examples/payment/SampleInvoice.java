package dev.engranaje.examples.payment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

/**
 * One sample invoice: a single line taxed at one standard rate, so net, tax and gross follow from
 * quantity, price and rate.
 *
 * @param iban the IBAN printed on the invoice (differs from the master's for a changed bank account)
 * @param file the file name it is delivered under
 * @param channel {@code mail} (an attachment to the accounts-payable mailbox) or {@code inbox} (the scan/EDI folder)
 */
public record SampleInvoice(String number, SampleSupplier supplier, String iban, LocalDate issueDate, LocalDate dueDate,
    String item, BigDecimal quantity, BigDecimal price, BigDecimal rate, InvoiceFile format, String file, String channel) {

  /** How the invoice is delivered. */
  public enum InvoiceFile {
    UBL,
    CII,
    FACTUR_X,
    PLAIN_PDF
  }

  public BigDecimal net() {
    return quantity.multiply(price).setScale(2, RoundingMode.HALF_UP);
  }

  public BigDecimal tax() {
    return net().multiply(rate).movePointLeft(2).setScale(2, RoundingMode.HALF_UP);
  }

  public BigDecimal gross() {
    return net().add(tax());
  }
}
