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
 * An append-only JSON Lines file of one record type (the decision log, the payment history). A line
 * that cannot be read is a permanent failure naming the file and the line, never skipped: a record
 * with a gap is not evidence, and a history with a gap lets a duplicate through.
 *
 * @param what how messages name a line, e.g. {@code a decision}
 */
record JsonLinesFile<T>(Path file, String reference, Class<T> type, String what) {
  static final String BAD_LINE = "Expected line %d of '%s' to be %s as JSON, but: %s";
  static final String UNREADABLE = "Expected to read '%s', but: %s";

  /** Every record, in file order; none when the file does not exist yet. */
  List<T> read(ObjectMapper json) throws TechnicalFailure {
    List<T> records = new ArrayList<>();
    if (!Files.exists(file)) {
      return records;
    }
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      int number = 0;
      while ((line = in.readLine()) != null) {
        number++;
        if (line.isBlank()) {
          continue;
        }
        try {
          records.add(json.readValue(line, type));
        } catch (JsonProcessingException e) {
          throw TechnicalFailure.permanent(BAD_LINE.formatted(number, reference, what, e.getOriginalMessage()), e);
        }
      }
    } catch (IOException e) {
      throw TechnicalFailure.retryable(UNREADABLE.formatted(reference, e.getMessage()), e);
    }
    return records;
  }

  /** Appends the records, one line each, in one write. */
  void append(List<T> records, ObjectMapper json) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    StringBuilder text = new StringBuilder();
    for (T record : records) {
      text.append(json.writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(record)).append('\n');
    }
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
        StandardOpenOption.APPEND)) {
      out.write(text.toString());
    }
  }
}
