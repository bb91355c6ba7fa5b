package dev.engranaje.examples.payment;

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
 * Must show 3: the demo's own run, as {@code rpa demo supplier-payment} does it on an engine of its
 * own: it checks out, says who completes which task (two different approvers, saying the run is dual)
 * and prints the summary the issue asks for.
 */
class SupplierPaymentDemoTest {
  @TempDir Path root;

  @Test
  void shouldCheckOutAndPrintWhoDecidedWhatAndTheSummary() throws Exception {
    try (Engine engine = Engine.start(EngineOptions.builder().dataDirectory(root.resolve("engine")).port(0).build());
        CamundaClient client = CamundaClient.newClientBuilder().restAddress(engine.restAddress()).build()) {
      ByteArrayOutputStream output = new ByteArrayOutputStream();
      SupplierPaymentDemo demo = new SupplierPaymentDemo(client, new PrintStream(output, true, StandardCharsets.UTF_8));
      SupplierPaymentDemo.DemoOutcome outcome;
      try (SupplierPaymentStack stack = SupplierPaymentStack.builder(client, root).observer(demo.progress()).start()) {
        outcome = demo.run(stack);
      }
      String printed = output.toString(StandardCharsets.UTF_8);

      assertThat(outcome.problems()).as(printed).isEmpty();
      assertThat(outcome.state()).isEqualTo(ProcessInstanceState.COMPLETED);
      assertThat(printed).contains("Marta Controller (first approver) approves run", "dual, so a second, different approver follows",
          "Jonas CFO (second approver) approves run", "the second of two different approvers",
          "Ines Treasury (verifies bank details) verifies the new account " + SupplierPaymentData.KELLER_NEW_IBAN,
          "Tom Accounts (reviews invoices without data) asks the supplier");
      assertThat(printed).contains("invoices in 9", "NW-2026-0098", "DUPLICATE", "FL-2026-457 Atelier Lumiere SARL: DUPLICATE Also in this run", "held for a changed IBAN: KM-2026-212",
          "rejected by the bank 1:", "BB-7781", "AC04", "PS-88213.pdf (no data)",
          "paid 5: NW-2026-118, PS-88190",
          "remittance mails sent 5, supplier mails about rejections 2, about returned payments 1", "pain.001 ", "Everything checked out.");
    }
  }
}
