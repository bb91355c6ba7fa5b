package dev.engranaje.examples.payment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engranaje.examples.InstanceWaits;
import dev.engranaje.examples.MailParts;
import dev.engranaje.examples.bankportal.PaymentUpload;
import dev.engranaje.examples.reconciliation.Chromium;
import dev.engranaje.workers.finance.pain001.Pain001Version;
import dev.engranaje.workers.finance.securexml.SecureXml;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.xml.transform.stream.StreamSource;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Must show 1: the whole supplier-payment process on the embedded engine through the official
 * client, with GreenMail, the mock bank portal (the status report fetched with HtmlUnit and with
 * headless Chromium), the real workers and the sample files of {@code examples/supplier-payment/}.
 */
class SupplierPaymentProcessTest {
  @TempDir Path root;

  @ParameterizedTest(name = "status report fetched with {0}")
  @ValueSource(strings = {"htmlunit", "chromium"})
  void shouldPayTheWeeksInvoicesHoldingTheChangedIbanRejectingTheDuplicateAndRoutingTheBanksRejection(String browser)
      throws Exception {
    Chromium.assumeAvailable(browser);
    try (PaymentProcessHarness harness = PaymentProcessHarness.start(root, builder -> {})) {
      // given
      long instance = harness.requestRun(browser);

      // when
      harness.completeThePeoplesTasks(instance);

      // then
      assertThat(harness.awaitEnd(instance)).isEqualTo(ProcessInstanceState.COMPLETED);
      Map<String, Object> variables = harness.lastStepVariables();

      // the duplicate is rejected before payment and its supplier told why
      Map<String, Object> duplicate = only(list(variables, "rejectedInvoices"), "invoiceNumber", "NW-2026-0098");
      assertThat(codes(duplicate)).contains("DUPLICATE");
      MimeMessage rejection = mailTo(harness, SupplierPaymentData.NORDWIND.email(), "not accepted for payment");
      assertThat(MailParts.text(rejection)).contains("NW-2026-0098");

      // the ERP's open items are checked like the e-invoices: its copy of the Factur-X FL-2026-0457 is a duplicate
      Map<String, Object> copy = only(list(variables, "rejectedInvoices"), "invoiceNumber", "FL-2026-457");
      assertThat(codes(copy)).contains("DUPLICATE");
      assertThat(copy.get("invoiceFile")).isEqualTo("samples:open-invoices.xlsx#FL-2026-457");

      // the changed IBAN stopped that payment for a verification by someone other than the preparer
      Map<String, Object> held = only(list(variables, "heldPayments"), "invoiceNumber", "KM-2026-212");
      assertThat(held.get("iban")).isEqualTo(SupplierPaymentData.KELLER_NEW_IBAN);
      assertThat(held.get("masterIban")).isEqualTo(SupplierPaymentData.KELLER.iban());
      assertThat(list(variables, "approvals")).anySatisfy(a -> {
        assertThat(a.get("role")).isEqualTo("verification");
        assertThat(a.get("user")).isEqualTo(SupplierPaymentStack.VERIFIER);
      });

      // the plain PDF went to a person, the run above the upper limit to two different approvers
      assertThat(list(variables, "manualInvoices")).extracting(m -> String.valueOf(m.get("invoiceFile"))).anyMatch(f -> f.endsWith("PS-88213.pdf"));
      assertThat(variables.get("tier")).isEqualTo("dual");
      assertThat(list(variables, "approvals")).filteredOn(a -> "approval".equals(a.get("role"))).extracting(a -> a.get("user"))
          .containsExactly(SupplierPaymentStack.FIRST_APPROVER, SupplierPaymentStack.SECOND_APPROVER);

      // the pain.001 is valid against the official schema and reached the bank once
      Path paymentFile = harness.workspaceFile(instance, (String) variables.get("paymentFile"));
      SecureXml.validator(SecureXml.schema(Pain001Version.V09.schemaResource())).validate(new StreamSource(paymentFile.toFile()));
      List<PaymentUpload> uploads = harness.stack().portal().uploads();
      assertThat(uploads).extracting(PaymentUpload::messageId).containsExactly((String) variables.get("messageId"));
      assertThat(harness.stack().portal().uploadAttempts()).isEqualTo(1);

      // the bank's AC04 rejection took its own path: the supplier asked for current bank details
      Map<String, Object> bounced = only(list(variables, "bankRejected"), "invoiceNumber", "BB-7781");
      assertThat(bounced.get("reasonCode")).isEqualTo("AC04");
      assertThat(harness.elementsCompleted(instance)).contains("mail-bank-rejections");
      assertThat(MailParts.text(mailTo(harness, SupplierPaymentData.BRIGHTLINE.email(), "returned by the bank"))).contains("AC04");

      // the open item keyed in from paper is paid with the e-invoices
      Map<String, Object> keyedIn = only(list(variables, "bankAccepted"), "invoiceNumber", "PS-88190");
      assertThat(keyedIn.get("amount")).isEqualTo("238.00");
      assertThat(Files.readString(paymentFile, StandardCharsets.UTF_8)).contains("PS-88190");

      // the paid suppliers got remittance advice, the history records what was paid, the report exists
      for (SampleSupplier paid : List.of(SupplierPaymentData.NORDWIND, SupplierPaymentData.LUMIERE, SupplierPaymentData.HANSA,
          SupplierPaymentData.SOMMER)) {
        mailTo(harness, paid.email(), "Remittance advice");
      }
      assertThat(harness.stack().sentMails()).noneMatch(m -> recipients(m).contains(SupplierPaymentData.BRIGHTLINE.email())
          && subject(m).contains("Remittance advice"));
      String history = Files.readString(harness.stack().samples().resolve(SupplierPaymentDataGenerator.HISTORY), StandardCharsets.UTF_8);
      assertThat(history).contains("NW-2026-118", "HM-2026-5531", "FL-2026-0457", "PS-88190").doesNotContain("BB-7781", "FL-2026-457");
      assertThat(harness.workspaceFile(instance, (String) variables.get("reportFile"))).isRegularFile();
      MimeMessage report = mailTo(harness, SupplierPaymentStack.AP_MAIL, "Payment run");
      assertThat(MailParts.attachment(report, ".xlsx")).isNotEmpty();
    }
  }

  static MimeMessage mailTo(PaymentProcessHarness harness, String address, String subjectPart) {
    InstanceWaits.await("a mail to " + address + " about '" + subjectPart + "'", () -> find(harness, address, subjectPart) != null);
    return find(harness, address, subjectPart);
  }

  private static MimeMessage find(PaymentProcessHarness harness, String address, String subjectPart) {
    return harness.stack().sentMails().stream()
        .filter(m -> recipients(m).contains(address) && subject(m).contains(subjectPart)).findFirst().orElse(null);
  }

  static String recipients(MimeMessage mail) {
    try {
      return String.join(",", Arrays.stream(mail.getAllRecipients()).map(Object::toString).toList());
    } catch (jakarta.mail.MessagingException e) {
      throw new AssertionError(e);
    }
  }

  static String subject(MimeMessage mail) {
    try {
      return Objects.toString(mail.getSubject(), "");
    } catch (jakarta.mail.MessagingException e) {
      throw new AssertionError(e);
    }
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> list(Map<String, Object> variables, String name) {
    assertThat(variables).as("variables").containsKey(name);
    return (List<Map<String, Object>>) variables.get(name);
  }

  static Map<String, Object> only(List<Map<String, Object>> items, String field, String value) {
    List<Map<String, Object>> matching = items.stream().filter(i -> value.equals(i.get(field))).toList();
    assertThat(matching).as("%s = %s in %s", field, value, items).hasSize(1);
    return matching.get(0);
  }

  @SuppressWarnings("unchecked")
  static List<String> codes(Map<String, Object> check) {
    return ((List<Map<String, Object>>) check.get("reasons")).stream().map(r -> String.valueOf(r.get("code"))).toList();
  }
}
