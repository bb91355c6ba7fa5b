package dev.engranaje.workers.finance.payment;

import java.util.Locale;

/**
 * How many people other than the preparer must approve a run, as the {@code payment-approval-tier}
 * decision gives it.
 */
public enum ApprovalTier {
  AUTO(0),
  SINGLE(1),
  DUAL(2);

  private final int approvers;

  ApprovalTier(int approvers) {
    this.approvers = approvers;
  }

  /** The number of different approvers required. */
  public int approvers() {
    return approvers;
  }

  /** The tier named {@code auto}, {@code single} or {@code dual}. */
  public static ApprovalTier of(String name) {
    if (name != null) {
      for (ApprovalTier tier : values()) {
        if (tier.name().equalsIgnoreCase(name.strip())) {
          return tier;
        }
      }
    }
    throw new IllegalArgumentException("Expected an approval tier 'auto', 'single' or 'dual', but got '" + name + "'");
  }

  /** The stricter of two tiers. */
  public ApprovalTier stricter(ApprovalTier other) {
    return other.approvers > approvers ? other : this;
  }

  /** The name as the decision writes it. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
