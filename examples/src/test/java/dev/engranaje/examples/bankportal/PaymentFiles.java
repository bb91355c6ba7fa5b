package dev.engranaje.examples.bankportal;

import dev.engranaje.workers.finance.pain001.CreditTransfer;
import dev.engranaje.workers.finance.pain001.DebtorAccount;
import dev.engranaje.workers.finance.pain001.Pain001Version;
import dev.engranaje.workers.finance.pain001.Pain001Writer;
import dev.engranaje.workers.finance.pain001.PaymentRun;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** pain.001 files for the portal tests, written by the project's own writer (so valid against the XSD). */
final class PaymentFiles {
  static final DebtorAccount DEBTOR = new DebtorAccount("Kestrel Components GmbH", "DE89370400440532013000", "COBADEFFXXX");
  static final String OPEN_ACCOUNT = "DE02120300000000202051";
  static final String CLOSED_ACCOUNT = "DE02500105170137075030";

  private PaymentFiles() {}

  /** Two transfers: 1200.00 to an open account (E2E-1), 345.67 to {@link #CLOSED_ACCOUNT} (E2E-2). */
  static byte[] twoPayments(String messageId, Pain001Version version) {
    LocalDate date = LocalDate.of(2026, 12, 10);
    return new Pain001Writer(version).render(new PaymentRun(messageId, OffsetDateTime.of(2026, 12, 7, 9, 0, 0, 0, ZoneOffset.UTC),
        "Kestrel Components GmbH", List.of(
            new CreditTransfer("E2E-1", DEBTOR, date, "Nordwind Logistik AG", OPEN_ACCOUNT, null, new BigDecimal("1200.00"), "EUR",
                "Invoice NW-2026-118", null),
            new CreditTransfer("E2E-2", DEBTOR, date, "Brightline Office Supplies", CLOSED_ACCOUNT, null, new BigDecimal("345.67"),
                "EUR", "Invoice BOS-7781", null))));
  }
}
