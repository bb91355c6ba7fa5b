package dev.engranaje.examples.payment;

import java.util.List;

/**
 * Writes the open invoices as an ERP's open-items export: one sheet {@code Open items}, a header row
 * with the row fields of {@code rpa:payments.check-invoice:1}, every cell text, so an amount stays the
 * exact decimal the ERP booked and a date stays ISO.
 */
final class OpenInvoicesWriter {
  static final List<String> HEADERS = List.of("invoiceNumber", "supplierId", "supplierName", "issueDate", "dueDate",
      "amount", "currency", "paymentReference");
  static final String SHEET = "Open items";

  private OpenInvoicesWriter() {}

  static byte[] write(List<SampleOpenItem> items) {
    return TextSheet.write(SHEET, HEADERS, items.stream().map(item -> List.of(item.invoiceNumber(),
        item.supplier().supplierId(), item.supplier().name(), item.issueDate().toString(), item.dueDate().toString(),
        item.amount(), "EUR", item.paymentReference())).toList(), column -> column == 2 ? 34 : 18);
  }
}
