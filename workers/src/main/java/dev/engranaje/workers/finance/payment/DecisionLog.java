package dev.engranaje.workers.finance.payment;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.engranaje.workers.api.TechnicalFailure;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The decision log of an instance ({@code payments/decisions.jsonl}, one {@link Decision} per line,
 * appended only): the audit trail the run report shows and the evidence the release is checked
 * against. A line that cannot be read is a permanent failure naming the line: an audit trail with a
 * gap is not evidence.
 */
public final class DecisionLog {
  /** Where the log lives in the instance's workspace. */
  public static final String REFERENCE = "payments/decisions.jsonl";

  private DecisionLog() {}

  private static JsonLinesFile<Decision> file(Path file) {
    return new JsonLinesFile<>(file, REFERENCE, Decision.class, "a decision");
  }

  /** Every decision of the run, in the order recorded. */
  public static List<Decision> read(Path file, String runId, ObjectMapper json) throws TechnicalFailure {
    return file(file).read(json).stream().filter(d -> runId.equals(d.runId())).toList();
  }

  /** Appends one decision. */
  public static void append(Path file, Decision decision, ObjectMapper json) throws IOException {
    file(file).append(List.of(decision), json);
  }
}
