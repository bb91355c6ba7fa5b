package dev.engranaje.workers.finance.pain002;

/** A file that is not a readable pain.002; the message names the file and the position. */
public final class Pain002Exception extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** An exception with an "Expected …, but …" message. */
  public Pain002Exception(String message) {
    super(message);
  }
}
