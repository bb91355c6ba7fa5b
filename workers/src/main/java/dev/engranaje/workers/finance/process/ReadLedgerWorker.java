package dev.engranaje.workers.finance.process;

import dev.engranaje.workers.api.BusinessError;
import dev.engranaje.workers.api.JobContext;
import dev.engranaje.workers.api.JobType;
import dev.engranaje.workers.api.JobWorker;
import dev.engranaje.workers.api.TechnicalFailure;
import dev.engranaje.workers.finance.ledger.InvalidLedgerMapping;
import dev.engranaje.workers.finance.ledger.LedgerException;
import dev.engranaje.workers.finance.ledger.LedgerItem;
import dev.engranaje.workers.finance.ledger.LedgerJson;
import dev.engranaje.workers.finance.ledger.LedgerMapping;
import dev.engranaje.workers.finance.ledger.LedgerReader;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads the ledger's open items from an ERP export (xlsx, xls or CSV) in the workspace through a
 * YAML column mapping, writes them as normalised JSON to the workspace and returns its reference,
 * the item count and the totals as exact decimal strings.
 *
 * <p>Business error {@code INVALID_LEDGER}: the export cannot be read as open items (a missing
 * column, a broken cell, a blank or duplicate id); the message names the file, row and column. A
 * missing or invalid mapping is a permanent failure (an incident: the model's configuration is
 * wrong). Reading the same export again writes the same file. Thread-safe (stateless).
 */
@JobType("rpa:finance.read-ledger:1")
public final class ReadLedgerWorker implements JobWorker<ReadLedgerWorker.Input, ReadLedgerWorker.Result> {
  static final String INVALID_LEDGER = "INVALID_LEDGER";
  static final String MISSING = "Expected the %s '%s' in the workspace, but it does not exist";

  /**
   * What to read.
   *
   * @param path the workspace reference of the ERP export (required)
   * @param mapping the workspace reference of the mapping YAML (required)
   * @param output where to write the items (default {@code finance/ledger.json})
   */
  public record Input(String path, String mapping, String output) {}

  /**
   * What was read.
   *
   * @param ledgerRef the workspace reference of the items JSON
   * @param currencies the currencies of the items, sorted
   * @param receivables the sum of the positive items (money expected in), when they share one currency
   * @param payables the sum of the negative items (money going out), when they share one currency
   * @param total the sum of all items, when they share one currency
   * @param totalsByCurrency the sum of the items per currency
   */
  public record Result(String ledgerRef, int itemCount, List<String> currencies, String receivables, String payables,
      String total, Map<String, String> totalsByCurrency) {}

  @Override
  public Class<Input> inputType() {
    return Input.class;
  }

  @Override
  public Result handle(Input input, JobContext context) throws TechnicalFailure, BusinessError, IOException {
    Path mappingFile = existing(context, input.mapping(), "ledger mapping");
    Path export = existing(context, input.path(), "ledger export");
    LedgerMapping mapping;
    try {
      mapping = LedgerMapping.read(mappingFile, input.mapping());
    } catch (InvalidLedgerMapping e) {
      throw TechnicalFailure.permanent(e.getMessage(), e);
    }
    List<LedgerItem> items;
    try {
      items = LedgerReader.read(export, input.path(), mapping);
    } catch (LedgerException e) {
      throw new BusinessError(INVALID_LEDGER, e.getMessage());
    }
    String reference = input.output() == null || input.output().isBlank() ? "finance/ledger.json" : input.output();
    Path target = context.workspace().resolveForWriting(reference);
    try (OutputStream out = Files.newOutputStream(target)) {
      LedgerJson.write(input.path(), items, out);
    }
    return result(context.workspace().reference(target), items);
  }

  private static Result result(String reference, List<LedgerItem> items) {
    Map<String, BigDecimal> totals = new TreeMap<>();
    BigDecimal in = BigDecimal.ZERO;
    BigDecimal out = BigDecimal.ZERO;
    for (LedgerItem item : items) {
      totals.merge(item.currency(), item.amount(), BigDecimal::add);
      if (item.amount().signum() >= 0) {
        in = in.add(item.amount());
      } else {
        out = out.add(item.amount());
      }
    }
    Map<String, String> byCurrency = new TreeMap<>();
    totals.forEach((currency, total) -> byCurrency.put(currency, total.toPlainString()));
    boolean single = totals.size() == 1;
    int scale = single ? totals.values().iterator().next().scale() : 0;
    return new Result(reference, items.size(), List.copyOf(totals.keySet()),
        single ? in.setScale(Math.max(scale, in.scale())).toPlainString() : null,
        single ? out.setScale(Math.max(scale, out.scale())).toPlainString() : null,
        single ? byCurrency.values().iterator().next() : null, byCurrency);
  }

  static Path existing(JobContext context, String reference, String what) throws TechnicalFailure {
    Path file = context.workspace().resolve(reference);
    if (!Files.isRegularFile(file)) {
      throw TechnicalFailure.permanent(String.format(MISSING, what, reference));
    }
    return file;
  }
}
