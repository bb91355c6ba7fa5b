package dev.engranaje.workers.finance.reconcile;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
    Map<Integer, List<Candidate>> byEntry = new HashMap<>();
    Map<Integer, List<Candidate>> byItem = new HashMap<>();
    for (Candidate candidate : candidates) {
      for (int e : candidate.entries()) {
        byEntry.computeIfAbsent(e, k -> new ArrayList<>(1)).add(candidate);
      }
      for (int i : candidate.items()) {
        byItem.computeIfAbsent(i, k -> new ArrayList<>(1)).add(candidate);
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

  private static List<Candidate> rivals(Candidate candidate, Map<Integer, List<Candidate>> byEntry,
      Map<Integer, List<Candidate>> byItem) {
    List<Candidate> rivals = new ArrayList<>();
    for (int e : candidate.entries()) {
      addOthers(byEntry.get(e), candidate, rivals);
    }
    for (int i : candidate.items()) {
      addOthers(byItem.get(i), candidate, rivals);
    }
    return rivals;
  }

  private static void addOthers(List<Candidate> sharing, Candidate self, List<Candidate> rivals) {
    for (Candidate other : sharing) {
      if (other != self && !rivals.contains(other)) {
        rivals.add(other);
      }
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
