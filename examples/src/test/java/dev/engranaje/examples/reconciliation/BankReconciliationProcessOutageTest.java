package dev.engranaje.examples.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engranaje.engine.record.JobIntent;
import dev.engranaje.engine.record.JobRecord;
import dev.engranaje.engine.record.Record;
import dev.engranaje.workers.runtime.Backoff;
import io.camunda.client.api.search.enums.IncidentErrorType;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.search.response.Incident;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The bank portal in its maintenance window: the download job of {@code bank-reconciliation.bpmn}
 * fails retryably at once on the maintenance page, is tried again after a growing backoff (skipped
 * by moving the engine's clock) until its 5 retries are spent, and becomes an incident whose
 * message names the evidence saved in the workspace. Once the portal is back, an operator gives the
 * job a retry and resolves the incident through the client, and the instance completes.
 */
class BankReconciliationProcessOutageTest {
  static final Backoff BACKOFF = new Backoff(Duration.ofSeconds(1), 2.0, Duration.ofSeconds(8));
  static final String DOWNLOAD = "download-statement";
  static final String MAINTENANCE = "The bank portal is unavailable (it shows its maintenance page) (Expected step 3"
      + " (assert) to find no element by css=#outage, but one is on the page); evidence: ";

  @TempDir Path root;

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"htmlunit", "chromium"})
  void shouldRetryWithBackoffThenRaiseAnIncidentWithEvidenceAndCompleteOnceResolvedWhenThePortalIsDown(String browser)
      throws Exception {
    Chromium.assumeAvailable(browser);
    try (ReconciliationProcessHarness process = ReconciliationProcessHarness.start(root, BACKOFF, b -> b.small())) {
      // given the portal is down for maintenance
      process.stack().portal().outage(true);
      long instance = process.startInstance(process.stack().variables("portal", "camt053", browser));

      // when the job fails and fails again: after each failure the engine's clock is moved past the backoff
      long[] skipped = {0};
      Incident incident = process.awaitIncident(instance, () -> {
        long failed = process.jobEventCount(instance, DOWNLOAD, JobIntent.FAILED);
        if (failed > skipped[0]) {
          skipped[0] = failed;
          process.clock().advance(BACKOFF.max().plusSeconds(1));
        }
      });

      // then five attempts (the model's retries), each failure but the last waiting a doubling backoff
      List<JobRecord> failures = jobs(process.jobEvents(instance, DOWNLOAD), JobIntent.FAILED);
      assertThat(failures).extracting(JobRecord::retries).containsExactly(4, 3, 2, 1, 0);
      assertThat(failures.subList(0, 4)).extracting(JobRecord::retryBackoff).containsExactly(1000L, 2000L, 4000L, 8000L);
      assertRecurredOnlyAfterTheBackoff(process.jobEvents(instance, DOWNLOAD));
      assertThat(process.stack().portal().outageHits()).isGreaterThanOrEqualTo(5);
      assertThat(process.stack().portal().downloads()).isZero();

      // and an incident that names the evidence, which is in the instance's workspace
      assertThat(incident.getElementId()).isEqualTo(DOWNLOAD);
      assertThat(incident.getErrorType()).isEqualTo(IncidentErrorType.JOB_NO_RETRIES);
      assertThat(incident.getErrorMessage()).startsWith(MAINTENANCE);
      String evidence = incident.getErrorMessage().substring(MAINTENANCE.length());
      Path workspace = process.stack().workspaceRoot().resolve(Long.toString(instance));
      List<String> files = Pattern.compile("evidence/web/[^, ]+").matcher(evidence).results().map(MatchResult::group).toList();
      for (String file : files) {
        assertThat(workspace.resolve(file)).as("evidence %s", file).isNotEmptyFile();
      }
      String pageSource = files.stream().filter(f -> f.endsWith(".html")).findFirst()
          .map(f -> read(workspace.resolve(f))).orElseThrow(() -> new AssertionError("Expected a page source in " + evidence));
      assertThat(pageSource).contains("Online banking is unavailable");
      assertThat(files).anySatisfy(f -> assertThat(f).endsWith("-trace.log"));
      if (browser.equals("chromium")) {
        Path screenshot = workspace.resolve(files.stream().filter(f -> f.endsWith(".png")).findFirst()
            .orElseThrow(() -> new AssertionError("Expected a screenshot in " + evidence)));
        assertThat(Arrays.copyOf(Files.readAllBytes(screenshot), 4)).containsExactly(0x89, 'P', 'N', 'G');
      } else {
        assertThat(evidence).contains("HtmlUnit takes no screenshots, the page source stands in");
        assertThat(files).noneSatisfy(f -> assertThat(f).endsWith(".png"));
      }
      assertThat(process.sentMails()).isEmpty();

      // when the portal is back and an operator retries the job and resolves the incident
      process.stack().portal().outage(false);
      process.client().newUpdateRetriesCommand(incident.getJobKey()).retries(1).send().join();
      process.client().newResolveIncidentCommand(incident.getIncidentKey()).send().join();
      process.review(process.awaitUserTask(instance), BankReconciliationProcessTest.REVIEWER_LOGIN,
          BankReconciliationProcessTest.REVIEWER, Map.of(BankReconciliationProcessTest.SEENLAND, "accept",
              BankReconciliationProcessTest.ELBSANDSTEIN, "reject"));

      // then the instance completes with its report mailed, from the one download that worked
      assertThat(process.awaitEnd(instance)).isEqualTo(ProcessInstanceState.COMPLETED);
      assertThat(process.activeIncidents(instance)).isEmpty();
      assertThat(process.stack().portal().downloads()).isEqualTo(1);
      assertThat(process.sentMails()).hasSize(1);
      assertThat(process.sentMails().get(0).getSubject()).isEqualTo("Bank reconciliation "
          + BankReconciliationProcessTest.STATEMENT + ": 8 matched, 7 open");
    }
  }

  /** Each re-offer of the job came at or after the time its failure asked for, on the engine's clock. */
  private static void assertRecurredOnlyAfterTheBackoff(List<Record> events) {
    long recurAt = -1;
    int recurred = 0;
    for (Record event : events) {
      JobRecord job = (JobRecord) event.value();
      if (event.intent() == JobIntent.FAILED && job.retries() > 0) {
        recurAt = job.recurringTime();
        assertThat(recurAt).as("the time the failed job is due again").isGreaterThan(event.timestamp());
      } else if (event.intent() == JobIntent.RECURRED_AFTER_BACKOFF) {
        assertThat(event.timestamp()).as("when the job recurred").isGreaterThanOrEqualTo(recurAt);
        recurred++;
      }
    }
    assertThat(recurred).isEqualTo(4);
  }

  private static List<JobRecord> jobs(List<Record> events, JobIntent intent) {
    List<JobRecord> jobs = new ArrayList<>();
    for (Record event : events) {
      if (event.intent() == intent) {
        jobs.add((JobRecord) event.value());
      }
    }
    return jobs;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
