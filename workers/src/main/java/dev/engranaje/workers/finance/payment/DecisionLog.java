package dev.engranaje.workers.finance.payment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.engranaje.workers.api.TechnicalFailure;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
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
  static final String BAD_LINE = "Expected line %d of the decision log '%s' to be a decision as JSON, but: %s";

  private DecisionLog() {}

  /** Every decision of the run, in the order recorded. */
  public static List<Decision> read(Path file, String runId, ObjectMapper json) throws TechnicalFailure {
    List<Decision> decisions = new ArrayList<>();
    if (!Files.exists(file)) {
      return decisions;
    }
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      int number = 0;
      while ((line = in.readLine()) != null) {
        number++;
        if (line.isBlank()) {
          continue;
        }
        Decision decision;
        try {
          decision = json.readValue(line, Decision.class);
        } catch (JsonProcessingException e) {
          throw TechnicalFailure.permanent(BAD_LINE.formatted(number, REFERENCE, e.getOriginalMessage()), e);
        }
        if (runId.equals(decision.runId())) {
          decisions.add(decision);
        }
      }
    } catch (IOException e) {
      throw TechnicalFailure.retryable("Expected to read the decision log '" + REFERENCE + "', but " + e.getMessage(), e);
    }
    return decisions;
  }

  /** Appends one decision. */
  public static void append(Path file, Decision decision, ObjectMapper json) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    String line = json.writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(decision) + "\n";
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
        StandardOpenOption.APPEND)) {
      out.write(line);
    }
  }
}
