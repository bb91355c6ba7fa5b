package dev.engranaje.examples.payment;

import java.util.List;

/**
 * Writes the supplier master as an ERP's vendor export: one sheet {@code Suppliers}, a header row
 * with the default column names of {@code rpa:payments.check-invoice:1}, every cell text (so an id
 * keeps its zeros).
 */
final class SupplierMasterWriter {
  static final List<String> HEADERS = List.of("supplierId", "name", "vatId", "iban", "bic", "email", "country");
  static final String SHEET = "Suppliers";

  private SupplierMasterWriter() {}

  static byte[] write(List<SampleSupplier> suppliers) {
    return TextSheet.write(SHEET, HEADERS, suppliers.stream().map(s -> List.of(s.supplierId(), s.name(), s.vatId(),
        s.iban(), s.bic(), s.email(), s.country())).toList(), column -> column == 1 || column == 5 ? 34 : 26);
  }
}
