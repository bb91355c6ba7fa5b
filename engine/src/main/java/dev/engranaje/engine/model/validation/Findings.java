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

  boolean hasFindingFor(String elementId) {
    return findings.stream().anyMatch(f -> elementId != null && elementId.equals(f.elementId()));
  }

  List<ValidationFinding> toList() {
    return new ArrayList<>(findings);
  }
}
