package dev.engranaje.engine.processing;

import java.util.function.Consumer;

/**
 * An answer waiting for its batch to be committed: {@code release} delivers it; {@code fail} is used
 * instead when the batch could not be stored, so no client is told something that was not kept.
 */
record PendingAnswer(Runnable release, Consumer<Throwable> fail) {}
