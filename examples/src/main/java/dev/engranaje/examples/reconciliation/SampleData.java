package dev.engranaje.examples.reconciliation;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * A deterministic generator of a month of bank statement entries and the open items of the ledger
 * they settle, covering every case a reconciliation meets. The same {@code seed} and sizes always
 * give the same data (it uses {@link Random}, whose sequence is specified).
 *
 * <p>Cases, each recorded in {@link #truth()}:
 * <ul>
 *   <li>{@code exact-invoice}: the remittance text quotes the invoice number, in varying spellings
 *       (case, spaces, separators, "Invoice"/"RE"/"Rechnung" prefixes);</li>
 *   <li>{@code rf-reference}: a structured ISO 11649 creditor reference (RF, valid check digits);</li>
 *   <li>{@code end-to-end}: an outgoing payment whose end-to-end id is the ledger document (a payment run);</li>
 *   <li>{@code amount-date-party}: a vague text, but the payer's IBAN, the exact amount and a date near the due date;</li>
 *   <li>{@code one-payment-many-invoices}: one transfer settling two to four invoices of one customer;</li>
 *   <li>{@code many-payments-one-invoice}: an invoice paid in two instalments;</li>
 *   <li>{@code fee-difference}: the invoice less a bank fee within tolerance (at most 5.00 and 0.5 %);</li>
 *   <li>{@code ambiguous}: a customer with two open invoices of the same amount and a payment quoting neither;</li>
 *   <li>{@code near-miss}: a quoted invoice number with an amount far off (a person must look);</li>
 *   <li>{@code bank-only}: account fees, interest and an unknown payer, with no ledger item;</li>
 *   <li>{@code ledger-only}: open items no payment settles yet.</li>
 * </ul>
 */
public final class SampleData {
  /** Our company and its account at "Demo Bank". */
  public static final String ACCOUNT_HOLDER = "Kestrel Outdoor Supplies GmbH";
  public static final String ACCOUNT_IBAN = iban("DE", "37040044" + "0532013000");
  public static final String ACCOUNT_BIC = "DEMODEFFXXX";
  public static final String CURRENCY = "EUR";

  private static final String[] CUSTOMER_NAMES = {
      "Alpenblick Sport GmbH", "Bergwerk Outdoor KG", "Nordkap Handels AG", "Wanderlust Reisen GmbH",
      "Gipfelglueck e.K.", "Seenland Freizeit GmbH", "Fjord Trading BV", "Hochtal Bergsport OHG",
      "Waldweg Ausruestung GmbH", "Kletterhalle Ost GmbH", "Rhein Kajak Verleih", "Moorpfad Camping GmbH",
      "Talstation Skischule", "Polarstern Expeditionen AG", "Flussaue Outdoor Markt", "Donau Paddel GmbH",
      "Heideland Sportwelt KG", "Sonnenhang Huetten GmbH", "Feldberg Laufsport", "Inselwind Segelschule GmbH",
      "Adler Trekking GmbH", "Bruecke Radsport e.K.", "Eifel Pfadfinder Shop", "Zugspitz Bergfuehrer AG",
      "Mittelgebirge Handel GmbH", "Ostsee Strandkorb Verleih", "Vulkaneifel Touren GmbH", "Hafenkante Surf KG",
      "Kiefernwald Jagdbedarf", "Luchs Naturreisen GmbH", "Murmeltier Kinderlager e.V.", "Steinbock Klettershop",
      "Gletscher Sportartikel AG", "Weidenufer Angelsport", "Sternwarte Camping GmbH", "Elbsandstein Outdoor",
      "Harz Wanderbedarf GmbH", "Allgaeu Alpin KG", "Spreewald Kanu GmbH", "Schwarzwald Trailshop"};
  private static final String[] SUPPLIER_NAMES = {
      "Textilwerke Sachsen GmbH", "Zeltbau Nord AG", "Carabiner Metall GmbH", "Logistik Express KG",
      "Packmittel Sued GmbH", "Schuhfabrik Pirmasens AG", "Daunen Import BV", "Softwarehaus Mainz GmbH",
      "Stadtwerke Augsburg", "Buerobedarf Krause e.K."};
  private static final String[] VAGUE_TEXTS = {"Zahlung", "Payment", "Ueberweisung", "Kundennr 4711", "Danke",
      "Sammelueberweisung", "Rechnungsausgleich"};

  private final Random random;
  private final LocalDate month;
  private final List<BankEntry> entries = new ArrayList<>();
  private final List<LedgerEntryRow> items = new ArrayList<>();
  private final List<TruthRow> truth = new ArrayList<>();
  private final List<Party> customers = new ArrayList<>();
  private final List<Party> suppliers = new ArrayList<>();
  private final BigDecimal openingBalance;
  private int invoiceCounter = 300;
  private int supplierCounter = 700;
  private int bankRefCounter;
  private int rfCounter = 5300;

  private SampleData(long seed, LocalDate month, BigDecimal openingBalance) {
    this.random = new Random(seed);
    this.month = month.withDayOfMonth(1);
    this.openingBalance = openingBalance;
    for (int i = 0; i < CUSTOMER_NAMES.length; i++) {
      customers.add(new Party(CUSTOMER_NAMES[i], iban(i % 5 == 4 ? "AT" : "DE", bban(i % 5 == 4 ? "AT" : "DE", 1000 + i)),
          bic(i)));
    }
    for (int i = 0; i < SUPPLIER_NAMES.length; i++) {
      suppliers.add(new Party(SUPPLIER_NAMES[i], iban("DE", bban("DE", 5000 + i)), bic(20 + i)));
    }
  }

  /** How many of each case a data set has. */
  public record Sizes(int exactInvoice, int rfReference, int endToEnd, int amountDateParty, int oneForMany,
      int manyForOne, int feeDifference, int ambiguous, int nearMiss, int bankOnly, int ledgerOnly) {
    /** The demo month: a little over 300 entries. */
    public static final Sizes MONTH = new Sizes(140, 40, 30, 30, 15, 8, 15, 8, 6, 12, 25);
    /** One or two of each case: small enough to check a report cell by cell. */
    public static final Sizes SMALL = new Sizes(2, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2);
  }

  /** Generates a data set for the month of {@code month}. */
  public static SampleData generate(long seed, LocalDate month, Sizes sizes) {
    SampleData data = new SampleData(seed, month, new BigDecimal("48213.57"));
    data.build(sizes);
    return data;
  }

  public List<BankEntry> entries() {
    return List.copyOf(entries);
  }

  public List<LedgerEntryRow> ledgerItems() {
    return List.copyOf(items);
  }

  public List<TruthRow> truth() {
    return List.copyOf(truth);
  }

  public LocalDate firstDay() {
    return month;
  }

  public LocalDate lastDay() {
    return month.withDayOfMonth(month.lengthOfMonth());
  }

  public BigDecimal openingBalance() {
    return openingBalance;
  }

  /** The opening balance plus every entry. */
  public BigDecimal closingBalance() {
    return entries.stream().map(BankEntry::signedAmount).reduce(openingBalance, BigDecimal::add);
  }

  private void build(Sizes sizes) {
    for (int i = 0; i < sizes.exactInvoice(); i++) {
      exactInvoice(i);
    }
    for (int i = 0; i < sizes.rfReference(); i++) {
      rfReference();
    }
    for (int i = 0; i < sizes.endToEnd(); i++) {
      endToEnd();
    }
    for (int i = 0; i < sizes.amountDateParty(); i++) {
      amountDateParty(i);
    }
    for (int i = 0; i < sizes.oneForMany(); i++) {
      oneForMany(i);
    }
    for (int i = 0; i < sizes.manyForOne(); i++) {
      manyForOne();
    }
    for (int i = 0; i < sizes.feeDifference(); i++) {
      feeDifference(i);
    }
    for (int i = 0; i < sizes.ambiguous(); i++) {
      ambiguous(i);
    }
    for (int i = 0; i < sizes.nearMiss(); i++) {
      nearMiss();
    }
    for (int i = 0; i < sizes.bankOnly(); i++) {
      bankOnly(i);
    }
    for (int i = 0; i < sizes.ledgerOnly(); i++) {
      ledgerOnly();
    }
    // the bank lists entries by booking date; the bank reference follows that order
    List<BankEntry> sorted = new ArrayList<>(entries);
    sorted.sort(java.util.Comparator.comparing(BankEntry::bookingDate).thenComparing(BankEntry::bankRef));
    entries.clear();
    entries.addAll(sorted);
  }

  private void exactInvoice(int i) {
    Party customer = customer();
    LedgerEntryRow item = invoice(customer, amount(80, 9000));
    String number = item.documentNo();
    String quoted = switch (i % 6) {
      case 0 -> "Invoice " + number;
      case 1 -> number.toLowerCase(Locale.ROOT);
      case 2 -> "RE " + number.replace("-", " ");
      case 3 -> "Rechnung " + number.replace("-", "") + " Kd " + (10000 + i);
      case 4 -> number.replace("-", "/") + " vielen Dank";
      default -> "Inv. " + number;
    };
    BankEntry entry = transferIn(customer, item.amount(), bookingNear(item.dueDate()), optionalE2e(), null, quoted);
    truth.add(new TruthRow("exact-invoice", List.of(entry.bankRef()), List.of(number), "confirmed"));
  }

  private void rfReference() {
    Party customer = customer();
    String rf = rf(rfCounter++);
    LedgerEntryRow item = invoice(customer, amount(100, 6000), rf);
    BankEntry entry = transferIn(customer, item.amount(), bookingNear(item.dueDate()), optionalE2e(), rf, "");
    truth.add(new TruthRow("rf-reference", List.of(entry.bankRef()), List.of(item.documentNo()), "confirmed"));
  }

  private void endToEnd() {
    Party supplier = suppliers.get(random.nextInt(suppliers.size()));
    String document = String.format("AP-%d-%05d", month.getYear(), supplierCounter++);
    BigDecimal amount = amount(150, 12000);
    LocalDate documentDate = month.minusDays(10 + random.nextInt(20));
    LedgerEntryRow item = new LedgerEntryRow(document, "AP", supplier.name(), supplier.iban(), document,
        documentDate, documentDate.plusDays(30), amount.negate(), CURRENCY);
    items.add(item);
    String supplierInvoice = "R-" + (88000 + random.nextInt(1000));
    BankEntry entry = add(BankEntry.Kind.TRANSFER_OUT, false, amount, bookingNear(item.dueDate()), document, null,
        "Ihre Rechnung " + supplierInvoice, supplier);
    truth.add(new TruthRow("end-to-end", List.of(entry.bankRef()), List.of(document), "confirmed"));
  }

  private void amountDateParty(int i) {
    Party customer = customers.get((i * 7 + 3) % customers.size());
    BigDecimal amount = amount(200, 4000);
    LedgerEntryRow item = invoice(customer, amount);
    BankEntry entry = transferIn(customer, amount, bookingNear(item.dueDate()), null, null,
        VAGUE_TEXTS[i % VAGUE_TEXTS.length]);
    truth.add(new TruthRow("amount-date-party", List.of(entry.bankRef()), List.of(item.documentNo()), "confirmed"));
  }

  private void oneForMany(int i) {
    Party customer = customer();
    int count = 2 + i % 3;
    List<String> ids = new ArrayList<>();
    BigDecimal total = BigDecimal.ZERO;
    LocalDate due = null;
    for (int k = 0; k < count; k++) {
      LedgerEntryRow item = invoice(customer, amount(60, 2500));
      ids.add(item.documentNo());
      total = total.add(item.amount());
      due = item.dueDate();
    }
    String text = i % 2 == 0 ? "Sammelzahlung " + String.join(" ", ids) : "Sammelzahlung Rechnungen Oktober";
    BankEntry entry = transferIn(customer, total, bookingNear(due), optionalE2e(), null, text);
    truth.add(new TruthRow("one-payment-many-invoices", List.of(entry.bankRef()), ids, "confirmed"));
  }

  private void manyForOne() {
    Party customer = customer();
    LedgerEntryRow item = invoice(customer, amount(1000, 9000));
    BigDecimal first = item.amount().divide(BigDecimal.valueOf(2), 2, RoundingMode.DOWN);
    BigDecimal second = item.amount().subtract(first);
    BankEntry one = transferIn(customer, first, bookingNear(item.dueDate().minusDays(10)), optionalE2e(), null,
        item.documentNo() + " Teilzahlung 1/2");
    BankEntry two = transferIn(customer, second, bookingNear(item.dueDate().plusDays(5)), optionalE2e(), null,
        item.documentNo() + " Teilzahlung 2/2");
    truth.add(new TruthRow("many-payments-one-invoice", List.of(one.bankRef(), two.bankRef()),
        List.of(item.documentNo()), "confirmed"));
  }

  private void feeDifference(int i) {
    Party customer = customer();
    LedgerEntryRow item = invoice(customer, amount(1500, 9000));
    BigDecimal fee = new BigDecimal(new String[] {"1.50", "2.50", "3.00", "4.75", "0.35"}[i % 5]);
    BankEntry entry = transferIn(customer, item.amount().subtract(fee), bookingNear(item.dueDate()), optionalE2e(), null,
        "Invoice " + item.documentNo() + " less charges");
    truth.add(new TruthRow("fee-difference", List.of(entry.bankRef()), List.of(item.documentNo()), "confirmed"));
  }

  private void ambiguous(int i) {
    Party customer = customers.get((i * 11 + 5) % customers.size());
    BigDecimal amount = amount(300, 3000);
    LedgerEntryRow a = invoice(customer, amount);
    // a second invoice of the same amount, issued the same day: nothing tells them apart
    LedgerEntryRow b = new LedgerEntryRow(String.format("INV-%d-%04d", month.getYear(), invoiceCounter++), "AR",
        customer.name(), customer.iban(), null, a.documentDate(), a.dueDate(), amount, CURRENCY);
    b = new LedgerEntryRow(b.documentNo(), b.type(), b.partner(), b.partnerIban(), b.documentNo(), b.documentDate(),
        b.dueDate(), b.amount(), b.currency());
    items.add(b);
    BankEntry entry = transferIn(customer, amount, bookingNear(a.dueDate()), null, null, "Zahlung Kundennr " + (20000 + i));
    // either item could be the one; a person decides, the other stays open
    truth.add(new TruthRow("ambiguous", List.of(entry.bankRef()), List.of(a.documentNo(), b.documentNo()), "suggested"));
  }

  private void nearMiss() {
    Party customer = customer();
    LedgerEntryRow item = invoice(customer, amount(800, 5000));
    BigDecimal paid = item.amount().subtract(new BigDecimal("150.00"));
    BankEntry entry = transferIn(customer, paid, bookingNear(item.dueDate()), optionalE2e(), null,
        "Invoice " + item.documentNo());
    truth.add(new TruthRow("near-miss", List.of(entry.bankRef()), List.of(item.documentNo()), "suggested"));
  }

  private void bankOnly(int i) {
    LocalDate date = businessDay(month.plusDays(random.nextInt(28)));
    BankEntry entry = switch (i % 4) {
      case 0 -> add(BankEntry.Kind.CHARGE, false, new BigDecimal("12.90"), date, null, null,
          "Kontofuehrungsgebuehr " + month.getMonthValue() + "/" + month.getYear(), null);
      case 1 -> add(BankEntry.Kind.CHARGE, false, amount(2, 30), date, null, null, "Entgelt Auslandszahlung", null);
      case 2 -> add(BankEntry.Kind.INTEREST, true, amount(1, 40), date, null, null, "Habenzinsen", null);
      default -> add(BankEntry.Kind.TRANSFER_IN, true, amount(50, 900), date, null, null, "Erstattung",
          new Party("Unbekannt Versand GmbH", iban("DE", bban("DE", 9000 + i)), bic(39)));
    };
    truth.add(new TruthRow("bank-only", List.of(entry.bankRef()), List.of(), "unmatched"));
  }

  private void ledgerOnly() {
    LedgerEntryRow item = invoice(customer(), amount(90, 7000));
    truth.add(new TruthRow("ledger-only", List.of(), List.of(item.documentNo()), "unmatched"));
  }

  private LedgerEntryRow invoice(Party customer, BigDecimal amount) {
    return invoice(customer, amount, null);
  }

  private LedgerEntryRow invoice(Party customer, BigDecimal amount, String reference) {
    String number = String.format("INV-%d-%04d", month.getYear(), invoiceCounter++);
    LocalDate documentDate = month.minusDays(4 + random.nextInt(24)); // due within the month
    LedgerEntryRow item = new LedgerEntryRow(number, "AR", customer.name(), customer.iban(),
        reference == null ? number : reference, documentDate, documentDate.plusDays(30), amount, CURRENCY);
    items.add(item);
    return item;
  }

  private BankEntry transferIn(Party payer, BigDecimal amount, LocalDate date, String e2e, String rf, String text) {
    return add(BankEntry.Kind.TRANSFER_IN, true, amount, date, e2e, rf, text, payer);
  }

  private BankEntry add(BankEntry.Kind kind, boolean credit, BigDecimal amount, LocalDate date, String e2e, String rf,
      String text, Party party) {
    String ref = String.format("DB%02d%02d%05d", month.getMonthValue(), date.getDayOfMonth(), ++bankRefCounter);
    BankEntry entry = new BankEntry(ref, date, date, credit, amount.setScale(2, RoundingMode.UNNECESSARY), e2e, rf,
        text, party == null ? null : party.name(), party == null ? null : party.iban(),
        party == null ? null : party.bic(), kind);
    entries.add(entry);
    return entry;
  }

  private String optionalE2e() {
    return random.nextInt(3) == 0 ? String.format("E2E%08d", random.nextInt(100_000_000)) : null;
  }

  private Party customer() {
    return customers.get(random.nextInt(customers.size()));
  }

  /** A booking date in this month, near {@code due}, on a business day. */
  private LocalDate bookingNear(LocalDate due) {
    LocalDate date = due.plusDays(random.nextInt(7) - 3);
    if (date.isBefore(month)) {
      date = month.plusDays(random.nextInt(5));
    }
    if (date.isAfter(lastDay())) {
      date = lastDay().minusDays(random.nextInt(5));
    }
    return businessDay(date);
  }

  private LocalDate businessDay(LocalDate date) {
    LocalDate day = date;
    while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
      day = day.getDayOfMonth() > 25 ? day.minusDays(1) : day.plusDays(1);
    }
    return day;
  }

  private BigDecimal amount(int min, int max) {
    long cents = min * 100L + random.nextInt((max - min) * 100);
    return BigDecimal.valueOf(cents, 2);
  }

  /** An ISO 11649 creditor reference for {@code number}: RF, two check digits, the reference. */
  static String rf(int number) {
    String reference = "KOS" + number;
    StringBuilder digits = new StringBuilder();
    for (char c : (reference + "RF00").toCharArray()) {
      digits.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
    }
    int check = 98 - new BigInteger(digits.toString()).mod(BigInteger.valueOf(97)).intValue();
    return String.format("RF%02d%s", check, reference);
  }

  /** An IBAN with valid check digits for {@code country} and {@code bban}. */
  static String iban(String country, String bban) {
    StringBuilder digits = new StringBuilder();
    for (char c : (bban + country + "00").toCharArray()) {
      digits.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
    }
    int check = 98 - new BigInteger(digits.toString()).mod(BigInteger.valueOf(97)).intValue();
    return String.format("%s%02d%s", country, check, bban);
  }

  private static String bban(String country, int account) {
    return country.equals("AT") ? String.format("20111%011d", 8_000_000L + account)
        : String.format("%08d%010d", 10020030 + account % 7 * 1000, 600_000_000L + account * 37L);
  }

  private static String bic(int i) {
    return "BANK" + "DE" + (char) ('A' + i % 26) + (char) ('A' + i / 26 % 26) + "XXX";
  }

  private record Party(String name, String iban, String bic) {}
}
