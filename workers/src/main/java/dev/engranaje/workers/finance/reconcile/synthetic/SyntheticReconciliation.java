package dev.engranaje.workers.finance.reconcile.synthetic;

import dev.engranaje.workers.finance.ledger.LedgerItem;
import dev.engranaje.workers.finance.statement.Counterparty;
import dev.engranaje.workers.finance.statement.EntryStatus;
import dev.engranaje.workers.finance.statement.StatementEntry;
import dev.engranaje.workers.finance.statement.TransactionDetail;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * Generates a gold set for the default match rules from a seed and a number of statement entries:
 * every case the rules handle (references of each kind, 1:n and n:1, batches, fees within tolerance,
 * counterparty by IBAN and by name differing in legal form, subset sums) and near-miss traps (duplicate
 * amounts of one customer, two entries citing one invoice, a creditor reference with wrong check digits,
 * the same amount from another customer, dates just outside the window, a fee just beyond the
 * tolerance, an invoice number that is a prefix of another), plus bank-only entries and open items
 * nobody pays. Amounts are unique across the set except where a trap duplicates one on purpose, so
 * the truth holds no accidental ambiguity. Deterministic for a seed and size; not thread-safe.
 */
public final class SyntheticReconciliation {
  /** The statement's account. */
  public static final String ACCOUNT = "ES7921000813610123456789";
  public static final String CURRENCY = "EUR";
  static final LocalDate START = LocalDate.of(2026, 11, 2);

  private static final String[] FIRST = {"Talleres", "Ferretería", "Distribuciones", "Construcciones", "Hotel",
      "Müller", "Schmidt", "Bäckerei", "Transportes", "Logistik", "Nordic", "Atlantic", "Iberia", "Alpen",
      "Café", "Clínica", "Gráficas", "Óptica", "Autohaus", "Papelería"};
  private static final String[] SECOND = {"García", "Núñez", "Weber", "Fischer", "Martín", "López", "Becker",
      "Sol", "Norte", "Central", "Hansa", "Levante", "Rhein", "Costa", "Meyer", "Ruiz"};
  private static final String[] FORMS = {"S.L.", "SL", "S.A.", "GmbH", "GmbH & Co. KG", "AG", "Ltd", "S.L.U.", "SAS",
      "B.V."};

  private final Random random;
  private final int size;
  private final List<StatementEntry> entries = new ArrayList<>();
  private final List<LedgerItem> items = new ArrayList<>();
  private final List<TruthGroup> truth = new ArrayList<>();
  private final Set<Long> usedCents = new HashSet<>();
  private final List<Customer> customers = new ArrayList<>();
  private int entrySeq;
  private int itemSeq;
  private int invoiceSeq = 1_000_000;

  private record Customer(String name, String form, String iban) {
    String legalName() {
      return name + " " + form;
    }
  }

  private SyntheticReconciliation(long seed, int size) {
    this.random = new Random(seed);
    this.size = size;
    int pool = Math.max(20, size / 4);
    for (int c = 0; c < pool; c++) {
      customers.add(new Customer(FIRST[random.nextInt(FIRST.length)] + " " + SECOND[random.nextInt(SECOND.length)]
          + " " + (100 + c), FORMS[random.nextInt(FORMS.length)], iban(c)));
    }
  }

  /** Generates about {@code entries} statement entries (at least 50), their ledger and the truth. */
  public static GoldSet generate(long seed, int entries) {
    SyntheticReconciliation generator = new SyntheticReconciliation(seed, Math.max(50, entries));
    generator.run();
    return new GoldSet(ACCOUNT, CURRENCY, generator.entries, generator.items, generator.truth);
  }

  private void run() {
    // Scenarios in proportions of a realistic statement: most payments cite something, a minority needs
    // the counterparty or a combination, and a few per cent are traps or bank-only entries.
    while (entries.size() < size) {
      int roll = random.nextInt(100);
      if (roll < 22) {
        referenceInvoice();
      } else if (roll < 24) {
        referencePrefixPair();
      } else if (roll < 32) {
        referenceEndToEnd();
      } else if (roll < 40) {
        referenceCreditor();
      } else if (roll < 45) {
        referenceSeveralInvoices();
      } else if (roll < 48) {
        referenceInstalments();
      } else if (roll < 53) {
        referenceWithFee();
      } else if (roll < 56) {
        batch();
      } else if (roll < 66) {
        counterpartyByIban();
      } else if (roll < 71) {
        counterpartyByNameInOtherLegalForm();
      } else if (roll < 76) {
        oneToMany();
      } else if (roll < 79) {
        manyToOne();
      } else if (roll < 82) {
        trapDuplicateAmount();
      } else if (roll < 84) {
        trapSameReferenceTwice();
      } else if (roll < 86) {
        trapWrongCheckDigits();
      } else if (roll < 89) {
        trapSameAmountOtherCustomer();
      } else if (roll < 91) {
        trapDateOutsideWindow();
      } else if (roll < 93) {
        trapToleranceExceeded();
      } else if (roll < 96) {
        bankOnly();
      } else {
        openItemNobodyPays();
      }
    }
  }

  // ---- scenarios -----------------------------------------------------------------------------------

  private void referenceInvoice() {
    Customer customer = customer();
    BigDecimal amount = amount(50, 20_000);
    LocalDate date = day();
    String invoice = invoice();
    String item = receivable(customer, amount, date.minusDays(random.nextInt(40)), invoice);
    String entry = credit(customer, maybe(0.5), amount, date, variant(invoice), null);
    confirmed("reference-invoice", "reference-exact", List.of(entry), List.of(item));
  }

  private void referencePrefixPair() {
    // INV-00nnnnnn and INV-00nnnnnnD: the shorter must not be found inside the longer
    Customer customer = customer();
    int number = invoiceSeq++;
    String shorter = String.format("INV-%08d", number);
    String longer = String.format("INV-%08d%d", number, 1 + random.nextInt(9));
    LocalDate date = day();
    BigDecimal a = amount(50, 9_000);
    BigDecimal b = amount(50, 9_000);
    String itemA = receivable(customer, a, date.minusDays(10), shorter);
    String itemB = receivable(customer, b, date.minusDays(12), longer);
    String entryB = credit(customer, true, b, date, "Invoice " + longer, null);
    String entryA = credit(customer, true, a, date.plusDays(1), "Invoice " + shorter, null);
    confirmed("reference-prefix-of-another", "reference-exact", List.of(entryA), List.of(itemA));
    confirmed("reference-prefix-of-another", "reference-exact", List.of(entryB), List.of(itemB));
  }

  private void referenceEndToEnd() {
    Customer supplier = customer();
    BigDecimal amount = amount(50, 30_000).negate();
    LocalDate date = day();
    String endToEnd = "E2E-" + date.toString().replace("-", "") + "-" + String.format("%06d", itemSeq);
    String item = item("AP", supplier, amount, date.minusDays(20), date.plusDays(random.nextInt(3)), endToEnd);
    String entry = entry(new Counterparty(supplier.legalName(), supplier.iban(), null), amount, date, endToEnd,
        "Supplier payment", List.of());
    confirmed("reference-end-to-end", "reference-exact", List.of(entry), List.of(item));
  }

  private void referenceCreditor() {
    Customer customer = customer();
    BigDecimal amount = amount(20, 8_000);
    LocalDate date = day();
    String rf = creditorReference(String.format("%d%05d", 70 + random.nextInt(20), itemSeq));
    String item = receivable(customer, amount, date.minusDays(15), rf);
    String grouped = rf.replaceAll("(.{4})", "$1 ").strip();
    String entry = credit(customer, maybe(0.3), amount, date, random.nextBoolean() ? grouped : "Ref " + rf, null);
    confirmed("reference-creditor-rf", "reference-exact", List.of(entry), List.of(item));
  }

  private void referenceSeveralInvoices() {
    Customer customer = customer();
    int count = 2 + random.nextInt(2);
    LocalDate date = day();
    List<String> ids = new ArrayList<>();
    List<String> invoices = new ArrayList<>();
    BigDecimal total = BigDecimal.ZERO;
    for (int i = 0; i < count; i++) {
      BigDecimal amount = amount(30, 5_000);
      String invoice = invoice();
      invoices.add(invoice);
      ids.add(receivable(customer, amount, date.minusDays(5 + i), invoice));
      total = total.add(amount);
    }
    reserve(total);
    String entry = credit(customer, true, total, date, "Invoices " + String.join(", ", invoices), null);
    confirmed("reference-several-invoices", "reference-exact", List.of(entry), ids);
  }

  private void referenceInstalments() {
    Customer customer = customer();
    BigDecimal first = amount(100, 4_000);
    BigDecimal second = amount(100, 4_000);
    LocalDate date = day();
    String invoice = invoice();
    String item = receivable(customer, first.add(second), date.minusDays(20), invoice);
    reserve(first.add(second));
    String e1 = credit(customer, true, first, date, "Instalment 1/2 " + invoice, null);
    String e2 = credit(customer, true, second, date.plusDays(3), "Instalment 2/2 " + invoice, null);
    confirmed("reference-instalments", "reference-exact", List.of(e1, e2), List.of(item));
  }

  private void referenceWithFee() {
    Customer customer = customer();
    BigDecimal amount = amount(200, 20_000);
    // a fee of 0.50 to 10.00, never more than 2 % of the invoice
    BigDecimal fee = BigDecimal.valueOf(50 + random.nextInt(951), 2);
    LocalDate date = day();
    String invoice = invoice();
    String item = receivable(customer, amount, date.minusDays(10), invoice);
    BigDecimal paid = amount.subtract(fee);
    reserve(paid);
    String entry = credit(customer, true, paid, date, variant(invoice), null);
    confirmed("reference-with-fee", "reference-with-fee", List.of(entry), List.of(item));
  }

  private void batch() {
    int count = 2 + random.nextInt(3);
    LocalDate date = day();
    List<TransactionDetail> details = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    BigDecimal total = BigDecimal.ZERO;
    for (int i = 0; i < count; i++) {
      Customer customer = customer();
      BigDecimal amount = amount(10, 900);
      String mandate = "DD-2026-" + String.format("%07d", itemSeq);
      ids.add(receivable(customer, amount, date.minusDays(3), mandate));
      details.add(new TransactionDetail(amount, mandate, null,
          new Counterparty(customer.legalName(), customer.iban(), null), "Direct debit " + mandate));
      total = total.add(amount);
    }
    reserve(total);
    String entry = entry(Counterparty.UNKNOWN, total, date, null, "SEPA direct debit batch", details);
    confirmed("batch-direct-debits", "reference-exact", List.of(entry), ids);
  }

  private void counterpartyByIban() {
    Customer customer = customer();
    BigDecimal amount = amount(20, 15_000);
    LocalDate date = day();
    String item = item("AR", customer, amount, date.minusDays(30), date.plusDays(random.nextInt(17) - 8), null);
    String entry = entry(new Counterparty(customer.name().toUpperCase(Locale.ROOT), customer.iban(), null), amount,
        date, null, "Transfer " + date.getMonth().name().toLowerCase(Locale.ROOT), List.of());
    confirmed("counterparty-iban", "counterparty-amount-date", List.of(entry), List.of(item));
  }

  private void counterpartyByNameInOtherLegalForm() {
    Customer customer = customer();
    BigDecimal amount = amount(20, 15_000);
    LocalDate date = day();
    String item = item("AR", customer, amount, date.minusDays(30), date.plusDays(random.nextInt(11) - 5), null);
    String otherForm = customer.form().startsWith("G") ? "gmbh" : "S.L";
    String entry = entry(new Counterparty(customer.name().toUpperCase(Locale.ROOT) + ", " + otherForm, null, null),
        amount, date, null, "Payment", List.of());
    confirmed("counterparty-name-legal-form", "counterparty-amount-date", List.of(entry), List.of(item));
  }

  private void oneToMany() {
    Customer customer = customer();
    int count = 2 + random.nextInt(3);
    LocalDate date = day();
    List<String> ids = new ArrayList<>();
    BigDecimal total = BigDecimal.ZERO;
    for (int i = 0; i < count; i++) {
      BigDecimal amount = amount(30, 6_000);
      ids.add(item("AR", customer, amount, date.minusDays(40), date.minusDays(random.nextInt(20)), null));
      total = total.add(amount);
    }
    reserve(total);
    String entry = entry(new Counterparty(customer.legalName(), customer.iban(), null), total, date, null,
        "Payment of open items", List.of());
    confirmed("one-to-many", "one-to-many", List.of(entry), ids);
  }

  private void manyToOne() {
    Customer customer = customer();
    int count = 2 + random.nextInt(2);
    LocalDate date = day();
    List<String> ids = new ArrayList<>();
    BigDecimal total = BigDecimal.ZERO;
    for (int i = 0; i < count; i++) {
      BigDecimal amount = amount(100, 3_000);
      ids.add(entry(new Counterparty(customer.legalName(), customer.iban(), null), amount, date.plusDays(i * 7L), null,
          "Partial payment", List.of()));
      total = total.add(amount);
    }
    reserve(total);
    String item = item("AR", customer, total, date.minusDays(30), date.plusDays(5), null);
    confirmed("many-to-one", "many-to-one", ids, List.of(item));
  }

  private void trapDuplicateAmount() {
    Customer customer = customer();
    BigDecimal amount = amount(20, 5_000);
    LocalDate date = day();
    String a = item("AR", customer, amount, date.minusDays(30), date.minusDays(2), null);
    String b = item("AR", customer, amount, date.minusDays(28), date.plusDays(1), null);
    String entry = entry(new Counterparty(customer.legalName(), customer.iban(), null), amount, date, null,
        "Payment", List.of());
    truth.add(new TruthGroup("trap-duplicate-amount", Expectation.SUGGESTED, null, List.of(entry), List.of(a, b)));
  }

  private void trapSameReferenceTwice() {
    Customer customer = customer();
    BigDecimal amount = amount(20, 5_000);
    LocalDate date = day();
    String invoice = invoice();
    String item = receivable(customer, amount, date.minusDays(10), invoice);
    String e1 = credit(customer, true, amount, date, "Invoice " + invoice, null);
    String e2 = credit(customer, true, amount, date.plusDays(1), "Invoice " + invoice, null);
    truth.add(new TruthGroup("trap-same-reference-twice", Expectation.SUGGESTED, null, List.of(e1, e2), List.of(item)));
  }

  private void trapWrongCheckDigits() {
    Customer customer = customer();
    BigDecimal amount = amount(20, 5_000);
    LocalDate date = day();
    String rf = creditorReference(String.format("%d%05d", 70 + random.nextInt(20), itemSeq));
    String item = receivable(customer, amount, date.minusDays(10), rf);
    int check = Integer.parseInt(rf.substring(2, 4));
    String wrong = String.format("RF%02d%s", check == 98 ? 2 : check + 1, rf.substring(4));
    String entry = entry(Counterparty.UNKNOWN, amount, date, null, "Ref " + wrong, List.of());
    truth.add(new TruthGroup("trap-wrong-rf-check-digits", Expectation.NOT_CONFIRMED, null, List.of(entry),
        List.of(item)));
  }

  private void trapSameAmountOtherCustomer() {
    Customer owner = customer();
    Customer other = customer();
    while (other.equals(owner)) {
      other = customer();
    }
    BigDecimal amount = amount(20, 5_000);
    LocalDate date = day();
    String item = item("AR", owner, amount, date.minusDays(30), date, null);
    String entry = entry(new Counterparty(other.legalName(), other.iban(), null), amount, date, null, "Payment",
        List.of());
    truth.add(new TruthGroup("trap-same-amount-other-customer", Expectation.NOT_CONFIRMED, null, List.of(entry),
        List.of(item)));
  }

  private void trapDateOutsideWindow() {
    Customer customer = customer();
    BigDecimal amount = amount(20, 5_000);
    LocalDate date = day();
    String item = item("AR", customer, amount, date.minusDays(60), date.minusDays(11 + random.nextInt(10)), null);
    String entry = entry(new Counterparty(customer.legalName(), customer.iban(), null), amount, date, null, "Payment",
        List.of());
    truth.add(new TruthGroup("trap-date-outside-window", Expectation.SUGGESTED, null, List.of(entry), List.of(item)));
  }

  private void trapToleranceExceeded() {
    Customer customer = customer();
    BigDecimal amount = amount(1_000, 20_000);
    BigDecimal short_ = BigDecimal.valueOf(1_001 + random.nextInt(4_000), 2); // 10.01 .. 50.00
    LocalDate date = day();
    String invoice = invoice();
    String item = receivable(customer, amount, date.minusDays(10), invoice);
    BigDecimal paid = amount.subtract(short_);
    reserve(paid);
    String entry = credit(customer, true, paid, date, "Invoice " + invoice, null);
    truth.add(new TruthGroup("trap-tolerance-exceeded", Expectation.SUGGESTED, null, List.of(entry), List.of(item)));
  }

  private void bankOnly() {
    BigDecimal amount = amount(1, 90).negate();
    String entry = entry(Counterparty.UNKNOWN, amount, day(), null, "Account maintenance fee", List.of());
    truth.add(new TruthGroup("bank-only-entry", Expectation.UNMATCHED, null, List.of(entry), List.of()));
  }

  private void openItemNobodyPays() {
    Customer customer = customer();
    String item = receivable(customer, amount(20, 9_000), day(), invoice());
    truth.add(new TruthGroup("open-item-unpaid", Expectation.UNMATCHED, null, List.of(), List.of(item)));
  }

  // ---- building blocks -----------------------------------------------------------------------------

  private void confirmed(String scenario, String rule, List<String> entryIds, List<String> itemIds) {
    truth.add(new TruthGroup(scenario, Expectation.CONFIRMED, rule, entryIds, itemIds));
  }

  private Customer customer() {
    return customers.get(random.nextInt(customers.size()));
  }

  private boolean maybe(double probability) {
    return random.nextDouble() < probability;
  }

  private LocalDate day() {
    return START.plusDays(random.nextInt(26));
  }

  private String invoice() {
    return String.format("INV-%08d", invoiceSeq++);
  }

  /** The invoice number as a payer types it: other case, spaces or separators, leading zeros dropped. */
  private String variant(String invoice) {
    String digits = invoice.substring(4);
    return switch (random.nextInt(5)) {
      case 0 -> "Invoice " + invoice;
      case 1 -> "inv " + Integer.parseInt(digits);
      case 2 -> "Rechnung Nr. INV" + digits + " Kunde 4711";
      case 3 -> "Pago factura INV/" + digits;
      default -> "INV." + Integer.parseInt(digits) + " thanks";
    };
  }

  /** A fresh amount in [min, max) whose cents no other case uses. */
  private BigDecimal amount(int min, int max) {
    while (true) {
      long cents = min * 100L + (long) (random.nextDouble() * (max - min) * 100);
      if (usedCents.add(cents)) {
        return BigDecimal.valueOf(cents, 2);
      }
    }
  }

  /** Marks a derived amount (a sum, an amount minus a fee) as used, so no fresh amount equals it. */
  private void reserve(BigDecimal amount) {
    usedCents.add(amount.movePointRight(2).longValueExact());
  }

  private String receivable(Customer customer, BigDecimal amount, LocalDate documentDate, String reference) {
    return item("AR", customer, amount, documentDate, documentDate.plusDays(30), reference);
  }

  private String item(String prefix, Customer customer, BigDecimal amount, LocalDate documentDate, LocalDate dueDate,
      String reference) {
    String id = String.format("%s-%07d", prefix, ++itemSeq);
    items.add(new LedgerItem(id, amount, CURRENCY, documentDate, dueDate, reference, customer.legalName(),
        customer.iban()));
    return id;
  }

  private String credit(Customer customer, boolean withCounterparty, BigDecimal amount, LocalDate date,
      String remittance, String endToEnd) {
    Counterparty counterparty = withCounterparty ? new Counterparty(customer.legalName(), customer.iban(), null)
        : Counterparty.UNKNOWN;
    return entry(counterparty, amount, date, endToEnd, remittance, List.of());
  }

  private String entry(Counterparty counterparty, BigDecimal amount, LocalDate date, String endToEnd,
      String remittance, List<TransactionDetail> details) {
    String id = String.format("BK%08d", ++entrySeq);
    entries.add(new StatementEntry(id, id, date, date, amount, CURRENCY, EntryStatus.BOOKED, endToEnd, counterparty,
        remittance, amount.signum() >= 0 ? "PMNT-RCDT-ESCT" : "PMNT-ICDT-ESCT", details));
    return id;
  }

  private static String iban(int customer) {
    return String.format("DE%02d50010517%010d", 10 + customer % 89, 5_000_000L + customer);
  }

  /** A valid ISO 11649 creditor reference for {@code body}. */
  static String creditorReference(String body) {
    for (int check = 2; check <= 98; check++) {
      String candidate = String.format("RF%02d%s", check, body);
      if (mod97(candidate.substring(4) + candidate.substring(0, 4)) == 1) {
        return candidate;
      }
    }
    throw new IllegalStateException("no check digits for " + body);
  }

  private static int mod97(String text) {
    int remainder = 0;
    for (char c : text.toCharArray()) {
      remainder = Character.isDigit(c) ? (remainder * 10 + (c - '0')) % 97 : (remainder * 100 + (c - 'A' + 10)) % 97;
    }
    return remainder;
  }
}
