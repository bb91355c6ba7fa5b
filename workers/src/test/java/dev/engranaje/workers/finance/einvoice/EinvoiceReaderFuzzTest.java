package dev.engranaje.workers.finance.einvoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.engranaje.workers.fuzz.ByteMutations;
import dev.engranaje.workers.fuzz.Resources;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Mutated corpus files (truncated, overwritten, repeated slices, garbage, random bytes; XML and PDF):
 * each is read and checked, or refused with an {@link EinvoiceException} naming the file; never another
 * exception, never a hang.
 */
class EinvoiceReaderFuzzTest {
  private static final Duration HANG = Duration.ofSeconds(30);
  private static final List<String> SEEDS = List.of("peppol-base-example.xml", "peppol-Vat-category-S.xml",
      "mustang-Factur-X_basic.xml", "mustang-factur-x-extended.xml", "mustang-facturFrMinimum.xml",
      "mustang-XRECHNUNG_Einfach.ubl.xml", "mustang-EN16931_Einfach.pdf", "mustang-MustangBeispiel20221026.pdf");

  private final EinvoiceReader reader = new EinvoiceReader();
  private final En16931Check check = new En16931Check();

  @TestFactory
  Stream<DynamicTest> shouldReadOrRefuseNamingTheFileWhenTheBytesAreMutated() {
    ByteMutations mutations = new ByteMutations(
        SEEDS.stream().map(name -> Resources.read("/finance/einvoice/" + name)).toList(), ByteMutations.SEED);
    return IntStream.range(0, ByteMutations.tries(200)).mapToObj(i -> {
      ByteMutations.Mutant mutant = mutations.next();
      String source = "fuzz-" + i;
      return DynamicTest.dynamicTest(i + ": " + mutant.how(), () -> assertTimeoutPreemptively(HANG, () -> {
        try {
          ParsedInvoice parsed = reader.read(mutant.bytes(), source);
          assertThat(check.check(parsed)).allSatisfy(v -> assertThat(v.message()).startsWith("Expected "));
        } catch (EinvoiceException refused) {
          assertThat(refused.getMessage()).startsWith("Expected a readable e-invoice in '" + source);
        }
      }));
    });
  }
}
