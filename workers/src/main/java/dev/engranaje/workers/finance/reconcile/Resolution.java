package dev.engranaje.workers.finance.reconcile;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Turns one rule's candidates into groups, applying the no-ambiguity guard: a candidate is confirmed
 * only when the rule's confidence is high, the rule found it conclusive, no other candidate of the same
 * rule shares one of its entries or items, and the entry cites no reference of an item outside it.
 * Every other candidate becomes a suggestion, in entry order, unless an entry or item of it is already
 * in a group (then it is dropped and its positions stay open for later rules).
 */
final class Resolution {
  static final String COMPETES = "competes with %d other proposal(s) of rule '%s' for the same entry or item: %s; "
      + "not confirmed (no-ambiguity guard)";
  static final String CITES_OTHER = "the bank entry cites the reference of item '%s', which is not in this "
      + "proposal: not confirmed";
  static final String NOT_HIGH = "rule '%s' has confidence %s: suggested for a person, never confirmed";

  private final MatchRule rule;
  private final Book book;

  Resolution(MatchRule rule, Book book) {
    this.rule = rule;
    this.book = book;
  }

  List<MatchGroup> resolve(List<Candidate> candidates) {
    Sharing byEntry = new Sharing(book.entries.length);
    Sharing byItem = new Sharing(book.items.length);
    for (Candidate candidate : candidates) {
      for (int e : candidate.entries()) {
        byEntry.add(e, candidate);
      }
      for (int i : candidate.items()) {
        byItem.add(i, candidate);
      }
    }
    List<MatchGroup> groups = new ArrayList<>();
    List<Candidate> rest = new ArrayList<>();
    for (Candidate candidate : candidates) {
      List<Candidate> rivals = rivals(candidate, byEntry, byItem);
      String citedOther = rule.kind() == RuleKind.EXACT_REFERENCE ? null : citedOutside(candidate);
      if (rule.confidence() == Confidence.HIGH && candidate.conclusive() && rivals.isEmpty() && citedOther == null
          && free(candidate)) {
        groups.add(group(GroupStatus.CONFIRMED, candidate, List.of()));
        take(candidate);
      } else {
        rest.add(candidate);
      }
    }
    for (Candidate candidate : rest) {
      if (!free(candidate)) {
        continue;
      }
      List<Evidence> why = new ArrayList<>();
      List<Candidate> rivals = rivals(candidate, byEntry, byItem);
      if (!rivals.isEmpty()) {
        why.add(new Evidence("ambiguity", ids(rivals, true), ids(rivals, false),
            String.format(COMPETES, rivals.size(), rule.id(), describe(rivals))));
      }
      String citedOther = rule.kind() == RuleKind.EXACT_REFERENCE ? null : citedOutside(candidate);
      if (citedOther != null) {
        why.add(new Evidence("reference", "", citedOther, String.format(CITES_OTHER, citedOther)));
      }
      if (rule.confidence() != Confidence.HIGH) {
        why.add(new Evidence("confidence", "", "", String.format(NOT_HIGH, rule.id(),
            rule.confidence().name().toLowerCase(java.util.Locale.ROOT))));
      }
      groups.add(group(GroupStatus.SUGGESTED, candidate, why));
      take(candidate);
    }
    return groups;
  }

  private static List<Candidate> rivals(Candidate candidate, Sharing byEntry, Sharing byItem) {
    List<Candidate> rivals = null;
    for (int e : candidate.entries()) {
      rivals = byEntry.addOthers(e, candidate, rivals);
    }
    for (int i : candidate.items()) {
      rivals = byItem.addOthers(i, candidate, rivals);
    }
    return rivals == null ? List.of() : rivals;
  }

  /**
   * The candidates that hold each position (entry or item), by position: most positions are held by
   * one candidate, kept without a list; a second one turns the slot into a list.
   */
  private static final class Sharing {
    private final Object[] holders;

    Sharing(int positions) {
      holders = new Object[positions];
    }

    @SuppressWarnings("unchecked")
    void add(int position, Candidate candidate) {
      Object held = holders[position];
      if (held == null) {
        holders[position] = candidate;
      } else if (held instanceof Candidate first) {
        List<Candidate> list = new ArrayList<>(2);
        list.add(first);
        list.add(candidate);
        holders[position] = list;
      } else {
        ((List<Candidate>) held).add(candidate);
      }
    }

    /** Adds to {@code rivals} (made when first needed) the holders of {@code position} other than {@code self}. */
    @SuppressWarnings("unchecked")
    List<Candidate> addOthers(int position, Candidate self, List<Candidate> rivals) {
      Object held = holders[position];
      if (held == null || held == self) {
        return rivals;
      }
      List<Candidate> sharing = held instanceof Candidate one ? List.of(one) : (List<Candidate>) held;
      for (Candidate other : sharing) {
        if (other != self) {
          if (rivals == null) {
            rivals = new ArrayList<>(2);
          }
          if (!rivals.contains(other)) {
            rivals.add(other);
          }
        }
      }
      return rivals;
    }
  }

  /** The id of an item whose reference the entries cite but that is not in the candidate, or {@code null}. */
  private String citedOutside(Candidate candidate) {
    for (int e : candidate.entries()) {
      Set<Integer> cited = book.citedItems(book.entries[e]);
      for (int item : cited) {
        if (java.util.Arrays.stream(candidate.items()).noneMatch(i -> i == item)) {
          return book.items[item].source().id();
        }
      }
    }
    return null;
  }

  private boolean free(Candidate candidate) {
    for (int e : candidate.entries()) {
      if (book.entryTaken[e]) {
        return false;
      }
    }
    for (int i : candidate.items()) {
      if (book.itemTaken[i]) {
        return false;
      }
    }
    return true;
  }

  private void take(Candidate candidate) {
    for (int e : candidate.entries()) {
      book.entryTaken[e] = true;
    }
    for (int i : candidate.items()) {
      book.itemTaken[i] = true;
    }
  }

  private MatchGroup group(GroupStatus status, Candidate candidate, List<Evidence> why) {
    List<Evidence> evidence = new ArrayList<>(candidate.evidence().size() + why.size() + 1);
    evidence.add(new Evidence("rule", "", "", "'" + rule.id() + "' (" + rule.kind().yamlName() + ", confidence "
        + rule.confidence().name().toLowerCase(java.util.Locale.ROOT) + ")"));
    evidence.addAll(candidate.evidence());
    evidence.addAll(why);
    BigDecimal difference = Proof.bankTotal(book, candidate.entries()).subtract(Proof.ledgerTotal(book,
        candidate.items()));
    Confidence confidence = status == GroupStatus.CONFIRMED ? Confidence.HIGH
        : rule.confidence() == Confidence.HIGH ? Confidence.MEDIUM : rule.confidence();
    return new MatchGroup(status, entryIds(candidate.entries()), itemIds(candidate.items()), rule.id(), confidence,
        difference, evidence);
  }

  private List<String> entryIds(int[] positions) {
    List<String> ids = new ArrayList<>(positions.length);
    for (int p : positions) {
      ids.add(book.entries[p].source().entryId());
    }
    return ids;
  }

  private List<String> itemIds(int[] positions) {
    List<String> ids = new ArrayList<>(positions.length);
    for (int p : positions) {
      ids.add(book.items[p].source().id());
    }
    return ids;
  }

  private String ids(List<Candidate> candidates, boolean entries) {
    List<String> ids = new ArrayList<>();
    for (Candidate candidate : candidates) {
      for (String id : entries ? entryIds(candidate.entries()) : itemIds(candidate.items())) {
        if (!ids.contains(id)) {
          ids.add(id);
        }
      }
    }
    return String.join(", ", ids);
  }

  private String describe(List<Candidate> rivals) {
    List<String> parts = new ArrayList<>();
    for (Candidate rival : rivals.subList(0, Math.min(3, rivals.size()))) {
      parts.add(entryIds(rival.entries()) + " with " + itemIds(rival.items()));
    }
    return String.join("; ", parts) + (rivals.size() > 3 ? "; …" : "");
  }
}
