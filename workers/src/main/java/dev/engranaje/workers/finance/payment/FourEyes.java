package dev.engranaje.workers.finance.payment;

import dev.engranaje.workers.api.EngineQueries.CompletedUserTask;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The segregation-of-duties rules of a payment run. A decision counts only when the user task was
 * completed by an assignee, that assignee is not the preparer, and (for an approval) has not approved
 * this run already; users are compared ignoring case and surrounding spaces. The release is allowed
 * only when the counted approvals of the run, as it is now (same fingerprint), reach its tier.
 * Stateless.
 */
public final class FourEyes {
  static final String NO_TASK = "Expected a completed user task '%s' in this instance to record the %s, but none was"
      + " completed: a decision is only taken from a completed task";
  static final String NO_ASSIGNEE = "Expected user task '%s' (key %d) to have been completed by an assigned user, but it"
      + " had no assignee: nobody can be held to the %s; claim the task, then complete it";
  static final String PREPARER = "Expected the %s of run %s by someone other than its preparer, but '%s' prepared the"
      + " run and completed task '%s': the preparer can approve nothing of it";
  static final String TWICE = "Expected a second approver for run %s, but '%s' approved it already (at %s): each"
      + " approver counts once";
  static final String SAME_TASK = "Expected a new completion of user task '%s', but its completion (key %d) was recorded"
      + " already at %s";

  private FourEyes() {}

  /** Why this decision may not count, or {@code null} when it may. */
  public static String refusal(String role, RunFile run, String taskElementId, CompletedUserTask task,
      List<Decision> earlier) {
    if (task == null) {
      return NO_TASK.formatted(taskElementId, role);
    }
    for (Decision decision : earlier) {
      if (decision.counted() && decision.userTaskKey() != null && decision.userTaskKey() == task.userTaskKey()) {
        return SAME_TASK.formatted(taskElementId, task.userTaskKey(), decision.recordedAt());
      }
    }
    if (task.assignee() == null || task.assignee().isBlank()) {
      return NO_ASSIGNEE.formatted(taskElementId, task.userTaskKey(), role);
    }
    if (same(task.assignee(), run.preparer())) {
      return PREPARER.formatted(role, run.runId(), task.assignee(), taskElementId);
    }
    if (role.equals(Decision.APPROVAL)) {
      for (Decision decision : counted(earlier, run, Decision.APPROVAL)) {
        if (decision.approved() && same(decision.user(), task.assignee())) {
          return TWICE.formatted(run.runId(), task.assignee(), decision.at());
        }
      }
    }
    return null;
  }

  /** The different users whose counted approvals approve the run as it is now. */
  public static Set<String> approvers(RunFile run, List<Decision> decisions) {
    Set<String> users = new LinkedHashSet<>();
    for (Decision decision : counted(decisions, run, Decision.APPROVAL)) {
      if (decision.approved() && !same(decision.user(), run.preparer())) {
        users.add(key(decision.user()));
      }
    }
    return users;
  }

  /** The counted decisions of a role taken on the run as it is now. */
  public static List<Decision> counted(List<Decision> decisions, RunFile run, String role) {
    return decisions.stream().filter(d -> d.counted() && role.equals(d.role()) && run.runId().equals(d.runId())
        && run.fingerprint().equals(d.fingerprint()) && d.user() != null).toList();
  }

  /** Whether the counted verifications approve the held payment (its invoice number or end-to-end id as subject). */
  public static boolean verified(RunFile run, RunFile.Payment payment, List<Decision> decisions) {
    List<Decision> about = counted(decisions, run, Decision.VERIFICATION).stream()
        .filter(d -> payment.endToEndId().equals(d.subject()) || payment.invoiceNumber().equals(d.subject())).toList();
    // the latest verification decides: a later decline withdraws an earlier confirmation
    return !about.isEmpty() && about.get(about.size() - 1).approved()
        && !same(about.get(about.size() - 1).user(), run.preparer());
  }

  static boolean same(String a, String b) {
    return a != null && b != null && key(a).equals(key(b));
  }

  private static String key(String user) {
    return user.strip().toLowerCase(Locale.ROOT);
  }
}
