package dev.engranaje.engine.expression;

import org.camunda.feel.syntaxtree.ParsedExpression;

/**
 * An attribute value from a model: FEEL when it started with {@code =} (then {@code parsed} is set),
 * otherwise a static string. Immutable.
 */
public record Expression(String text, ParsedExpression parsed) {

  public boolean isFeel() {
    return parsed != null;
  }

  /** The static value; only meaningful when {@link #isFeel()} is false. */
  public String staticValue() {
    return text;
  }

  @Override
  public String toString() {
    return isFeel() ? "=" + text : text;
  }
}
