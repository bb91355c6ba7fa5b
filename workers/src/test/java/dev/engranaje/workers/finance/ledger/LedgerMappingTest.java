package dev.engranaje.workers.finance.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LedgerMappingTest {
  private static final String PREFIX = String.format(LedgerMapping.PREFIX, "m.yaml");

  @Test
  void shouldReadEveryKeyWhenTheMappingIsComplete() throws Exception {
    // when
    LedgerMapping mapping = LedgerMapping.parse("""
        sheet: OP
        headerRow: 3
        columns:
          id: Nr
          amount: Betrag
          currency: Whg
          documentDate: Datum
          dueDate: Fällig
          reference: Ref
          partnerName: Name
          partnerIban: IBAN
        currency: EUR
        sign: payable
        locale:
          decimalSeparator: ","
          thousandsSeparator: "."
          dateFormats: [dd.MM.yyyy, dd.MM.yy]
          delimiter: tab
          quote: "'"
          encoding: windows-1252
        """, "m.yaml");

    // then
    assertThat(mapping.sheet()).isEqualTo("OP");
    assertThat(mapping.headerRow()).isEqualTo(3);
    assertThat(mapping.column("partnerIban")).isEqualTo("IBAN");
    assertThat(mapping.sign()).isEqualTo(SignConvention.PAYABLE);
    assertThat(mapping.dateFormats()).containsExactly("dd.MM.yyyy", "dd.MM.yy");
    assertThat(mapping.delimiter()).isEqualTo("tab");
    assertThat(mapping.encoding()).isEqualTo("windows-1252");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      unknown key        | {columns: {id: A, amount: B}, currency: EUR, colour: red}            | Expected only the keys [columns, currency, headerRow, locale, sheet, sheetIndex, sign], but found 'colour'
      unknown column key | {columns: {id: A, amount: B, iban: C}, currency: EUR}                  | but found 'columns.iban'
      no id              | {columns: {amount: B}, currency: EUR}                                  | Expected 'columns.id'
      no amount          | {columns: {id: A}, currency: EUR}                                      | Expected 'columns.amount', or 'columns.debit'
      amount and debit   | {columns: {id: A, amount: B, debit: C}, currency: EUR}                 | but both are given
      no currency        | {columns: {id: A, amount: B}}                                          | Expected 'columns.currency' (a currency column) or 'currency'
      bad currency       | {columns: {id: A, amount: B}, currency: euro}                          | Expected 'currency' to be an ISO 4217 code such as EUR, but got 'euro'
      bad sign           | {columns: {id: A, amount: B}, currency: EUR, sign: negative}           | Expected 'sign' to be as-is, receivable or payable, but got 'negative'
      long separator     | {columns: {id: A, amount: B}, currency: EUR, locale: {decimalSeparator: ',,'}} | Expected 'locale.decimalSeparator' to be one character
      same separators    | {columns: {id: A, amount: B}, currency: EUR, locale: {decimalSeparator: ',', thousandsSeparator: ','}} | Expected different decimal and thousands separators
      bad date format    | {columns: {id: A, amount: B}, currency: EUR, locale: {dateFormat: 'dd.MM.yyyy{'}} | Expected 'locale.dateFormat' to be a java.time pattern
      bad encoding       | {columns: {id: A, amount: B}, currency: EUR, locale: {encoding: klingon}} | Expected 'locale.encoding' to be a charset
      bad header row     | {columns: {id: A, amount: B}, currency: EUR, headerRow: first}         | Expected 'headerRow' to be a whole number from 0, but got 'first'
      two sheets         | {columns: {id: A, amount: B}, currency: EUR, sheet: X, sheetIndex: 2}  | Expected 'sheet' or 'sheetIndex', but both are given
      list for column    | {columns: {id: [A, B], amount: B}, currency: EUR}                      | Expected 'columns.id' to be a single text value, but it is a list
      not a mapping      | just text                                                              | Expected a YAML mapping of keys
      broken yaml        | '{columns: [id'                                                        | Expected a YAML mapping of keys, but it cannot be parsed
      """)
  void shouldExplainWhatIsExpectedWhenTheMappingIsInvalid(String caseName, String yaml, String message) {
    assertThatThrownBy(() -> LedgerMapping.parse(yaml, "m.yaml"))
        .isInstanceOf(InvalidLedgerMapping.class).hasMessageStartingWith(PREFIX).hasMessageContaining(message)
        .extracting(e -> ((InvalidLedgerMapping) e).source()).isEqualTo("m.yaml");
  }
}
