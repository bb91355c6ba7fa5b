package dev.engranaje.examples.reconciliation;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The truth of a generated data set as CSV: {@code case,expected,bankRefs,ledgerIds}, references
 * separated by {@code |}; one line per group, in the order generated.
 */
public final class TruthCsv {
  static final String HEADER = "case,expected,bankRefs,ledgerIds";

  private TruthCsv() {}

  public static byte[] write(List<TruthRow> rows) {
    StringBuilder text = new StringBuilder(HEADER).append('\n');
    for (TruthRow row : rows) {
      text.append(row.matchCase()).append(',').append(row.expected()).append(',')
          .append(String.join("|", row.bankRefs())).append(',').append(String.join("|", row.ledgerIds())).append('\n');
    }
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }
}
