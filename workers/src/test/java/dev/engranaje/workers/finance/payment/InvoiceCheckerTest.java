package dev.engranaje.workers.finance.payment;

import static dev.engranaje.workers.finance.payment.PaymentFixtures.corpus;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The invoice check on the corpus e-invoices against a supplier master made in the test. */
class InvoiceCheckerTest {
  @TempDir Path dir;
  private SupplierMaster master;
  private final InvoiceChecker checker = new InvoiceChecker(new DuplicateFinder(7));

  @BeforeEach
  void readMaster() throws Exception {
    master = SupplierMaster.read(PaymentFixtures.masterCsv(dir.resolve("master.csv")), "master.csv",
        SupplierMapping.DEFAULT);
  }

  private InvoiceCheck check(String name, List<PaidInvoice> history, BigDecimal limit) throws Exception {
    return checker.check(corpus(name), "inbox:" + name, master, history, limit).check();
  }

  private static List<String> codes(InvoiceCheck check) {
    return check.reasons().stream().map(Reason::code).toList();
  }

  @Test
  void shouldAcceptAUblInvoiceOfAKnownSupplierWithItsMasterIban() throws Exception {
    InvoiceCheck check = check(PaymentFixtures.UBL, List.of(), null);

    assertThat(check.status()).isEqualTo(InvoiceCheck.ACCEPTED);
    assertThat(check.reasons()).isEmpty();
    assertThat(check).extracting(InvoiceCheck::format, InvoiceCheck::invoiceNumber, InvoiceCheck::supplierId,
        InvoiceCheck::supplierName, InvoiceCheck::supplierEmail, InvoiceCheck::iban, InvoiceCheck::masterIban,
        InvoiceCheck::bic, InvoiceCheck::amount, InvoiceCheck::currency, InvoiceCheck::issueDate)
        .containsExactly("ubl", "471102", "00042", "Lieferant GmbH", "ap@lieferant.example",
            PaymentFixtures.LIEFERANT_IBAN, PaymentFixtures.LIEFERANT_IBAN, "BYLADEM1001", "529.87", "EUR", "2018-03-05");
  }

  @Test
  void shouldPayTheMasterIbanWithItsBicWhenTheInvoiceGivesNoBankDetails() throws Exception {
    InvoiceCheck check = check(PaymentFixtures.WECLAPP, List.of(), null);

    assertThat(check.status()).isEqualTo(InvoiceCheck.ACCEPTED);
    assertThat(check).extracting(InvoiceCheck::format, InvoiceCheck::supplierId, InvoiceCheck::iban, InvoiceCheck::bic,
        InvoiceCheck::amount).containsExactly("factur-x", "S-9", PaymentFixtures.WECLAPP_IBAN, "COBADEFFXXX", "963.11");
  }

  @Test
  void shouldFindTheSupplierByVatIdWrittenWithSpaces() throws Exception {
    InvoiceCheck check = check(PaymentFixtures.ALPHABET, List.of(), null);

    assertThat(check.supplierId()).isEqualTo("S-7");
    assertThat(check.status()).isEqualTo(InvoiceCheck.ACCEPTED);
  }

  @Test
  void shouldHoldThePaymentWhenTheInvoiceIbanDiffersFromTheMaster() throws Exception {
    InvoiceCheck check = check(PaymentFixtures.CHANGED_IBAN, List.of(), null);

    assertThat(check.status()).isEqualTo(InvoiceCheck.HELD);
    assertThat(codes(check)).containsExactly(Reason.IBAN_CHANGED);
    assertThat(check.iban()).isEqualTo("DE75512108001245126199");
    assertThat(check.masterIban()).isEqualTo(PaymentFixtures.LIEFERANT_IBAN);
    assertThat(check.bic()).as("the master's BIC belongs to the old account").isNull();
    assertThat(check.reasons().get(0).text()).contains("DE75512108001245126199", PaymentFixtures.LIEFERANT_IBAN, "00042");
  }

  @Test
  void shouldRejectWithTheRuleIdsWhenTheTotalsDoNotAddUp() throws Exception {
    InvoiceCheck check = check(PaymentFixtures.BROKEN_TOTALS, List.of(), null);

    assertThat(check.status()).isEqualTo(InvoiceCheck.REJECTED);
    assertThat(codes(check)).contains(Reason.EN16931);
    assertThat(check.reasons().stream().filter(r -> r.code().equals(Reason.EN16931)).findFirst().orElseThrow().text())
        .contains("BR-CO-16");
  }

  @Test
  void shouldRejectAnInvoiceOfASellerTheMasterDoesNotHave() throws Exception {
    InvoiceCheck check = check(PaymentFixtures.PEPPOL, List.of(), null);

    assertThat(check.status()).isEqualTo(InvoiceCheck.REJECTED);
    assertThat(codes(check)).contains(Reason.SUPPLIER_UNKNOWN, Reason.IBAN_INVALID);
    assertThat(check.supplierName()).isEqualTo("SupplierOfficialName Ltd");
  }

  @Test
  void shouldRejectAnInvoicePaidBeforeUnderTheSameNumberWrittenDifferently() throws Exception {
    PaidInvoice paid = new PaidInvoice("PAY-1", "2018-03-20", "PAY-1-001", "00042", "Lieferant GmbH", "0471-102",
        "471102", "100.00", "EUR", "2018-01-01");

    InvoiceCheck check = check(PaymentFixtures.UBL, List.of(paid), null);

    assertThat(check.status()).isEqualTo(InvoiceCheck.REJECTED);
    assertThat(codes(check)).containsExactly(Reason.DUPLICATE);
    assertThat(check.reasons().get(0).text()).contains("0471-102", "PAY-1");
  }

  @Test
  void shouldRejectAnInvoiceOfTheSameAmountIssuedWithinTheWindowUnderAnotherNumber() throws Exception {
    PaidInvoice paid = new PaidInvoice("PAY-1", "2018-03-20", "PAY-1-001", "00042", "Lieferant GmbH", "LG-9",
        "LG9", "529.870", "EUR", "2018-03-01");

    assertThat(codes(check(PaymentFixtures.UBL, List.of(paid), null))).containsExactly(Reason.DUPLICATE);
  }

  @Test
  void shouldAcceptTheSameAmountIssuedOutsideTheWindow() throws Exception {
    PaidInvoice paid = new PaidInvoice("PAY-1", "2018-02-20", "PAY-1-001", "00042", "Lieferant GmbH", "LG-9",
        "LG9", "529.87", "EUR", "2018-02-05");

    assertThat(check(PaymentFixtures.UBL, List.of(paid), null).status()).isEqualTo(InvoiceCheck.ACCEPTED);
  }

  @Test
  void shouldHandTheInvoiceToAPersonWhenItIsAboveTheLimit() throws Exception {
    InvoiceCheck check = check(PaymentFixtures.ALPHABET, List.of(), new BigDecimal("1000.00"));

    assertThat(check.status()).isEqualTo(InvoiceCheck.MANUAL);
    assertThat(codes(check)).containsExactly(Reason.OVER_LIMIT);
    assertThat(check.reasons().get(0).text()).contains("1012.69", "1000.00");
  }

  @Test
  void shouldHandAPdfWithoutStructuredDataToAPersonWithoutGuessing() throws Exception {
    Path scan = Files.write(dir.resolve("scan.pdf"), PaymentFixtures.plainPdf("Invoice 4711 total 119.00 EUR"));

    InvoiceChecker.Outcome outcome = checker.check(scan, "inbox:scan.pdf", master, List.of(), null);

    assertThat(outcome.invoice()).isNull();
    assertThat(outcome.check().status()).isEqualTo(InvoiceCheck.MANUAL);
    assertThat(outcome.check().format()).isEqualTo("pdf");
    assertThat(codes(outcome.check())).containsExactly(Reason.UNSTRUCTURED);
    assertThat(outcome.check().amount()).isNull();
    assertThat(outcome.check().invoiceNumber()).isNull();
  }

  @Test
  void shouldHandAnUnreadableFileToAPersonNamingThePosition() throws Exception {
    Path cut = Files.writeString(dir.resolve("cut.xml"), "<?xml version=\"1.0\"?>\n<Invoice xmlns=\"urn:oasis:names:"
        + "specification:ubl:schema:xsd:Invoice-2\"><cbc:ID");

    InvoiceCheck check = checker.check(cut, "inbox:cut.xml", master, List.of(), null).check();

    assertThat(check.status()).isEqualTo(InvoiceCheck.MANUAL);
    assertThat(codes(check)).containsExactly(Reason.UNREADABLE);
    assertThat(check.reasons().get(0).text()).contains("inbox:cut.xml", "line 2");
  }
}
