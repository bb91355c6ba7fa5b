package dev.engranaje.engine.gateway;

/**
 * What resolving an incident led to, seen in the same step: the job can be activated again, the
 * element went on, or the same failure raised a new incident.
 *
 * @param raisedAgain whether a new incident was raised for the element at once
 * @param description the outcome in words, naming the job or the new incident
 */
public record IncidentResolution(boolean raisedAgain, String description) {}
