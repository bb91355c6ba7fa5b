package dev.engranaje.examples.payment;

import dev.engranaje.examples.DemoInstance;
import dev.engranaje.examples.DemoProgress;
import dev.engranaje.examples.ExampleResources;
import dev.engranaje.examples.InstanceVariables;
import dev.engranaje.workers.runtime.JobObserver;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.search.response.ProcessInstance;
import io.camunda.client.api.search.response.UserTask;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * The supplier-payment scenario, as {@code rpa demo supplier-payment} runs it: deploy the model, its
 * forms and the approval decision; deliver the week's invoices (four by mail, three into the inbox
 * folder); request a run with the message {@code supplier-payment-requested}; let the real workers
 * run; complete each person's task as a named demo user through the official client (the reviewer
 * of the plain PDF, the treasurer who verifies the changed bank account, and, because the run is
 * above the upper limit, two different approvers, saying so); wait for the end and print the summary
 * the auditors ask for.
 */
public final class SupplierPaymentDemo {
  private static final Duration DEADLINE = Duration.ofMinutes(5);
  private static final String LAST_STEP = "mail-run-report";
  private static final Map<String, String> PEOPLE = Map.of(
      SupplierPaymentStack.PREPARER, "Paula Preparer (accounts payable, prepares the run)",
      SupplierPaymentStack.FIRST_APPROVER, "Marta Controller (first approver)",
      SupplierPaymentStack.SECOND_APPROVER, "Jonas CFO (second approver)",
      SupplierPaymentStack.VERIFIER, "Ines Treasury (verifies bank details)",
      SupplierPaymentStack.REVIEWER, "Tom Accounts (reviews invoices without data)");

  private final CamundaClient client;
  private final PrintStream out;
  private final DemoProgress progress;
  private final AtomicReference<Map<String, Object>> lastStepVariables = new AtomicReference<>();

  public SupplierPaymentDemo(CamundaClient client, PrintStream out) {
    this.client = client;
    this.out = out;
    this.progress = new DemoProgress(out, ExampleResources.read(SupplierPaymentStack.MODEL), LAST_STEP,
        key -> lastStepVariables.set(variables(key)));
  }

  /** A job observer that prints one line per finished job. */
  public JobObserver progress() {
    return progress;
  }

  /** Runs one payment run on {@code stack} (already started with {@link #progress()} as its observer). */
  public DemoOutcome run(SupplierPaymentStack stack) throws IOException {
    long started = System.nanoTime();
    var deployment = stack.deploy();
    out.printf("Deployed '%s' version %d with its %d forms and the decision 'payment-approval-tier'%n",
        SupplierPaymentStack.PROCESS_ID, deployment.getProcesses().get(0).getVersion(), deployment.getForm().size());
    out.printf("Bank portal %s (user %s; closed account %s), mail server SMTP %d / IMAP %d on 127.0.0.1%n", stack.portal().url(),
        "treasury", SupplierPaymentData.CLOSED_ACCOUNTS, stack.mail().getSmtp().getPort(), stack.mail().getImap().getPort());
    stack.deliverInvoices();
    out.printf("Delivered %d invoices: %d by mail to %s, %d into the inbox folder%n", SupplierPaymentData.INVOICES.size(),
        SupplierPaymentData.INVOICES.stream().filter(i -> i.channel().equals("mail")).count(), SupplierPaymentStack.AP_MAIL,
        SupplierPaymentData.INVOICES.stream().filter(i -> i.channel().equals("inbox")).count());
    out.printf("The ERP's open items list %d more (%s): %s%n", SupplierPaymentData.OPEN_ITEMS.size(),
        "samples:" + SupplierPaymentDataGenerator.OPEN_INVOICES,
        String.join(", ", SupplierPaymentData.OPEN_ITEMS.stream().map(SampleOpenItem::invoiceNumber).toList()));
    stack.requestRun("htmlunit");
    long key = awaitInstance();
    out.printf("Message '%s' started instance %d, prepared by %s%n", SupplierPaymentStack.MESSAGE, key,
        PEOPLE.get(SupplierPaymentStack.PREPARER));
    List<String> problems = new ArrayList<>();
    List<String> decisions = new ArrayList<>();
    ProcessInstanceState state = DemoInstance.awaitEnd(client, key, DEADLINE, problems, task -> decisions.add(complete(task)));
    Map<String, Object> variables = variables(key);
    if (variables.isEmpty() && lastStepVariables.get() != null) {
      variables = lastStepVariables.get();
    }
    DemoOutcome outcome = DemoOutcome.of(key, state, variables, stack, problems, decisions, Duration.ofNanos(System.nanoTime() - started));
    print(outcome);
    return outcome;
  }

  private long awaitInstance() {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      Optional<ProcessInstance> instance = client.newProcessInstanceSearchRequest()
          .filter(f -> f.processDefinitionId(SupplierPaymentStack.PROCESS_ID)).send().join().items().stream().findFirst();
      if (instance.isPresent()) {
        return instance.get().getProcessInstanceKey();
      }
      LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
    }
    throw new IllegalStateException("Expected the message to start an instance of " + SupplierPaymentStack.PROCESS_ID
        + " within 30 s, but none started");
  }

  /** Completes one task as the demo person whose job it is; returns what they decided, for the summary. */
  @SuppressWarnings("unchecked")
  private String complete(UserTask task) {
    Map<String, Object> local = localVariables(task.getElementInstanceKey());
    String user;
    Map<String, Object> result = new LinkedHashMap<>();
    String said;
    switch (task.getElementId()) {
      case "review-invoice" -> {
        user = SupplierPaymentStack.REVIEWER;
        Map<String, Object> invoice = (Map<String, Object>) local.getOrDefault("invoice", Map.of());
        result.put("reviewDecision", "ask-supplier");
        result.put("reviewComment", "No e-invoice data; asked the supplier for a Factur-X or UBL invoice.");
        said = "asks the supplier for an e-invoice instead of " + invoice.get("invoiceFile");
      }
      case "verify-bank-details" -> {
        user = SupplierPaymentStack.VERIFIER;
        Map<String, Object> payment = (Map<String, Object>) local.getOrDefault("payment", Map.of());
        result.put("verified", true);
        result.put("verificationComment", "Called " + payment.get("supplierName")
            + " on the number in the supplier master; they confirmed the new account.");
        said = "verifies the new account " + payment.get("iban") + " of " + payment.get("supplierName")
            + " (master: " + payment.get("masterIban") + ") after a call-back";
      }
      case "approve-run", "approve-run-second" -> {
        boolean second = task.getElementId().equals("approve-run-second");
        user = second ? SupplierPaymentStack.SECOND_APPROVER : SupplierPaymentStack.FIRST_APPROVER;
        Map<String, Object> run = (Map<String, Object>) local.getOrDefault("paymentRun", Map.of());
        result.put("approved", true);
        result.put("approvalComment", "Checked against the open items list.");
        said = "approves run " + run.get("runId") + " (" + run.get("paymentCount") + " transfers, " + run.get("total") + " "
            + run.get("currency") + "; tier " + local.get("tier")
            + (second ? ": the second of two different approvers)" : "dual".equals(local.get("tier"))
                ? ": dual, so a second, different approver follows)" : ")");
      }
      default -> throw new IllegalStateException("Expected a task of the supplier-payment model, but got '" + task.getElementId() + "'");
    }
    client.newAssignUserTaskCommand(task.getUserTaskKey()).assignee(user).send().join();
    client.newCompleteUserTaskCommand(task.getUserTaskKey()).variables(result).send().join();
    String line = PEOPLE.get(user) + " " + said;
    out.printf("  person   %-50s %s%n", progress.name(task.getElementId()), line);
    return line;
  }

  private Map<String, Object> localVariables(long scopeKey) {
    return InstanceVariables.of(client, scopeKey);
  }

  private Map<String, Object> variables(long key) {
    return InstanceVariables.of(client, key);
  }

  private void print(DemoOutcome outcome) {
    out.println();
    out.printf("Supplier payment run %s (instance %d): %s in %.1f s%n", outcome.text("run", "runId"), outcome.processInstanceKey(),
        outcome.state(), outcome.elapsed().toMillis() / 1000.0);
    out.printf("  invoices in %d: %s%n", outcome.list("checks").size(), String.join(", ", outcome.list("checks").stream()
        .map(c -> c.get("invoiceNumber") != null ? String.valueOf(c.get("invoiceNumber")) : fileName(c.get("invoiceFile")) + " (no data)")
        .toList()));
    out.printf("  rejected before payment %d:%n", outcome.list("rejectedInvoices").size());
    for (Map<String, Object> rejected : outcome.list("rejectedInvoices")) {
      out.printf("    %s %s: %s%n", rejected.get("invoiceNumber"), rejected.get("supplierName"), reasons(rejected));
    }
    out.printf("  for a person: %s%n", String.join(", ", outcome.list("manualInvoices").stream()
        .map(m -> fileName(m.get("invoiceFile"))).toList()));
    out.printf("  held for a changed IBAN: %s%n", String.join(", ", outcome.column("heldPayments", "invoiceNumber")));
    out.printf("  decisions (who, role, what):%n");
    for (Map<String, Object> approval : outcome.list("approvals")) {
      out.printf("    %s, %s%s, %s at %s%n", approval.get("user"), approval.get("role"),
          approval.get("subject") == null ? "" : " of " + approval.get("subject"),
          Boolean.TRUE.equals(approval.get("approved")) ? "approved" : "declined", approval.get("at"));
    }
    out.printf("  tier %s; released as %s: %s transfers, control sum %s%n", outcome.variables().get("tier"),
        outcome.variables().get("messageId"), outcome.variables().get("transactionCount"), outcome.variables().get("controlSum"));
    out.printf("  paid %d: %s%n", outcome.list("bankAccepted").size(), String.join(", ", outcome.column("bankAccepted", "invoiceNumber")));
    out.printf("  rejected by the bank %d:%n", outcome.list("bankRejected").size());
    for (Map<String, Object> bounced : outcome.list("bankRejected")) {
      out.printf("    %s %s %s: %s %s%n", bounced.get("invoiceNumber"), bounced.get("supplierName"), bounced.get("amount"),
          bounced.get("reasonCode"), bounced.get("reasonText"));
    }
    out.printf("  remittance mails sent %d, supplier mails about rejections %d, about returned payments %d%n",
        outcome.mails("Remittance advice"), outcome.mails("not accepted for payment"), outcome.mails("Payment of invoice"));
    out.printf("  pain.001 %s%n", outcome.paymentFile() == null ? "(none)" : outcome.paymentFile());
    out.printf("  report %s%n", outcome.report() == null ? "(none)" : outcome.report());
    for (String problem : outcome.problems()) {
      out.println("  PROBLEM: " + problem);
    }
    out.println(outcome.succeeded() ? "Everything checked out." : "The demo did NOT check out (see the problems above).");
  }

  private static String fileName(Object reference) {
    String text = String.valueOf(reference);
    return text.substring(Math.max(text.lastIndexOf('/'), text.lastIndexOf(':')) + 1);
  }

  @SuppressWarnings("unchecked")
  private static String reasons(Map<String, Object> check) {
    Object reasons = check.get("reasons");
    if (!(reasons instanceof List<?> list)) {
      return "?";
    }
    return String.join("; ", list.stream().map(r -> r instanceof Map<?, ?> m ? m.get("code") + " " + m.get("text") : String.valueOf(r)).toList());
  }

  /** What the demo found, and whether it is what the sample data must give. */
  public record DemoOutcome(long processInstanceKey, ProcessInstanceState state, Map<String, Object> variables,
      Path paymentFile, Path report, List<String> mailSubjects, List<String> decisions, List<String> problems, Duration elapsed) {

    static DemoOutcome of(long key, ProcessInstanceState state, Map<String, Object> variables, SupplierPaymentStack stack,
        List<String> found, List<String> decisions, Duration elapsed) {
      List<String> problems = new ArrayList<>(found);
      Path workspace = stack.workspaceRoot().resolve(Long.toString(key));
      // GreenMail keeps one copy per recipient: a mail to a supplier with accounts payable in copy is one mail
      Map<String, String> subjects = new LinkedHashMap<>();
      for (MimeMessage mail : stack.sentMails()) {
        try {
          subjects.putIfAbsent(Objects.toString(mail.getMessageID(), "#" + subjects.size()), mail.getSubject());
        } catch (MessagingException e) {
          subjects.put("#" + subjects.size(), "(unreadable: " + e.getMessage() + ")");
        }
      }
      DemoOutcome draft = new DemoOutcome(key, state, Map.copyOf(withoutNulls(variables)), file(workspace, variables.get("paymentFile")),
          file(workspace, variables.get("reportFile")), List.copyOf(subjects.values()), List.copyOf(decisions), List.of(), elapsed);
      if (state != ProcessInstanceState.COMPLETED) {
        problems.add("Expected the instance to complete, but it is " + state);
      } else {
        draft.expect(problems);
      }
      return new DemoOutcome(key, state, draft.variables, draft.paymentFile, draft.report, draft.mailSubjects, draft.decisions,
          List.copyOf(problems), elapsed);
    }

    /** The outcomes the sample of {@code examples/supplier-payment/} is made to give. */
    private void expect(List<String> problems) {
      if (paymentFile == null || !Files.isRegularFile(paymentFile)) {
        problems.add("Expected the pain.001 in the workspace, but it is " + paymentFile);
      }
      if (report == null || !Files.isRegularFile(report)) {
        problems.add("Expected the run report in the workspace, but it is " + report);
      }
      if (!column("rejectedInvoices", "invoiceNumber").contains("NW-2026-0098")) {
        problems.add("Expected the duplicate NW-2026-0098 rejected, but the rejected invoices are " + column("rejectedInvoices", "invoiceNumber"));
      }
      if (!column("rejectedInvoices", "invoiceNumber").contains("FL-2026-457")) {
        problems.add("Expected the ERP's copy FL-2026-457 of the Factur-X FL-2026-0457 rejected as a duplicate, but the rejected"
            + " invoices are " + column("rejectedInvoices", "invoiceNumber"));
      }
      if (!column("bankAccepted", "invoiceNumber").contains("PS-88190")) {
        problems.add("Expected PS-88190 of the ERP's open items paid, but the bank accepted " + column("bankAccepted", "invoiceNumber"));
      }
      if (!column("heldPayments", "invoiceNumber").contains("KM-2026-212")) {
        problems.add("Expected KM-2026-212 (changed IBAN) held, but the held payments are " + column("heldPayments", "invoiceNumber"));
      }
      if (!column("bankRejected", "reasonCode").contains("AC04")) {
        problems.add("Expected the bank to reject BB-7781 with AC04, but it rejected " + list("bankRejected"));
      }
      long approvers = list("approvals").stream().filter(a -> "approval".equals(a.get("role"))).map(a -> a.get("user")).distinct().count();
      if (!"dual".equals(variables.get("tier")) || approvers != 2) {
        problems.add("Expected tier dual with two different approvers, but the tier is " + variables.get("tier") + " with " + approvers);
      }
      if (mails("Remittance advice") == 0) {
        problems.add("Expected remittance mails, but none was sent; the mails are " + mailSubjects);
      }
    }

    public boolean succeeded() {
      return problems.isEmpty();
    }

    long mails(String subjectPart) {
      return mailSubjects.stream().filter(s -> s != null && s.contains(subjectPart)).count();
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> list(String name) {
      Object value = variables.get(name);
      return value instanceof List<?> list ? (List<Map<String, Object>>) list : List.of();
    }

    List<String> column(String list, String field) {
      return list(list).stream().map(m -> Objects.toString(m.get(field))).toList();
    }

    @SuppressWarnings("unchecked")
    String text(String map, String field) {
      Object value = variables.get(map);
      return value instanceof Map<?, ?> m ? Objects.toString(((Map<String, Object>) m).get(field)) : "?";
    }

    private static Path file(Path workspace, Object reference) {
      return reference instanceof String ref ? workspace.resolve(ref).normalize() : null;
    }

    private static Map<String, Object> withoutNulls(Map<String, Object> values) {
      Map<String, Object> copy = new LinkedHashMap<>();
      values.forEach((k, v) -> {
        if (v != null) {
          copy.put(k, v);
        }
      });
      return copy;
    }
  }
}
