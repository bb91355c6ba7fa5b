package dev.engranaje.workers.finance.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DuplicateFinderTest {
  private final DuplicateFinder finder = new DuplicateFinder(7);

  private static DuplicateFinder.Candidate invoice(String supplier, String number, String amount, String date) {
    return new DuplicateFinder.Candidate(supplier, number, new BigDecimal(amount), "EUR", LocalDate.parse(date),
        "invoice " + number);
  }

  @Test
  void shouldFindTheSameNumberOfTheSameSupplierWrittenDifferently() {
    assertThat(finder.repeats(invoice("S1", "inv-0042", "10.00", "2026-01-01"),
        invoice("S1", "INV 42", "99.00", "2025-06-01"))).get().asString().contains("'INV42'");
  }

  @Test
  void shouldNotCallTheSameNumberOfAnotherSupplierADuplicate() {
    assertThat(finder.repeats(invoice("S1", "42", "10.00", "2026-01-01"), invoice("S2", "42", "10.00", "2026-01-01")))
        .isEmpty();
  }

  @Test
  void shouldFindTheSameAmountWithinTheWindowAndNotOutsideIt() {
    DuplicateFinder.Candidate earlier = invoice("S1", "A-1", "500.00", "2026-01-01");

    assertThat(finder.repeats(invoice("S1", "B-7", "500.0", "2026-01-08"), earlier)).get().asString()
        .contains("500.0", "within 7 days");
    assertThat(finder.repeats(invoice("S1", "B-7", "500.00", "2026-01-09"), earlier)).isEmpty();
    assertThat(finder.repeats(invoice("S1", "B-7", "500.01", "2026-01-02"), earlier)).isEmpty();
  }

  @Test
  void shouldNotCompareAmountsOfDifferentCurrencies() {
    DuplicateFinder.Candidate usd = new DuplicateFinder.Candidate("S1", "B-7", new BigDecimal("500.00"), "USD",
        LocalDate.parse("2026-01-02"), "invoice B-7");

    assertThat(finder.repeats(usd, invoice("S1", "A-1", "500.00", "2026-01-01"))).isEmpty();
  }
}
