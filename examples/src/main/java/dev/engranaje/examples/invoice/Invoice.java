package dev.engranaje.examples.invoice;

import java.util.LinkedHashMap;
import java.util.Map;

/** A supplier invoice as the process receives it. */
public record Invoice(String id, String supplier, String iban, long amount, String currency) {

  /** The process variable form: {@code invoice = {...}}. */
  public Map<String, Object> asVariable() {
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("id", id);
    value.put("supplier", supplier);
    value.put("iban", iban);
    value.put("amount", amount);
    value.put("currency", currency);
    return value;
  }

  public boolean needsApproval() {
    return amount > 1000;
  }

  public boolean isValid() {
    return iban != null && !iban.isBlank();
  }

  /** A deterministic batch: every 25th invoice lacks an IBAN, every 10th valid one hits a ledger outage. */
  public static Invoice numbered(int n) {
    String[] suppliers = {"Acme Tornillos SL", "Papelera del Norte", "Logística Ruiz", "Café Central"};
    String iban = n % 25 == 0 ? "" : "ES91 2100 0418 4502 0005 " + String.format("%04d", n);
    long amount = 120 + (n * 37L % 2400);
    return new Invoice(String.format("INV-%04d", n), suppliers[n % suppliers.length], iban, amount, "EUR");
  }

  /** Whether the demo's ledger is down the first time this invoice is booked. */
  public boolean hitsLedgerOutage() {
    return isValid() && Integer.parseInt(id.substring(4)) % 10 == 0;
  }
}
