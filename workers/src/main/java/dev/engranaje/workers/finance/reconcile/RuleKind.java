package dev.engranaje.workers.finance.reconcile;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The kinds of match rule, each with the properties it accepts (besides {@code id}, {@code kind},
 * {@code description} and {@code confidence}, which every rule has). The YAML spelling is
 * {@link #yamlName()}.
 */
public enum RuleKind {
  /** An invoice number, end-to-end id or ISO 11649 creditor reference the bank entry cites. */
  EXACT_REFERENCE("exact-reference", Set.of("tolerance", "sources", "minReferenceLength", "maxEntries")),
  /** Same counterparty (IBAN or normalised name), same amount, dates within a window. */
  COUNTERPARTY_AMOUNT_DATE("counterparty-amount-date", Set.of("tolerance", "dateWindowDays", "counterparty")),
  /** One bank entry settles several open items of one counterparty (bounded subset-sum). */
  ONE_TO_MANY("one-to-many",
      Set.of("tolerance", "dateWindowDays", "counterparty", "maxItems", "maxCandidates", "maxSteps")),
  /** Several bank entries of one counterparty settle one open item (bounded subset-sum). */
  MANY_TO_ONE("many-to-one",
      Set.of("tolerance", "dateWindowDays", "counterparty", "maxEntries", "maxCandidates", "maxSteps")),
  /** A weak last resort that only ever suggests: a cited reference whatever the amount, or the amount alone. */
  SUGGEST_ONLY("suggest-only",
      Set.of("by", "tolerance", "dateWindowDays", "maxCandidates", "minReferenceLength"));

  /** Properties every kind accepts. */
  static final Set<String> COMMON = Set.of("id", "kind", "description", "confidence");

  private final String yamlName;
  private final Set<String> properties;

  RuleKind(String yamlName, Set<String> properties) {
    this.yamlName = yamlName;
    this.properties = properties;
  }

  /** The spelling in the rules file, e.g. {@code exact-reference}. */
  public String yamlName() {
    return yamlName;
  }

  /** The kind-specific properties this kind accepts. */
  Set<String> properties() {
    return properties;
  }

  static RuleKind ofYaml(String name) {
    return Arrays.stream(values()).filter(kind -> kind.yamlName.equals(name)).findFirst().orElse(null);
  }

  static List<String> yamlNames() {
    return Arrays.stream(values()).map(RuleKind::yamlName).toList();
  }
}
