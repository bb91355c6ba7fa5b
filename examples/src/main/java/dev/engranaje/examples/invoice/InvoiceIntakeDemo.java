package dev.engranaje.examples.invoice;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.enums.IncidentState;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.search.response.Incident;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Runs the invoice-intake scenario against an engine through the official Camunda client only:
 * deploy, start a batch, let the workers run, repair incidents as an operator would (raise retries,
 * resolve), wait for every instance to end, and check the variables.
 *
 * <p>A demo touches only what it started, even on an engine where people run the same model: it
 * deploys the model as its own process ({@value #DEMO_PROCESS_ID}) whose job types carry this run's
 * id ({@code rpa:demo-<run>.check-invoice:1}), so its workers never activate a job of anyone
 * else's instance (nor of another demo run), and it repairs only incidents of its own deployment.
 */
public final class InvoiceIntakeDemo {
  public static final String PROCESS_ID = "invoice-intake";
  /** The process id the demo deploys the model under, apart from the user's own invoice-intake. */
  public static final String DEMO_PROCESS_ID = "invoice-intake-demo";
  static final String MODEL = "processes/invoice-intake.bpmn";
  private static final String JOB_TYPE_PREFIX = "rpa:demo.";
  private static final Duration DEADLINE = Duration.ofMinutes(3);

  private final CamundaClient client;
  private final PrintStream out;
  private final String jobTypePrefix;
  private long processDefinitionKey;

  public InvoiceIntakeDemo(CamundaClient client, PrintStream out) {
    this.client = client;
    this.out = out;
    this.jobTypePrefix = "rpa:demo-" + UUID.randomUUID().toString().substring(0, 8) + ".";
  }

  /** Standalone: {@code InvoiceIntakeDemo [REST address] [invoices]}; exits 1 if anything is wrong. */
  public static void main(String[] args) {
    URI address = URI.create(args.length > 0 ? args[0] : "http://localhost:8080");
    int invoices = args.length > 1 ? Integer.parseInt(args[1]) : 100;
    try (CamundaClient client = CamundaClient.newClientBuilder().restAddress(address).build()) {
      DemoReport report = new InvoiceIntakeDemo(client, System.out).run(invoices);
      System.exit(report.succeeded() ? 0 : 1);
    }
  }

  public DemoReport run(int invoices) {
    long started = System.nanoTime();
    deploy();
    try (InvoiceIntakeWorkers workers = new InvoiceIntakeWorkers(client, jobTypePrefix)) {
      List<Long> instanceKeys = start(invoices);
      int repaired = repairIncidents(expectedOutages(invoices));
      Map<ProcessInstanceState, Integer> ended = awaitEnd(instanceKeys);
      int rejected = expectedRejections(invoices);
      List<String> problems = new ArrayList<>(workers.problems());
      if (workers.archivedCount() != invoices - rejected) {
        problems.add("Expected " + (invoices - rejected) + " invoices archived, but " + workers.archivedCount() + " were");
      }
      int completed = ended.getOrDefault(ProcessInstanceState.COMPLETED, 0);
      DemoReport report = new DemoReport(invoices, completed - rejected, rejected, repaired, problems,
          Duration.ofNanos(System.nanoTime() - started));
      print(report);
      return report;
    }
  }

  private void deploy() {
    try (InputStream model = InvoiceIntakeDemo.class.getClassLoader().getResourceAsStream(MODEL)) {
      if (model == null) {
        throw new IllegalStateException("Expected the model " + MODEL + " on the classpath, but it is missing");
      }
      String xml = new String(model.readAllBytes(), StandardCharsets.UTF_8)
          .replace("\"" + PROCESS_ID + "\"", "\"" + DEMO_PROCESS_ID + "\"")
          .replace("type=\"" + JOB_TYPE_PREFIX, "type=\"" + jobTypePrefix);
      var deployment = client.newDeployResourceCommand()
          .addResourceStringUtf8(xml, DEMO_PROCESS_ID + ".bpmn").send().join();
      var process = deployment.getProcesses().get(0);
      processDefinitionKey = process.getProcessDefinitionKey();
      out.printf("Deployed '%s' version %d (key %d)%n", process.getBpmnProcessId(), process.getVersion(),
          process.getProcessDefinitionKey());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private List<Long> start(int invoices) {
    List<Long> keys = new ArrayList<>(invoices);
    for (int n = 1; n <= invoices; n++) {
      Invoice invoice = Invoice.numbered(n);
      keys.add(client.newCreateInstanceCommand().processDefinitionKey(processDefinitionKey)
          .variables(Map.of("invoice", invoice.asVariable())).send().join().getProcessInstanceKey());
    }
    out.printf("Started %d invoice instances%n", invoices);
    return keys;
  }

  /** Waits for the expected incidents, then raises each job's retries and resolves the incident. */
  private int repairIncidents(int expected) {
    Set<Long> repaired = new HashSet<>();
    long deadline = System.nanoTime() + DEADLINE.toNanos();
    while (repaired.size() < expected && System.nanoTime() < deadline) {
      List<Incident> incidents = client.newIncidentSearchRequest()
          .filter(f -> f.processDefinitionId(DEMO_PROCESS_ID).state(IncidentState.ACTIVE)).send().join().items();
      for (Incident incident : incidents) {
        if (Long.valueOf(processDefinitionKey).equals(incident.getProcessDefinitionKey()) && repaired.add(incident.getIncidentKey())) {
          out.printf("Incident %d on '%s' (%s): %s -> raising retries and resolving%n", incident.getIncidentKey(),
              incident.getElementId(), incident.getErrorType(), incident.getErrorMessage());
          client.newUpdateRetriesCommand(incident.getJobKey()).retries(1).send().join();
          client.newResolveIncidentCommand(incident.getIncidentKey()).send().join();
        }
      }
      pause();
    }
    return repaired.size();
  }

  private Map<ProcessInstanceState, Integer> awaitEnd(List<Long> keys) {
    long deadline = System.nanoTime() + DEADLINE.toNanos();
    List<Long> pending = new ArrayList<>(keys);
    Map<ProcessInstanceState, Integer> ended = new java.util.EnumMap<>(ProcessInstanceState.class);
    while (!pending.isEmpty() && System.nanoTime() < deadline) {
      pending.removeIf(key -> {
        ProcessInstanceState state = client.newProcessInstanceGetRequest(key).send().join().getState();
        if (state == ProcessInstanceState.ACTIVE) {
          return false;
        }
        ended.merge(state, 1, Integer::sum);
        return true;
      });
      if (!pending.isEmpty()) {
        pause();
      }
    }
    if (!pending.isEmpty()) {
      out.printf("Still running after %s: %d instances, e.g. %d%n", DEADLINE, pending.size(), pending.get(0));
    }
    return ended;
  }

  private void print(DemoReport report) {
    out.printf("%nInvoices: %d started, %d processed, %d rejected (no IBAN); %d incidents repaired; %.1f s%n",
        report.started(), report.processed(), report.rejected(), report.incidentsRepaired(), report.took().toMillis() / 1000.0);
    if (report.succeeded()) {
      out.println("Every instance ended and every variable checked out.");
    } else {
      report.problems().forEach(problem -> out.println("PROBLEM: " + problem));
    }
  }

  static int expectedOutages(int invoices) {
    int count = 0;
    for (int n = 1; n <= invoices; n++) {
      count += Invoice.numbered(n).hitsLedgerOutage() ? 1 : 0;
    }
    return count;
  }

  static int expectedRejections(int invoices) {
    int count = 0;
    for (int n = 1; n <= invoices; n++) {
      count += Invoice.numbered(n).isValid() ? 0 : 1;
    }
    return count;
  }

  private static void pause() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for the engine", e);
    }
  }
}
