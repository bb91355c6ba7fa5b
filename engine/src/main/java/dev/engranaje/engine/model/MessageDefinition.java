package dev.engranaje.engine.model;

import dev.engranaje.engine.expression.Expression;

/**
 * The message a catch event, receive task or boundary event waits for: its name and its
 * correlation key ({@code zeebe:subscription}), each static or FEEL, evaluated once on activation.
 */
public record MessageDefinition(String messageId, Expression name, Expression correlationKey) {}
