package dev.engranaje.workers.finance.statement.mt940;

import java.util.List;

/** {@code plain}: the whole {@code :86:} text, lines joined with a space, is the remittance text. */
final class PlainProfile implements Mt86Profile {
  @Override
  public Mt86Fields parse(List<String> lines) {
    String text = String.join(" ", lines.stream().map(String::trim).filter(s -> !s.isEmpty()).toList());
    return new Mt86Fields(null, text.isEmpty() ? null : text, null, null, null, null);
  }
}
