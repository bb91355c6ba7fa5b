package dev.engranaje.engine.processing.bpmn;

import dev.engranaje.engine.model.ExecutableElement;
import dev.engranaje.engine.processing.Outcome;
import dev.engranaje.engine.state.ElementInstance;
import java.util.Map;

/**
 * The behaviour of one BPMN element kind across its lifecycle. Hooks run on the processor thread;
 * expected failures are returned as {@link Outcome}s and become incidents.
 */
public interface ElementProcessor {

  /**
   * Runs after ELEMENT_ACTIVATING, and again when an incident raised here is resolved. Must either
   * raise an incident (the element stays ACTIVATING) or move the element on.
   */
  void onActivate(ElementInstance instance, ExecutableElement element);

  /**
   * Runs after ELEMENT_COMPLETING with the payload that completed the element (job variables;
   * empty otherwise), and again without payload when an incident raised here is resolved.
   */
  default Outcome<Void> onComplete(ElementInstance instance, ExecutableElement element, Map<String, String> payload) {
    return Outcome.ok(null);
  }

  /**
   * Runs for a scope when one of its children is completing: after the child's completion hook,
   * before its ELEMENT_COMPLETED. The returned work runs once the child has completed and taken its
   * flows; a failure raises an incident on the child, which stays COMPLETING.
   */
  default Outcome<Runnable> onChildCompleting(ElementInstance scope, ExecutableElement scopeElement,
      ElementInstance child) {
    return Outcome.ok(() -> {});
  }

  /** Runs after ELEMENT_TERMINATING, before the element's children are terminated. */
  default void onTerminate(ElementInstance instance, ExecutableElement element) {}
}
