package dev.engranaje.workers.finance.process;

import dev.engranaje.workers.api.BusinessError;
import dev.engranaje.workers.api.JobContext;
import dev.engranaje.workers.api.JobType;
import dev.engranaje.workers.api.JobWorker;
import dev.engranaje.workers.api.TechnicalFailure;
import dev.engranaje.workers.finance.pain001.Pain001Document;
import dev.engranaje.workers.finance.pain001.Pain001Exception;
import dev.engranaje.workers.finance.pain001.Pain001Reader;
import dev.engranaje.workers.finance.pain002.Outcome;
import dev.engranaje.workers.finance.pain002.Pain002Exception;
import dev.engranaje.workers.finance.pain002.Pain002Reader;
import dev.engranaje.workers.finance.pain002.Pain002Report;
import dev.engranaje.workers.finance.pain002.PaymentStatus;
import dev.engranaje.workers.finance.pain002.StatusMatcher;
import dev.engranaje.workers.finance.payment.RunFile;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code rpa:payments.read-status:1}: reads the bank's pain.002 status report for a released run and
 * matches it back to each payment ({@link StatusMatcher}: a transaction's own status, else its batch's,
 * else the group's; pending or unreported stays pending, never guessed accepted). Returns the accepted
 * and rejected payments with the invoice, supplier and the bank's reason, and records the statuses in
 * the run file for the report.
 *
 * <p>BPMN error {@value #STATUS_INVALID}: the status file is malformed or not a pain.002 (the message
 * names the file and position). A run not released yet, or a missing file, is a permanent failure.
 * Thread-safe (stateless).
 */
@JobType("rpa:payments.read-status:1")
public final class ReadPaymentStatusWorker
    implements JobWorker<ReadPaymentStatusWorker.Input, ReadPaymentStatusWorker.Result> {
  static final String STATUS_INVALID = "STATUS_INVALID";
  static final String NOT_RELEASED = "Expected run %s to be released (write-pain001) before its bank status is read,"
      + " but it was not";
  static final String NO_STATUS_FILE = "Expected the status report '%s' in the workspace, but it does not exist;"
      + " check 'statusFile'";

  /**
   * @param statusFile the pain.002 (workspace reference)
   * @param runRef the run file
   */
  public record Input(String statusFile, String runRef) {}

  /** A payment the bank accepted. */
  public record Accepted(String endToEndId, String invoiceNumber, String supplierName, String supplierEmail,
      String amount, String currency) {}

  /** A payment the bank rejected, with its reason (e.g. AC04, closed account). */
  public record Rejected(String endToEndId, String invoiceNumber, String supplierName, String supplierEmail,
      String amount, String reasonCode, String reasonText) {}

  /** How many payments of the file the bank accepted, rejected, or has not decided (pending or unreported). */
  public record Summary(int accepted, int rejected, int pending) {}

  public record Result(List<Accepted> bankAccepted, List<Rejected> bankRejected, Summary statusSummary) {}

  @Override
  public Class<Input> inputType() {
    return Input.class;
  }

  @Override
  public Result handle(Input input, JobContext context) throws Exception {
    String statusRef = CheckInvoiceWorker.required(input.statusFile(), "statusFile", "the pain.002 status report");
    String runRef = CheckInvoiceWorker.required(input.runRef(), "runRef", "the run file, from run.runRef");
    Path runPath = context.workspace().resolve(runRef);
    RunFile run = RunFile.read(runPath, runRef, context.json());
    if (run.release() == null) {
      throw TechnicalFailure.permanent(NOT_RELEASED.formatted(run.runId()));
    }
    Path statusPath = context.workspace().resolve(statusRef);
    if (!Files.isRegularFile(statusPath)) {
      throw TechnicalFailure.permanent(NO_STATUS_FILE.formatted(statusRef));
    }
    Pain001Document released;
    try {
      released = new Pain001Reader().read(context.workspace().resolve(run.release().paymentFile()));
    } catch (Pain001Exception | UncheckedIOException e) {
      throw TechnicalFailure.permanent("Expected the released payment file '" + run.release().paymentFile()
          + "' of run " + run.runId() + " to be readable, but: " + e.getMessage(), e);
    }
    Pain002Report report;
    try {
      report = new Pain002Reader().read(statusPath);
    } catch (Pain002Exception e) {
      throw new BusinessError(STATUS_INVALID, "'" + statusRef + "': " + e.getMessage(), Map.of("statusFile", statusRef));
    }
    StatusMatcher.Match match = StatusMatcher.match(StatusMatcher.Run.of(released), report);
    Map<String, RunFile.Payment> payments = run.payments().stream()
        .collect(Collectors.toMap(RunFile.Payment::endToEndId, Function.identity()));
    List<Accepted> accepted = new ArrayList<>();
    List<Rejected> rejected = new ArrayList<>();
    List<RunFile.BankStatus> statuses = new ArrayList<>();
    int pending = 0;
    for (PaymentStatus status : match.payments()) {
      statuses.add(new RunFile.BankStatus(status.endToEndId(), status.outcome().name().toLowerCase(java.util.Locale.ROOT),
          status.statusCode(), status.reasonCode(), status.reasonText()));
      RunFile.Payment p = payments.get(status.endToEndId());
      if (p == null) {
        continue;
      }
      if (status.outcome() == Outcome.ACCEPTED) {
        accepted.add(new Accepted(p.endToEndId(), p.invoiceNumber(), p.supplierName(), p.supplierEmail(), p.amount(),
            p.currency()));
      } else if (status.outcome() == Outcome.REJECTED) {
        rejected.add(new Rejected(p.endToEndId(), p.invoiceNumber(), p.supplierName(), p.supplierEmail(), p.amount(),
            status.reasonCode(), status.reasonText()));
      } else {
        pending++;
      }
    }
    run.withBankStatus(statuses).write(runPath, context.json());
    return new Result(accepted, rejected, new Summary(accepted.size(), rejected.size(), pending));
  }
}
