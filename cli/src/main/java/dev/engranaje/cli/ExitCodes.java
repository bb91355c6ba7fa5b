package dev.engranaje.cli;

/**
 * The exit codes every {@code rpa} command uses (the README and docs/operations/cli.md list them):
 * a mistake in what was typed is never reported as the engine's refusal.
 */
public final class ExitCodes {
  /** Done. */
  public static final int OK = 0;
  /** Bad arguments or options, a missing file, a failed check, or an answer "no" to a confirmation. */
  public static final int USAGE = 1;
  /** The engine refused the request, or does not offer what was asked; the message says why. */
  public static final int REFUSED = 2;
  /** The engine could not be reached. */
  public static final int UNREACHABLE = 3;
  /** {@code rpa run --wait}: the instance was still running when the timeout passed (it keeps running). */
  public static final int TIMED_OUT = 5;

  private ExitCodes() {}
}
