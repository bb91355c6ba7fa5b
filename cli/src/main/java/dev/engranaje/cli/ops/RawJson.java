package dev.engranaje.cli.ops;

/**
 * A value that is already JSON text (a variable's value as the engine stores it): written as JSON,
 * not as a string, by {@code --json}, and shown as the text in tables.
 */
record RawJson(String json) {
  @Override
  public String toString() {
    return json;
  }
}
