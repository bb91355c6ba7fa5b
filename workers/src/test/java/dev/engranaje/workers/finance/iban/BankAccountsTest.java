package dev.engranaje.workers.finance.iban;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BankAccountsTest {

  @ParameterizedTest
  @ValueSource(strings = {"DE89370400440532013000", "de89 3704 0044 0532 0130 00", "GB29NWBK60161331926819",
      "FR1420041010050500013M02606", "CH9300762011623852957", "NL91ABNA0417164300"})
  void shouldAcceptAnIbanWhenItPassesEveryCheck(String iban) {
    // when
    AccountCheck check = BankAccounts.checkIban(iban);

    // then
    assertThat(check.valid()).isTrue();
    assertThat(check.normalised()).doesNotContain(" ").isUpperCase();
  }

  @Test
  void shouldReportWrongCheckDigitsWhenTheMod97CheckFails() {
    // when
    AccountCheck check = BankAccounts.checkIban("DE88370400440532013000");

    // then
    assertThat(check.problem()).isEqualTo(
        "Expected 'DE88370400440532013000' to be a valid IBAN, but its check digits are wrong (mod-97 check failed).");
  }

  @Test
  void shouldReportTheCountryLengthWhenAnIbanIsTooShort() {
    assertThat(BankAccounts.checkIban("DE8937040044053201300").problem()).isEqualTo(
        BankAccounts.IBAN_LENGTH.formatted("DE8937040044053201300", 21, "DE", 22));
  }

  @Test
  void shouldReportTheCountryWhenItIssuesNoIbans() {
    assertThat(BankAccounts.checkIban("XX89370400440532013000").problem())
        .isEqualTo(BankAccounts.IBAN_COUNTRY.formatted("XX89370400440532013000", "XX"));
    assertThat(BankAccounts.checkIban("US89370400440532013000").problem())
        .isEqualTo(BankAccounts.IBAN_COUNTRY.formatted("US89370400440532013000", "US"));
  }

  @Test
  void shouldReportTheCharacterWhenAnIbanHasPunctuation() {
    assertThat(BankAccounts.checkIban("DE89-3704-0044-0532-0130-00").problem())
        .isEqualTo(BankAccounts.IBAN_CHARACTERS.formatted("DE89-3704-0044-0532-0130-00", "-"));
  }

  @Test
  void shouldReportTheAccountPartWhenTheBbanBreaksTheCountryFormat() {
    // given: a German BBAN is 18 digits; a letter there fails the format even with fitting check digits
    String iban = "DE" + org.iban4j.IbanUtil.calculateCheckDigit("DE00370400440532013A00") + "370400440532013A00";

    // when
    AccountCheck check = BankAccounts.checkIban(iban);

    // then
    assertThat(check.problem()).startsWith("Expected '" + iban + "' to be a valid IBAN, but its account part")
        .contains("DE");
  }

  @Test
  void shouldReportAnEmptyValueWhenTheIbanIsMissing() {
    assertThat(BankAccounts.checkIban(null).problem()).isEqualTo(BankAccounts.EMPTY_IBAN);
    assertThat(BankAccounts.checkIban("  ").problem()).isEqualTo(BankAccounts.EMPTY_IBAN);
    assertThatThrownBy(() -> BankAccounts.checkIban("").require()).hasMessage(BankAccounts.EMPTY_IBAN);
  }

  @ParameterizedTest
  @ValueSource(strings = {"DEUTDEFF", "DEUTDEFF500", "cobadeffxxx", "NWBKGB2L"})
  void shouldAcceptABicWhenItHasTheIsoFormat(String bic) {
    assertThat(BankAccounts.checkBic(bic).valid()).isTrue();
  }

  @Test
  void shouldReportTheLengthWhenABicHasNeither8Nor11Characters() {
    assertThat(BankAccounts.checkBic("DEUTDEF").problem()).isEqualTo(
        BankAccounts.BIC_FORMAT.formatted("DEUTDEF", "it has 7 characters instead of 8 or 11"));
  }

  @Test
  void shouldReportThePartWhenABicHasPunctuationInItsBankCodeOrDigitsInItsCountryCode() {
    // ISO 9362:2014 allows digits in the bank code (iban4j follows it), but never punctuation
    assertThat(BankAccounts.checkBic("DEU1DEFF").valid()).isTrue();
    assertThat(BankAccounts.checkBic("DEU_DEFF").problem()).contains("bank code 'DEU_'");
    assertThat(BankAccounts.checkBic("DEUTD1FF").problem()).contains("country code 'D1'");
    assertThat(BankAccounts.checkBic("").problem()).isEqualTo(BankAccounts.EMPTY_BIC);
  }
}
