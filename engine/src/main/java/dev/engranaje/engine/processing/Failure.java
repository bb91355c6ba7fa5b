package dev.engranaje.engine.processing;

/** An expected failure while processing an element; it becomes an incident. */
public record Failure(ErrorType errorType, String message) {}
