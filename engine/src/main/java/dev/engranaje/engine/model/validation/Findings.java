package dev.engranaje.engine.model.validation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Collects findings for one resource, dropping exact duplicates and keeping the order. */
final class Findings {

  private final String resourceName;
  private final Set<ValidationFinding> findings = new LinkedHashSet<>();

  Findings(String resourceName) {
    this.resourceName = resourceName;
  }

  void add(String elementId, String rule) {
    findings.add(new ValidationFinding(resourceName, elementId, rule));
  }

  void add(String elementId, String template, Object... arguments) {
    add(elementId, String.format(template, arguments));
  }

  boolean isEmpty() {
    return findings.isEmpty();
  }

  /** Tells whether a finding is about the element, or names it in quotes in its message. */
  boolean mentions(String elementId) {
    if (elementId == null) {
      return false;
    }
    String quoted = "'" + elementId + "'";
    return findings.stream()
        .anyMatch(f -> elementId.equals(f.elementId()) || f.rule().contains(quoted));
  }

  List<ValidationFinding> toList() {
    return new ArrayList<>(findings);
  }
}
