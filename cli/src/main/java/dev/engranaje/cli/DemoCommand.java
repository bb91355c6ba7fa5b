package dev.engranaje.cli;

import dev.engranaje.engine.Engine;
import dev.engranaje.engine.EngineOptions;
import dev.engranaje.examples.invoice.DemoReport;
import dev.engranaje.examples.invoice.InvoiceIntakeDemo;
import dev.engranaje.examples.payment.SupplierPaymentDemo;
import dev.engranaje.examples.payment.SupplierPaymentStack;
import dev.engranaje.examples.reconciliation.BankReconciliationDemo;
import dev.engranaje.examples.reconciliation.ReconciliationStack;
import io.camunda.client.CamundaClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
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
      description = "The scenario to run (default: ${DEFAULT-VALUE}; available: invoice-intake, bank-reconciliation,"
          + " supplier-payment).")
  String scenario;

  @Option(names = "--invoices", paramLabel = "N", defaultValue = "100", description = "How many invoices (default: ${DEFAULT-VALUE}).")
  int invoices;

  @Option(names = "--external", description = "Run against the engine or cluster given by the connection options"
      + " (or CAMUNDA_* environment variables) instead of starting an embedded one. Implied by --address.")
  boolean external;

  @Option(names = "--keep-running", description = "bank-reconciliation, supplier-payment: leave the engine, mail server, bank portal and"
      + " workers running after the summary, print their addresses, and stop on Ctrl-C.")
  boolean keepRunning;

  @Mixin ConnectionOptions connection;

  @Option(names = "--data-dir", paramLabel = "DIR", description = "Keep the embedded engine's state here (default: a temporary directory).")
  Path dataDirectory;

  @Override
  public Integer call() throws IOException, InterruptedException {
    if (ReconciliationStack.PROCESS_ID.equals(scenario)) {
      return withOwnPeers("Bank reconciliation demo", "engranaje-bank-reconciliation-", this::bankReconciliation);
    }
    if (SupplierPaymentStack.PROCESS_ID.equals(scenario)) {
      return withOwnPeers("Supplier payment demo", "engranaje-supplier-payment-", this::supplierPayment);
    }
    if (!InvoiceIntakeDemo.PROCESS_ID.equals(scenario)) {
      throw new UserError("Unknown scenario '" + scenario + "'. Available: " + InvoiceIntakeDemo.PROCESS_ID + ", "
          + ReconciliationStack.PROCESS_ID + ", " + SupplierPaymentStack.PROCESS_ID + ".");
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

  /** A scenario run against an engine with the peers it talks to, all on loopback. */
  @FunctionalInterface
  private interface Scenario {
    int run(CamundaClient client, Path root, String engineAddress) throws IOException, InterruptedException;
  }

  /**
   * A scenario with its own embedded engine (or --address), mail server, bank portal and workers, all
   * on loopback, under a temporary directory (or --data-dir).
   */
  private int withOwnPeers(String title, String prefix, Scenario scenario) throws IOException, InterruptedException {
    LibraryLogging.quiet();
    Path root = dataDirectory != null ? dataDirectory : Files.createTempDirectory(prefix);
    System.out.printf("%s (files in %s)%n", title, root);
    if (external || connection.address != null) {
      try (CamundaClient client = connection.newClient()) {
        return scenario.run(client, root, null);
      }
    }
    try (Engine engine = Engine.start(EngineOptions.builder().dataDirectory(root.resolve("engine")).port(0).build());
        CamundaClient client = CamundaClient.newClientBuilder().restAddress(engine.restAddress())
            .numJobWorkerExecutionThreads(32).build()) {
      System.out.printf("Started an embedded engine at %s%n", engine.restAddress());
      return scenario.run(client, root, engine.restAddress().toString());
    }
  }

  private int bankReconciliation(CamundaClient client, Path root, String engineAddress)
      throws IOException, InterruptedException {
    BankReconciliationDemo demo = new BankReconciliationDemo(client, System.out);
    try (ReconciliationStack stack = ReconciliationStack.builder(client, root).month().observer(demo.progress()).start()) {
      BankReconciliationDemo.DemoOutcome outcome = demo.run(stack);
      awaitStopIfKeptRunning(engineAddress, stack.portal().url().toString(), stack.mail().getSmtp().getPort(),
          stack.mail().getImap().getPort(), stack.workspaceRoot());
      return outcome.succeeded() ? 0 : 1;
    }
  }

  private int supplierPayment(CamundaClient client, Path root, String engineAddress)
      throws IOException, InterruptedException {
    SupplierPaymentDemo demo = new SupplierPaymentDemo(client, System.out);
    try (SupplierPaymentStack stack = SupplierPaymentStack.builder(client, root).observer(demo.progress()).start()) {
      SupplierPaymentDemo.DemoOutcome outcome = demo.run(stack);
      awaitStopIfKeptRunning(engineAddress, stack.portal().url().toString(), stack.mail().getSmtp().getPort(),
          stack.mail().getImap().getPort(), stack.workspaceRoot());
      return outcome.succeeded() ? 0 : 1;
    }
  }

  /** With --keep-running: prints where everything runs and waits for Ctrl-C. */
  private void awaitStopIfKeptRunning(String engineAddress, String portal, int smtp, int imap, Path workspaces)
      throws InterruptedException {
    if (!keepRunning) {
      return;
    }
    System.out.println();
    System.out.println("Still running (Ctrl-C stops everything):");
    if (engineAddress != null) {
      System.out.println("  engine (REST, official Camunda client) " + engineAddress);
    }
    System.out.println("  bank portal " + portal + "  (user " + dev.engranaje.examples.bankportal.BankPortal.USER
        + "; the password is a demo secret, not printed)");
    System.out.println("  mail server SMTP 127.0.0.1:" + smtp + ", IMAP 127.0.0.1:" + imap);
    System.out.println("  workspaces " + workspaces);
    CountDownLatch stop = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown));
    stop.await();
  }

  private int run(CamundaClient client) {
    DemoReport report = new InvoiceIntakeDemo(client, System.out).run(invoices);
    return report.succeeded() ? 0 : 1;
  }
}
