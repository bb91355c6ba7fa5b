package dev.engranaje.workers.finance.statement.mt940;

/** How one bank structures the text of {@code :86:} (in progress). */
public interface Mt86Profile {
  /** The profile of that name. */
  static Mt86Profile named(String name) {
    return new Mt86Profile() {};
  }
}
