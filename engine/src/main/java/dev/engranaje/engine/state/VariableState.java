package dev.engranaje.engine.state;

import java.util.List;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** Variables per scope; values are canonical JSON text. */
public final class VariableState implements SnapshotPart<VariableState.Image> {
  /** The variables of each live scope, in creation order. */
  public record Image(Map<Long, List<Variable>> byScope) {}

  /** One variable: its key (from the CREATED record) and JSON value. */
  public record Variable(long key, String name, String json, long scopeKey) {}

  private final Map<Long, Map<String, Variable>> byScope = new HashMap<>();

  public Variable get(long scopeKey, String name) {
    Map<String, Variable> scope = byScope.get(scopeKey);
    return scope == null ? null : scope.get(name);
  }

  /** The variables defined directly on a scope, in creation order. */
  public Map<String, Variable> local(long scopeKey) {
    Map<String, Variable> scope = byScope.get(scopeKey);
    return scope == null ? Map.of() : Collections.unmodifiableMap(scope);
  }

  @Override
  public String snapshotName() {
    return "variables";
  }

  @Override
  public Class<Image> imageType() {
    return Image.class;
  }

  @Override
  public Image capture(long finishedSince) {
    Map<Long, List<Variable>> image = new HashMap<>();
    byScope.forEach((scope, variables) -> image.put(scope, List.copyOf(variables.values())));
    return new Image(image);
  }

  @Override
  public void restore(Image image, SnapshotContext context) {
    image.byScope().forEach((scope, variables) -> variables.forEach(variable -> put(scope, variable)));
  }

  void put(long scopeKey, Variable variable) {
    byScope.computeIfAbsent(scopeKey, k -> new LinkedHashMap<>()).put(variable.name(), variable);
  }

  void removeScope(long scopeKey) {
    byScope.remove(scopeKey);
  }
}
