package dev.engranaje.examples.payment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engranaje.examples.InstanceVariables;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The weekly timer start gives no variables: the model's first task loads them from the stack's
 * settings file ({@code config:supplier-payment.yaml}) and the run goes on to pay the week's invoices.
 */
class SupplierPaymentTimerStartTest {
  /** Monday 7 December 2026, just after 08:00 UTC: the harness starts on the Tuesday before. */
  static final Instant MONDAY_EIGHT = Instant.parse("2026-12-07T08:00:01Z");

  @TempDir Path root;

  @Test
  @SuppressWarnings("unchecked")
  void shouldRunTheWeeksPaymentsWithTheSettingsFileWhenTheMondayTimerStartsTheProcess() throws Exception {
    try (PaymentProcessHarness harness = PaymentProcessHarness.start(root, builder -> {})) {
      // given: the stack wrote its settings file; nobody publishes the message

      // when
      harness.clock().set(MONDAY_EIGHT);
      long instance = harness.awaitInstance("an instance started by the Monday timer");

      // then: the settings gave the mailbox, the inbox, the supplier master and the preparer
      harness.awaitTask(instance, "review-invoice");
      Map<String, Object> variables = InstanceVariables.of(harness.client(), instance);
      assertThat((List<String>) variables.get("settingsApplied")).contains("preparer", "mailHost", "imapPort",
          "invoiceInbox", "supplierMaster", "debtor", "maxInvoiceAmount", "bankPortalUrl");
      assertThat(variables).containsEntry("preparer", SupplierPaymentStack.PREPARER)
          .containsEntry("maxInvoiceAmount", SupplierPaymentData.MAX_INVOICE_AMOUNT);
      assertThat(harness.elementsCompleted(instance)).startsWith("start-weekly", "gw-start", "load-settings")
          .contains("fetch-invoice-mails", "list-inbox-files", "check-invoices", "prepare-run");

      // and the run goes through to the end with the people's decisions
      harness.completeThePeoplesTasks(instance);
      assertThat(harness.awaitEnd(instance)).isEqualTo(ProcessInstanceState.COMPLETED);
      assertThat(harness.elementsCompleted(instance)).contains("upload-payment-file", "record-payments", "mail-run-report");
    }
  }
}
