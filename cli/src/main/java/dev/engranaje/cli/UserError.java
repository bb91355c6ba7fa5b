package dev.engranaje.cli;

/** A mistake the user can fix (missing file, bad variable syntax); printed without a stack trace. */
public final class UserError extends RuntimeException {
  private final int exitCode;

  /** A mistake with exit code {@link ExitCodes#USAGE}. */
  public UserError(String message) {
    this(message, ExitCodes.USAGE);
  }

  /** A failure explained by {@code message}, exiting with {@code exitCode} (see {@link ExitCodes}). */
  public UserError(String message, int exitCode) {
    super(message, null, false, false);
    this.exitCode = exitCode;
  }

  int exitCode() {
    return exitCode;
  }
}
