package dev.engranaje.workers.finance.process;

import dev.engranaje.workers.api.JobContext;
import dev.engranaje.workers.api.JobType;
import dev.engranaje.workers.api.JobWorker;
import dev.engranaje.workers.api.TechnicalFailure;
import dev.engranaje.workers.finance.ledger.LedgerItem;
import dev.engranaje.workers.finance.ledger.LedgerJson;
import dev.engranaje.workers.finance.report.ReconciliationJson;
import dev.engranaje.workers.finance.report.ReconciliationReportWriter;
import dev.engranaje.workers.finance.report.ReconciliationResult;
import dev.engranaje.workers.finance.report.ReviewDecisions;
import dev.engranaje.workers.finance.report.StatementSummary;
import dev.engranaje.workers.finance.statement.Balance;
import dev.engranaje.workers.finance.statement.StatementEntry;
import dev.engranaje.workers.finance.statement.StatementFile;
import dev.engranaje.workers.finance.statement.StatementJson;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the reconciliation report (xlsx, see {@link ReconciliationReportWriter}) from the match
 * worker's result, the statement and the ledger items, after applying the accountant's review
 * decisions (accepted suggestions become matches, rejected ones unmatched entries and items), and
 * returns its reference and the summary figures as strings. A decision about a group that is not a
 * suggestion, or unreadable inputs, are permanent failures naming the reference. Writing again gives
 * the same report. Thread-safe (stateless).
 */
@JobType("rpa:finance.write-report:1")
public final class WriteReconciliationReportWorker
    implements JobWorker<WriteReconciliationReportWorker.Input, WriteReconciliationReportWorker.Result> {
  static final String UNREADABLE = "Expected to read '%s', but %s";
  static final String BAD_DECISIONS = "Expected review decisions that fit the result '%s', but %s";

  /**
   * What to write.
   *
   * @param resultRef the match worker's result JSON (required)
   * @param statementRef the normalised statement JSON the result was matched from (required)
   * @param ledgerRef the ledger items JSON the result was matched from (required)
   * @param output the report's workspace reference (default {@code finance/reconciliation.xlsx})
   * @param reviewDecisions {@code {"accepted": [ids], "rejected": [ids], "reviewer": "name"}}, optional
   */
  public record Input(String resultRef, String statementRef, String ledgerRef, String output,
      ReviewDecisions reviewDecisions) {}

  /** The report and its summary; money as exact decimal strings, {@code null} where the statement has none. */
  public record Result(String reportRef, int confirmed, int suggested, int unmatchedBank, int unmatchedLedger,
      boolean needsReview, String account, String statementId, int entries, String openingBalance,
      String closingBalance, String credits, String debits) {}

  @Override
  public Class<Input> inputType() {
    return Input.class;
  }

  @Override
  public Result handle(Input input, JobContext context) throws TechnicalFailure, IOException {
    ReconciliationResult result = read(context, input.resultRef(), ReconciliationJson::read);
    StatementFile statement = read(context, input.statementRef(), StatementJson::read);
    List<LedgerItem> items = read(context, input.ledgerRef(), LedgerJson::read);
    List<StatementEntry> entries = StatementSummary.bookedEntries(statement);
    if (input.reviewDecisions() != null) {
      Map<String, BigDecimal> bankAmounts = new HashMap<>();
      entries.forEach(entry -> bankAmounts.put(entry.entryId(), entry.amount()));
      Map<String, BigDecimal> ledgerAmounts = new HashMap<>();
      items.forEach(item -> ledgerAmounts.put(item.id(), item.amount()));
      try {
        result = input.reviewDecisions().applyTo(result, bankAmounts, ledgerAmounts);
      } catch (IllegalArgumentException e) {
        throw TechnicalFailure.permanent(String.format(BAD_DECISIONS, input.resultRef(), e.getMessage()), e);
      }
    }
    String reference = input.output() == null || input.output().isBlank() ? "finance/reconciliation.xlsx"
        : input.output();
    Path target = context.workspace().resolveForWriting(reference);
    ReconciliationReportWriter.write(result, entries, items, target);
    ReconciliationResult.Counts counts = result.counts();
    StatementSummary summary = result.statement();
    return new Result(context.workspace().reference(target), counts.confirmed(), counts.suggested(),
        counts.unmatchedBank(), counts.unmatchedLedger(), counts.needsReview(), summary.account(),
        summary.statementIds(), summary.entries(), amount(summary.opening()), amount(summary.closing()),
        summary.credits().toPlainString(), summary.debits().toPlainString());
  }

  private static String amount(Balance balance) {
    return balance == null ? null : balance.amount().toPlainString();
  }

  interface Parser<T> {
    T parse(InputStream in) throws IOException;
  }

  static <T> T read(JobContext context, String reference, Parser<T> parser) throws TechnicalFailure {
    Path file = ReadLedgerWorker.existing(context, reference, "file");
    try (InputStream in = Files.newInputStream(file)) {
      return parser.parse(in);
    } catch (IOException e) {
      throw TechnicalFailure.permanent(String.format(UNREADABLE, reference, e.getMessage()), e);
    }
  }
}
