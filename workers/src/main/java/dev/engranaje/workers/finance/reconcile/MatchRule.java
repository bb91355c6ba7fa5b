package dev.engranaje.workers.finance.reconcile;

import java.util.Set;

/**
 * One declared rule of a {@link MatchRules} file. Every property is set (defaults filled in by the
 * reader, documented in {@code docs/finance/matching.md}); properties that do not apply to the rule's
 * {@link #kind()} hold their defaults and are ignored. Immutable.
 *
 * @param id unique id, quoted in evidence and in {@link MatchGroup#rule()}
 * @param kind what the rule compares
 * @param description free text for people, may be empty
 * @param confidence the confidence of a proposal the rule makes; only {@link Confidence#HIGH} can confirm
 * @param tolerance the amount difference allowed
 * @param sources where an exact-reference rule looks on the bank side
 * @param minReferenceLength shortest normalised reference considered (shorter tokens are noise)
 * @param dateWindowDays largest distance in days between the entry's value date and the item's due date
 * @param counterparty how a counterparty is recognised: by IBAN, by normalised name, or both
 * @param maxItems most items one entry may settle (one-to-many)
 * @param maxEntries most entries that may settle one item (many-to-one, and partial payments citing a reference)
 * @param maxCandidates most candidates a search considers (subset-sum pools; suggest-only alternatives)
 * @param maxSteps most steps one subset-sum search may take before giving up (then it can only suggest)
 * @param by what a suggest-only rule compares: reference, amount, or both
 */
public record MatchRule(
    String id,
    RuleKind kind,
    String description,
    Confidence confidence,
    Tolerance tolerance,
    Set<Source> sources,
    int minReferenceLength,
    int dateWindowDays,
    Set<CounterpartyBy> counterparty,
    int maxItems,
    int maxEntries,
    int maxCandidates,
    int maxSteps,
    Set<SuggestBy> by) {

  public MatchRule {
    sources = Set.copyOf(sources);
    counterparty = Set.copyOf(counterparty);
    by = Set.copyOf(by);
  }

  /** Where an exact-reference rule looks for a reference on the bank side. */
  public enum Source implements YamlNamed {
    REMITTANCE("remittance"),
    END_TO_END_ID("endToEndId"),
    DETAILS("details");

    private final String yamlName;

    Source(String yamlName) {
      this.yamlName = yamlName;
    }

    @Override
    public String yamlName() {
      return yamlName;
    }
  }

  /** How a counterparty is recognised. */
  public enum CounterpartyBy implements YamlNamed {
    IBAN("iban"),
    NAME("name");

    private final String yamlName;

    CounterpartyBy(String yamlName) {
      this.yamlName = yamlName;
    }

    @Override
    public String yamlName() {
      return yamlName;
    }
  }

  /** What a suggest-only rule compares. */
  public enum SuggestBy implements YamlNamed {
    REFERENCE("reference"),
    AMOUNT("amount");

    private final String yamlName;

    SuggestBy(String yamlName) {
      this.yamlName = yamlName;
    }

    @Override
    public String yamlName() {
      return yamlName;
    }
  }

  /** A value with a spelling in the rules file. */
  public interface YamlNamed {
    /** The spelling in the rules file. */
    String yamlName();
  }
}
