package dev.engranaje.cli;

/** A mistake the user can fix (missing file, bad variable syntax); printed without a stack trace. */
final class UserError extends RuntimeException {
  private final int exitCode;

  UserError(String message) {
    this(message, 1);
  }

  UserError(String message, int exitCode) {
    super(message, null, false, false);
    this.exitCode = exitCode;
  }

  int exitCode() {
    return exitCode;
  }
}
