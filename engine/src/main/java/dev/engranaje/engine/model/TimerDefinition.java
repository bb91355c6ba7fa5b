package dev.engranaje.engine.model;

import dev.engranaje.engine.expression.Expression;

/** A timer event definition: which kind, and its (static or FEEL) expression. */
public record TimerDefinition(TimerKind kind, Expression expression) {}
