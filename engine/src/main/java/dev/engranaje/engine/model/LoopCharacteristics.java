package dev.engranaje.engine.model;

import dev.engranaje.engine.expression.Expression;

/**
 * The multi-instance settings of an activity (spec §9). Immutable.
 *
 * @param sequential true for {@code isSequential="true"}: one inner instance at a time
 * @param inputCollection FEEL expression that must evaluate to an array
 * @param inputElement name of the inner local holding the item, or null
 * @param outputCollection name of the body local collecting the results, or null
 * @param outputElement FEEL expression evaluated in the inner scope on its completion, or null
 * @param completionCondition FEEL boolean evaluated after each inner completion, or null
 */
public record LoopCharacteristics(
    boolean sequential,
    Expression inputCollection,
    String inputElement,
    String outputCollection,
    Expression outputElement,
    Expression completionCondition) {

  /** Name of the 1-based index local of every inner instance. */
  public static final String LOOP_COUNTER = "loopCounter";
}
