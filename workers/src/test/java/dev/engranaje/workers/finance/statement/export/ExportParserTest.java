package dev.engranaje.workers.finance.statement.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.engranaje.workers.finance.statement.Balance;
import dev.engranaje.workers.finance.statement.BalanceCheck;
import dev.engranaje.workers.finance.statement.BankStatement;
import dev.engranaje.workers.finance.statement.EntryStatus;
import dev.engranaje.workers.finance.statement.StatementEntry;
import dev.engranaje.workers.finance.statement.StatementException;
import dev.engranaje.workers.finance.statement.StatementFile;
import dev.engranaje.workers.finance.statement.StatementReader;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bank CSV and xlsx exports read through their profiles (samples: finance/export/SOURCES.md). */
class ExportParserTest {
  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
  private final StatementReader reader = new StatementReader();
  @TempDir Path dir;

  @Test
  void shouldReadAGermanWindows1252ExportWithSollHabenColumnsInBookingOrder() throws Exception {
    // given
    Path export = resource("umsaetze-girokonto-2026-11.csv");

    // when
    StatementFile file = reader.read(export, "umsaetze-girokonto-2026-11.csv", "csv:" + resource("umsaetze-girokonto.yaml"));

    // then
    assertThat(file.format()).isEqualTo("csv:girokonto-csv");
    assertThat(file.statements()).hasSize(1);
    BankStatement statement = file.statements().get(0);
    assertThat(statement.accountIban()).isEqualTo("DE91100000000123456789");
    assertThat(statement.currency()).isEqualTo("EUR");
    assertThat(statement.statementId()).isEqualTo("2026-11-28..2026-11-30");
    assertThat(statement.opening()).isNull();
    assertThat(statement.closing()).isNull();
    assertThat(statement.entries()).extracting(StatementEntry::entryId, StatementEntry::bookingDate,
        StatementEntry::amount, e -> e.counterparty().name(), StatementEntry::remittanceInformation).containsExactly(
        tuple("2026-11-28..2026-11-30/1", LocalDate.of(2026, 11, 28), new BigDecimal("1190.00"), "Müller GmbH",
            "RE-2026-1001"),
        tuple("2026-11-28..2026-11-30/2", LocalDate.of(2026, 11, 28), new BigDecimal("250.50"), "Schmidt und Söhne KG",
            "Rechnung RE-2026-1002 Kd 10002"),
        tuple("2026-11-28..2026-11-30/3", LocalDate.of(2026, 11, 28), new BigDecimal("1500.00"), "WEBER AG",
            "RE-2026-1003 / RE-2026-1004"),
        tuple("2026-11-28..2026-11-30/4", LocalDate.of(2026, 11, 28), new BigDecimal("-89.90"), "Stadtwerke Köln GmbH",
            "ER-7781 Abschlag November"),
        tuple("2026-11-28..2026-11-30/5", LocalDate.of(2026, 11, 29), new BigDecimal("99.00"), "Becker Bau GmbH",
            "RE-2026-1006 abzgl. Gebühr"),
        tuple("2026-11-28..2026-11-30/6", LocalDate.of(2026, 11, 29), new BigDecimal("400.00"), "Fischer OHG",
            "Teilzahlung RE-2026-1005"),
        tuple("2026-11-28..2026-11-30/7", LocalDate.of(2026, 11, 30), new BigDecimal("77.00"), "Unbekannt",
            "Gutschrift Bonus"));
    StatementEntry utility = statement.entries().get(3);
    assertThat(utility.endToEndId()).isEqualTo("ER-7781");
    assertThat(utility.counterparty().iban()).isEqualTo("DE44370501980000123456");
    assertThat(utility.counterparty().bic()).isEqualTo("COLSDE33XXX");
    assertThat(utility.bankTransactionCode()).isEqualTo("SEPA-Lastschrift");
    assertThat(utility.status()).isEqualTo(EntryStatus.BOOKED);
    assertThat(BalanceCheck.problems(file)).isEmpty();
  }

  @Test
  void shouldReadAUtf8ExportWithByteOrderMarkSignColumnAndRunningBalance() throws Exception {
    // when
    StatementFile file = reader.read(resource("account-export-2026-11.csv"), "account-export-2026-11.csv",
        "csv:" + resource("account-export.yaml"));

    // then
    BankStatement statement = file.statements().get(0);
    assertThat(statement.accountIban()).isEqualTo("DE91100000000123456789");
    assertThat(statement.opening()).isEqualTo(new Balance(new BigDecimal("10000.00"), LocalDate.of(2026, 11, 28)));
    assertThat(statement.closing()).isEqualTo(new Balance(new BigDecimal("13426.60"), LocalDate.of(2026, 11, 30)));
    assertThat(BalanceCheck.problems(file)).isEmpty();
    assertThat(statement.entries()).extracting(StatementEntry::entryId, StatementEntry::amount, StatementEntry::status)
        .containsExactly(
            tuple("2026112800001", new BigDecimal("1190.00"), EntryStatus.BOOKED),
            tuple("2026112800002", new BigDecimal("250.50"), EntryStatus.BOOKED),
            tuple("2026112800007", new BigDecimal("1500.00"), EntryStatus.BOOKED),
            tuple("2026112800003", new BigDecimal("-89.90"), EntryStatus.BOOKED),
            tuple("2026112800004", new BigDecimal("99.00"), EntryStatus.BOOKED),
            tuple("2026112800005", new BigDecimal("400.00"), EntryStatus.BOOKED),
            tuple("2026112800006", new BigDecimal("77.00"), EntryStatus.BOOKED),
            tuple("2026120100001", new BigDecimal("640.00"), EntryStatus.PENDING));
    assertThat(statement.entries().get(1).counterparty().name()).isEqualTo("Schmidt und Söhne KG");
    assertThat(statement.entries().get(0).endToEndId()).isEqualTo("E2E-MUE-1001");
    assertThat(statement.entries().get(0).valueDate()).isEqualTo(LocalDate.of(2026, 11, 28));
  }

  @Test
  void shouldReverseAnExportListingTheNewestFirstWhenTheBalancesSaySo() throws Exception {
    // given: all on one day, so only the running balance tells the order
    Path export = Files.writeString(dir.resolve("one-day.csv"), """
        Date;Amount;Balance
        02.12.2026;-5,00;120,00
        02.12.2026;25,00;125,00
        02.12.2026;100,00;100,00
        """, StandardCharsets.UTF_8);

    // when
    StatementFile file = ExportParser.parse(export, "one-day.csv", "0", "csv", profile("""
        account: DE91100000000123456789
        currency: EUR
        columns: {bookingDate: Date, amount: Amount, balance: Balance}
        locale: {delimiter: ";", decimalSeparator: ",", dateFormat: dd.MM.yyyy}
        """));

    // then
    BankStatement statement = file.statements().get(0);
    assertThat(statement.entries()).extracting(StatementEntry::amount).containsExactly(new BigDecimal("100.00"),
        new BigDecimal("25.00"), new BigDecimal("-5.00"));
    assertThat(statement.opening().amount()).isEqualByComparingTo("0.00");
    assertThat(statement.closing().amount()).isEqualByComparingTo("120.00");
    assertThat(BalanceCheck.problems(file)).isEmpty();
  }

  @Test
  void shouldReadAnXlsxExportWithDateAndNumberCellsAndSeveralRemittanceColumns() throws Exception {
    // given
    Path export = dir.resolve("umsaetze.xlsx");
    try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(export)) {
      CellStyle date = workbook.createCellStyle();
      date.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("dd.mm.yyyy"));
      Sheet sheet = workbook.createSheet("Umsätze");
      sheet.createRow(0).createCell(0).setCellValue("Kontoumsätze DE91 1000 0000 0123 4567 89");
      String[] header = {"Buchungstag", "Valuta", "Name", "IBAN", "Verwendungszweck 1", "Verwendungszweck 2", "Betrag",
          "Saldo", "Referenz"};
      Row head = sheet.createRow(2);
      for (int i = 0; i < header.length; i++) {
        head.createCell(i).setCellValue(header[i]);
      }
      Object[][] rows = {
          {LocalDate.of(2026, 11, 28), LocalDate.of(2026, 11, 28), "Mueller GmbH", "DE89 3704 0044 0532 0130 00",
              "RE-2026-1001", "Kd 10001", 1190.0, 11190.0, 2026112800001.0},
          {LocalDate.of(2026, 11, 28), LocalDate.of(2026, 11, 29), "Stadtwerke Koeln GmbH", "DE44370501980000123456",
              "ER-7781", null, -89.9, 11100.1, 2026112800003.0}};
      for (int r = 0; r < rows.length; r++) {
        Row row = sheet.createRow(3 + r);
        for (int c = 0; c < rows[r].length; c++) {
          Object value = rows[r][c];
          if (value instanceof LocalDate day) {
            row.createCell(c).setCellValue(day);
            row.getCell(c).setCellStyle(date);
          } else if (value instanceof Double number) {
            row.createCell(c).setCellValue(number);
          } else if (value != null) {
            row.createCell(c).setCellValue((String) value);
          }
        }
      }
      workbook.write(out);
    }
    Path profile = Files.writeString(dir.resolve("xlsx-export.yaml"), """
        sheet: Umsätze
        headerRow: 3
        account: DE91100000000123456789
        currency: EUR
        columns:
          bookingDate: Buchungstag
          valueDate: Valuta
          counterpartyName: Name
          counterpartyIban: IBAN
          remittance: [Verwendungszweck 1, Verwendungszweck 2]
          amount: Betrag
          balance: Saldo
          reference: Referenz
        """);

    // when
    StatementFile file = reader.read(export, "umsaetze.xlsx", "xlsx:" + profile);

    // then
    assertThat(file.format()).isEqualTo("xlsx:xlsx-export");
    BankStatement statement = file.statements().get(0);
    assertThat(statement.entries()).extracting(StatementEntry::entryId, StatementEntry::bookingDate,
        StatementEntry::valueDate, StatementEntry::amount, StatementEntry::remittanceInformation, e -> e.counterparty().iban())
        .containsExactly(
            tuple("2026112800001", LocalDate.of(2026, 11, 28), LocalDate.of(2026, 11, 28), new BigDecimal("1190.00"),
                "RE-2026-1001 Kd 10001", "DE89370400440532013000"),
            tuple("2026112800003", LocalDate.of(2026, 11, 28), LocalDate.of(2026, 11, 29), new BigDecimal("-89.90"),
                "ER-7781", "DE44370501980000123456"));
    assertThat(statement.opening().amount()).isEqualByComparingTo("10000.00");
    assertThat(statement.closing().amount()).isEqualByComparingTo("11100.10");
    assertThat(BalanceCheck.problems(file)).isEmpty();
  }

  @Test
  void shouldNameTheFileRowAndColumnOfAnAmountThatIsNotANumber() throws Exception {
    // given
    String csv = Files.readString(resource("umsaetze-girokonto-2026-11.csv"), WINDOWS_1252);
    Path broken = Files.writeString(dir.resolve("broken.csv"), csv.replace(";400,00;", ";400,OO;"), WINDOWS_1252);

    // when / then
    assertThatThrownBy(() -> reader.read(broken, "broken.csv", "csv:" + resource("umsaetze-girokonto.yaml")))
        .isInstanceOf(StatementException.class)
        .hasMessage("Expected a readable bank statement in 'broken.csv', but at row 7, column 'Haben': Expected an"
            + " amount such as 1234.56 (decimal separator ','), but found '400,OO'");
  }

  @Test
  void shouldNameTheRowWhereSollAndHabenBothHoldAnAmount() throws Exception {
    // given
    String csv = Files.readString(resource("umsaetze-girokonto-2026-11.csv"), WINDOWS_1252);
    Path broken = Files.writeString(dir.resolve("both.csv"), csv.replace(";;;;;;77,00;", ";;;;;5,00;77,00;"),
        WINDOWS_1252);

    // when / then
    assertThatThrownBy(() -> reader.read(broken, "both.csv", "csv:" + resource("umsaetze-girokonto.yaml")))
        .isInstanceOf(StatementException.class)
        .hasMessageContaining("'both.csv', but at row 6, column 'Soll': Expected an amount in either 'Soll' or 'Haben',"
            + " but both hold one (5.00 and 77.00)");
  }

  @Test
  void shouldNameTheLineWhenTheEncodingIsNotTheDeclaredOne() throws Exception {
    // given: the windows-1252 export read with a profile declaring UTF-8
    String profile = Files.readString(resource("umsaetze-girokonto.yaml"), StandardCharsets.UTF_8)
        .replace("encoding: windows-1252", "encoding: UTF-8");
    Path utf8 = Files.writeString(dir.resolve("utf8.yaml"), profile);

    // when / then
    assertThatThrownBy(() -> reader.read(resource("umsaetze-girokonto-2026-11.csv"), "umsaetze.csv", "csv:" + utf8))
        .isInstanceOf(StatementException.class)
        .hasMessageContaining("'umsaetze.csv', but at line 1:")
        .hasMessageContaining("encoding");
  }

  @Test
  void shouldNameTheColumnTheExportLacks() throws Exception {
    // given
    String profile = Files.readString(resource("account-export.yaml"), StandardCharsets.UTF_8)
        .replace("sign: D/C", "sign: Debit/Credit");
    Path wrong = Files.writeString(dir.resolve("wrong.yaml"), profile);

    // when / then
    assertThatThrownBy(() -> reader.read(resource("account-export-2026-11.csv"), "account-export.csv", "csv:" + wrong))
        .isInstanceOf(StatementException.class)
        .hasMessageContaining("Expected a column 'Debit/Credit' in the header (row 1) of 'account-export.csv'");
  }

  @Test
  void shouldNameTheRowOfAnUnknownDebitCreditIndicator() throws Exception {
    // given
    String csv = Files.readString(resource("account-export-2026-11.csv"), StandardCharsets.UTF_8);
    Path broken = Files.writeString(dir.resolve("sign.csv"), csv.replace("250.50,C,", "250.50,X,"));

    // when / then
    assertThatThrownBy(() -> reader.read(broken, "sign.csv", "csv:" + resource("account-export.yaml")))
        .isInstanceOf(StatementException.class)
        .hasMessage("Expected a readable bank statement in 'sign.csv', but at row 3, column 'D/C': Expected a debit/credit"
            + " indicator (debit [D], credit [C]), but found 'X'");
  }

  @Test
  void shouldLeaveARunningBalanceThatDoesNotAddUpToTheBalanceCheck() throws Exception {
    // given: the last balance is off by one cent
    String csv = Files.readString(resource("account-export-2026-11.csv"), StandardCharsets.UTF_8);
    Path off = Files.writeString(dir.resolve("off.csv"), csv.replace("\"13,426.60\"", "\"13,426.61\""));

    // when
    StatementFile file = reader.read(off, "off.csv", "csv:" + resource("account-export.yaml"));

    // then
    assertThat(BalanceCheck.problems(file)).singleElement().asString().contains("'off.csv'", "off by 0.01");
  }

  @Test
  void shouldRefuseAnExportWithoutEntries() throws Exception {
    // given
    Path empty = Files.writeString(dir.resolve("empty.csv"), "\uFEFFAccount,Booking date,Value date,Bank reference,"
        + "Counterparty,Counterparty IBAN,Counterparty BIC,End-to-end ID,Details,Amount,D/C,Currency,Balance,Status\r\n");

    // when / then
    assertThatThrownBy(() -> reader.read(empty, "empty.csv", "csv:" + resource("account-export.yaml")))
        .isInstanceOf(StatementException.class)
        .hasMessageContaining("at row 2: Expected at least one entry below the header (row 1), but there is none");
  }

  @Test
  void shouldNameTheProfileAndTheKeyOfABadProfile() throws Exception {
    // given
    Path bad = Files.writeString(dir.resolve("bad.yaml"), """
        account: DE91100000000123456789
        currency: EUR
        columns: {bookingDate: Date, amount: Amount, amout: Betrag}
        """);

    // when / then
    assertThatThrownBy(() -> reader.read(resource("account-export-2026-11.csv"), "x.csv", "csv:" + bad))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Invalid export profile '" + bad + "': Expected only the keys [")
        .hasMessageEndingWith("but found 'columns.amout'");
    assertThatThrownBy(() -> profile("columns: {bookingDate: Date, amount: Amount}\ncurrency: EUR"))
        .hasMessageContaining("Expected 'columns.account' (an account column) or 'account'");
    assertThatThrownBy(() -> profile("account: X\ncurrency: EUR\ncolumns: {bookingDate: D, debit: S, sign: X}"))
        .hasMessageContaining("Expected 'columns.sign' only with 'columns.amount'");
    assertThatThrownBy(() -> reader.read(resource("account-export-2026-11.csv"), "x.csv", "csv:" + dir.resolve("none.yaml")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Expected the export profile '" + dir.resolve("none.yaml") + "', but there is no such file");
  }

  private static ExportProfile profile(String yaml) {
    return ExportProfile.parse(yaml, "profile.yaml", "profile");
  }

  private Path resource(String name) throws Exception {
    Path file = dir.resolve(name);
    if (!Files.exists(file)) {
      try (InputStream in = getClass().getResourceAsStream("/finance/export/" + name)) {
        Files.copy(in, file);
      }
    }
    return file;
  }
}
