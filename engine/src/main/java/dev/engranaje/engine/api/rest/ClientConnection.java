package dev.engranaje.engine.api.rest;

/** The connection a request came on, as a route handler sees it. */
interface ClientConnection {

  /** A connection that never reports anything (for requests not made over HTTP). */
  ClientConnection NONE = action -> {};

  /**
   * Runs {@code action} once if the client goes away (closes the connection, or it fails) before
   * the answer is written; a handler uses it to release what it holds for the client, such as a
   * parked long poll. Runs on a server thread; must be quick.
   */
  void onGone(Runnable action);
}
