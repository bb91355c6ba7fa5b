package dev.engranaje.workers.finance.payment;

/**
 * One line of {@code payments/decisions.jsonl}: a person's decision about a run (or a release by the
 * system), counted or refused.
 *
 * @param at when the decision was made (the user task's completion time; for a release, the release time)
 * @param recordedAt when it was recorded
 * @param role {@code approval}, {@code verification} or {@code release}
 * @param user who decided: the user task's assignee, {@code null} when the task had none
 * @param approved what the person decided (approve or decline)
 * @param subject for a verification, the payment's invoice number or end-to-end id; else {@code null}
 * @param amount the amount decided on: the run total, or the verified payment's amount
 * @param fingerprint the run's fingerprint when decided
 * @param counted {@code true} when the decision satisfied the controls and counts
 * @param refusal why it does not count, {@code null} when it does
 */
public record Decision(String at, String recordedAt, String runId, String role, String user, boolean approved,
    String comment, String subject, String taskElementId, Long userTaskKey, String amount, String currency,
    int paymentCount, String fingerprint, boolean counted, String refusal) {

  public static final String APPROVAL = "approval";
  public static final String VERIFICATION = "verification";
  public static final String RELEASE = "release";
}
