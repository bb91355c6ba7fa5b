package dev.engranaje.workers.spreadsheet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.engranaje.workers.api.TechnicalFailure;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Streams a JSON Lines data file (as written by {@link JsonLinesWriter}) as records; the row number
 * is the line number. Numbers come back as exact decimals, dates as their ISO strings.
 */
final class JsonLinesRecords implements RecordSource {
  static final String BROKEN =
      "Expected one JSON object per line in '%s', but line %d is not one (%s); the file is not a spreadsheet"
          + " data file or was cut short";
  private static final ObjectReader READER = new ObjectMapper()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .readerFor(new TypeReference<LinkedHashMap<String, Object>>() {});

  private final MappingIterator<LinkedHashMap<String, Object>> lines;
  private final String reference;
  private final List<String> fields = new ArrayList<>();
  private int line;
  private SheetRecord first;

  private JsonLinesRecords(MappingIterator<LinkedHashMap<String, Object>> lines, String reference) {
    this.lines = lines;
    this.reference = reference;
  }

  static JsonLinesRecords open(Path file, String reference) throws TechnicalFailure {
    try {
      JsonLinesRecords records = new JsonLinesRecords(READER.readValues(file.toFile()), reference);
      records.first = records.read();
      if (records.first != null) {
        records.fields.addAll(records.first.values().keySet());
      }
      return records;
    } catch (IOException e) {
      throw TechnicalFailure.permanent(String.format(SpreadsheetFormat.CANNOT_OPEN, reference, e.getMessage()), e);
    }
  }

  @Override
  public List<String> fields() {
    return List.copyOf(fields);
  }

  @Override
  public SheetRecord next() throws TechnicalFailure {
    if (first != null) {
      SheetRecord record = first;
      first = null;
      return record;
    }
    return read();
  }

  private SheetRecord read() throws TechnicalFailure {
    try {
      if (!lines.hasNextValue()) {
        return null;
      }
      Map<String, Object> values = lines.nextValue();
      line = lines.getCurrentLocation().getLineNr();
      return new SheetRecord(line, values);
    } catch (JsonProcessingException e) {
      throw TechnicalFailure.permanent(String.format(BROKEN, reference, line + 1, e.getOriginalMessage()), e);
    } catch (IOException e) {
      throw TechnicalFailure.permanent(String.format(BROKEN, reference, line + 1, e.getMessage()), e);
    }
  }

  @Override
  public String sheetName() {
    return null;
  }

  @Override
  public void close() {
    try {
      lines.close();
    } catch (IOException ignored) {
      // Read-only.
    }
  }

}
