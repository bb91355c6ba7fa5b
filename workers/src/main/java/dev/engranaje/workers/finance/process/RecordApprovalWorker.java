package dev.engranaje.workers.finance.process;

import dev.engranaje.workers.api.BusinessError;
import dev.engranaje.workers.api.EngineQueries.CompletedUserTask;
import dev.engranaje.workers.api.JobContext;
import dev.engranaje.workers.api.JobType;
import dev.engranaje.workers.api.JobWorker;
import dev.engranaje.workers.api.TechnicalFailure;
import dev.engranaje.workers.finance.payment.Decision;
import dev.engranaje.workers.finance.payment.DecisionLog;
import dev.engranaje.workers.finance.payment.FourEyes;
import dev.engranaje.workers.finance.payment.RunFile;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * {@code rpa:payments.record-approval:1}: records the decision of the approval or verification user task
 * that just completed. Who decided is not taken from a variable (anyone with API access can set one)
 * but asked of the engine: the assignee of the last completed user task {@code taskElementId} of this
 * instance. The decision counts only when that task had an assignee, the assignee is not the run's
 * preparer (as the run file recorded it) and, for an approval, has not approved the run already.
 * Every decision, counted or refused, is appended once to {@code payments/decisions.jsonl} with who,
 * when, what and on which amount.
 *
 * <p>BPMN error {@value #VIOLATION} when it does not count: the message names who and why (the model
 * loops back to the task). A {@code preparer} variable that differs from the run's recorded preparer,
 * an unknown role, or a verification of a payment that is not held is a permanent failure. A retried
 * job does not record the decision twice (idempotency ledger). Thread-safe (stateless).
 */
@JobType("rpa:payments.record-approval:1")
public final class RecordApprovalWorker
    implements JobWorker<RecordApprovalWorker.Input, RecordApprovalWorker.Result> {
  static final String VIOLATION = "FOUR_EYES_VIOLATION";
  static final String BAD_ROLE = "Expected 'role' to be 'approval' or 'verification', but got '%s'";
  static final String OTHER_PREPARER = "Expected 'preparer' to be the preparer recorded in run %s ('%s'), but it is '%s':"
      + " the run's own record decides";
  static final String NOT_HELD = "Expected 'subject' to be the invoice number or end-to-end id of one held payment of run"
      + " %s, but '%s' is not (held: %s)";

  /**
   * @param runRef the run file, from {@code run.runRef}
   * @param role {@code approval} or {@code verification}
   * @param taskElementId the id of the user task whose completion is recorded
   * @param approved the decision from the form ({@code false}: declined)
   * @param comment the comment from the form, optional
   * @param preparer optional; when given it must be the run's recorded preparer
   * @param approvals the list so far; informative only: the decision log is the record
   * @param subject for a verification, the held payment's invoice number (or end-to-end id)
   */
  public record Input(String runRef, String role, String taskElementId, Boolean approved, String comment,
      String preparer, List<Map<String, Object>> approvals, String subject) {}

  /** One counted decision as the model sees it. */
  public record Approval(String user, String role, boolean approved, String at, String comment, String subject) {}

  /**
   * @param approvals every counted decision of the run so far (approvals and verifications), oldest first
   * @param approvalCount the number of different people who approved the run as it is now
   * @param approved the decision just recorded ({@code false} when the person declined)
   */
  public record Result(List<Approval> approvals, int approvalCount, boolean approved) {}

  @Override
  public Class<Input> inputType() {
    return Input.class;
  }

  @Override
  public Result handle(Input input, JobContext context) throws Exception {
    String runRef = CheckInvoiceWorker.required(input.runRef(), "runRef", "the run file, from run.runRef");
    String taskElementId = CheckInvoiceWorker.required(input.taskElementId(), "taskElementId",
        "the id of the user task whose decision is recorded");
    String role = input.role() == null ? "" : input.role().strip();
    if (!role.equals(Decision.APPROVAL) && !role.equals(Decision.VERIFICATION)) {
      throw TechnicalFailure.permanent(BAD_ROLE.formatted(input.role()));
    }
    RunFile run = RunFile.read(context.workspace().resolve(runRef), runRef, context.json());
    if (input.preparer() != null && !input.preparer().isBlank() && !input.preparer().strip().equals(run.preparer())) {
      throw TechnicalFailure.permanent(OTHER_PREPARER.formatted(run.runId(), run.preparer(), input.preparer()));
    }
    RunFile.Payment verified = null;
    if (role.equals(Decision.VERIFICATION)) {
      verified = input.subject() == null ? null : run.heldPayment(input.subject().strip());
      if (verified == null) {
        throw TechnicalFailure.permanent(NOT_HELD.formatted(run.runId(), input.subject(),
            run.payments().stream().filter(RunFile.Payment::held).map(RunFile.Payment::invoiceNumber).toList()));
      }
    }
    Path log = context.workspace().resolveForWriting(DecisionLog.REFERENCE);
    CompletedUserTask task = context.engine().lastCompletedUserTask(context.job().processInstanceKey(), taskElementId)
        .orElse(null);
    boolean approved = Boolean.TRUE.equals(input.approved());
    RunFile.Payment subject = verified;
    Decision decision = context.once(context.idempotencyKey(), Decision.class, () -> {
      List<Decision> earlier = DecisionLog.read(log, run.runId(), context.json());
      String refusal = FourEyes.refusal(role, run, taskElementId, task, earlier);
      OffsetDateTime now = OffsetDateTime.now(context.clock()).withOffsetSameInstant(ZoneOffset.UTC);
      Decision made = new Decision(task == null || task.completedAt() == null ? now.toString()
          : task.completedAt().withOffsetSameInstant(ZoneOffset.UTC).toString(), now.toString(), run.runId(), role,
          task == null ? null : task.assignee(), approved, input.comment(),
          subject == null ? null : subject.invoiceNumber(), taskElementId, task == null ? null : task.userTaskKey(),
          subject == null ? run.total() : subject.amount(), run.currency(),
          subject == null ? run.paymentCount() : 1, run.fingerprint(), refusal == null, refusal);
      DecisionLog.append(log, made, context.json());
      return made;
    });
    if (!decision.counted()) {
      throw new BusinessError(VIOLATION, decision.refusal(), Map.of("fourEyesViolation", decision.refusal()));
    }
    List<Decision> all = DecisionLog.read(log, run.runId(), context.json());
    List<Approval> approvals = all.stream()
        .filter(d -> d.counted() && run.fingerprint().equals(d.fingerprint()) && !Decision.RELEASE.equals(d.role()))
        .map(d -> new Approval(d.user(), d.role(), d.approved(), d.at(), d.comment(), d.subject())).toList();
    return new Result(approvals, FourEyes.approvers(run, all).size(), decision.approved());
  }
}
