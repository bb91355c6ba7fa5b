package dev.engranaje.examples.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engranaje.engine.Engine;
import dev.engranaje.engine.EngineOptions;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InvoiceIntakeDemoTest {

  @Test
  void shouldProcessEveryInvoiceAndRepairLedgerOutagesWhenRunAgainstTheEmbeddedEngine(@TempDir Path data) {
    // given a durable engine and a client with only the REST address set
    try (Engine engine = Engine.start(EngineOptions.builder().dataDirectory(data).port(0).build());
        CamundaClient client = CamundaClient.newClientBuilder().restAddress(engine.restAddress()).build()) {
      ByteArrayOutputStream output = new ByteArrayOutputStream();

      // when
      DemoReport report = new InvoiceIntakeDemo(client, new PrintStream(output, true, StandardCharsets.UTF_8)).run(100);

      // then
      assertThat(report.problems()).isEmpty();
      assertThat(report.rejected()).isEqualTo(4);
      assertThat(report.processed()).isEqualTo(96);
      assertThat(report.incidentsRepaired()).isEqualTo(8);
      assertThat(output.toString(StandardCharsets.UTF_8)).contains("JOB_NO_RETRIES", "Ledger unavailable (simulated outage)");
    }
  }

  @Test
  void shouldLeaveInstancesItDidNotStartUntouchedWhenTheUsersOwnInvoiceWaitsOnTheSameEngine() {
    // given the README's order: the user deployed invoice-intake and started an invoice, nobody serves it
    try (Engine engine = Engine.start(EngineOptions.builder().inMemory().port(0).build());
        CamundaClient client = CamundaClient.newClientBuilder().restAddress(engine.restAddress()).build()) {
      client.newDeployResourceCommand().addResourceFromClasspath(InvoiceIntakeDemo.MODEL).send().join();
      long own = client.newCreateInstanceCommand().bpmnProcessId(InvoiceIntakeDemo.PROCESS_ID).latestVersion()
          .variables(Map.of("invoice", Map.of("id", "INV-1", "supplier", "Acme", "iban", "ES91...", "amount", 250,
              "currency", "EUR")))
          .send().join().getProcessInstanceKey();

      // when the demo runs against the same engine
      DemoReport report = new InvoiceIntakeDemo(client, new PrintStream(new ByteArrayOutputStream(), true,
          StandardCharsets.UTF_8)).run(10);

      // then the demo succeeded and the user's instance still waits, its job never taken
      assertThat(report.problems()).isEmpty();
      assertThat(report.processed() + report.rejected()).isEqualTo(10);
      assertThat(client.newProcessInstanceGetRequest(own).send().join().getState()).isEqualTo(ProcessInstanceState.ACTIVE);
      List<ActivatedJob> jobs = client.newActivateJobsCommand().jobType("rpa:demo.check-invoice:1").maxJobsToActivate(10)
          .send().join().getJobs();
      assertThat(jobs).extracting(ActivatedJob::getProcessInstanceKey).containsExactly(own);
      assertThat(jobs.get(0).getRetries()).isEqualTo(3);
    }
  }
}
