package dev.engranaje.examples.payment;

import static dev.engranaje.examples.payment.SupplierPaymentProcessTest.mailTo;
import static dev.engranaje.examples.payment.SupplierPaymentProcessTest.recipients;
import static dev.engranaje.examples.payment.SupplierPaymentProcessTest.subject;
import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.search.response.UserTask;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A supplier's mailbox refuses our mail (GreenMail answers {@code 550 5.1.1} at RCPT TO): each mail
 * to that supplier goes to a person as "mail undelivered", the other suppliers' mails still go out,
 * and the run ends paid instead of stopping in an incident.
 */
class SupplierPaymentMailRefusalTest {
  @TempDir Path root;

  @Test
  void shouldHandEachRefusedMailToAPersonAndStillMailTheOtherSuppliersWhenOneMailboxRefuses() throws Exception {
    try (PaymentProcessHarness harness = PaymentProcessHarness.start(root, builder -> {})) {
      // given: Nordwind (a duplicate invoice rejected, another invoice paid) no longer accepts mail
      String nordwind = SupplierPaymentData.NORDWIND.email();
      harness.stack().mail().refuse(nordwind);
      long instance = harness.requestRun("htmlunit");

      // when: the rejection mail is refused, a person tells Nordwind another way
      UserTask rejection = harness.awaitTask(instance, "mail-rejections-undelivered");
      Map<String, Object> offered = harness.localVariables(rejection.getElementInstanceKey());
      assertThat(offered).containsEntry("mailTo", nordwind).containsEntry("mailWhat", "the rejection of an invoice");
      assertThat((String) offered.get("mailError")).contains("550 5.1.1", nordwind);
      harness.completeAs(rejection, SupplierPaymentStack.REVIEWER,
          Map.of("undeliveredAction", "told-another-way", "undeliveredComment", "Phoned Nordwind's accounts team"));
      harness.completeThePeoplesTasks(instance);

      // then: the remittance advice to Nordwind is refused too and handed to a person, the others are sent
      UserTask remittance = harness.awaitTask(instance, "mail-remittances-undelivered");
      assertThat(harness.localVariables(remittance.getElementInstanceKey())).containsEntry("mailTo", nordwind);
      for (SampleSupplier paid : List.of(SupplierPaymentData.LUMIERE, SupplierPaymentData.HANSA)) {
        mailTo(harness, paid.email(), "Remittance advice");
      }
      harness.completeAs(remittance, SupplierPaymentStack.REVIEWER, Map.of("undeliveredAction", "told-another-way"));
      assertThat(harness.awaitEnd(instance)).isEqualTo(ProcessInstanceState.COMPLETED);
      assertThat(harness.elementsCompleted(instance)).contains("mail-rejections-undelivered", "mail-remittances-undelivered",
          "tell-rejected-suppliers-end-undelivered", "advise-paid-suppliers-end-undelivered", "mail-run-report", "end-paid");
      assertThat(harness.stack().sentMails()).noneMatch(m -> recipients(m).contains(nordwind));
      mailTo(harness, SupplierPaymentStack.AP_MAIL, "Payment run");
      assertThat(harness.stack().sentMails()).filteredOn(m -> subject(m).contains("Remittance advice"))
          .extracting(SupplierPaymentProcessTest::recipients)
          .contains(SupplierPaymentData.LUMIERE.email(), SupplierPaymentData.HANSA.email()).doesNotContain(nordwind);
    }
  }
}
