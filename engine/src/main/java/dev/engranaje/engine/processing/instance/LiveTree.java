package dev.engranaje.engine.processing.instance;

import dev.engranaje.engine.state.ElementInstance;
import dev.engranaje.engine.state.EngineState;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/** The live element instances of one process instance, walked from its root (not thread-safe: processor only). */
final class LiveTree {
  private final EngineState state;

  LiveTree(EngineState state) {
    this.state = state;
  }

  /** The root and every live descendant in the same process instance, parents before children. */
  List<ElementInstance> all(ElementInstance root) {
    List<ElementInstance> result = new ArrayList<>();
    ArrayDeque<ElementInstance> pending = new ArrayDeque<>();
    pending.add(root);
    while (!pending.isEmpty()) {
      ElementInstance next = pending.poll();
      result.add(next);
      pending.addAll(state.elementInstances().children(next.key()));
    }
    return result;
  }

  /** The live instances of one element (by id, any record type but sequence flows) in the process instance. */
  List<ElementInstance> ofElement(ElementInstance root, String elementId) {
    return all(root).stream().filter(instance -> instance != root && instance.elementId().equals(elementId)).toList();
  }
}
