package dev.engranaje.engine.record;

/** The lifecycle of a batch operation and of each of its items. */
public enum BatchOperationIntent implements Intent {
  CREATED,
  ITEM_COMPLETED,
  ITEM_FAILED,
  SUSPENDED,
  RESUMED,
  CANCELED,
  COMPLETED
}
