package dev.engranaje.workers.finance.einvoice;

import java.util.List;

/**
 * What {@code rpa:finance.read-einvoice:1} writes into the workspace: the normalised invoice and the
 * warnings its check left (fatal violations refuse the invoice, so there are none here).
 *
 * @param invoice the invoice
 * @param warnings rule violations of severity {@link RuleViolation.Severity#WARNING}
 */
public record CheckedInvoice(Invoice invoice, List<RuleViolation> warnings) {
  public CheckedInvoice {
    warnings = List.copyOf(warnings);
  }
}
