package dev.engranaje.workers.finance.statement;

import dev.engranaje.workers.api.BusinessError;
import dev.engranaje.workers.api.JobContext;
import dev.engranaje.workers.api.JobType;
import dev.engranaje.workers.api.JobWorker;
import dev.engranaje.workers.api.TechnicalFailure;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code rpa:finance.parse-statement:1}: reads a bank statement file (camt.052/053/054, MT940/MT942,
 * or a CSV/xlsx export through a profile), checks that each statement adds up and that it was not
 * delivered before, writes the normalised statement as JSON into the workspace ({@code
 * statements/<name>.json}, see {@link StatementJson}) and returns its reference with a summary whose
 * amounts are exact decimal strings.
 *
 * <p>BPMN errors: {@value #INVALID} (unparseable or schema-invalid; the message names the file and
 * the position), {@value #UNBALANCED} (opening + booked entries differ from closing; the message
 * names the statement and the difference), {@value #DUPLICATE} (a statement of the file, by account,
 * statement id and sequence, was delivered before; a retry of the same job is not a duplicate).
 * Thread-safe.
 */
@JobType("rpa:finance.parse-statement:1")
public final class ParseStatementWorker implements JobWorker<ParseStatementWorker.Input, ParseStatementWorker.Summary>,
    AutoCloseable {
  static final String INVALID = "STATEMENT_INVALID";
  static final String UNBALANCED = "STATEMENT_UNBALANCED";
  static final String DUPLICATE = "STATEMENT_DUPLICATE";
  static final String NOT_FOUND = "Expected the statement file '%s' to exist, but it does not; check 'path'";
  static final String ALREADY_DELIVERED =
      "Expected statement '%s' (account %s, sequence %s) in '%s' to be new, but it was delivered before in '%s'%s;"
          + " it is not processed again";
  static final String NEEDS_PROFILE = "Expected 'profile' (a YAML export profile) for format '%s', but it is empty";

  private final DeliveryRegistry registry;
  private final StatementReader reader = new StatementReader();

  /**
   * @param path the statement file (workspace reference)
   * @param format {@code auto} (default), {@code camt}, {@code mt940}, {@code csv} or {@code xlsx}
   *     (also the reader's full form, e.g. {@code mt940:german})
   * @param profile for {@code csv}/{@code xlsx}: the YAML export profile (workspace reference); for
   *     {@code mt940}: the {@code :86:} profile or options ({@code german}, {@code encoding=IBM852})
   * @param checkBalances check opening + booked entries = closing (default true)
   * @param output where to write the JSON (workspace reference), default {@code statements/<name>.json}
   */
  public record Input(String path, String format, String profile, Boolean checkBalances, String output) {}

  /**
   * What the process needs to route on; amounts are decimal strings. With several statements in
   * the file, {@code opening} is the first statement's and {@code closing} the last one's.
   */
  public record Summary(
      String statementRef,
      String source,
      String format,
      String accountIban,
      String accountId,
      String currency,
      List<String> statementIds,
      String sequence,
      String opening,
      String closing,
      int statementCount,
      int entryCount,
      String creditTotal,
      String debitTotal,
      String sha256) {}

  /** With the durable store of delivered statements. */
  public ParseStatementWorker(DeliveryRegistry registry) {
    this.registry = registry;
  }

  /**
   * A BPMN error whose variables repeat its message ({@code errorMessage}) and name the file
   * ({@code statementFile}), so the catching event's output mapping can pass them on (a notification
   * mail, say): a BPMN error's message is not a variable by itself.
   */
  private static BusinessError refused(String code, String message, Input input, Map<String, Object> more) {
    Map<String, Object> variables = new java.util.HashMap<>(more);
    variables.put("errorMessage", message);
    variables.put("statementFile", input.path());
    return new BusinessError(code, message, variables);
  }

  @Override
  public Class<Input> inputType() {
    return Input.class;
  }

  @Override
  public Summary handle(Input input, JobContext context) throws Exception {
    Path file = context.workspace().resolve(input.path());
    if (!Files.isRegularFile(file)) {
      throw refused(INVALID, String.format(NOT_FOUND, input.path()), input, Map.of());
    }
    StatementFile statement;
    try {
      statement = reader.read(file, input.path(), format(input, context));
    } catch (StatementException e) {
      throw refused(INVALID, e.getMessage(), input, Map.of("position", e.position()));
    } catch (IllegalArgumentException e) {
      throw TechnicalFailure.permanent(e.getMessage(), e);
    }
    if (input.checkBalances() == null || input.checkBalances()) {
      List<String> problems = BalanceCheck.problems(statement);
      if (!problems.isEmpty()) {
        throw refused(UNBALANCED, String.join("; ", problems), input, Map.of());
      }
    }
    for (BankStatement each : statement.statements()) {
      Optional<DeliveryRegistry.Delivery> earlier = registry.find(each);
      if (earlier.isPresent() && !earlier.get().deliveredBy().equals(context.idempotencyKey())) {
        DeliveryRegistry.Delivery before = earlier.get();
        throw refused(DUPLICATE, String.format(ALREADY_DELIVERED, each.statementId(), each.accountId(),
            each.sequence(), input.path(), before.source(),
            before.sha256().equals(statement.sha256()) ? " (the very same file)" : " (a different file)"),
            input, Map.of("duplicateOf", before.source()));
      }
    }
    String outputRef = input.output() == null || input.output().isBlank()
        ? "statements/" + baseName(file) + ".json" : input.output();
    Path target = context.workspace().resolveForWriting(outputRef);
    Path partial = target.resolveSibling(target.getFileName() + ".partial");
    try (OutputStream out = Files.newOutputStream(partial)) {
      StatementJson.write(statement, out);
    } catch (IOException e) {
      throw TechnicalFailure.retryable("Expected to write '" + outputRef + "', but " + e.getMessage(), e);
    }
    Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    registry.record(statement, context.idempotencyKey());
    return summary(context.workspace().reference(target), statement);
  }

  private static String format(Input input, JobContext context) throws TechnicalFailure {
    String format = input.format() == null || input.format().isBlank() ? "auto" : input.format().trim();
    String profile = input.profile() == null || input.profile().isBlank() ? null : input.profile().trim();
    String kind = format.toLowerCase(Locale.ROOT);
    if ((kind.equals("csv") || kind.equals("xlsx"))) {
      if (profile == null) {
        throw TechnicalFailure.permanent(String.format(NEEDS_PROFILE, format));
      }
      return kind + ":" + context.workspace().resolve(profile).toAbsolutePath();
    }
    if ((kind.equals("mt940") || kind.equals("mt942")) && profile != null) {
      return "mt940:" + profile;
    }
    return format;
  }

  static Summary summary(String reference, StatementFile file) {
    List<BankStatement> statements = file.statements();
    BankStatement first = statements.get(0);
    BankStatement last = statements.get(statements.size() - 1);
    BigDecimal credits = BigDecimal.ZERO;
    BigDecimal debits = BigDecimal.ZERO;
    int entries = 0;
    List<String> ids = new ArrayList<>();
    for (BankStatement statement : statements) {
      ids.add(statement.statementId());
      for (StatementEntry entry : statement.entries()) {
        entries++;
        if (entry.status() == EntryStatus.BOOKED) {
          if (entry.amount().signum() >= 0) {
            credits = credits.add(entry.amount());
          } else {
            debits = debits.add(entry.amount().negate());
          }
        }
      }
    }
    return new Summary(reference, file.source(), file.format(), first.accountIban(), first.accountId(),
        first.currency(), ids, first.sequence(),
        first.opening() == null ? null : first.opening().amount().toPlainString(),
        last.closing() == null ? null : last.closing().amount().toPlainString(),
        statements.size(), entries, credits.toPlainString(), debits.toPlainString(), file.sha256());
  }

  private static String baseName(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }

  /** Closes the delivery store. */
  @Override
  public void close() {
    registry.close();
  }
}
