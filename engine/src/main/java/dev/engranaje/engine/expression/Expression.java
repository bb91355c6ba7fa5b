package dev.engranaje.engine.expression;

import org.camunda.feel.syntaxtree.ParsedExpression;

/**
 * An attribute value from a model: FEEL when it started with {@code =} (then {@code parsed} is set),
 * otherwise a static string. Immutable.
 *
 * @param parsed the parsed FEEL, with its ranges guarded (see {@link FeelAst}); null for a static value
 * @param bounded true when the FEEL is small and loop-free, so it is evaluated on the caller's thread
 */
public record Expression(String text, ParsedExpression parsed, boolean bounded) {

  public Expression(String text, ParsedExpression parsed) {
    this(text, parsed, false);
  }

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
