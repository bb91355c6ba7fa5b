package dev.engranaje.workers.finance.process;

import dev.engranaje.workers.api.JobContext;
import dev.engranaje.workers.api.JobType;
import dev.engranaje.workers.api.JobWorker;
import dev.engranaje.workers.api.TechnicalFailure;
import dev.engranaje.workers.finance.ledger.LedgerItem;
import dev.engranaje.workers.finance.ledger.LedgerJson;
import dev.engranaje.workers.finance.reconcile.GroupStatus;
import dev.engranaje.workers.finance.reconcile.InvalidMatchRules;
import dev.engranaje.workers.finance.reconcile.MatchGroup;
import dev.engranaje.workers.finance.reconcile.MatchRules;
import dev.engranaje.workers.finance.report.ReconciliationJson;
import dev.engranaje.workers.finance.report.ReconciliationResult;
import dev.engranaje.workers.finance.report.ReconciliationRun;
import dev.engranaje.workers.finance.report.StatementSummary;
import dev.engranaje.workers.finance.statement.StatementEntry;
import dev.engranaje.workers.finance.statement.StatementFile;
import dev.engranaje.workers.finance.statement.StatementJson;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Matches a normalised statement (JSON, from the statement worker) against the ledger items (JSON,
 * from {@link ReadLedgerWorker}) with the default or a given rules file, writes the full result to
 * the workspace (the same JSON as {@code rpa reconcile --json}, {@link ReconciliationJson}) and
 * returns its reference, the counts, whether a person must review, and a small capped list of what
 * to review for a user-task form: suggestions first, then unmatched bank entries, then unmatched
 * ledger items, money as strings.
 *
 * <p>Invalid rules, unreadable inputs or a statement file of several accounts are permanent
 * failures naming the reference. Matching is deterministic, so a redelivered job writes the same
 * result. Thread-safe (stateless).
 */
@JobType("rpa:finance.match:1")
public final class MatchTransactionsWorker
    implements JobWorker<MatchTransactionsWorker.Input, MatchTransactionsWorker.Result> {
  static final int DEFAULT_REVIEW_ITEMS = 50;
  static final int MAX_REVIEW_ITEMS = 200;
  static final int MAX_TEXT = 140;
  static final String BAD_INPUT = "Expected to reconcile '%s' with '%s', but %s";
  static final String BAD_LIMIT = "Expected 'maxReviewItems' from 0 to %d, but got %d";

  /**
   * What to match.
   *
   * @param statementRef the normalised statement JSON (required)
   * @param ledgerRef the ledger items JSON (required)
   * @param rules a match rules YAML in the workspace; default the bundled rules
   * @param output where to write the result (default {@code finance/reconciliation.json})
   * @param maxReviewItems the most review items in the {@code review} variable (default 50, at most 200)
   */
  public record Input(String statementRef, String ledgerRef, String rules, String output, Integer maxReviewItems) {}

  /**
   * One thing for the accountant to look at.
   *
   * @param id the group id, by which a suggestion is accepted or rejected
   * @param kind {@code suggested}, {@code unmatchedBank} or {@code unmatchedLedger}
   * @param bankRefs the bank's references, comma-separated ({@code null} for a ledger item)
   * @param amount the bank total (or, for a ledger item, its open amount) as an exact decimal string
   * @param ledgerIds the candidate (or unmatched) ledger items
   */
  public record ReviewItem(String id, String kind, String bankRefs, String bookingDate, String amount, String currency,
      String counterparty, String remittance, List<String> ledgerIds, String rule, String confidence,
      String difference) {}

  /**
   * The outcome.
   *
   * @param review at most {@code maxReviewItems} items, in the order above
   * @param reviewTotal how many items there are to review in all
   * @param reviewTruncated whether {@code review} holds fewer than {@code reviewTotal}
   */
  public record Result(String resultRef, int confirmed, int suggested, int unmatchedBank, int unmatchedLedger,
      boolean needsReview, List<ReviewItem> review, int reviewTotal, boolean reviewTruncated) {}

  @Override
  public Class<Input> inputType() {
    return Input.class;
  }

  @Override
  public Result handle(Input input, JobContext context) throws TechnicalFailure, IOException {
    int limit = input.maxReviewItems() == null ? DEFAULT_REVIEW_ITEMS : input.maxReviewItems();
    if (limit < 0 || limit > MAX_REVIEW_ITEMS) {
      throw TechnicalFailure.permanent(String.format(BAD_LIMIT, MAX_REVIEW_ITEMS, limit));
    }
    StatementFile statement = WriteReconciliationReportWorker.read(context, input.statementRef(), StatementJson::read);
    List<LedgerItem> items = WriteReconciliationReportWorker.read(context, input.ledgerRef(), LedgerJson::read);
    MatchRules rules = MatchRules.defaults();
    String rulesName = "defaults";
    if (input.rules() != null && !input.rules().isBlank()) {
      try {
        rules = MatchRules.read(ReadLedgerWorker.existing(context, input.rules(), "match rules"));
      } catch (InvalidMatchRules e) {
        throw TechnicalFailure.permanent(e.getMessage(), e);
      }
      rulesName = input.rules();
    }
    ReconciliationResult result;
    try {
      result = ReconciliationRun.run(statement, ledgerSource(context, input.ledgerRef()), items, rules, rulesName);
    } catch (IllegalArgumentException e) {
      throw TechnicalFailure.permanent(String.format(BAD_INPUT, input.statementRef(), input.ledgerRef(), e.getMessage()),
          e);
    }
    String reference = input.output() == null || input.output().isBlank() ? "finance/reconciliation.json"
        : input.output();
    Path target = context.workspace().resolveForWriting(reference);
    try (OutputStream out = Files.newOutputStream(target)) {
      ReconciliationJson.write(result, out);
    }
    List<ReviewItem> review = review(result, StatementSummary.bookedEntries(statement), items);
    ReconciliationResult.Counts counts = result.counts();
    return new Result(context.workspace().reference(target), counts.confirmed(), counts.suggested(),
        counts.unmatchedBank(), counts.unmatchedLedger(), counts.needsReview(),
        List.copyOf(review.subList(0, Math.min(limit, review.size()))), review.size(), review.size() > limit);
  }

  // The ledger JSON names the export it was read from; show that, not the intermediate file.
  private static String ledgerSource(JobContext context, String ledgerRef) {
    try {
      com.fasterxml.jackson.databind.JsonNode source = context.json()
          .readTree(context.workspace().resolve(ledgerRef).toFile()).path("source");
      return source.isTextual() ? source.asText() : ledgerRef;
    } catch (IOException | TechnicalFailure e) {
      return ledgerRef;
    }
  }

  static List<ReviewItem> review(ReconciliationResult result, List<StatementEntry> entries, List<LedgerItem> items) {
    Map<String, StatementEntry> entryByRef = new HashMap<>();
    entries.forEach(entry -> entryByRef.put(entry.entryId(), entry));
    Map<String, LedgerItem> itemById = new HashMap<>();
    items.forEach(item -> itemById.put(item.id(), item));
    String currency = result.statement().currency();
    int scale = StatementSummary.scale(currency);
    List<ReviewItem> suggested = new ArrayList<>();
    List<ReviewItem> bank = new ArrayList<>();
    List<ReviewItem> ledger = new ArrayList<>();
    for (ReconciliationResult.Group group : result.groups()) {
      MatchGroup match = group.match();
      if (match.status() == GroupStatus.CONFIRMED) {
        continue;
      }
      if (match.bankRefs().isEmpty()) {
        LedgerItem item = itemById.get(match.ledgerIds().get(0));
        ledger.add(new ReviewItem(group.id(), "unmatchedLedger", null, null,
            item == null ? null : item.amount().toPlainString(), item == null ? currency : item.currency(),
            item == null ? null : item.partnerName(), item == null ? null : shortened(item.reference()), match.ledgerIds(),
            null, null, null));
        continue;
      }
      List<StatementEntry> bankEntries = match.bankRefs().stream().map(entryByRef::get).filter(Objects::nonNull).toList();
      BigDecimal total = BigDecimal.ZERO.setScale(scale);
      for (StatementEntry entry : bankEntries) {
        total = total.add(entry.amount());
      }
      StatementEntry first = bankEntries.isEmpty() ? null : bankEntries.get(0);
      boolean suggestion = match.status() == GroupStatus.SUGGESTED;
      ReviewItem item = new ReviewItem(group.id(), suggestion ? "suggested" : "unmatchedBank",
          String.join(", ", match.bankRefs()), first == null || first.bookingDate() == null ? null
              : first.bookingDate().toString(), total.toPlainString(), currency,
          first == null ? null : first.counterparty().name(), first == null ? null
              : shortened(first.remittanceInformation()), match.ledgerIds(), match.rule(),
          match.confidence() == null ? null : match.confidence().name().toLowerCase(Locale.ROOT),
          suggestion && match.difference() != null ? match.difference().setScale(Math.max(scale,
              match.difference().scale())).toPlainString() : null);
      (suggestion ? suggested : bank).add(item);
    }
    List<ReviewItem> all = new ArrayList<>(suggested);
    all.addAll(bank);
    all.addAll(ledger);
    return all;
  }

  private static String shortened(String text) {
    return text == null || text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT - 3) + "...";
  }
}
