package dev.engranaje.workers.finance.payment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InvoiceNumbersTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
      INV-0042      | INV42
      inv 42        | INV42
      INV/042       | INV42
      inv.00042     | INV42
      2024-0042     | 202442
      2024/42       | 202442
      00000         | 0
      R0E01         | R0E1
      NULL          | ''
      ' - / '       | ''
      Fa-ctura_7    | FACTURA7
      """)
  void shouldIgnoreCaseSeparatorsAndLeadingZerosWhenNormalising(String number, String normalised) {
    assertThat(InvoiceNumbers.normalise(number)).isEqualTo(normalised);
  }
}
