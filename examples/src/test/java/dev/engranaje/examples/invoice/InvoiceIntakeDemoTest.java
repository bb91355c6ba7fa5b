package dev.engranaje.examples.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engranaje.engine.Engine;
import dev.engranaje.engine.EngineOptions;
import io.camunda.client.CamundaClient;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
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
}
