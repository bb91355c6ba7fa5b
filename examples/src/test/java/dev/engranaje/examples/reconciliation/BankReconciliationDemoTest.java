package dev.engranaje.examples.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engranaje.engine.Engine;
import dev.engranaje.engine.EngineOptions;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's own run ({@code rpa demo bank-reconciliation} runs it on the month's data) on the small
 * data set, twice from the same working directory: it checks out both times, says what the demo
 * accountant decides and why, and prints the summary.
 */
class BankReconciliationDemoTest {
  @TempDir Path first;
  @TempDir Path second;

  @Test
  void shouldCheckOutAndPrintTheDecisionsAndSummaryWhenRunTwice() throws Exception {
    for (Path root : new Path[] {first, second}) {
      try (Engine engine = Engine.start(EngineOptions.builder().dataDirectory(root.resolve("engine")).port(0).build());
          CamundaClient client = CamundaClient.newClientBuilder().restAddress(engine.restAddress()).build()) {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        BankReconciliationDemo demo = new BankReconciliationDemo(client, new PrintStream(output, true, StandardCharsets.UTF_8));
        BankReconciliationDemo.DemoOutcome outcome;
        try (ReconciliationStack stack = ReconciliationStack.builder(client, root).small().observer(demo.progress()).start()) {
          outcome = demo.run(stack);
        }
        String printed = output.toString(StandardCharsets.UTF_8);

        assertThat(outcome.problems()).as(printed).isEmpty();
        assertThat(outcome.state()).isEqualTo(ProcessInstanceState.COMPLETED);
        assertThat(outcome.mailsSent()).isEqualTo(1);
        // medium confidence accepted, the amount-only near miss rejected, each named with its evidence
        assertThat(printed).containsPattern("accepts G\\d+: DB110500010 1392.31 Seenland Freizeit GmbH for INV-2026-0308"
            + " \\(counterparty-amount-date, medium\\)");
        assertThat(printed).containsPattern("rejects G\\d+: DB110300011 1634.98 Elbsandstein Outdoor for INV-2026-0310"
            + " \\(suggest-reference-or-amount, low\\)");
        assertThat(printed).contains("entries 13, matched 8, suggested 2, exceptions 5",
            "opening balance 48213.57, closing balance 63956.46 EUR", "Everything checked out.");
      }
    }
  }
}
