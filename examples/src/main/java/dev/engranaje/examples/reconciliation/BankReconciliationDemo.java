package dev.engranaje.examples.reconciliation;

import dev.engranaje.examples.DemoInstance;
import dev.engranaje.examples.DemoProgress;
import dev.engranaje.examples.ExampleResources;
import dev.engranaje.examples.InstanceVariables;
import dev.engranaje.workers.runtime.JobObserver;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.enums.ProcessInstanceState;
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

/**
 * The bank-reconciliation scenario, as {@code rpa demo bank-reconciliation} runs it: deploy the model
 * and its form, start one instance that downloads the month's statement from the mock bank portal,
 * let the real workers run, complete the accountant's review as the demo user (saying what she
 * decides), wait for the end and print a summary read from the instance's variables and the mail
 * server. One line per step, from the worker runtime's job observer and the user-task polling.
 */
public final class BankReconciliationDemo {
  /** Who reviews in the demo. */
  public static final String DEMO_USER = "ana.lima";
  public static final String DEMO_USER_NAME = "Ana Lima (accountant)";
  private static final Duration DEADLINE = Duration.ofMinutes(4);

  private final CamundaClient client;
  private final PrintStream out;
  private final DemoProgress progress;

  public BankReconciliationDemo(CamundaClient client, PrintStream out) {
    this.client = client;
    this.out = out;
    this.progress = new DemoProgress(out, ExampleResources.read(ReconciliationStack.MODEL), LAST_STEP,
        key -> lastStepVariables.set(variables(key)));
  }

  private static final String LAST_STEP = "mail-report";
  private final java.util.concurrent.atomic.AtomicReference<Map<String, Object>> lastStepVariables =
      new java.util.concurrent.atomic.AtomicReference<>();

  /** A job observer that prints one line per finished job. */
  public JobObserver progress() {
    return progress;
  }

  /** Runs one instance on {@code stack} (already started with {@link #progress()} as its observer). */
  public DemoOutcome run(ReconciliationStack stack) throws IOException {
    long started = System.nanoTime();
    var deployment = stack.deploy();
    out.printf("Deployed '%s' version %d with its review form%n", ReconciliationStack.PROCESS_ID,
        deployment.getProcesses().get(0).getVersion());
    out.printf("Bank portal %s (user %s), mail server SMTP %d / IMAP %d on 127.0.0.1%n", stack.portal().url(),
        "treasury", stack.mail().getSmtp().getPort(), stack.mail().getImap().getPort());
    long key = client.newCreateInstanceCommand().bpmnProcessId(ReconciliationStack.PROCESS_ID).latestVersion()
        .variables(stack.variables("portal", "camt053", "htmlunit")).send().join().getProcessInstanceKey();
    out.printf("Started instance %d: statement from the bank portal (camt.053, HtmlUnit)%n", key);
    List<String> problems = new ArrayList<>();
    ProcessInstanceState state = DemoInstance.awaitEnd(client, key, DEADLINE, problems, this::review);
    Map<String, Object> variables = variables(key);
    if (variables.isEmpty() && lastStepVariables.get() != null) {
      variables = lastStepVariables.get();
    }
    List<MimeMessage> mails = stack.sentMails();
    DemoOutcome outcome = DemoOutcome.of(key, state, variables, stack.workspaceRoot().resolve(Long.toString(key)),
        mails, problems, Duration.ofNanos(System.nanoTime() - started));
    print(outcome, mails);
    return outcome;
  }

  /**
   * The demo accountant's rule of thumb: accept a suggestion backed by a reference or by the
   * counterparty (medium confidence), reject one that rests on the amount alone (low confidence).
   */
  @SuppressWarnings("unchecked")
  private void review(UserTask task) {
    out.printf("  person   %-50s assigned to %s (due %s)%n", progress.name(task.getElementId()),
        DEMO_USER_NAME, task.getDueDate());
    client.newAssignUserTaskCommand(task.getUserTaskKey()).assignee(DEMO_USER).send().join();
    Map<String, Object> local = InstanceVariables.of(client, task.getElementInstanceKey());
    List<Map<String, Object>> decisions = new ArrayList<>();
    int accepted = 0;
    for (Object item : (List<Object>) local.getOrDefault("decisions", List.of())) {
      Map<String, Object> decision = new LinkedHashMap<>((Map<String, Object>) item);
      boolean accept = !"low".equals(decision.get("confidence"));
      decision.put("decision", accept ? "accept" : "reject");
      accepted += accept ? 1 : 0;
      decisions.add(decision);
      out.printf("  person   %-50s %s %s: %s %s %s for %s (%s, %s)%n", "", accept ? "accepts" : "rejects",
          decision.get("id"), decision.get("bankRefs"), decision.get("amount"), decision.get("counterparty"),
          decision.get("ledgerItems"), decision.get("rule"), decision.get("confidence"));
    }
    String comment = accepted + " of " + decisions.size() + " suggestions accepted; amount-only matches need the customer's remittance advice.";
    client.newCompleteUserTaskCommand(task.getUserTaskKey())
        .variables(Map.of("decisions", decisions, "reviewer", DEMO_USER_NAME, "reviewComment", comment))
        .send().join();
    out.printf("  person   %-50s completed by %s: %s%n", "", DEMO_USER_NAME, comment);
  }

  private Map<String, Object> variables(long key) {
    return InstanceVariables.of(client, key);
  }

  private void print(DemoOutcome outcome, List<MimeMessage> mails) {
    out.println();
    out.printf("Bank reconciliation of %s (instance %d): %s in %.1f s%n", outcome.statementId(), outcome.processInstanceKey(),
        outcome.state(), outcome.elapsed().toMillis() / 1000.0);
    out.printf("  entries %s, matched %s, suggested %s, exceptions %s%n", outcome.count("entries"),
        outcome.count("confirmed"), outcome.count("suggested"), outcome.count("exceptions"));
    out.printf("  opening balance %s, closing balance %s %s%n", outcome.statementValue("openingBalance"),
        outcome.statementValue("closingBalance"), outcome.statementValue("currency"));
    out.printf("  report %s%n", outcome.report() == null ? "(none)" : outcome.report());
    out.printf("  mails sent %d:%n", mails.size());
    for (MimeMessage mail : mails) {
      try {
        out.printf("    to %s: %s%n", String.join(", ", java.util.Arrays.stream(mail.getAllRecipients()).map(Object::toString).toList()),
            mail.getSubject());
      } catch (MessagingException e) {
        out.printf("    (unreadable mail: %s)%n", e.getMessage());
      }
    }
    for (String problem : outcome.problems()) {
      out.println("  PROBLEM: " + problem);
    }
    out.println(outcome.succeeded() ? "Everything checked out." : "The demo did NOT check out (see the problems above).");
  }

  /** What the demo found, and whether it is right. */
  public record DemoOutcome(long processInstanceKey, ProcessInstanceState state, Map<String, Object> variables,
      Path report, int mailsSent, List<String> problems, Duration elapsed) {

    static DemoOutcome of(long key, ProcessInstanceState state, Map<String, Object> variables, Path workspace,
        List<MimeMessage> mails, List<String> found, Duration elapsed) {
      List<String> problems = new ArrayList<>(found);
      if (state != ProcessInstanceState.COMPLETED) {
        problems.add("Expected the instance to complete, but it is " + state);
      }
      Path report = null;
      Object reference = variables.get("reportRef");
      if (reference instanceof String ref) {
        report = workspace.resolve(ref).normalize();
        if (!Files.isRegularFile(report)) {
          problems.add("Expected the report at " + report + ", but there is no such file");
        }
      } else if (state == ProcessInstanceState.COMPLETED) {
        problems.add("Expected a variable reportRef, but it is " + reference);
      }
      boolean reportMailed = mails.stream().anyMatch(m -> {
        try {
          return m.getAllRecipients()[0].toString().contains(ReconciliationStack.ACCOUNTING_MAIL)
              && m.getContentType().startsWith("multipart/mixed");
        } catch (MessagingException e) {
          return false;
        }
      });
      if (state == ProcessInstanceState.COMPLETED && !reportMailed) {
        problems.add("Expected the report mailed to " + ReconciliationStack.ACCOUNTING_MAIL + ", but no such mail arrived");
      }
      return new DemoOutcome(key, state, java.util.Collections.unmodifiableMap(new LinkedHashMap<>(variables)), report, mails.size(), List.copyOf(problems), elapsed);
    }

    public boolean succeeded() {
      return problems.isEmpty();
    }

    @SuppressWarnings("unchecked")
    String count(String name) {
      Object counts = variables.get("counts");
      return counts instanceof Map<?, ?> map ? Objects.toString(((Map<String, Object>) map).get(name)) : "?";
    }

    @SuppressWarnings("unchecked")
    String statementValue(String name) {
      Object statement = variables.get("statement");
      return statement instanceof Map<?, ?> map ? Objects.toString(((Map<String, Object>) map).get(name)) : "?";
    }

    String statementId() {
      return statementValue("statementId");
    }
  }
}
