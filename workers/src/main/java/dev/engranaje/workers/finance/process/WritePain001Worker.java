package dev.engranaje.workers.finance.process;

import dev.engranaje.workers.api.BusinessError;
import dev.engranaje.workers.api.JobContext;
import dev.engranaje.workers.api.JobType;
import dev.engranaje.workers.api.JobWorker;
import dev.engranaje.workers.api.TechnicalFailure;
import dev.engranaje.workers.finance.pain001.CreditTransfer;
import dev.engranaje.workers.finance.pain001.DebtorAccount;
import dev.engranaje.workers.finance.pain001.Pain001Exception;
import dev.engranaje.workers.finance.pain001.Pain001File;
import dev.engranaje.workers.finance.pain001.Pain001Version;
import dev.engranaje.workers.finance.pain001.Pain001Writer;
import dev.engranaje.workers.finance.pain001.PaymentRun;
import dev.engranaje.workers.finance.payment.ApprovalTier;
import dev.engranaje.workers.finance.payment.CreditorReference;
import dev.engranaje.workers.finance.payment.Decision;
import dev.engranaje.workers.finance.payment.DecisionLog;
import dev.engranaje.workers.finance.payment.FourEyes;
import dev.engranaje.workers.finance.payment.RunFile;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code rpa:payments.write-pain001:1}: releases an approved run as a pain.001 credit transfer file
 * (001.001.09 by default, or 001.001.03): one batch per execution date and debtor account, control
 * sums, the run's end-to-end ids, text fitted to the SEPA characters, validated against the official
 * XSD before it is written ({@link Pain001Writer}).
 *
 * <p>Defence in depth: the {@code tier} and {@code approvals} variables are not trusted. The tier is
 * the stricter of the variable and the {@code payment-approval-tier} decision evaluated again by the
 * engine on the run's total; the approvals are the counted ones of the decision log, taken on the run
 * as it is now (its fingerprint). Too few different approvers other than the preparer is BPMN error
 * {@value #APPROVAL_MISSING}. A held payment (changed IBAN) is in the file only when its latest
 * counted verification confirmed it; the others are listed in {@code heldBack}. Nothing left to pay is
 * BPMN error {@value #NOTHING_TO_PAY}. The release is recorded in the decision log and the run file.
 * Thread-safe (stateless).
 */
@JobType("rpa:payments.write-pain001:1")
public final class WritePain001Worker implements JobWorker<WritePain001Worker.Input, WritePain001Worker.Result> {
  static final String APPROVAL_MISSING = "APPROVAL_MISSING";
  static final String NOTHING_TO_PAY = "NOTHING_TO_PAY";
  static final String DECISION_ID = "payment-approval-tier";
  static final String TOO_FEW = "Expected %d different approver(s) other than the preparer '%s' for run %s (total %s %s,"
      + " tier %s), but the decision log has %d%s";
  static final String CHANGED = "Expected run %s to be the run that was approved, but its payments changed after"
      + " preparation (fingerprint %s, file says %s): no approval counts for it";
  static final String BAD_TIER = "Expected decision '%s' to give a tier auto, single or dual for amount %s, but it gave %s";
  static final String NOTHING = "Expected at least one payment to release in run %s, but %s";

  /**
   * @param runRef the run file
   * @param approvals informative only: the decision log is the record
   * @param tier the tier the model decided ({@code auto}, {@code single}, {@code dual})
   * @param version {@code 001.001.09} (default) or {@code 001.001.03}
   * @param output where to write the file, default {@code payments/pain001-<runId>.xml}
   */
  public record Input(String runRef, List<Map<String, Object>> approvals, String tier, String version,
      String output) {}

  /**
   * @param paymentFile the pain.001 (workspace reference)
   * @param messageId GrpHdr/MsgId, the run id
   * @param controlSum the sum of the payments in the file
   * @param heldBack the invoice numbers of held payments left out (not verified, or declined)
   */
  public record Result(String paymentFile, String messageId, String controlSum, int transactionCount,
      List<String> heldBack) {}

  @Override
  public Class<Input> inputType() {
    return Input.class;
  }

  @Override
  public Result handle(Input input, JobContext context) throws Exception {
    String runRef = CheckInvoiceWorker.required(input.runRef(), "runRef", "the run file, from run.runRef");
    Path runPath = context.workspace().resolve(runRef);
    RunFile run = RunFile.read(runPath, runRef, context.json());
    if (!run.unchanged()) {
      String why = CHANGED.formatted(run.runId(), RunFile.fingerprintOf(run.payments()), run.fingerprint());
      throw new BusinessError(APPROVAL_MISSING, why, Map.of("approvalMissing", why));
    }
    Pain001Version version;
    ApprovalTier given;
    try {
      version = Pain001Version.of(input.version() == null || input.version().isBlank() ? "001.001.09" : input.version());
      given = ApprovalTier.of(input.tier());
    } catch (IllegalArgumentException e) {
      throw TechnicalFailure.permanent(e.getMessage(), e);
    }
    ApprovalTier tier = given.stricter(decidedTier(context, run));
    Path log = context.workspace().resolveForWriting(DecisionLog.REFERENCE);
    List<Decision> decisions = DecisionLog.read(log, run.runId(), context.json());
    Set<String> approvers = FourEyes.approvers(run, decisions);
    if (approvers.size() < tier.approvers()) {
      String why = TOO_FEW.formatted(tier.approvers(), run.preparer(), run.runId(), run.total(), run.currency(),
          tier.id(), approvers.size(), approvers.isEmpty() ? "" : " (" + approvers + ")");
      throw new BusinessError(APPROVAL_MISSING, why, Map.of("approvalMissing", why, "requiredTier", tier.id()));
    }
    List<CreditTransfer> transfers = new ArrayList<>();
    List<String> heldBack = new ArrayList<>();
    DebtorAccount debtor = new DebtorAccount(run.debtor().name(), run.debtor().iban(), run.debtor().bic());
    for (RunFile.Payment payment : run.payments()) {
      if (payment.held() && !FourEyes.verified(run, payment, decisions)) {
        heldBack.add(payment.invoiceNumber());
        continue;
      }
      transfers.add(transfer(payment, debtor));
    }
    if (transfers.isEmpty()) {
      throw new BusinessError(NOTHING_TO_PAY, NOTHING.formatted(run.runId(), run.payments().isEmpty()
          ? "it has no payments" : "every payment is held back: " + heldBack), Map.of("heldBack", heldBack));
    }
    String reference = input.output() == null || input.output().isBlank()
        ? "payments/pain001-" + run.runId() + ".xml" : input.output();
    Path target = context.workspace().resolveForWriting(reference);
    OffsetDateTime now = OffsetDateTime.now(context.clock()).withOffsetSameInstant(ZoneOffset.UTC);
    Pain001File file;
    try {
      file = new Pain001Writer(version).write(new PaymentRun(run.runId(), now, run.debtor().name(), transfers), target);
    } catch (Pain001Exception e) {
      throw TechnicalFailure.permanent("Expected run " + run.runId() + " to make a valid payment file, but: "
          + e.getMessage(), e);
    }
    String controlSum = file.controlSum().setScale(2).toPlainString();
    String fileRef = context.workspace().reference(target);
    List<String> ids = transfers.stream().map(CreditTransfer::endToEndId).toList();
    run.withRelease(new RunFile.Release(fileRef, file.messageId(), version.messageName(), now.toString(), controlSum, ids))
        .write(runPath, context.json());
    DecisionLog.append(log, new Decision(now.toString(), now.toString(), run.runId(), Decision.RELEASE, null, true,
        "released as " + fileRef + " (tier " + tier.id() + ", approved by " + approvers + ")", null, null, null,
        controlSum, run.currency(), ids.size(), run.fingerprint(), true, null), context.json());
    return new Result(fileRef, file.messageId(), controlSum, file.numberOfTransactions(), heldBack);
  }

  private static ApprovalTier decidedTier(JobContext context, RunFile run) throws TechnicalFailure {
    Object output = context.engine().evaluateDecision(DECISION_ID, Map.of("amount", new BigDecimal(run.total())));
    Object tier = output instanceof Map<?, ?> map ? map.get("tier") : output;
    try {
      return ApprovalTier.of(tier == null ? null : tier.toString());
    } catch (IllegalArgumentException e) {
      throw TechnicalFailure.permanent(BAD_TIER.formatted(DECISION_ID, run.total(), output), e);
    }
  }

  private static CreditTransfer transfer(RunFile.Payment p, DebtorAccount debtor) {
    String reference = p.paymentReference() == null ? null : p.paymentReference().strip();
    boolean structured = reference != null && CreditorReference.isValid(reference);
    String text = "Invoice " + p.invoiceNumber() + (reference == null || structured ? "" : " " + reference);
    return new CreditTransfer(p.endToEndId(), debtor, LocalDate.parse(p.executionDate()), p.supplierName(), p.iban(),
        p.bic(), new BigDecimal(p.amount()), p.currency(), text.length() > 140 ? text.substring(0, 140) : text,
        structured ? reference.replace(" ", "") : null);
  }
}
