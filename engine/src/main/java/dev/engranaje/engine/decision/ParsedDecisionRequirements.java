package dev.engranaje.engine.decision;

import java.util.List;
import org.camunda.dmn.parser.ParsedDmn;

/**
 * A parsed DMN resource: its decision requirements graph (the {@code definitions} element) and the
 * decisions it declares, in document order. Immutable; the parsed form may be evaluated from any
 * thread.
 */
public record ParsedDecisionRequirements(String id, String name, String namespace, List<Decision> decisions,
    ParsedDmn parsed) {

  /** One decision of the graph; {@code versionTag} is null when the decision has none. */
  public record Decision(String id, String name, String versionTag) {}
}
