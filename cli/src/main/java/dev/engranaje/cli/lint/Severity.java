package dev.engranaje.cli.lint;

import java.util.Locale;

/** How bad a finding is: errors fail {@code rpa lint}; warnings only with {@code --strict}. */
public enum Severity {
  ERROR,
  WARNING;

  /** The lower-case name used in output and JSON, e.g. {@code warning}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
