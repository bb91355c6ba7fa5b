package dev.engranaje.engine.model;

import dev.engranaje.engine.expression.Expression;
import java.util.List;

/**
 * One {@code zeebe:input} or {@code zeebe:output}: the source expression and the target, split
 * into its path ({@code payment.iban} becomes {@code [payment, iban]}).
 */
public record VariableMapping(Expression source, String target, List<String> targetPath) {
  public VariableMapping {
    targetPath = List.copyOf(targetPath);
  }

  public String rootName() {
    return targetPath.get(0);
  }
}
