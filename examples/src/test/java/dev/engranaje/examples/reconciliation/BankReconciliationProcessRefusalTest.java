package dev.engranaje.examples.reconciliation;

import static dev.engranaje.examples.reconciliation.ReconciliationProcessHarness.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.engranaje.engine.record.ProcessInstanceIntent;
import dev.engranaje.examples.bankportal.PortalStatement;
import dev.engranaje.workers.runtime.Backoff;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The handled error path of {@code bank-reconciliation.bpmn}: a statement that does not add up, or
 * that is not a valid camt.053 at all, is refused by the parser with a BPMN error; the model tells
 * the team by mail (naming the file and what is wrong) and ends at "Statement refused", and no
 * report is written or mailed. And the quiet ends: a statement delivered a second time, or no
 * statement mail yet.
 */
class BankReconciliationProcessRefusalTest {
  static final Backoff BACKOFF = new Backoff(Duration.ofSeconds(1), 2.0, Duration.ofSeconds(8));
  static final String UNBALANCED_ID = "STMT-2026-11-S-X";

  @TempDir Path root;

  @Test
  void shouldTellTheTeamTheDifferenceAndWriteNoReportWhenThePortalStatementDoesNotAddUp() throws Exception {
    // given the portal offers the small month with its closing balance 10.00 too high:
    // 48213.57 + 15742.89 (the booked entries) = 63956.46, but the bank says 63966.46
    byte[] unbalanced = ReconciliationStack.sample("small/statement-small-unbalanced.camt053.xml");
    assertThat(new String(unbalanced, StandardCharsets.UTF_8)).contains("<Amt Ccy=\"EUR\">63966.46</Amt>");
    try (ReconciliationProcessHarness process = ReconciliationProcessHarness.start(root, BACKOFF, b -> b
        .statement(new PortalStatement(UNBALANCED_ID, LocalDate.of(2026, 11, 30), SampleData.ACCOUNT_IBAN, 13, unbalanced,
            ReconciliationStack.sample("small/statement-small.mt940.sta")))
        .ledger(ReconciliationStack.sample("small/ledger-small.xlsx")))) {

      // when
      long instance = process.startInstance(process.stack().variables("portal", "camt053", "htmlunit"));
      ProcessInstanceState end = process.awaitEnd(instance);

      // then the refusal is handled: one mail to the team naming the file and the difference
      assertRefused(process, instance, end, "STATEMENT_UNBALANCED");
      String text = text(process.sentMails().get(0));
      assertThat(text).contains("The bank statement downloads/" + UNBALANCED_ID + ".camt053.xml could not be reconciled.",
          "Expected statement '" + UNBALANCED_ID + "' in 'downloads/" + UNBALANCED_ID
          + ".camt053.xml' to add up", "closing 63966.46", "off by " + new BigDecimal("63966.46").subtract(new BigDecimal("63956.46")));
    }
  }

  @Test
  void shouldTellTheTeamTheFileAndPositionAndWriteNoReportWhenTheMailedStatementIsMalformed() throws Exception {
    // given the bank's mail carries the small month's camt.053 with one amount in decimal comma
    String camt = new String(ReconciliationStack.sample("small/statement-small.camt053.xml"), StandardCharsets.UTF_8);
    String good = "<Amt Ccy=\"EUR\">1634.98</Amt>";
    assertThat(camt).containsOnlyOnce(good);
    int line = camt.substring(0, camt.indexOf(good)).split("\n", -1).length;
    byte[] malformed = camt.replace(good, "<Amt Ccy=\"EUR\">1634,98</Amt>").getBytes(StandardCharsets.UTF_8);
    try (ReconciliationProcessHarness process = ReconciliationProcessHarness.start(root, BACKOFF, b -> b.small())) {
      process.stack().mailStatement("statement-2026-11.camt053.xml", malformed);

      // when
      long instance = process.startInstance(process.stack().variables("mail", "camt053", "htmlunit"));
      ProcessInstanceState end = process.awaitEnd(instance);

      // then
      assertRefused(process, instance, end, "STATEMENT_INVALID");
      String text = text(process.sentMails().get(0));
      assertThat(text).contains("statement-2026-11.camt053.xml", "line " + line, "1634,98");
      assertThat(process.stack().portal().downloads()).isZero();
    }
  }

  @Test
  void shouldEndQuietlyWithoutMailWhenTheSameStatementIsDeliveredAgain() throws Exception {
    try (ReconciliationProcessHarness process = ReconciliationProcessHarness.start(root, BACKOFF, b -> b.small())) {
      // given a first instance got the month's statement and waits for its review
      long first = process.startInstance(process.stack().variables("portal", "camt053", "htmlunit"));
      process.awaitUserTask(first);

      // when a second instance downloads the same statement
      long second = process.startInstance(process.stack().variables("portal", "camt053", "htmlunit"));
      ProcessInstanceState end = process.awaitEnd(second);

      // then it ends at "Nothing new": no refusal, no report, no mail
      assertThat(end).isEqualTo(ProcessInstanceState.COMPLETED);
      assertThat(process.elementsCompleted(second)).containsSubsequence("download-statement", "on-duplicate", "end-duplicate")
          .doesNotContain("notify-invalid", "read-ledger", "mail-report");
      assertThat(process.stack().portal().downloads()).isEqualTo(2);
      assertThat(process.sentMails()).isEmpty();
    }
  }

  @Test
  void shouldEndWithoutMailWhenTheBanksMailHasNotArrivedYet() throws Exception {
    try (ReconciliationProcessHarness process = ReconciliationProcessHarness.start(root, BACKOFF, b -> b.small())) {
      // given an empty inbox
      // when
      long instance = process.startInstance(process.stack().variables("mail", "camt053", "htmlunit"));
      ProcessInstanceState end = process.awaitEnd(instance);

      // then
      assertThat(end).isEqualTo(ProcessInstanceState.COMPLETED);
      assertThat(process.elementsCompleted(instance)).containsSubsequence("fetch-statement-mail", "gw-mail", "end-no-mail")
          .doesNotContain("parse-statement");
      assertThat(process.sentMails()).isEmpty();
    }
  }

  private static void assertRefused(ReconciliationProcessHarness process, long instance, ProcessInstanceState end,
      String code) throws Exception {
    assertThat(end).isEqualTo(ProcessInstanceState.COMPLETED);
    assertThat(process.activeIncidents(instance)).isEmpty();
    assertThat(process.elementsCompleted(instance)).containsSubsequence("notify-invalid", "end-refused")
        .doesNotContain("parse-statement", "read-ledger", "match", "write-report", "mail-report", "end-done");
    assertThat(process.elementEvents(instance, ProcessInstanceIntent.ELEMENT_TERMINATED)).contains("parse-statement");
    List<MimeMessage> mails = process.sentMails();
    assertThat(mails).hasSize(1);
    MimeMessage mail = mails.get(0);
    assertThat(mail.getAllRecipients()).extracting(Object::toString).containsExactly(ReconciliationStack.ACCOUNTING_MAIL);
    assertThat(mail.getSubject()).isEqualTo("Bank statement refused: " + code);
    assertThat(text(mail)).contains("Please ask the bank for a corrected statement.");
    assertThat(mail.getContent()).isNotInstanceOf(Multipart.class);
    Path reports = process.stack().workspaceRoot().resolve(Long.toString(instance)).resolve("reports");
    assertThat(Files.exists(reports)).as("a reports folder at %s", reports).isFalse();
  }
}
