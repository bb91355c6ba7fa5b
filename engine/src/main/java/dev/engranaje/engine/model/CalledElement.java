package dev.engranaje.engine.model;

import dev.engranaje.engine.expression.Expression;

/**
 * The {@code zeebe:calledElement} of a call activity (spec §8): the process id to call (static or
 * FEEL), always resolved to the latest deployed version, and whether variables are copied into the
 * child ({@code propagateAllParentVariables}, default true) and back out of it
 * ({@code propagateAllChildVariables}, default true).
 */
public record CalledElement(
    Expression processId, boolean propagateAllParentVariables, boolean propagateAllChildVariables) {}
