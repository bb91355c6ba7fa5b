package dev.engranaje.workers.finance.reconcile;

import dev.engranaje.workers.finance.ledger.LedgerItem;
import dev.engranaje.workers.finance.statement.StatementEntry;
import dev.engranaje.workers.finance.statement.TransactionDetail;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One reconciliation run's working set: the entries and items sorted by id (so that the result does
 * not depend on the input order), normalised once (amounts in thousandths, references, counterparty
 * keys), indexed (by reference, by counterparty and amount, by amount), and which of them a group has
 * already taken. Not thread-safe; one per run.
 */
final class Book {
  static final String DUPLICATE_ENTRY = "Expected every statement entry id to be unique, but '%s' appears more than once";
  static final String DUPLICATE_ITEM = "Expected every ledger item id to be unique, but '%s' appears more than once";
  static final String IBAN_KEY = "I:";
  static final String NAME_KEY = "N:";

  final Entry[] entries;
  final Item[] items;
  final boolean[] entryTaken;
  final boolean[] itemTaken;
  private final Map<String, int[]> itemsByReference = new HashMap<>();
  private final Map<String, AmountIndex> itemsByCounterparty;
  private final Map<String, AmountIndex> entriesByCounterparty;
  final AmountIndex itemsByAmount;

  /** A normalised bank entry. {@code refs} hold only keys some item has; counterparty keys are prefixed {@code I:}/{@code N:}. */
  record Entry(int position, StatementEntry source, long millis, LocalDate date, String ibanKey, String nameKey,
      List<String> remittanceRefs, String endToEndRef, List<Detail> details) {}

  /** A normalised transaction detail of a batch entry; {@code millis} is {@code null} without an amount. */
  record Detail(Long millis, List<String> refs) {}

  /** A normalised ledger item. */
  record Item(int position, LedgerItem source, long millis, LocalDate date, String refKey, String ibanKey,
      String nameKey) {}

  Book(List<StatementEntry> entryList, List<LedgerItem> itemList) {
    List<LedgerItem> sortedItems = new ArrayList<>(itemList);
    sortedItems.sort(Comparator.comparing(LedgerItem::id));
    items = new Item[sortedItems.size()];
    for (int i = 1; i < items.length; i++) {
      if (sortedItems.get(i).id().equals(sortedItems.get(i - 1).id())) {
        throw new IllegalArgumentException(String.format(DUPLICATE_ITEM, sortedItems.get(i).id()));
      }
    }
    Map<String, String> names = new java.util.concurrent.ConcurrentHashMap<>();
    // Normalising is independent per item and per entry, so it runs in parallel, each result landing
    // at its own position (the outcome does not depend on scheduling).
    java.util.stream.IntStream.range(0, items.length).parallel()
        .forEach(i -> items[i] = item(i, sortedItems.get(i), names));
    Map<String, IntList> byRef = new HashMap<>(items.length * 2);
    for (Item item : items) {
      if (item.refKey() != null) {
        byRef.computeIfAbsent(item.refKey(), k -> new IntList()).add(item.position());
      }
    }
    byRef.forEach((key, list) -> itemsByReference.put(key, list.toArray()));

    List<StatementEntry> sortedEntries = new ArrayList<>(entryList);
    sortedEntries.sort(Comparator.comparing(StatementEntry::entryId));
    entries = new Entry[sortedEntries.size()];
    for (int e = 1; e < entries.length; e++) {
      if (sortedEntries.get(e).entryId().equals(sortedEntries.get(e - 1).entryId())) {
        throw new IllegalArgumentException(String.format(DUPLICATE_ENTRY, sortedEntries.get(e).entryId()));
      }
    }
    // Tokenising remittance text is the costliest step.
    java.util.stream.IntStream.range(0, entries.length).parallel()
        .forEach(e -> entries[e] = entry(e, sortedEntries.get(e), names));
    entryTaken = new boolean[entries.length];
    itemTaken = new boolean[items.length];

    long[] itemMillis = new long[items.length];
    Map<String, IntList> itemsByKey = new HashMap<>(items.length * 4);
    for (Item item : items) {
      itemMillis[item.position()] = item.millis();
      addKeys(itemsByKey, item.position(), item.ibanKey(), item.nameKey());
    }
    long[] entryMillis = new long[entries.length];
    Map<String, IntList> entriesByKey = new HashMap<>(entries.length * 4);
    for (Entry entry : entries) {
      entryMillis[entry.position()] = entry.millis();
      addKeys(entriesByKey, entry.position(), entry.ibanKey(), entry.nameKey());
    }
    itemsByCounterparty = index(itemsByKey, itemMillis);
    entriesByCounterparty = index(entriesByKey, entryMillis);
    int[] all = new int[items.length];
    Arrays.setAll(all, i -> i);
    itemsByAmount = AmountIndex.of(all, itemMillis);
  }

  private static Item item(int position, LedgerItem item, Map<String, String> names) {
    return new Item(position, item, millis(item.amount()), item.dueDate() != null ? item.dueDate() : item.documentDate(),
        References.key(item.reference()), prefixed(IBAN_KEY, Names.iban(item.partnerIban())),
        prefixed(NAME_KEY, name(names, item.partnerName())));
  }

  private Entry entry(int position, StatementEntry entry, Map<String, String> names) {
    Set<String> remittance = new LinkedHashSet<>();
    References.keysIn(entry.remittanceInformation(), key -> {
      if (itemsByReference.containsKey(key)) {
        remittance.add(key);
      }
    });
    String endToEnd = known(References.key(entry.endToEndId()));
    List<Detail> details = new ArrayList<>(entry.details().size());
    for (TransactionDetail detail : entry.details()) {
      Set<String> refs = new LinkedHashSet<>();
      addKnown(refs, References.key(detail.endToEndId()));
      addKnown(refs, References.key(detail.reference()));
      References.keysIn(detail.remittanceInformation(), key -> addKnown(refs, key));
      details.add(new Detail(detail.amount() == null ? null : millis(detail.amount()), List.copyOf(refs)));
    }
    return new Entry(position, entry, millis(entry.amount()),
        entry.valueDate() != null ? entry.valueDate() : entry.bookingDate(),
        prefixed(IBAN_KEY, Names.iban(entry.counterparty().iban())),
        prefixed(NAME_KEY, name(names, entry.counterparty().name())),
        List.copyOf(remittance), endToEnd, List.copyOf(details));
  }

  private String known(String key) {
    return key != null && itemsByReference.containsKey(key) ? key : null;
  }

  private void addKnown(Set<String> refs, String key) {
    if (known(key) != null) {
      refs.add(key);
    }
  }

  private static String name(Map<String, String> cache, String raw) {
    if (raw == null) {
      return null;
    }
    return cache.computeIfAbsent(raw, Names::name);
  }

  private static void addKeys(Map<String, IntList> byKey, int position, String iban, String name) {
    if (iban != null) {
      byKey.computeIfAbsent(iban, k -> new IntList()).add(position);
    }
    if (name != null) {
      byKey.computeIfAbsent(name, k -> new IntList()).add(position);
    }
  }

  /** A growable list of positions without boxing. */
  private static final class IntList {
    private int[] values = new int[2];
    private int size;

    void add(int value) {
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      values[size++] = value;
    }

    int[] toArray() {
      return Arrays.copyOf(values, size);
    }
  }

  private static String prefixed(String prefix, String key) {
    return key == null ? null : prefix + key;
  }

  private static Map<String, AmountIndex> index(Map<String, IntList> byKey, long[] millis) {
    Map<String, AmountIndex> index = new HashMap<>(byKey.size() * 2);
    byKey.forEach((key, list) -> index.put(key, AmountIndex.of(list.toArray(), millis)));
    return index;
  }

  /** An amount in thousandths of a unit (exact for every ISO 4217 currency). */
  static long millis(BigDecimal amount) {
    return amount.movePointRight(3).setScale(0, RoundingMode.HALF_EVEN).longValueExact();
  }

  /** The items a normalised reference names, never {@code null}. */
  int[] itemsWithReference(String key) {
    int[] found = itemsByReference.get(key);
    return found == null ? new int[0] : found;
  }

  /** The counterparty keys ({@code I:}IBAN, {@code N:}name, as held by entries and items) {@code by} allows. */
  static List<String> keys(String ibanKey, String nameKey, Set<MatchRule.CounterpartyBy> by) {
    boolean iban = ibanKey != null && by.contains(MatchRule.CounterpartyBy.IBAN);
    boolean name = nameKey != null && by.contains(MatchRule.CounterpartyBy.NAME);
    if (iban && name) {
      return List.of(ibanKey, nameKey);
    }
    return iban ? List.of(ibanKey) : name ? List.of(nameKey) : List.of();
  }

  AmountIndex itemsOf(String counterpartyKey) {
    return itemsByCounterparty.getOrDefault(counterpartyKey, AmountIndex.EMPTY);
  }

  AmountIndex entriesOf(String counterpartyKey) {
    return entriesByCounterparty.getOrDefault(counterpartyKey, AmountIndex.EMPTY);
  }

  /** Whether the entry's and the item's dates are at most {@code days} apart (an item without a date passes). */
  static boolean withinDays(Entry entry, Item item, int days) {
    return item.date() == null || entry.date() == null || Math.abs(distance(entry, item)) <= days;
  }

  static long distance(Entry entry, Item item) {
    return item.date() == null || entry.date() == null ? 0 : ChronoUnit.DAYS.between(item.date(), entry.date());
  }

  static boolean sameCurrency(Entry entry, Item item) {
    return entry.source().currency() == null || item.source().currency() == null
        || entry.source().currency().equalsIgnoreCase(item.source().currency());
  }

  /** Every item any of the entry's references names (taken or not): for the conflicting-reference guard. */
  Set<Integer> citedItems(Entry entry) {
    Set<Integer> cited = new LinkedHashSet<>();
    for (String key : entry.remittanceRefs()) {
      for (int i : itemsWithReference(key)) {
        cited.add(i);
      }
    }
    if (entry.endToEndRef() != null) {
      for (int i : itemsWithReference(entry.endToEndRef())) {
        cited.add(i);
      }
    }
    for (Detail detail : entry.details()) {
      for (String key : detail.refs()) {
        for (int i : itemsWithReference(key)) {
          cited.add(i);
        }
      }
    }
    return cited;
  }
}
