package dev.engranaje.engine.processing;

/** Work run on the processor thread against {@link Processing}; it answers through the reply. */
@FunctionalInterface
public interface Command<T> {
  void execute(Processing processing, Reply<T> reply);
}
