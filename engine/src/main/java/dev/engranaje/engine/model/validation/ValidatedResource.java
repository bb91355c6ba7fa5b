package dev.engranaje.engine.model.validation;

import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The outcome of validating one deployment resource: either {@link Accepted} with the parsed model,
 * or {@link Rejected} with at least one finding.
 */
public sealed interface ValidatedResource
    permits ValidatedResource.Accepted, ValidatedResource.Rejected {

  /**
   * Returns the name of the validated resource.
   *
   * @return the resource name
   */
  String resourceName();

  /**
   * Returns the findings; empty when the resource was accepted.
   *
   * @return the findings, in the order they were detected
   */
  List<ValidationFinding> findings();

  /**
   * Formats the outcome: one line per finding, or a single line saying the resource is valid.
   *
   * @return the human-readable description
   */
  String describe();

  /**
   * Tells whether the resource can be deployed.
   *
   * @return {@code true} for {@link Accepted}
   */
  default boolean isAccepted() {
    return this instanceof Accepted;
  }

  /**
   * A resource that passed every rule.
   *
   * @param resourceName the resource name
   * @param model the parsed model, ready to be transformed into an executable process
   */
  record Accepted(String resourceName, BpmnModelInstance model) implements ValidatedResource {

    /** Creates an accepted resource. */
    public Accepted {
      Objects.requireNonNull(resourceName, "resourceName");
      Objects.requireNonNull(model, "model");
    }

    @Override
    public List<ValidationFinding> findings() {
      return List.of();
    }

    @Override
    public String describe() {
      return resourceName + ": valid";
    }
  }

  /**
   * A resource that violates at least one rule; the deployment must be rejected.
   *
   * @param resourceName the resource name
   * @param findings the findings, never empty
   */
  record Rejected(String resourceName, List<ValidationFinding> findings)
      implements ValidatedResource {

    /** Creates a rejected resource. */
    public Rejected {
      Objects.requireNonNull(resourceName, "resourceName");
      findings = List.copyOf(findings);
      if (findings.isEmpty()) {
        throw new IllegalArgumentException("A rejected resource needs at least one finding");
      }
    }

    @Override
    public String describe() {
      return findings.stream().map(ValidationFinding::describe).collect(Collectors.joining("\n"));
    }
  }
}
