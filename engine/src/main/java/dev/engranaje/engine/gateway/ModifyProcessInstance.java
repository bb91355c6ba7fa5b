package dev.engranaje.engine.gateway;

import java.util.List;

/**
 * A process instance modification (Zeebe's ProcessInstanceModification): element activations,
 * moves and terminations on one running instance, applied together or not at all. Activations and
 * moves' activations run first, then terminations, as in Zeebe.
 *
 * @param activations elements to activate, never null
 * @param terminations element instances (or all instances of an element) to terminate, never null
 * @param moves element instances to move to another element, never null
 */
public record ModifyProcessInstance(long processInstanceKey, List<Activation> activations,
    List<Termination> terminations, List<Move> moves) {

  public ModifyProcessInstance {
    activations = List.copyOf(activations);
    terminations = List.copyOf(terminations);
    moves = List.copyOf(moves);
  }

  /**
   * Activates an element.
   *
   * @param ancestorElementInstanceKey the live instance of one of the element's flow scopes to
   *     activate it in, or -1 to let the engine pick the only one (or create the flow scopes)
   */
  public record Activation(String elementId, long ancestorElementInstanceKey, List<VariableInstruction> variables) {
    public Activation {
      variables = List.copyOf(variables);
    }
  }

  /** Terminates one element instance (key) or every live instance of an element (id); one of them is set. */
  public record Termination(Long elementInstanceKey, String elementId) {}

  /**
   * Moves element instances: each source instance is terminated and the target activated.
   *
   * @param sourceElementInstanceKey the one instance to move, or null to move every live instance of
   *     {@code sourceElementId}
   * @param ancestor where the target is activated
   */
  public record Move(String sourceElementId, Long sourceElementInstanceKey, String targetElementId,
      AncestorSelection ancestor, List<VariableInstruction> variables) {
    public Move {
      variables = List.copyOf(variables);
    }
  }

  /** How a move picks the flow scope instance of its target. */
  public record AncestorSelection(Kind kind, long ancestorElementInstanceKey) {
    public enum Kind {
      /** The given ancestor element instance key. */
      DIRECT,
      /** The nearest ancestor of the source instance that is a flow scope of the target. */
      INFERRED,
      /** The source instance's own flow scope instance. */
      SOURCE_PARENT,
      /** As an activation without ancestor: the only instance of the target's flow scope. */
      NONE
    }

    public static AncestorSelection none() {
      return new AncestorSelection(Kind.NONE, -1);
    }
  }

  /**
   * Variables to create with an activation.
   *
   * @param scopeId the element (the activated one or one of its flow scopes) whose instance gets
   *     them as local variables; null or empty means the process instance (global scope)
   * @param variablesJson a JSON object
   */
  public record VariableInstruction(String scopeId, String variablesJson) {}
}
