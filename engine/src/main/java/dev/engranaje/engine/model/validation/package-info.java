/**
 * Deployment-time validation of BPMN resources for the embedded engine.
 *
 * <p>{@link dev.engranaje.engine.model.validation.DeploymentValidator} parses a resource safely (no
 * DOCTYPE, no external entities), checks that every element is supported by this release (see
 * {@link dev.engranaje.engine.model.validation.ElementSupport}), runs the engine's own rules (spec
 * section 1.2) and Zeebe's design-time validators, and returns either the parsed model or the list
 * of {@link dev.engranaje.engine.model.validation.ValidationFinding findings}. A violation always
 * rejects the whole deployment; it never becomes an incident.
 */
package dev.engranaje.engine.model.validation;
