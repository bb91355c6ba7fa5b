package dev.engranaje.cli;

import dev.engranaje.engine.Engine;
import dev.engranaje.engine.EngineOptions;
import dev.engranaje.examples.invoice.DemoReport;
import dev.engranaje.examples.invoice.InvoiceIntakeDemo;
import io.camunda.client.CamundaClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code rpa demo}: run a complete scenario end to end. */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = {"Run a complete scenario end to end through the official Camunda client.",
        "Deploys the model, starts instances, runs the job workers, repairs incidents as an operator would"
            + " (raise retries, resolve) and checks every instance's variables; exit code 0 when all is right.",
        "Without --address it starts a durable embedded engine of its own (in a temporary directory unless --data-dir)."})
final class DemoCommand implements Callable<Integer> {
  @Parameters(index = "0", arity = "0..1", defaultValue = "invoice-intake", paramLabel = "SCENARIO",
      description = "The scenario to run (default: ${DEFAULT-VALUE}; available: invoice-intake).")
  String scenario;

  @Option(names = "--invoices", paramLabel = "N", defaultValue = "100", description = "How many invoices (default: ${DEFAULT-VALUE}).")
  int invoices;

  @Option(names = "--external", description = "Run against the engine or cluster given by the connection options"
      + " (or CAMUNDA_* environment variables) instead of starting an embedded one. Implied by --address.")
  boolean external;

  @Mixin ConnectionOptions connection;

  @Option(names = "--data-dir", paramLabel = "DIR", description = "Keep the embedded engine's state here (default: a temporary directory).")
  Path dataDirectory;

  @Override
  public Integer call() throws IOException {
    if (!InvoiceIntakeDemo.PROCESS_ID.equals(scenario)) {
      throw new UserError("Unknown scenario '" + scenario + "'. Available: " + InvoiceIntakeDemo.PROCESS_ID
          + " (the flagship bank-reconciliation and supplier-payment scenarios are coming).");
    }
    if (external || connection.address != null) {
      try (CamundaClient client = connection.newClient()) {
        return run(client);
      }
    }
    Path data = dataDirectory != null ? dataDirectory : Files.createTempDirectory("engranaje-demo-");
    System.out.printf("Starting an embedded engine (data in %s)%n", data);
    try (Engine engine = Engine.start(EngineOptions.builder().dataDirectory(data).port(0).build());
        CamundaClient client = CamundaClient.newClientBuilder().restAddress(engine.restAddress()).build()) {
      return run(client);
    }
  }

  private int run(CamundaClient client) {
    DemoReport report = new InvoiceIntakeDemo(client, System.out).run(invoices);
    return report.succeeded() ? 0 : 1;
  }
}
