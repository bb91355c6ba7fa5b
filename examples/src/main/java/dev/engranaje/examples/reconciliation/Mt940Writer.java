package dev.engranaje.examples.reconciliation;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a {@link SampleData} month as one SWIFT MT940 statement, as German banks deliver it: CRLF
 * line ends, ISO-8859-1, {@code :86:} with the structured GVC subfields ({@code ?00} booking text,
 * {@code ?20}..{@code ?29} purpose with the SEPA keywords {@code EREF+} and {@code SVWZ+}, {@code ?30}
 * BIC, {@code ?31} IBAN, {@code ?32} name), each line at most 65 characters and broken only before a
 * {@code ?}. The {@code //} bank reference of each {@code :61:} is the camt {@code AcctSvcrRef}.
 */
public final class Mt940Writer {
  private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd");
  private static final DateTimeFormatter MMDD = DateTimeFormatter.ofPattern("MMdd");
  private static final int LINE = 65;
  private static final int SUBFIELD = 27;

  private Mt940Writer() {}

  /** The statement file; {@code closingOverride} as in {@link CamtWriter#write}. */
  public static byte[] write(SampleData data, String statementId, int sequence, BigDecimal closingOverride) {
    BigDecimal closing = closingOverride == null ? data.closingBalance() : closingOverride;
    StringBuilder text = new StringBuilder();
    line(text, ":20:" + statementId);
    line(text, ":25:" + SampleData.ACCOUNT_IBAN);
    line(text, ":28C:" + sequence + "/1");
    line(text, ":60F:" + balance(data.openingBalance(), data.firstDay().minusDays(1)));
    for (BankEntry entry : data.entries()) {
      String customerRef = entry.endToEndId() != null && entry.endToEndId().length() <= 16 ? entry.endToEndId() : "NONREF";
      line(text, ":61:" + entry.valueDate().format(YYMMDD) + entry.bookingDate().format(MMDD) + (entry.credit() ? "C" : "D")
          + amount(entry.amount()) + entry.kind().swiftCode + customerRef + "//" + entry.bankRef());
      List<String> lines = wrap(information(entry));
      line(text, ":86:" + lines.get(0));
      for (int i = 1; i < lines.size(); i++) {
        line(text, lines.get(i));
      }
    }
    line(text, ":62F:" + balance(closing, data.lastDay()));
    text.append("-\r\n");
    return text.toString().getBytes(StandardCharsets.ISO_8859_1);
  }

  private static String information(BankEntry entry) {
    List<String> subfields = new ArrayList<>();
    subfields.add("?00" + entry.kind().bookingText);
    List<String> purpose = new ArrayList<>();
    if (entry.endToEndId() != null) {
      purpose.add("EREF+" + entry.endToEndId());
    }
    // German banks carry a structured creditor reference (RF) in the purpose text
    String remittance = entry.remittance();
    if (entry.creditorReference() != null && remittance.isEmpty()) {
      remittance = entry.creditorReference();
    }
    if (!remittance.isEmpty()) {
      purpose.addAll(chunks("SVWZ+" + remittance));
    }
    int code = 20;
    for (String part : purpose) {
      subfields.add("?" + code++ + part);
    }
    if (entry.counterpartyBic() != null) {
      subfields.add("?30" + entry.counterpartyBic());
      subfields.add("?31" + entry.counterpartyIban());
      List<String> name = chunks(entry.counterpartyName());
      subfields.add("?32" + name.get(0));
      if (name.size() > 1) {
        subfields.add("?33" + name.get(1));
      }
    }
    return entry.kind().gvc + String.join("", subfields);
  }

  /**
   * Splits into subfields of at most 27 characters, breaking after a space where one is near (the
   * space stays at the end of its subfield, so a reader that joins subfields directly keeps the
   * words apart); a longer word is broken where it must be.
   */
  private static List<String> chunks(String text) {
    List<String> parts = new ArrayList<>();
    int start = 0;
    while (start < text.length()) {
      int end = Math.min(text.length(), start + SUBFIELD);
      if (end < text.length()) {
        int space = text.lastIndexOf(' ', end - 1);
        if (space >= start) {
          end = space + 1;
        }
      }
      parts.add(text.substring(start, end));
      start = end;
    }
    return parts;
  }

  /** Breaks before a '?' so that no line exceeds 65 characters (every subfield is shorter than that). */
  private static List<String> wrap(String information) {
    List<String> lines = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    int start = 0;
    while (start < information.length()) {
      int next = information.indexOf('?', start + 1);
      String piece = information.substring(start, next < 0 ? information.length() : next);
      int room = LINE - (lines.isEmpty() ? ":86:".length() : 0);
      if (current.length() + piece.length() > room) {
        lines.add(current.toString());
        current.setLength(0);
      }
      current.append(piece);
      start = next < 0 ? information.length() : next;
    }
    lines.add(current.toString());
    return lines;
  }

  private static String balance(BigDecimal amount, LocalDate date) {
    return (amount.signum() < 0 ? "D" : "C") + date.format(YYMMDD) + SampleData.CURRENCY + amount(amount.abs());
  }

  private static String amount(BigDecimal amount) {
    return amount.toPlainString().replace('.', ',');
  }

  private static void line(StringBuilder text, String line) {
    text.append(line).append("\r\n");
  }
}
