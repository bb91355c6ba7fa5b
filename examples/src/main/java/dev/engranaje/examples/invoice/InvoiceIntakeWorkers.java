package dev.engranaje.examples.invoice;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobClient;
import io.camunda.client.api.worker.JobWorker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The demo's bots, one client job worker per job type. The archive worker is the checker: it
 * compares what each instance carries with what the invoice should have produced.
 */
final class InvoiceIntakeWorkers implements AutoCloseable {
  private final List<JobWorker> workers = new ArrayList<>();
  private final Set<String> ledgerOutageSeen = ConcurrentHashMap.newKeySet();
  private final Map<String, Boolean> archived = new ConcurrentHashMap<>();
  private final List<String> problems = java.util.Collections.synchronizedList(new ArrayList<>());

  /** @param jobTypePrefix the demo run's job types start with it ({@code rpa:demo-<run>.}) */
  InvoiceIntakeWorkers(CamundaClient client, String jobTypePrefix) {
    open(client, jobTypePrefix + "check-invoice:1", this::checkInvoice);
    open(client, jobTypePrefix + "approve:1", this::approve);
    open(client, jobTypePrefix + "book-ledger:1", this::bookLedger);
    open(client, jobTypePrefix + "notify-supplier:1", (jobs, job) ->
        jobs.newCompleteCommand(job.getKey()).variables(Map.of("supplierNotified", true)).send().join());
    open(client, jobTypePrefix + "archive:1", this::archive);
  }

  private void open(CamundaClient client, String type, io.camunda.client.api.worker.JobHandler handler) {
    workers.add(client.newWorker().jobType(type).handler(handler).maxJobsActive(32).timeout(Duration.ofMinutes(1))
        .pollInterval(Duration.ofMillis(100)).streamEnabled(false).open());
  }

  private void checkInvoice(JobClient jobs, ActivatedJob job) {
    Map<String, Object> invoice = invoice(job);
    Object iban = invoice.get("iban");
    if (iban == null || iban.toString().isBlank()) {
      jobs.newThrowErrorCommand(job.getKey()).errorCode("INVALID_INVOICE")
          .errorMessage("Invoice " + invoice.get("id") + " has no IBAN to pay to").send().join();
      return;
    }
    long amount = ((Number) invoice.get("amount")).longValue();
    long vatCents = Math.round(amount * 100 * 0.21);
    jobs.newCompleteCommand(job.getKey())
        .variables(Map.of("checked", Map.of("valid", true, "vatCents", vatCents))).send().join();
  }

  private void approve(JobClient jobs, ActivatedJob job) {
    String role = job.getCustomHeaders().get("approver-role");
    jobs.newCompleteCommand(job.getKey())
        .variables(Map.of("approval", Map.of("approvedBy", role, "invoice", invoice(job).get("id")))).send().join();
  }

  private void bookLedger(JobClient jobs, ActivatedJob job) {
    Map<String, Object> invoice = invoice(job);
    String id = (String) invoice.get("id");
    Invoice expected = Invoice.numbered(Integer.parseInt(id.substring(4)));
    if (expected.hitsLedgerOutage() && ledgerOutageSeen.add(id)) {
      // retries 0: the outage needs an operator, who raises retries and resolves the incident
      jobs.newFailCommand(job.getKey()).retries(0)
          .errorMessage("Ledger unavailable (simulated outage) while booking " + id + "; retry once it is back").send().join();
      return;
    }
    jobs.newCompleteCommand(job.getKey()).variables(Map.of("ledgerEntry", "LE-" + id)).send().join();
  }

  private void archive(JobClient jobs, ActivatedJob job) {
    Map<String, Object> vars = job.getVariablesAsMap();
    Map<String, Object> invoice = invoice(job);
    String id = (String) invoice.get("id");
    Invoice expected = Invoice.numbered(Integer.parseInt(id.substring(4)));
    expect(id, "check.valid", true, get(vars, "check", "valid"));
    expect(id, "ledgerEntry", "LE-" + id, vars.get("ledgerEntry"));
    expect(id, "supplierNotified", true, vars.get("supplierNotified"));
    expect(id, "approval present", expected.needsApproval(), vars.containsKey("approval"));
    expect(id, "checked (task-local)", false, vars.containsKey("checked"));
    archived.put(id, true);
    jobs.newCompleteCommand(job.getKey()).variables(Map.of("archived", true)).send().join();
  }

  private void expect(String invoiceId, String what, Object expected, Object actual) {
    if (!java.util.Objects.equals(expected, actual)) {
      problems.add(invoiceId + ": expected " + what + " = " + expected + ", but got " + actual);
    }
  }

  @SuppressWarnings("unchecked")
  private static Object get(Map<String, Object> vars, String name, String field) {
    Object value = vars.get(name);
    return value instanceof Map<?, ?> map ? ((Map<String, Object>) map).get(field) : null;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> invoice(ActivatedJob job) {
    return (Map<String, Object>) job.getVariablesAsMap().get("invoice");
  }

  int archivedCount() {
    return archived.size();
  }

  List<String> problems() {
    synchronized (problems) {
      return List.copyOf(problems);
    }
  }

  @Override
  public void close() {
    workers.forEach(JobWorker::close);
  }
}
