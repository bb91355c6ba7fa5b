package dev.engranaje.workers.finance.statement.mt940;

import com.prowidesoftware.swift.model.field.Field25;
import com.prowidesoftware.swift.model.field.Field28C;
import com.prowidesoftware.swift.model.field.Field60F;
import com.prowidesoftware.swift.model.field.Field61;
import dev.engranaje.workers.finance.statement.Balance;
import dev.engranaje.workers.finance.statement.BankStatement;
import dev.engranaje.workers.finance.statement.Counterparty;
import dev.engranaje.workers.finance.statement.EntryIds;
import dev.engranaje.workers.finance.statement.EntryStatus;
import dev.engranaje.workers.finance.statement.StatementEntry;
import dev.engranaje.workers.finance.statement.StatementException;
import dev.engranaje.workers.finance.statement.StatementFile;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads SWIFT MT940 (statement) and MT942 (interim report) files: bare block-4 text or full SWIFT
 * messages ({@code {1:…}{2:…}{4:} … {@code -}}), several statements per file, each {@code :61:}
 * with its optional {@code :86:}, multi-line fields. Tags are split here (so every message names
 * a line); field contents are parsed with Prowide Core ({@link Field61}, {@link Field60F}, …).
 *
 * <p>Encoding: UTF-8 when the bytes are valid UTF-8, otherwise the declared encoding ({@code
 * mt940:encoding=IBM852}), by default ISO-8859-1, which maps every byte (tags, amounts and dates
 * are ASCII, so only names and texts depend on it). Control characters (SOH/ETX framing, NUL…) are
 * treated as line breaks. Lines before the first {@code :20:} (bank preambles) are skipped.
 *
 * <p>A statement without {@code :60F:/:60M:} and {@code :62F:/:62M:} is an MT942 report when it
 * carries {@code :34F:} or {@code :13D:} (no balances, not balance-checked); otherwise a missing
 * balance is an error. {@code :61:} marks {@code C}/{@code RD} are credits, {@code D}/{@code RC}
 * debits. Booking date = the entry date (MMDD, year taken from the value date, across a year end),
 * else the value date.
 */
public final class Mt940Parser {
  static final String NO_STATEMENT = "Expected an MT940/MT942 statement (a :20: field), but found none";
  static final String MISSING = "Expected %s in the statement that starts at line %d, but it is missing";
  static final String BAD_FIELD = "Expected a valid :%s: field, but got '%s' (%s)";
  static final String BAD_ENCODING = "Expected an encoding name such as IBM852 or windows-1252, but got '%s'";
  private static final Pattern TAG = Pattern.compile("^:(\\d{2}[A-Z]?):(.*)$");
  private static final Pattern IBAN = Pattern.compile("[A-Z]{2}\\d{2}[A-Z0-9]{10,30}");

  private Mt940Parser() {}

  /** As {@link #parse(Path, String, String, Mt86Profile, Charset)} with the default fallback encoding. */
  public static StatementFile parse(Path file, String source, String sha256, Mt86Profile profile) throws StatementException {
    return parse(file, source, sha256, profile, StandardCharsets.ISO_8859_1);
  }

  /**
   * Parses {@code file}.
   *
   * @param fallback the encoding used when the file is not valid UTF-8
   */
  public static StatementFile parse(Path file, String source, String sha256, Mt86Profile profile, Charset fallback)
      throws StatementException {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new StatementException(source, null, "Expected to read the file, but " + e.getMessage(), e);
    }
    String text = decode(bytes, fallback);
    List<Field> fields = fields(text);
    List<List<Field>> groups = new ArrayList<>();
    for (Field field : fields) {
      if (field.tag.equals("20")) {
        groups.add(new ArrayList<>());
      }
      if (!groups.isEmpty()) {
        groups.get(groups.size() - 1).add(field);
      }
    }
    if (groups.isEmpty()) {
      throw new StatementException(source, "line 1", NO_STATEMENT);
    }
    EntryIds ids = new EntryIds();
    List<BankStatement> statements = new ArrayList<>();
    boolean report = false;
    for (List<Field> group : groups) {
      Statement statement = new Statement(source, profile, ids, group);
      statements.add(statement.build());
      report |= statement.report;
    }
    return new StatementFile(source, report ? "mt942" : "mt940", sha256, statements);
  }

  /** Resolves an encoding name for {@code mt940:encoding=NAME}. */
  public static Charset charset(String name) {
    try {
      return Charset.forName(name.trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(String.format(BAD_ENCODING, name), e);
    }
  }

  private static String decode(byte[] bytes, Charset fallback) {
    int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF ? 3 : 0;
    ByteBuffer buffer = ByteBuffer.wrap(bytes, start, bytes.length - start);
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(buffer).toString();
    } catch (CharacterCodingException e) {
      return new String(bytes, start, bytes.length - start, fallback);
    }
  }

  /** Splits the text into tagged fields with their first line number; continuation lines are kept apart. */
  private static List<Field> fields(String text) {
    List<Field> fields = new ArrayList<>();
    Field current = null;
    String[] lines = text.split("\r\n|\r|\n", -1);
    for (int n = 0; n < lines.length; n++) {
      String line = controlFree(lines[n]);
      int block = line.indexOf("{4:");
      if (block >= 0) {
        line = line.substring(block + 3);
        current = null;
      } else if (line.startsWith("{")) {
        current = null;
        continue;
      }
      String trimmed = line.strip();
      if (trimmed.equals("-") || trimmed.startsWith("-}") || trimmed.isEmpty() && current == null) {
        current = null;
        continue;
      }
      Matcher tag = TAG.matcher(line);
      if (tag.matches()) {
        current = new Field(tag.group(1), n + 1);
        current.lines.add(tag.group(2));
        fields.add(current);
      } else if (current != null && !trimmed.isEmpty()) {
        current.lines.add(line);
      }
    }
    return fields;
  }

  private static String controlFree(String line) {
    StringBuilder out = null;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      boolean control = c < 0x20 && c != '\t' || c == 0x7f;
      if (control && out == null) {
        out = new StringBuilder(line.substring(0, i));
      }
      if (out != null) {
        out.append(control ? ' ' : c);
      }
    }
    return out == null ? line : out.toString();
  }

  private static final class Field {
    final String tag;
    final int line;
    final List<String> lines = new ArrayList<>(2);

    Field(String tag, int line) {
      this.tag = tag;
      this.line = line;
    }

    String value() {
      return String.join("\n", lines);
    }

    String first() {
      return lines.get(0).trim();
    }
  }

  private static final class Statement {
    final String source;
    final Mt86Profile profile;
    final EntryIds ids;
    final List<Field> fields;
    boolean report;

    Statement(String source, Mt86Profile profile, EntryIds ids, List<Field> fields) {
      this.source = source;
      this.profile = profile;
      this.ids = ids;
      this.fields = fields;
    }

    BankStatement build() throws StatementException {
      Field start = fields.get(0);
      String id = start.first();
      String sequence = null;
      String account = null;
      Field opening = null;
      Field closing = null;
      List<Field[]> entries = new ArrayList<>();
      for (Field field : fields) {
        switch (field.tag) {
          case "25", "25P" -> account = new Field25(field.first()).getAccount();
          case "28C", "28" -> sequence = new Field28C(field.first()).getValue();
          case "60F", "60M" -> opening = field;
          case "62F", "62M" -> closing = field;
          case "34F", "13D" -> report = true;
          case "61" -> entries.add(new Field[] {field, null});
          case "86" -> {
            if (!entries.isEmpty() && entries.get(entries.size() - 1)[1] == null
                && fields.indexOf(field) == fields.indexOf(entries.get(entries.size() - 1)[0]) + 1) {
              entries.get(entries.size() - 1)[1] = field;
            }
          }
          default -> { }
        }
      }
      if (account == null || account.isBlank()) {
        throw new StatementException(source, "line " + start.line, String.format(MISSING, ":25: (account)", start.line));
      }
      account = account.trim();
      if (!report && (opening == null || closing == null)) {
        throw new StatementException(source, "line " + start.line,
            String.format(MISSING, opening == null ? ":60F: (opening balance)" : ":62F: (closing balance)", start.line));
      }
      Balance open = opening == null ? null : balance(opening);
      Balance close = closing == null ? null : balance(closing);
      String currency = opening != null ? new Field60F(opening.first()).getCurrency() : currencyOf34F();
      List<StatementEntry> built = new ArrayList<>();
      for (Field[] pair : entries) {
        built.add(entry(pair[0], pair[1], id, built.size() + 1, currency));
      }
      String iban = IBAN.matcher(account.replace(" ", "")).matches() ? account.replace(" ", "") : null;
      return new BankStatement(id, sequence, iban, account, currency, open, close,
          close != null ? close.date() : null, built);
    }

    private String currencyOf34F() {
      for (Field field : fields) {
        if (field.tag.equals("34F") && field.first().length() >= 3) {
          return field.first().substring(0, 3);
        }
      }
      return null;
    }

    private Balance balance(Field field) throws StatementException {
      String value = field.first();
      Field60F parsed = new Field60F(value);
      String mark = parsed.getDCMark();
      if (mark == null || !(mark.equals("C") || mark.equals("D")) || parsed.getDate() == null
          || parsed.getAmount() == null) {
        throw bad(field, "expected C or D, a date YYMMDD, a currency and an amount");
      }
      BigDecimal amount = amount(field, parsed.getAmount());
      return new Balance(mark.equals("D") ? amount.negate() : amount, date(field, parsed.getDate()));
    }

    private StatementEntry entry(Field line61, Field line86, String statementId, int position, String currency)
        throws StatementException {
      Field61 f = new Field61(line61.value());
      String mark = f.getDebitCreditMark();
      if (f.getValueDate() == null || mark == null || f.getAmount() == null || f.getAmount().isEmpty()) {
        throw bad(line61, "expected a value date YYMMDD, an optional entry date MMDD, C/D/RC/RD and an amount");
      }
      BigDecimal amount = amount(line61, f.getAmount());
      boolean debit = switch (mark) {
        case "D", "RC" -> true;
        case "C", "RD" -> false;
        default -> throw bad(line61, "expected the mark C, D, RC or RD, but it is '" + mark + "'");
      };
      LocalDate valueDate = date(line61, f.getValueDate());
      LocalDate booking = valueDate;
      String entryDate = f.getEntryDate();
      if (entryDate != null && entryDate.length() == 4) {
        try {
          int month = Integer.parseInt(entryDate.substring(0, 2));
          int day = Integer.parseInt(entryDate.substring(2));
          int year = valueDate.getYear();
          if (month == 12 && valueDate.getMonthValue() == 1) {
            year--;
          } else if (month == 1 && valueDate.getMonthValue() == 12) {
            year++;
          }
          booking = LocalDate.of(year, month, day);
        } catch (NumberFormatException | DateTimeException e) {
          throw bad(line61, "the entry date '" + entryDate + "' is not a date MMDD");
        }
      }
      String bankReference = blankToNull(f.getReferenceOfTheAccountServicingInstitution());
      String supplementary = blankToNull(f.getSupplementaryDetails());
      Mt86Fields details = line86 == null ? new Mt86Fields(null, null, null, null, null, null)
          : profile.parse(line86.lines);
      String iban = details.iban();
      if (iban == null && supplementary != null && IBAN.matcher(supplementary.replace(" ", "")).matches()) {
        iban = supplementary.replace(" ", "");
      }
      Counterparty party = details.name() == null && iban == null && details.bic() == null ? Counterparty.UNKNOWN
          : new Counterparty(details.name(), iban, details.bic());
      String code = details.code() != null ? details.code()
          : f.getTransactionType() == null ? null : f.getTransactionType() + nullToEmpty(f.getIdentificationCode());
      String endToEnd = details.endToEndId();
      return new StatementEntry(ids.next(bankReference, statementId, position), bankReference, booking, valueDate,
          debit ? amount.negate() : amount, currency, EntryStatus.BOOKED, endToEnd,
          party, details.remittance(), code, List.of());
    }

    private BigDecimal amount(Field field, String text) throws StatementException {
      try {
        return new BigDecimal(text.trim().replace(',', '.'));
      } catch (NumberFormatException e) {
        throw bad(field, "the amount '" + text + "' is not a number with a decimal comma");
      }
    }

    private LocalDate date(Field field, String yymmdd) throws StatementException {
      try {
        int yy = Integer.parseInt(yymmdd.substring(0, 2));
        return LocalDate.of(yy < 80 ? 2000 + yy : 1900 + yy, Integer.parseInt(yymmdd.substring(2, 4)),
            Integer.parseInt(yymmdd.substring(4, 6)));
      } catch (RuntimeException e) {
        throw bad(field, "the date '" + yymmdd + "' is not a date YYMMDD");
      }
    }

    private StatementException bad(Field field, String why) {
      String value = field.value().replace("\n", "\\n");
      return new StatementException(source, "line " + field.line,
          String.format(BAD_FIELD, field.tag, value.length() > 80 ? value.substring(0, 80) + "…" : value, why));
    }

    private static String blankToNull(String value) {
      return value == null || value.isBlank() ? null : value.trim();
    }

    private static String nullToEmpty(String value) {
      return value == null ? "" : value;
    }
  }
}
