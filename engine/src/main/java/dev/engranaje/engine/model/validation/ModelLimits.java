package dev.engranaje.engine.model.validation;

/**
 * Limits on what one deployment may contain, checked before anything is parsed that could be
 * expensive. Immutable.
 *
 * @param maxElements flow elements (nodes and sequence flows) of all processes of one deployment.
 *     Default 50,000 ({@code --max-model-elements}).
 * @param maxExpressionLength characters of one FEEL expression. Default 16,384
 *     ({@code --max-expression-length}).
 * @param maxExpressionNesting depth of nested brackets ({@code ( [ {}) of one FEEL expression.
 *     Default 200 ({@code --max-expression-nesting}).
 */
public record ModelLimits(int maxElements, int maxExpressionLength, int maxExpressionNesting) {

  public static final ModelLimits DEFAULTS = new ModelLimits(50_000, 16_384, 200);

  public ModelLimits {
    if (maxElements <= 0 || maxExpressionLength <= 0 || maxExpressionNesting <= 0) {
      throw new IllegalArgumentException("Expected positive model limits, but got " + maxElements + " elements, "
          + maxExpressionLength + " characters, nesting " + maxExpressionNesting);
    }
  }
}
