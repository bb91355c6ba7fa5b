package dev.engranaje.examples.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engranaje.examples.InstanceVariables;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.search.response.UserTask;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The business-day 07:00 timer start gives no variables: the model's first task loads them from
 * the stack's settings file ({@code config:bank-reconciliation.yaml}), and the reconciliation
 * downloads the statement from the portal, reaches the review and mails the report.
 */
class BankReconciliationTimerStartTest {
  /** Wednesday 2 December 2026, just after 07:00 UTC: the harness starts on the Tuesday at 09:00. */
  static final Instant WEDNESDAY_SEVEN = Instant.parse("2026-12-02T07:00:01Z");

  @TempDir Path root;

  @Test
  @SuppressWarnings("unchecked")
  void shouldReconcileWithTheSettingsFileWhenTheMorningTimerStartsTheProcess() throws Exception {
    try (ReconciliationProcessHarness process = ReconciliationProcessHarness.start(root,
        BankReconciliationProcessTest.BACKOFF, b -> b.small())) {
      // given: the stack wrote its settings file (portal, camt.053, HtmlUnit); nobody starts an instance

      // when
      process.clock().set(WEDNESDAY_SEVEN);
      long instance = process.awaitInstance("an instance started by the 07:00 timer");

      // then: the settings pointed it at the portal, the ledger and the mail server
      UserTask task = process.awaitUserTask(instance);
      Map<String, Object> variables = InstanceVariables.of(process.client(), instance);
      assertThat((List<String>) variables.get("settingsApplied")).contains("statementSource", "statementFormat",
          "bankPortalUrl", "ledgerFile", "ledgerMapping", "matchRules", "accountingMail", "smtpPort");
      process.review(task, BankReconciliationProcessTest.REVIEWER_LOGIN, BankReconciliationProcessTest.REVIEWER,
          Map.of(BankReconciliationProcessTest.SEENLAND, "accept", BankReconciliationProcessTest.ELBSANDSTEIN, "reject"));
      assertThat(process.awaitEnd(instance)).isEqualTo(ProcessInstanceState.COMPLETED);
      assertThat(process.elementsCompleted(instance)).containsSubsequence("start-timer", "gw-start", "load-settings",
          "download-statement", "parse-statement", "review-matches", "mail-report");
      assertThat(process.stack().portal().downloads()).isEqualTo(1);
      List<MimeMessage> toAccounting = process.sentMails().stream().filter(m -> {
        try {
          return m.getAllRecipients()[0].toString().contains(ReconciliationStack.ACCOUNTING_MAIL);
        } catch (jakarta.mail.MessagingException e) {
          throw new IllegalStateException(e);
        }
      }).toList();
      assertThat(toAccounting).isNotEmpty();
    }
  }
}
