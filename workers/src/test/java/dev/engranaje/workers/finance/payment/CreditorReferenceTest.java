package dev.engranaje.workers.finance.payment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CreditorReferenceTest {

  // RF18539007547034 is the example of ISO 11649
  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(textBlock = """
      RF18539007547034, true
      RF18 5390 0754 7034, true
      rf18539007547034, true
      RF19539007547034, false
      RF18, false
      471102, false
      RF18539007547034539007547034, false
      """)
  void shouldAcceptOnlyIso11649ReferencesWithRightCheckDigits(String reference, boolean valid) {
    assertThat(CreditorReference.isValid(reference)).isEqualTo(valid);
  }
}
