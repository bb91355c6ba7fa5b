package dev.engranaje.engine.state;

import java.util.Comparator;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Live element instances and their parent/child links. */
public final class ElementInstanceState implements SnapshotPart<ElementInstanceState.Image> {
  /** Live element instances, parents before children (keys grow with activation). */
  public record Image(List<ElementInstance.Image> instances) {}

  private final Map<Long, ElementInstance> byKey = new HashMap<>();
  private final Map<Long, Set<Long>> childrenByScope = new HashMap<>();

  public ElementInstance get(long key) {
    return byKey.get(key);
  }

  /** Live children of a scope, in activation order. */
  public List<ElementInstance> children(long scopeKey) {
    Set<Long> keys = childrenByScope.get(scopeKey);
    if (keys == null) {
      return List.of();
    }
    List<ElementInstance> children = new ArrayList<>(keys.size());
    for (long key : keys) {
      children.add(byKey.get(key));
    }
    return children;
  }

  public Collection<ElementInstance> all() {
    return byKey.values();
  }

  public int size() {
    return byKey.size();
  }

  @Override
  public String snapshotName() {
    return "elementInstances";
  }

  @Override
  public Class<Image> imageType() {
    return Image.class;
  }

  @Override
  public Image capture(long finishedSince) {
    return new Image(byKey.values().stream().sorted(Comparator.comparingLong(ElementInstance::key))
        .map(ElementInstance::image).toList());
  }

  @Override
  public void restore(Image image, SnapshotContext context) {
    image.instances().forEach(instance -> add(ElementInstance.of(instance)));
  }

  void add(ElementInstance instance) {
    byKey.put(instance.key(), instance);
    if (instance.flowScopeKey() > 0) {
      childrenByScope.computeIfAbsent(instance.flowScopeKey(), k -> new LinkedHashSet<>()).add(instance.key());
    }
  }

  ElementInstance remove(long key) {
    ElementInstance instance = byKey.remove(key);
    if (instance != null && instance.flowScopeKey() > 0) {
      Set<Long> siblings = childrenByScope.get(instance.flowScopeKey());
      if (siblings != null) {
        siblings.remove(key);
        if (siblings.isEmpty()) {
          childrenByScope.remove(instance.flowScopeKey());
        }
      }
    }
    childrenByScope.remove(key);
    return instance;
  }
}
