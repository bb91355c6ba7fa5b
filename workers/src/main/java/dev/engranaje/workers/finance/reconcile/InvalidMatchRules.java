package dev.engranaje.workers.finance.reconcile;

/**
 * A rules file that cannot be used: unreadable, not YAML, an unknown or misplaced property, a bad
 * value. The message names the file, the rule id (or its position) and the property, and is meant to
 * be shown to the analyst as is.
 */
public final class InvalidMatchRules extends Exception {
  private static final long serialVersionUID = 1L;

  public InvalidMatchRules(String message) {
    super(message);
  }

  public InvalidMatchRules(String message, Throwable cause) {
    super(message, cause);
  }
}
