package dev.engranaje.workers.finance.pain001;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class Pain001WriterTest {
  private static final DebtorAccount MAIN = new DebtorAccount("Engranaje GmbH", "DE89 3704 0044 0532 0130 00", "COBADEFFXXX");
  private static final DebtorAccount SECOND = new DebtorAccount("Engranaje GmbH", "DE02120300000000202051", null);
  private static final LocalDate MONDAY = LocalDate.of(2026, 12, 14);
  private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 12, 7, 9, 30, 0, 0, ZoneOffset.ofHours(1));

  @TempDir Path directory;

  @ParameterizedTest
  @EnumSource(Pain001Version.class)
  void shouldBatchByDateAndDebtorWithControlSumsWhenWritingARun(Pain001Version version) {
    // given: two payments from the main account on Monday, one on Tuesday, one from the second account on Monday
    PaymentRun run = new PaymentRun("RUN-2026-49", NOW, "Engranaje GmbH", List.of(
        payment("E2E-1", MAIN, MONDAY, "100.10"),
        payment("E2E-2", MAIN, MONDAY, "0.90"),
        payment("E2E-3", MAIN, MONDAY.plusDays(1), "2500"),
        payment("E2E-4", SECOND, MONDAY, "19.99")));
    Path target = directory.resolve("run.xml");

    // when
    Pain001File file = new Pain001Writer(version).write(run, target);

    // then
    assertThat(file.numberOfTransactions()).isEqualTo(4);
    assertThat(file.controlSum()).isEqualByComparingTo("2620.99");
    assertThat(file.batches()).extracting(Pain001File.Batch::paymentInfoId, Pain001File.Batch::numberOfTransactions,
            b -> b.controlSum().toPlainString())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("RUN-2026-49/1", 1, "19.99"),
            org.assertj.core.groups.Tuple.tuple("RUN-2026-49/2", 2, "101.00"),
            org.assertj.core.groups.Tuple.tuple("RUN-2026-49/3", 1, "2500.00"));
    Pain001Document back = new Pain001Reader().read(target);
    assertThat(back.namespace()).isEqualTo(version.namespace());
    assertThat(back.declaredNumberOfTransactions()).isEqualTo(4);
    assertThat(back.declaredControlSum()).isEqualByComparingTo("2620.99");
    assertThat(back.inconsistencies()).isEmpty();
    assertThat(back.batches().get(1).requestedExecutionDate()).isEqualTo("2026-12-14");
    assertThat(back.batches().get(1).debtorAccount()).isEqualTo("DE89370400440532013000");
    assertThat(back.batches().get(1).debtorBic()).isEqualTo("COBADEFFXXX");
    assertThat(back.batches().get(0).debtorBic()).isNull();
    assertThat(back.transactions()).extracting(Pain001Document.Transaction::endToEndId)
        .containsExactly("E2E-4", "E2E-1", "E2E-2", "E2E-3");
    assertThat(back.transactions().get(1).amount()).isEqualByComparingTo("100.10");
    assertThat(back.transactions().get(1).remittanceText()).isEqualTo("Invoice E2E-1");
  }

  @Test
  void shouldTransliterateAndReportWhenNamesLeaveTheSepaCharacterSet() throws Exception {
    // given
    CreditTransfer umlauts = new CreditTransfer("E2E-1", MAIN, MONDAY, "Müller & Söhne Straße", "FR1420041010050500013M02606",
        null, new BigDecimal("12.00"), "EUR", "Rechnung Nr. 7 – Dezember", null);

    // when
    Pain001File file = new Pain001Writer(Pain001Version.V03).write(new PaymentRun("RUN-1", NOW, "Engranaje", List.of(umlauts)),
        directory.resolve("sepa.xml"));

    // then
    assertThat(file.replacements()).extracting(SepaCharacters.Replacement::written)
        .containsExactly("Muller + Sohne Strasse", "Rechnung Nr. 7 - Dezember");
    assertThat(file.replacements().get(0).field()).isEqualTo("payment 'E2E-1' creditor name");
    assertThat(Files.readString(file.path())).contains("<Nm>Muller + Sohne Strasse</Nm>").doesNotContain("Müller");
  }

  @Test
  void shouldWriteAStructuredCreditorReferenceWhenOneIsGiven() {
    CreditTransfer rf = new CreditTransfer("E2E-1", MAIN, MONDAY, "Supplier", "NL91ABNA0417164300", "ABNANL2A",
        new BigDecimal("5"), "EUR", "ignored when structured", "RF18539007547034");

    Pain001Document back = new Pain001Reader().read(new java.io.ByteArrayInputStream(
        new Pain001Writer(Pain001Version.V09).render(new PaymentRun("RUN-RF", NOW, "Engranaje", List.of(rf)))), "rf");

    assertThat(back.transactions().get(0).structuredReference()).isEqualTo("RF18539007547034");
    assertThat(back.transactions().get(0).remittanceText()).isNull();
    assertThat(back.transactions().get(0).creditorBic()).isEqualTo("ABNANL2A");
  }

  @Test
  void shouldReportEveryProblemAndWriteNothingWhenTheRunIsInvalid() {
    // given
    PaymentRun run = new PaymentRun("RUN//BAD", NOW, "Engranaje", List.of(
        payment("E2E-1", MAIN, MONDAY, "10.005"),
        payment("E2E-1", new DebtorAccount("Engranaje", "DE88370400440532013000", null), MONDAY, "-1"),
        new CreditTransfer("E2E-3", MAIN, null, " ", "XX00", "BAD", new BigDecimal("1"), "euro", null, null)));
    Path target = directory.resolve("never.xml");

    // then
    assertThatThrownBy(() -> new Pain001Writer(Pain001Version.V03).write(run, target))
        .isInstanceOfSatisfying(Pain001Exception.class, e -> assertThat(e.problems()).containsExactly(
            Pain001Writer.BAD_ID.formatted("message id", "RUN//BAD"),
            Pain001Writer.DUPLICATE_ID.formatted("E2E-1", 2),
            Pain001Writer.BAD_AMOUNT.formatted("E2E-1", "10.005"),
            Pain001Writer.BAD_ACCOUNT.formatted("E2E-1", "debtor IBAN",
                "Expected 'DE88370400440532013000' to be a valid IBAN, but its check digits are wrong (mod-97 check failed)."),
            Pain001Writer.BAD_AMOUNT.formatted("E2E-1", "-1"),
            Pain001Writer.BAD_ACCOUNT.formatted("E2E-3", "creditor IBAN",
                "Expected 'XX00' to be a valid IBAN, but 'XX' is not a country that issues IBANs."),
            Pain001Writer.BAD_ACCOUNT.formatted("E2E-3", "creditor BIC",
                "Expected 'BAD' to be a valid BIC (4 letters or digits bank, 2 letters country, 2 letters or digits location, "
                    + "optional 3 letters or digits branch), but it has 3 characters instead of 8 or 11."),
            Pain001Writer.MISSING.formatted("E2E-3", "a creditor name"),
            Pain001Writer.MISSING.formatted("E2E-3", "a requested execution date"),
            Pain001Writer.BAD_CURRENCY.formatted("E2E-3", "euro")));
    assertThat(target).doesNotExist();
    assertThat(directory).isEmptyDirectory();
  }

  @Test
  void shouldRefuseTheFileWhenTheSchemaRejectsIt() throws Exception {
    // given: an amount above the pain.001 limit passes none of the checks a writer could skip; here the
    // schema is what stops a currency code the model allowed but the XSD does not (lower case is caught
    // earlier, so use a valid-looking code and a BIC-less debtor with an over-long name to reach the XSD)
    Path target = directory.resolve("run.xml");
    Files.writeString(target, "previous release");
    PaymentRun run = new PaymentRun("RUN-X", NOW, "I".repeat(141), List.of(payment("E2E-1", MAIN, MONDAY, "1")));

    // then
    assertThatThrownBy(() -> new Pain001Writer(Pain001Version.V03).write(run, target)).isInstanceOf(Pain001Exception.class)
        .hasMessageStartingWith("Expected the pain.001.001.03 file for run 'RUN-X' to be valid against the official schema, but at line ")
        .hasMessageContaining("Max140Text").hasMessageEndingWith("The file was not written.");
    assertThat(Files.readString(target)).isEqualTo("previous release");
    try (var files = Files.list(directory)) {
      assertThat(files).containsExactly(target);
    }
  }

  private static CreditTransfer payment(String id, DebtorAccount debtor, LocalDate date, String amount) {
    return new CreditTransfer(id, debtor, date, "Supplier " + id, "GB29NWBK60161331926819", "NWBKGB2L",
        new BigDecimal(amount), "EUR", "Invoice " + id, null);
  }
}
