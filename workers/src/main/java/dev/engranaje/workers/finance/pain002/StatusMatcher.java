package dev.engranaje.workers.finance.pain002;

import dev.engranaje.workers.finance.pain001.Pain001Document;
import dev.engranaje.workers.finance.pain001.Pain001File;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Matches a pain.002 report back to the payments of a run. The most specific status wins: a
 * transaction's own status, else its PmtInf's, else the group's. A PART or absent status at every
 * level leaves the payment {@link Outcome#UNKNOWN}, never guessed accepted. A report about another
 * message makes every payment unknown. Stateless and thread-safe.
 */
public final class StatusMatcher {
  static final String OTHER_MESSAGE =
      "Expected the status report to refer to message '%s', but it refers to '%s'.";
  static final String NOT_REPORTED = "The report gives no decisive status for this payment.";

  /**
   * The run as the bank knows it: its message id and, per PmtInf id, the end-to-end ids in it.
   *
   * @param messageId GrpHdr/MsgId
   * @param endToEndIdsByPaymentInformationId PmtInfId to its end-to-end ids, in file order
   */
  public record Run(String messageId, Map<String, List<String>> endToEndIdsByPaymentInformationId) {
    /** The run of a released file. */
    public static Run of(Pain001File file) {
      Map<String, List<String>> ids = new LinkedHashMap<>();
      file.batches().forEach(b -> ids.put(b.paymentInfoId(), b.endToEndIds()));
      return new Run(file.messageId(), ids);
    }

    /** The run of a file read back from disk. */
    public static Run of(Pain001Document document) {
      Map<String, List<String>> ids = new LinkedHashMap<>();
      document.batches().forEach(b -> ids.put(b.paymentInfoId(),
          b.transactions().stream().map(Pain001Document.Transaction::endToEndId).toList()));
      return new Run(document.messageId(), ids);
    }
  }

  /**
   * The result.
   *
   * @param payments one per payment of the run, in run order
   * @param unknownEndToEndIds end-to-end ids the report names that are not in the run
   */
  public record Match(List<PaymentStatus> payments, List<String> unknownEndToEndIds) {}

  private StatusMatcher() {}

  /** Matches the report to the run. */
  public static Match match(Run run, Pain002Report report) {
    List<PaymentStatus> out = new ArrayList<>();
    if (report.originalMessageId() != null && !report.originalMessageId().equals(run.messageId())) {
      String why = OTHER_MESSAGE.formatted(run.messageId(), report.originalMessageId());
      run.endToEndIdsByPaymentInformationId().values().forEach(ids -> ids.forEach(
          id -> out.add(new PaymentStatus(id, Outcome.UNKNOWN, "NONE", null, null, why))));
      return new Match(out, List.of());
    }
    Map<String, Pain002Report.PaymentInformationStatus> byPmtInf = new LinkedHashMap<>();
    Map<String, Status> byTransaction = new LinkedHashMap<>();
    for (Pain002Report.PaymentInformationStatus p : report.paymentInformation()) {
      byPmtInf.put(p.originalPaymentInformationId(), p);
      p.transactions().forEach(t -> byTransaction.put(t.originalEndToEndId(), t.status()));
    }
    Set<String> known = new LinkedHashSet<>();
    run.endToEndIdsByPaymentInformationId().forEach((pmtInfId, ids) -> {
      Pain002Report.PaymentInformationStatus pmtInf = byPmtInf.get(pmtInfId);
      for (String id : ids) {
        known.add(id);
        out.add(decide(id, byTransaction.get(id), pmtInf == null ? Status.NONE : pmtInf.status(), report.groupStatus()));
      }
    });
    List<String> unknown = byTransaction.keySet().stream().filter(id -> !known.contains(id)).toList();
    return new Match(out, unknown);
  }

  private static PaymentStatus decide(String id, Status transaction, Status pmtInf, Status group) {
    if (transaction != null && transaction.outcome() != Outcome.UNKNOWN) {
      return status(id, "TRANSACTION", transaction);
    }
    if (pmtInf.outcome() != Outcome.UNKNOWN) {
      return status(id, "PAYMENT_INFORMATION", pmtInf);
    }
    if (group.outcome() != Outcome.UNKNOWN) {
      return status(id, "GROUP", group);
    }
    return new PaymentStatus(id, Outcome.UNKNOWN, "NONE", null, null, NOT_REPORTED);
  }

  private static PaymentStatus status(String id, String level, Status status) {
    return new PaymentStatus(id, status.outcome(), level, status.code(), status.reasonCode(), status.additionalInformation());
  }
}
